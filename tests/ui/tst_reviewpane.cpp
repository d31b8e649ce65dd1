// The review pane (issue 15) over a real git repository and worktrees the test makes: the changed files are
// listed with their status and counts, the diff is coloured and folds per file, a merge that would conflict
// is refused with the files named and offers a rebase, discarding asks first and names what would be lost,
// follow-up and the terminal reach the controller and the system, every controller call runs off the GUI
// thread while the window stays responsive, and leftover worktrees go only when ticked (unmerged work only
// after a second confirmation). Set SWITCHBOARD_REVIEW_SHOT=<file.png> to keep a picture of the pane.
#include "MainWindow.h"
#include "board/AgentFilterProxyModel.h"
#include "config/ConfigLoader.h"
#include "orchestration/Orchestrator.h"
#include "review/DiffHighlighter.h"
#include "review/DiffView.h"
#include "review/FollowUpDialog.h"
#include "review/LeftoverWorktreesDialog.h"
#include "review/ReviewHub.h"
#include "review/ReviewPane.h"
#include "review/ReviewWindow.h"
#include "style/AgentStateStyle.h"
#include "support/GitReviewController.h"
#include "support/TestSupport.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QTimer>
#include <QTreeWidget>
#include <QUrl>

using namespace switchboard;
using namespace switchboard::test;
using namespace Qt::StringLiterals;

namespace {

QString gitOk(const QString &dir, const QStringList &args)
{
    bool ok = false;
    const QString out = GitReviewController::git(dir, args, &ok);
    if (!ok)
        qWarning("git %s failed in %s", qPrintable(args.join(u' ')), qPrintable(dir));
    return out;
}

void writeText(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
}

// The formats the highlighter gave the first block whose text starts with prefix.
QList<QTextLayout::FormatRange> formatsOfLine(const DiffView *view, const QString &prefix, QTextBlock *found = nullptr)
{
    for (QTextBlock b = view->document()->firstBlock(); b.isValid(); b = b.next()) {
        if (b.text().startsWith(prefix)) {
            if (found)
                *found = b;
            return b.layout()->formats();
        }
    }
    return {};
}

QPushButton *button(QWidget *parent, const QString &name)
{
    return child<QPushButton>(parent, name);
}

} // namespace

// Receives file:// URLs instead of the desktop's file manager.
class UrlCatcher final : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;

public Q_SLOTS:
    void open(const QUrl &url) { urls << url; }
};

class TestReviewPane final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_repo;
    int m_goals = 0;

    // A goal's worktree on a new branch from main, with the changes a coding agent would leave: a commit
    // changing a.txt and adding c.txt and a binary file, then (uncommitted) b.txt deleted and u.txt untracked.
    GitReviewController::GoalEntry makeGoal(const QString &title, bool withChanges = true)
    {
        const QString id = u"g%1"_s.arg(++m_goals);
        WorktreeRecord wt;
        wt.goalId = id;
        wt.runId = u"r1"_s;
        wt.repo = m_repo;
        wt.path = m_dir.filePath(u"worktrees/"_s + id);
        wt.branch = u"switchboard/"_s + id;
        wt.baseBranch = u"main"_s;
        wt.baseCommit = gitOk(m_repo, {u"rev-parse"_s, u"main"_s}).trimmed();
        wt.createdAt = QDateTime::currentDateTimeUtc();
        gitOk(m_repo, {u"worktree"_s, u"add"_s, u"-b"_s, wt.branch, wt.path, u"main"_s});
        if (withChanges) {
            // The goal's id in each change: main may hold an earlier goal's merged work.
            writeText(wt.path + u"/a.txt"_s, "alpha\nline two changed by the agent " + id.toUtf8() + "\nthree\n");
            writeText(wt.path + u"/c.txt"_s, "a new file " + id.toUtf8() + "\n-- starts with two dashes\n");
            writeText(wt.path + u"/logo.bin"_s, QByteArray("\x00\x01\x02\xff", 4) + id.toUtf8());
            gitOk(wt.path, {u"add"_s, u"-A"_s});
            gitOk(wt.path, {u"commit"_s, u"-q"_s, u"-m"_s, u"agent work"_s});
            QFile::remove(wt.path + u"/b.txt"_s);
            writeText(wt.path + u"/u.txt"_s, "untracked note\n");
        }
        GitReviewController::GoalEntry entry;
        entry.worktree = wt;
        entry.title = title;
        entry.summary = u"Changed line two, added c.txt."_s;
        entry.turns = 7;
        entry.inputTokens = 12000;
        entry.outputTokens = 3400;
        entry.costUsd = 0.42;
        return entry;
    }

    // A pane showing the goal, read and shown.
    std::unique_ptr<ReviewPane> showPane(GitReviewController *controller, const QString &goalId)
    {
        auto pane = std::make_unique<ReviewPane>();
        pane->resize(1100, 720);
        pane->setController(controller);
        QSignalSpy loaded(pane.get(), &ReviewPane::loaded);
        pane->setGoal(goalId);
        pane->show();
        if (!loaded.wait(30000))
            qWarning("the review did not load");
        return pane;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_repo = m_dir.filePath(u"repo"_s);
        QVERIFY(QDir().mkpath(m_repo));
        gitOk(m_repo, {u"init"_s, u"-q"_s, u"-b"_s, u"main"_s});
        gitOk(m_repo, {u"config"_s, u"user.name"_s, u"Test"_s});
        gitOk(m_repo, {u"config"_s, u"user.email"_s, u"test@example.com"_s});
        gitOk(m_repo, {u"config"_s, u"commit.gpgsign"_s, u"false"_s});
        writeText(m_repo + u"/a.txt"_s, "alpha\nline two\nthree\n");
        writeText(m_repo + u"/b.txt"_s, "to be deleted\n");
        gitOk(m_repo, {u"add"_s, u"-A"_s});
        gitOk(m_repo, {u"commit"_s, u"-q"_s, u"-m"_s, u"base"_s});
    }

    void filesListedAndDiffColoured()
    {
        GitReviewController controller;
        GitReviewController::GoalEntry goal = makeGoal(u"Teach the parser line two"_s);
        goal.overlaps = {ReviewOverlap{u"g99"_s, u"Other refactor"_s, u"running"_s, {u"a.txt"_s}}};
        controller.addGoal(goal);
        const auto pane = showPane(&controller, goal.worktree.goalId);
        QVERIFY(pane->info().has_value());

        // Each changed file with git's letter and its counts; the binary one says so.
        QTreeWidget *files = pane->fileList();
        QHash<QString, QTreeWidgetItem *> rows;
        for (int i = 0; i < files->topLevelItemCount(); ++i)
            rows.insert(files->topLevelItem(i)->text(2), files->topLevelItem(i));
        QCOMPARE(rows.size(), 5);
        QCOMPARE(rows.value(u"a.txt"_s)->text(1), u"M"_s);
        QCOMPARE(rows.value(u"a.txt"_s)->text(3), u"+1"_s);
        QCOMPARE(rows.value(u"a.txt"_s)->text(4), u"−1"_s);
        QCOMPARE(rows.value(u"b.txt"_s)->text(1), u"D"_s);
        QCOMPARE(rows.value(u"c.txt"_s)->text(1), u"A"_s);
        QCOMPARE(rows.value(u"logo.bin"_s)->text(3), u"binary"_s);
        QCOMPARE(rows.value(u"u.txt"_s)->text(1), u"?"_s);

        // The facts: summary, turns, tokens, cost, commits ahead, uncommitted, the overlap up front.
        QCOMPARE(child<QLabel>(pane.get(), u"reviewSummary"_s)->text(), goal.summary);
        const QString usage = child<QLabel>(pane.get(), u"reviewUsage"_s)->text();
        QVERIFY2(usage.startsWith(u"7 turn"_s) && usage.contains(u"$0.42"_s), qPrintable(usage));
        const QString commits = child<QLabel>(pane.get(), u"reviewCommits"_s)->text();
        QVERIFY2(commits.startsWith(u"1 commit"_s) && commits.contains(u"ahead of main"_s) &&
                     commits.contains(u"uncommitted"_s),
                 qPrintable(commits));
        QVERIFY(child<QWidget>(pane.get(), u"reviewOverlapBanner"_s)->isVisible());
        const QString overlaps = child<QLabel>(pane.get(), u"reviewOverlaps"_s)->text();
        QVERIFY2(overlaps.contains(u"Other refactor"_s) && overlaps.contains(u"a.txt"_s), qPrintable(overlaps));
        // Once laid out, the whole warning shows (not just its first line).
        QLabel *overlapLabel = child<QLabel>(pane.get(), u"reviewOverlaps"_s);
        QTRY_VERIFY(overlapLabel->height() >= overlapLabel->heightForWidth(overlapLabel->width()));

        // Added lines green, removed red, hunk headers and file headers in their own formats; a "--" line
        // inside a hunk is an added line, not a file header.
        DiffView *diff = pane->diffView();
        const DiffHighlighter *h = diff->highlighter();
        const auto hasForeground = [](const QList<QTextLayout::FormatRange> &ranges, const QTextCharFormat &f) {
            for (const QTextLayout::FormatRange &r : ranges) {
                if (r.format.foreground() == f.foreground() && r.format.background() == f.background())
                    return true;
            }
            return false;
        };
        const QTextCharFormat added = h->format(DiffHighlighter::LineKind::Added);
        const QTextCharFormat removed = h->format(DiffHighlighter::LineKind::Removed);
        QVERIFY(added.foreground().color().green() > added.foreground().color().red());
        QVERIFY(removed.foreground().color().red() > removed.foreground().color().green());
        QVERIFY(hasForeground(formatsOfLine(diff, u"+line two changed by the agent"_s), added));
        QVERIFY(hasForeground(formatsOfLine(diff, u"-line two"_s), removed));
        QVERIFY(hasForeground(formatsOfLine(diff, u"+-- starts with two dashes"_s), added));
        QVERIFY(hasForeground(formatsOfLine(diff, u"@@"_s), h->format(DiffHighlighter::LineKind::HunkHeader)));
        QVERIFY(hasForeground(formatsOfLine(diff, u"diff --git"_s), h->format(DiffHighlighter::LineKind::FileHeader)));
        QVERIFY(formatsOfLine(diff, u" alpha"_s).isEmpty()); // context stays plain
        QCOMPARE(diff->font().styleHint(), QFontDatabase::systemFont(QFontDatabase::FixedFont).styleHint());

        // Unticking a file folds it to its header line; a click on another jumps there.
        QVERIFY(diff->files().contains(u"a.txt"_s));
        const int header = diff->fileHeaderBlock(u"a.txt"_s);
        rows.value(u"a.txt"_s)->setCheckState(0, Qt::Unchecked);
        QVERIFY(diff->isFileCollapsed(u"a.txt"_s));
        QVERIFY(diff->document()->findBlockByNumber(header).isVisible());
        QVERIFY(!diff->document()->findBlockByNumber(header + 1).isVisible());
        child<QPushButton>(pane.get(), u"reviewExpandAll"_s)->click();
        QVERIFY(diff->document()->findBlockByNumber(header + 1).isVisible());
        QCOMPARE(rows.value(u"a.txt"_s)->checkState(0), Qt::Checked);
        diff->setFileCollapsed(u"c.txt"_s, true);
        QCOMPARE(rows.value(u"c.txt"_s)->checkState(0), Qt::Unchecked);
        const QRect uRow = files->visualItemRect(rows.value(u"u.txt"_s));
        QTest::mouseClick(files->viewport(), Qt::LeftButton, {},
                          QPoint(files->header()->sectionPosition(2) + 10, uRow.center().y()));
        QCOMPARE(diff->textCursor().block().blockNumber(), diff->fileHeaderBlock(u"u.txt"_s));

        if (const QByteArray shot = qgetenv("SWITCHBOARD_REVIEW_SHOT"); !shot.isEmpty()) {
            diff->scrollToFile(u"a.txt"_s);
            QVERIFY(pane->grab().save(QString::fromLocal8Bit(shot)));
        }
        QVERIFY(!controller.calledOnGuiThread());
    }

    void mergeRefusedWithConflictsOffersRebase()
    {
        GitReviewController controller;
        const GitReviewController::GoalEntry goal = makeGoal(u"Conflicting change"_s);
        controller.addGoal(goal);
        // Someone else changed the same line on main meanwhile.
        writeText(m_repo + u"/a.txt"_s, "alpha\nline two changed on main\nthree\n");
        gitOk(m_repo, {u"commit"_s, u"-q"_s, u"-am"_s, u"main moves on"_s});
        const QString mainBefore = gitOk(m_repo, {u"rev-parse"_s, u"main"_s}).trimmed();

        const auto pane = showPane(&controller, goal.worktree.goalId);
        QSignalSpy finished(pane.get(), &ReviewPane::callFinished);
        button(pane.get(), u"reviewMerge"_s)->click();
        QVERIFY(finished.wait(30000));
        const QString message = pane->messageText();
        QVERIFY2(message.startsWith(u"Not merged"_s) && message.contains(u"a.txt"_s), qPrintable(message));
        QCOMPARE(gitOk(m_repo, {u"rev-parse"_s, u"main"_s}).trimmed(), mainBefore); // nothing merged
        QPushButton *retry = button(pane.get(), u"reviewRebaseAndMerge"_s);
        QVERIFY(retry->isVisible());
        // The rebase conflicts too (same line): it is refused and aborted, the files named again.
        retry->click();
        QTRY_VERIFY_WITH_TIMEOUT(controller.calls().contains(u"rebase "_s + goal.worktree.goalId), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(pane->messageText().startsWith(u"Not rebased"_s), 30000);
        QVERIFY(pane->messageText().contains(u"a.txt"_s));
        QVERIFY(!controller.calledOnGuiThread());
    }

    void mergeSucceedsAndResolvesTheGoal()
    {
        GitReviewController controller;
        GitReviewController::GoalEntry goal = makeGoal(u"Add the readme"_s, false);
        writeText(goal.worktree.path + u"/README"_s, "hello\n");
        gitOk(goal.worktree.path, {u"add"_s, u"README"_s});
        gitOk(goal.worktree.path, {u"commit"_s, u"-q"_s, u"-m"_s, u"readme"_s});
        controller.addGoal(goal);
        const auto pane = showPane(&controller, goal.worktree.goalId);
        QSignalSpy resolved(pane.get(), &ReviewPane::goalResolved);
        button(pane.get(), u"reviewMerge"_s)->click();
        QVERIFY(resolved.wait(30000));
        QCOMPARE(resolved.at(0).at(0).toString(), goal.worktree.goalId);
        QVERIFY(gitOk(m_repo, {u"log"_s, u"-1"_s, u"--format=%s"_s, u"main"_s}).contains(u"Add the readme"_s));
        QVERIFY(!button(pane.get(), u"reviewMerge"_s)->isEnabled()); // done: nothing more to merge
        QVERIFY(pane->messageText().contains(u"merged"_s));
    }

    void discardConfirmationNamesTheLoss()
    {
        GitReviewController controller;
        const GitReviewController::GoalEntry goal = makeGoal(u"Throwaway experiment"_s);
        controller.addGoal(goal);
        const auto pane = showPane(&controller, goal.worktree.goalId);
        button(pane.get(), u"reviewDiscard"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(pane->findChild<QMessageBox *>(u"discardConfirm"_s), 30000);
        auto *box = pane->findChild<QMessageBox *>(u"discardConfirm"_s);
        QTRY_VERIFY(box->isVisible());
        // What is lost: the commit on the branch and the uncommitted files, by name.
        QVERIFY2(box->text().contains(u"1 commit(s) on switchboard/"_s) && box->text().contains(u"u.txt"_s) &&
                     box->text().contains(u"b.txt"_s),
                 qPrintable(box->text()));
        QCOMPARE(controller.calls().filter(u"discard"_s), QStringList{u"discard "_s + goal.worktree.goalId});
        QVERIFY(QFileInfo(goal.worktree.path).isDir()); // nothing gone before the confirmation

        QSignalSpy resolved(pane.get(), &ReviewPane::goalResolved);
        button(box, u"discardConfirmButton"_s)->click();
        QVERIFY(resolved.wait(30000));
        QVERIFY(controller.calls().contains(u"discard "_s + goal.worktree.goalId + u" force"_s));
        QVERIFY(!QFileInfo(goal.worktree.path).exists());
    }

    void discardCancelledKeepsEverything()
    {
        GitReviewController controller;
        const GitReviewController::GoalEntry goal = makeGoal(u"Keep me"_s);
        controller.addGoal(goal);
        const auto pane = showPane(&controller, goal.worktree.goalId);
        button(pane.get(), u"reviewDiscard"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(pane->findChild<QMessageBox *>(u"discardConfirm"_s), 30000);
        auto *box = pane->findChild<QMessageBox *>(u"discardConfirm"_s);
        box->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!pane->findChild<QMessageBox *>(u"discardConfirm"_s));
        QVERIFY(!controller.calls().contains(u"discard "_s + goal.worktree.goalId + u" force"_s));
        QVERIFY(QFileInfo(goal.worktree.path).isDir());
    }

    void followUpSendsTheInstructions()
    {
        GitReviewController controller;
        const GitReviewController::GoalEntry goal = makeGoal(u"Needs more"_s);
        controller.addGoal(goal);
        const auto pane = showPane(&controller, goal.worktree.goalId);
        button(pane.get(), u"reviewFollowUp"_s)->click();
        auto *dialog = pane->findChild<FollowUpDialog *>(u"followUpDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled()); // nothing asked yet
        QTest::keyClicks(child<QPlainTextEdit>(dialog, u"followUpInstructions"_s), u"also handle empty input"_s);
        QSignalSpy started(pane.get(), &ReviewPane::followUpStarted);
        buttons->button(QDialogButtonBox::Ok)->click();
        QVERIFY(started.wait(30000));
        QCOMPARE(started.at(0).at(1).toString(), goal.worktree.goalId + u"-f1"_s);
        QVERIFY(controller.calls().contains(u"followUp "_s + goal.worktree.goalId + u": also handle empty input"_s));
        QVERIFY(pane->messageText().contains(goal.worktree.goalId + u"-f1"_s));
    }

    void callsRunOffTheGuiThreadWithABusyBar()
    {
        GitReviewController controller;
        const GitReviewController::GoalEntry goal = makeGoal(u"Slow git"_s);
        controller.addGoal(goal);
        const auto pane = showPane(&controller, goal.worktree.goalId);
        controller.hold();
        button(pane.get(), u"reviewRebase"_s)->click();
        // The call waits on its worker thread; the GUI thread goes on (QTRY spins its event loop meanwhile).
        QTRY_COMPARE(controller.waiting(), 1);
        QVERIFY(pane->isBusy());
        QVERIFY(child<QProgressBar>(pane.get(), u"reviewBusy"_s)->isVisible());
        QVERIFY(!button(pane.get(), u"reviewMerge"_s)->isEnabled());
        QVERIFY(!button(pane.get(), u"reviewDiscard"_s)->isEnabled());
        bool timerFired = false;
        QTimer::singleShot(0, pane.get(), [&timerFired] { timerFired = true; });
        QTRY_VERIFY(timerFired);
        controller.release();
        QTRY_VERIFY_WITH_TIMEOUT(!pane->isBusy(), 30000);
        QVERIFY(!child<QProgressBar>(pane.get(), u"reviewBusy"_s)->isVisible());
        QVERIFY(button(pane.get(), u"reviewMerge"_s)->isEnabled());
        QVERIFY(!controller.calledOnGuiThread());
    }

    void closingWhileACallWaitsForTheGuiThread()
    {
        // The real controller asks the orchestrator's (GUI) thread for the goal's state: a pane that simply
        // waited for its calls when it goes would wait for a call that waits for it, and the app would hang.
        GitReviewController controller;
        controller.setAsksGuiThread(true);
        const GitReviewController::GoalEntry goal = makeGoal(u"Closing"_s);
        controller.addGoal(goal);
        auto pane = showPane(&controller, goal.worktree.goalId);
        QTRY_VERIFY_WITH_TIMEOUT(!pane->isBusy(), 30000);
        controller.hold();
        button(pane.get(), u"reviewRebase"_s)->click();
        QTRY_COMPARE(controller.waiting(), 1);
        // Released only once the pane is being destroyed; then the call needs this thread to finish.
        QTimer::singleShot(50, qApp, [&controller] { controller.release(); });
        pane.reset();
        QCOMPARE(controller.waiting(), 0);
        QVERIFY(controller.calls().contains(u"rebase "_s + goal.worktree.goalId));
    }

    void openTerminalAndFolder()
    {
        GitReviewController controller;
        const GitReviewController::GoalEntry goal = makeGoal(u"Look around"_s);
        controller.addGoal(goal);
        const auto pane = showPane(&controller, goal.worktree.goalId);

        // A terminal that writes where it was started.
        QTemporaryDir bin;
        const QString marker = bin.filePath(u"cwd.txt"_s);
        const QString terminal = writeScript(bin.path(), u"fake-terminal"_s, u"#!/bin/sh\npwd > '%1'\n"_s.arg(marker));
        qputenv("TERMINAL", terminal.toLocal8Bit());
        button(pane.get(), u"reviewOpenTerminal"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(marker).size() > 0, 30000);
        QFile cwd(marker);
        QVERIFY(cwd.open(QIODevice::ReadOnly));
        QCOMPARE(QFileInfo(QString::fromLocal8Bit(cwd.readAll().trimmed())).canonicalFilePath(),
                 QFileInfo(goal.worktree.path).canonicalFilePath());
        QVERIFY(pane->messageText().isEmpty());

        // None: said plainly.
        qputenv("TERMINAL", bin.filePath(u"no-such-terminal"_s).toLocal8Bit());
        button(pane.get(), u"reviewOpenTerminal"_s)->click();
        QVERIFY2(pane->messageText().contains(u"No terminal found"_s), qPrintable(pane->messageText()));
        qunsetenv("TERMINAL");

        UrlCatcher catcher;
        QDesktopServices::setUrlHandler(u"file"_s, &catcher, "open");
        button(pane.get(), u"reviewOpenFolder"_s)->click();
        QDesktopServices::unsetUrlHandler(u"file"_s);
        QCOMPARE(catcher.urls, QList<QUrl>{QUrl::fromLocalFile(goal.worktree.path)});
    }

    void leftoversRemovedOnlyWhenTickedUnmergedAfterConfirmation()
    {
        GitReviewController controller;
        GitReviewController::GoalEntry clean = makeGoal(u"gone goal, nothing done"_s, false);
        GitReviewController::GoalEntry unmerged = makeGoal(u"gone goal with work"_s);
        controller.setLeftovers({clean.worktree, unmerged.worktree});

        LeftoverWorktreesDialog dialog(&controller);
        QSignalSpy loaded(&dialog, &LeftoverWorktreesDialog::loaded);
        dialog.load();
        dialog.show();
        QVERIFY(loaded.wait(30000));
        QTreeWidget *list = dialog.list();
        QCOMPARE(list->topLevelItemCount(), 2);
        // Nothing is ticked for the person, so nothing can go by accident.
        QCOMPARE(list->topLevelItem(0)->checkState(0), Qt::Unchecked);
        QVERIFY(!dialog.removeButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(list->topLevelItem(1)->text(3) != u"measuring…"_s, 30000);
        QVERIFY(list->topLevelItem(1)->text(3).contains(u"bytes"_s) ||
                list->topLevelItem(1)->text(3).contains(u"KB"_s) || list->topLevelItem(1)->text(3).contains(u"KiB"_s));

        list->topLevelItem(0)->setCheckState(0, Qt::Checked);
        list->topLevelItem(1)->setCheckState(0, Qt::Checked);
        QVERIFY(dialog.removeButton()->isEnabled());
        QSignalSpy removal(&dialog, &LeftoverWorktreesDialog::removalFinished);
        dialog.removeButton()->click();
        QVERIFY(removal.wait(30000));
        QVERIFY(!QFileInfo(clean.worktree.path).exists());
        QVERIFY(QFileInfo(unmerged.worktree.path).isDir()); // unmerged work stays until confirmed
        QCOMPARE(list->topLevelItemCount(), 1);
        QTRY_VERIFY(dialog.findChild<QMessageBox *>(u"leftoverForceConfirm"_s));
        auto *box = dialog.findChild<QMessageBox *>(u"leftoverForceConfirm"_s);
        QVERIFY2(box->text().contains(unmerged.worktree.path) && box->text().contains(unmerged.worktree.branch),
                 qPrintable(box->text()));
        button(box, u"leftoverForceButton"_s)->click();
        QVERIFY(removal.wait(30000));
        QVERIFY(!QFileInfo(unmerged.worktree.path).exists());
        QCOMPARE(list->topLevelItemCount(), 0);
        QVERIFY(controller.calls().contains(u"cleanUp 1 force"_s));
        QVERIFY(!controller.calledOnGuiThread());
    }

    void mainWindowWiringListsLeftoversAtStart()
    {
        GitReviewController controller;
        const GitReviewController::GoalEntry leftover = makeGoal(u"from a run long gone"_s);
        controller.setLeftovers({leftover.worktree});
        Orchestrator orchestrator;
        MainWindow window(&orchestrator, ConfigLoader::defaults());
        window.show();
        ReviewHub *hub = window.reviewHub();
        // Nothing to review without a controller: the actions stay off the toolbar and menu.
        QVERIFY(!hub->showReviewAction()->isVisible());
        QVERIFY(!hub->cleanUpWorktreesAction()->isVisible());

        window.setReviewController(&controller);
        QVERIFY(hub->showReviewAction()->isVisible());
        QVERIFY(hub->cleanUpWorktreesAction()->isVisible());
        // The leftover is listed for the person at once, unticked; nothing is removed.
        QTRY_VERIFY_WITH_TIMEOUT(hub->leftoversDialog() && hub->leftoversDialog()->isVisible(), 30000);
        QCOMPARE(hub->leftoversDialog()->list()->topLevelItemCount(), 1);
        QCOMPARE(hub->leftoversDialog()->list()->topLevelItem(0)->text(0), leftover.worktree.path);
        QCOMPARE(hub->leftoversDialog()->list()->topLevelItem(0)->checkState(0), Qt::Unchecked);
        QVERIFY(controller.calls().filter(u"cleanUp"_s).isEmpty());
        QVERIFY(QFileInfo(leftover.worktree.path).isDir());
        hub->leftoversDialog()->reject();

        // The Review window opens on a goal and reads it through the same controller, off the GUI thread.
        controller.addGoal(leftover);
        hub->showReview(leftover.worktree.goalId);
        QVERIFY(hub->reviewWindow()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(hub->reviewWindow()->pane()->info().has_value(), 30000);
        QCOMPARE(hub->reviewWindow()->pane()->info()->goalTitle, u"from a run long gone"_s);
        QVERIFY(!controller.calledOnGuiThread());
        hub->reviewWindow()->close();
    }

    void cardsSayNeedsInputAndFilterOffersReview()
    {
        QCOMPARE(AgentStateStyle::label(AgentState::Escalated), u"Needs input"_s);
        QCOMPARE(AgentStateStyle::label(AgentState::Review), u"Ready for review"_s);
        using F = AgentFilterProxyModel::StateFilter;
        QVERIFY(AgentFilterProxyModel::stateMatches(AgentState::Review, F::Review));
        QVERIFY(!AgentFilterProxyModel::stateMatches(AgentState::Running, F::Review));
        QVERIFY(!AgentFilterProxyModel::stateMatches(AgentState::Completed, F::Review));
    }

    void largeDiffLoadsAndFolds()
    {
        // 20,000 changed lines in 40 files: all of it shown, and a file near the end folds and jumps.
        QString diff;
        for (int f = 0; f < 40; ++f) {
            diff +=
                u"diff --git a/f%1.txt b/f%1.txt\nindex 1..2 100644\n--- a/f%1.txt\n+++ b/f%1.txt\n@@ -1,250 +1,250 @@\n"_s
                    .arg(f);
            for (int i = 0; i < 250; ++i)
                diff += u"-old %1\n+new %1\n"_s.arg(i);
        }
        DiffView view;
        view.resize(800, 600);
        view.setDiff(diff);
        view.show();
        QCOMPARE(view.files().size(), 40);
        QVERIFY(view.document()->blockCount() > 20000);
        view.setFileCollapsed(u"f38.txt"_s, true);
        const int header = view.fileHeaderBlock(u"f38.txt"_s);
        QVERIFY(!view.document()->findBlockByNumber(header + 10).isVisible());
        QVERIFY(view.document()->findBlockByNumber(view.fileHeaderBlock(u"f39.txt"_s) + 10).isVisible());
        view.scrollToFile(u"f39.txt"_s);
        QCOMPARE(view.textCursor().block().blockNumber(), view.fileHeaderBlock(u"f39.txt"_s));
        QVERIFY(view.verticalScrollBar()->value() > 0);
    }
};

QTEST_MAIN(TestReviewPane)
#include "tst_reviewpane.moc"
