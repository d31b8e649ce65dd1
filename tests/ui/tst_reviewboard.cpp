// A real goal in Review on the dashboard: a process agent writes a file in its own git worktree of a repository
// the test makes; its card, the detail pane and the Review window (with the orchestrator's own controller) show
// it, and merging it through the window completes the card and lands the file on the base branch.
#include "MainWindow.h"
#include "board/AgentBoardModel.h"
#include "board/AgentBoardView.h"
#include "board/AgentCardDelegate.h"
#include "board/AgentDetailPane.h"
#include "board/AgentFilterProxyModel.h"
#include "config/ConfigLoader.h"
#include "orchestration/Orchestrator.h"
#include "review/ReviewHub.h"
#include "review/ReviewPane.h"
#include "review/ReviewWindow.h"
#include "support/GitRepository.h"
#include "support/GoalBuilder.h"
#include "support/TemporaryStore.h"
#include "support/TestSupport.h"

#include <QAction>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {
constexpr int kWaitMs = 20000;

QModelIndex cardFor(MainWindow &window, const QString &agentId)
{
    window.boardModel()->flushPendingInserts();
    AgentFilterProxyModel *proxy = window.proxyModel();
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const QModelIndex index = proxy->index(row, 0);
        if (index.data(AgentBoardModel::AgentIdRole).toString() == agentId)
            return index;
    }
    return {};
}

QStringList listedFiles(const QTreeWidget *files)
{
    QStringList names;
    for (int row = 0; row < files->topLevelItemCount(); ++row) {
        for (int column = 0; column < files->columnCount(); ++column)
            names << files->topLevelItem(row)->text(column);
    }
    return names;
}
} // namespace

class TestReviewBoard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void goalInReviewOnTheBoardAndMerged()
    {
        QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/ui.ini"_s);
        test::GitRepository repo;
        QVERIFY(repo.isValid());
        QTemporaryDir scripts;
        QTemporaryDir data;
        test::TemporaryStore db;
        QVERIFY2(db.isOpen(), qPrintable(db.error()));
        // The agent: writes a file where it runs (its worktree) and reports what it did.
        const QString script = test::writeScript(
            scripts.path(), u"agent.sh"_s,
            u"printf 'hello from the agent\\n' > greeting.txt\n"
            "echo '{\"type\":\"progress\",\"progress\":50,\"step\":\"Writing greeting.txt\"}'\n"
            "echo '{\"type\":\"result\",\"summary\":\"Wrote greeting.txt with a friendly hello\"}'\n"_s);
        AgentProfile coder = test::processProfile(u"coder"_s, script);
        coder.isolation.mode = IsolationMode::Worktree;
        coder.isolation.repo = repo.path();

        Orchestrator o;
        o.setStore(&db.store());
        o.setDataDirectory(data.path());
        o.setWorkspace(repo.path());
        o.setEscalateExhaustedRetries(false);
        Config config = ConfigLoader::defaults();
        config.profiles = {coder};
        o.setProfiles(config.profiles);
        MainWindow window(&o, config);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.setReviewController(o.review());

        const QString agent =
            o.spawn(test::GoalBuilder(u"greet"_s).title(u"Add a greeting file"_s).profile(u"coder"_s));
        QVERIFY(!agent.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(o.status(agent)->state, AgentState::Review, kWaitMs);
        // The agent changed its worktree only: the repository's own checkout has no greeting yet.
        QVERIFY(!QFileInfo::exists(repo.filePath(u"greeting.txt"_s)));

        // The card: its state, the repository it works in, the agent's summary.
        const QString repoName = QFileInfo(repo.path()).fileName();
        AgentCardDelegate *delegate = window.boardView()->cardDelegate();
        QTRY_VERIFY(cardFor(window, agent).data(AgentBoardModel::StateRole).toInt() ==
                    static_cast<int>(AgentState::Review));
        const QString card = delegate->cardText(cardFor(window, agent));
        QVERIFY2(card.contains(u"Ready for review"_s), qPrintable(card));
        QVERIFY2(card.contains(u"in "_s + repoName), qPrintable(card));
        QVERIFY2(card.contains(u"Wrote greeting.txt with a friendly hello"_s), qPrintable(card));
        QVERIFY2(!card.contains(u"Review: "_s), qPrintable(card)); // the badge says it; the line is the summary
        QVERIFY(cardFor(window, agent).data(Qt::ToolTipRole).toString().contains(u"Repository: "_s + repoName));
        // The status bar counts it as in review, not as running or completed.
        auto *inReview = window.findChild<QLabel *>(u"reviewCount"_s);
        QVERIFY(inReview);
        QTRY_COMPARE(inReview->text(), u"1 in review"_s);
        QVERIFY(inReview->isVisibleTo(&window));

        // The detail pane names the repository; a process agent has no session of its own, so no such row.
        QVERIFY(window.boardView()->selectAgent(agent));
        auto *repository = window.detailPane()->findChild<QLabel *>(u"detailRepository"_s);
        auto *session = window.detailPane()->findChild<QLabel *>(u"detailAgentSession"_s);
        QVERIFY(repository && session);
        QTRY_COMPARE(repository->text(), repoName);
        QVERIFY(repository->isVisibleTo(window.detailPane()));
        QVERIFY(!session->isVisibleTo(window.detailPane()));
        // What changed, counted from the worktree: one new file of one line.
        auto *changes = window.detailPane()->findChild<QLabel *>(u"detailChanges"_s);
        QVERIFY(changes);
        QTRY_COMPARE_WITH_TIMEOUT(changes->text(), u"1 file changed · +1 −0"_s, kWaitMs);
        QVERIFY(changes->isVisibleTo(window.detailPane()));

        // The Review window, on the orchestrator's own controller, lists the file the agent wrote.
        QAction *showReview = window.reviewHub()->showReviewAction();
        QTRY_VERIFY(showReview->isEnabled());
        showReview->trigger();
        ReviewWindow *review = window.reviewHub()->reviewWindow();
        QTRY_VERIFY(review->isVisible());
        QTRY_COMPARE(review->count(), 1);
        ReviewPane *pane = review->pane();
        QCOMPARE(pane->controller(), o.review());
        QTRY_COMPARE(pane->goalId(), u"greet"_s);
        QTRY_VERIFY_WITH_TIMEOUT(pane->info().has_value(), kWaitMs);
        QVERIFY2(listedFiles(pane->fileList()).contains(u"greeting.txt"_s),
                 qPrintable(listedFiles(pane->fileList()).join(u", "_s)));

        // Merge through the window: the card completes and the file is on main.
        auto *merge = pane->findChild<QPushButton *>(u"reviewMerge"_s);
        QVERIFY(merge);
        QTRY_VERIFY(merge->isEnabled());
        QTest::mouseClick(merge, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(o.status(agent)->state, AgentState::Completed, kWaitMs);
        QTRY_COMPARE(cardFor(window, agent).data(AgentBoardModel::StateRole).toInt(),
                     static_cast<int>(AgentState::Completed));
        QTRY_VERIFY(delegate->cardText(cardFor(window, agent)).contains(u"Completed"_s));
        QTRY_VERIFY(!inReview->isVisibleTo(&window)); // nothing waits for review any more
        QCOMPARE(repo.readFile(u"greeting.txt"_s), u"hello from the agent\n"_s);
        QTRY_COMPARE(review->count(), 0);
        QTRY_VERIFY(!changes->isVisibleTo(window.detailPane())); // merged: nothing waits for review
        QVERIFY(o.waitAll(kWaitMs));
    }
};

QTEST_MAIN(TestReviewBoard)
#include "tst_reviewboard.moc"
