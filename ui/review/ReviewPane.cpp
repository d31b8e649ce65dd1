#include "review/ReviewPane.h"
#include "review/ReviewCalls.h"

#include "review/DiffHighlighter.h"
#include "review/DiffView.h"
#include "review/FollowUpDialog.h"
#include "review/ReviewController.h"
#include "review/TerminalLauncher.h"
#include "style/AgentStateStyle.h"
#include "style/DisplayFormat.h"

#include <QDesktopServices>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QFrame>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSplitter>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace switchboard {

namespace {
enum FileColumn
{
    ShowColumn,
    StatusColumn,
    PathColumn,
    AddedColumn,
    RemovedColumn,
};
constexpr int kPathRole = Qt::UserRole;

QLabel *makeValueLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}

// A tinted, rounded band for what must not be missed (overlaps, refusals).
QFrame *makeBanner(QWidget *parent, const QString &objectName)
{
    auto *frame = new QFrame(parent);
    frame->setObjectName(objectName);
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setAutoFillBackground(true);
    return frame;
}

void tintBanner(QFrame *banner, AgentState tone, const QPalette &palette)
{
    QPalette p = banner->palette();
    p.setColor(QPalette::Window, AgentStateStyle::badgeBackground(tone, palette));
    p.setColor(QPalette::WindowText, AgentStateStyle::foreground(tone, palette));
    banner->setPalette(p);
}

QString statusName(QChar status)
{
    switch (status.unicode()) {
    case u'A':
        return ReviewPane::tr("Added");
    case u'M':
        return ReviewPane::tr("Modified");
    case u'D':
        return ReviewPane::tr("Deleted");
    case u'R':
        return ReviewPane::tr("Renamed");
    case u'?':
        return ReviewPane::tr("Untracked (new, not committed)");
    default:
        break;
    }
    return QString(status);
}
} // namespace

ReviewPane::ReviewPane(QWidget *parent)
    : QWidget(parent)
    , m_placeholder(new QLabel(this))
    , m_content(new QWidget(this))
{
    setObjectName(QStringLiteral("reviewPane"));
    // One call at a time: a merge never races the read that shows its result.
    m_calls.setMaxThreadCount(1);

    m_placeholder->setObjectName(QStringLiteral("reviewPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setMargin(24);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);

    auto *column = new QVBoxLayout(m_content);
    column->setContentsMargins(12, 10, 12, 10);
    column->setSpacing(6);

    m_title = makeValueLabel(m_content, QStringLiteral("reviewTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    column->addWidget(m_title);
    m_where = makeValueLabel(m_content, QStringLiteral("reviewWhere"));
    m_where->setForegroundRole(QPalette::PlaceholderText);
    column->addWidget(m_where);

    // Overlaps come before the facts and the Merge button: merging one of two goals that changed the same
    // files is when a person wants to stop and look.
    m_overlapBanner = makeBanner(m_content, QStringLiteral("reviewOverlapBanner"));
    auto *overlapLayout = new QHBoxLayout(m_overlapBanner);
    overlapLayout->setContentsMargins(10, 8, 10, 8);
    m_overlapText = makeValueLabel(m_overlapBanner, QStringLiteral("reviewOverlaps"));
    m_overlapText->setForegroundRole(QPalette::WindowText);
    overlapLayout->addWidget(m_overlapText, 1);
    column->addWidget(m_overlapBanner);

    m_form = new QFormLayout;
    m_form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setHorizontalSpacing(12);
    m_form->setVerticalSpacing(4);
    m_summary = addRow(m_form, QStringLiteral("reviewSummary"));
    m_usage = addRow(m_form, QStringLiteral("reviewUsage"));
    m_commits = addRow(m_form, QStringLiteral("reviewCommits"));
    m_disk = addRow(m_form, QStringLiteral("reviewDisk"));
    column->addLayout(m_form);

    auto *actions = new QHBoxLayout;
    actions->setSpacing(6);
    const auto button = [this, actions](const QString &objectName) {
        auto *b = new QPushButton(m_content);
        b->setObjectName(objectName);
        actions->addWidget(b);
        return b;
    };
    m_merge = button(QStringLiteral("reviewMerge"));
    m_merge->setDefault(true);
    m_rebase = button(QStringLiteral("reviewRebase"));
    m_discard = button(QStringLiteral("reviewDiscard"));
    m_followUp = button(QStringLiteral("reviewFollowUp"));
    actions->addSpacing(12);
    m_openFolder = button(QStringLiteral("reviewOpenFolder"));
    m_openTerminal = button(QStringLiteral("reviewOpenTerminal"));
    actions->addStretch(1);
    m_busyBar = new QProgressBar(m_content);
    m_busyBar->setObjectName(QStringLiteral("reviewBusy"));
    m_busyBar->setRange(0, 0); // indeterminate: git does not say how long it takes
    m_busyBar->setTextVisible(false);
    m_busyBar->setMaximumWidth(120);
    m_busyBar->setMaximumHeight(12);
    m_busyBar->hide();
    actions->addWidget(m_busyBar);
    column->addLayout(actions);

    m_messageBanner = makeBanner(m_content, QStringLiteral("reviewMessageBanner"));
    auto *messageLayout = new QHBoxLayout(m_messageBanner);
    messageLayout->setContentsMargins(10, 8, 10, 8);
    m_message = makeValueLabel(m_messageBanner, QStringLiteral("reviewMessage"));
    m_message->setForegroundRole(QPalette::WindowText);
    messageLayout->addWidget(m_message, 1);
    m_rebaseAndMerge = new QPushButton(m_messageBanner);
    m_rebaseAndMerge->setObjectName(QStringLiteral("reviewRebaseAndMerge"));
    messageLayout->addWidget(m_rebaseAndMerge, 0, Qt::AlignTop);
    m_messageBanner->hide();
    column->addWidget(m_messageBanner);

    // The files on the left (click: jump; checkbox: fold), the diff on the right.
    auto *filesPanel = new QWidget;
    auto *filesColumn = new QVBoxLayout(filesPanel);
    filesColumn->setContentsMargins(0, 0, 0, 0);
    filesColumn->setSpacing(4);
    auto *filesHeader = new QHBoxLayout;
    m_filesHeading = new QLabel(filesPanel);
    QFont headingFont = m_filesHeading->font();
    headingFont.setWeight(QFont::DemiBold);
    m_filesHeading->setFont(headingFont);
    filesColumn->addWidget(m_filesHeading);
    m_expandAll = new QPushButton(filesPanel);
    m_expandAll->setObjectName(QStringLiteral("reviewExpandAll"));
    m_expandAll->setFlat(true);
    m_collapseAll = new QPushButton(filesPanel);
    m_collapseAll->setObjectName(QStringLiteral("reviewCollapseAll"));
    m_collapseAll->setFlat(true);
    filesHeader->addWidget(m_expandAll);
    filesHeader->addWidget(m_collapseAll);
    filesHeader->addStretch(1);
    m_files = new QTreeWidget(filesPanel);
    m_files->setObjectName(QStringLiteral("reviewFiles"));
    m_files->setRootIsDecorated(false);
    m_files->setUniformRowHeights(true);
    m_files->setColumnCount(5);
    m_files->setAllColumnsShowFocus(true);
    m_files->header()->setStretchLastSection(false);
    m_files->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_files->header()->setSectionResizeMode(PathColumn, QHeaderView::Stretch);
    filesColumn->addWidget(m_files, 1);
    filesColumn->addLayout(filesHeader);

    m_diff = new DiffView;
    m_diff->setObjectName(QStringLiteral("reviewDiff"));

    m_splitter = new QSplitter(Qt::Horizontal, m_content);
    m_splitter->setObjectName(QStringLiteral("reviewSplitter"));
    m_splitter->addWidget(filesPanel);
    m_splitter->addWidget(m_diff);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 5);
    m_splitter->setChildrenCollapsible(false);
    column->addWidget(m_splitter, 1);

    // A plain box, not a QStackedLayout: the banners' wrapped text needs height-for-width to reach them.
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_placeholder);
    outer->addWidget(m_content);

    connect(m_merge, &QPushButton::clicked, this, &ReviewPane::merge);
    connect(m_rebase, &QPushButton::clicked, this, [this] { rebase(false); });
    connect(m_rebaseAndMerge, &QPushButton::clicked, this, [this] { rebase(true); });
    connect(m_discard, &QPushButton::clicked, this, &ReviewPane::discard);
    connect(m_followUp, &QPushButton::clicked, this, &ReviewPane::followUp);
    connect(m_openFolder, &QPushButton::clicked, this, &ReviewPane::openFolder);
    connect(m_openTerminal, &QPushButton::clicked, this, &ReviewPane::openTerminal);
    connect(m_expandAll, &QPushButton::clicked, this, [this] { m_diff->setAllCollapsed(false); });
    connect(m_collapseAll, &QPushButton::clicked, this, [this] { m_diff->setAllCollapsed(true); });
    connect(m_files, &QTreeWidget::itemClicked, this, &ReviewPane::handleFileActivated);
    connect(m_files, &QTreeWidget::itemActivated, this, &ReviewPane::handleFileActivated);
    connect(m_files, &QTreeWidget::itemChanged, this, &ReviewPane::handleFileChanged);
    connect(m_diff, &DiffView::fileCollapsedChanged, this, [this](const QString &path, bool collapsed) {
        const QScopedValueRollback guard(m_updatingFiles, true);
        for (int i = 0; i < m_files->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = m_files->topLevelItem(i);
            if (item->data(PathColumn, kPathRole).toString() == path)
                item->setCheckState(ShowColumn, collapsed ? Qt::Unchecked : Qt::Checked);
        }
    });

    retranslate();
    tintBanner(m_overlapBanner, AgentState::Escalated, palette());
    m_content->hide();
    updateActions();
}

ReviewPane::~ReviewPane()
{
    // A call under way uses the controller; it finishes before the pane (and its watchers) go.
    ReviewCalls::drain(m_calls, this);
}

QLabel *ReviewPane::addRow(QFormLayout *form, const QString &objectName)
{
    QLabel *value = makeValueLabel(m_content, objectName);
    auto *label = new QLabel(m_content);
    label->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(label, value);
    return value;
}

void ReviewPane::setController(ReviewController *controller)
{
    m_controller = controller;
    if (!m_goalId.isEmpty())
        reload();
    updateActions();
}

void ReviewPane::setGoal(const QString &goalId)
{
    if (goalId == m_goalId && m_info)
        return;
    m_goalId = goalId;
    m_info.reset();
    m_resolved = false;
    hideMessage();
    m_files->clear();
    m_diff->setDiff(QString());
    reload();
}

template<typename Result>
void ReviewPane::runCall(std::function<Result(ReviewController *)> work, std::function<void(const Result &)> done)
{
    if (!m_controller)
        return;
    setBusy(true);
    auto *watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, done = std::move(done)] {
        watcher->deleteLater();
        setBusy(false);
        done(watcher->result());
        Q_EMIT callFinished();
    });
    watcher->setFuture(
        QtConcurrent::run(&m_calls, [controller = m_controller, work = std::move(work)] { return work(controller); }));
}

void ReviewPane::setBusy(bool busy)
{
    m_busy += busy ? 1 : -1;
    m_busyBar->setVisible(m_busy > 0);
    updateActions();
}

void ReviewPane::reload()
{
    if (m_goalId.isEmpty() || !m_controller) {
        m_content->hide();
        m_placeholder->show();
        return;
    }
    m_placeholder->hide();
    m_content->show();
    if (!m_info)
        m_title->setText(tr("Reading the changes of %1…").arg(m_goalId));
    const quint64 serial = ++m_loadSerial;
    using Answer = std::pair<std::optional<ReviewInfo>, QString>;
    runCall<Answer>(
        [goalId = m_goalId](ReviewController *controller) {
            QString error;
            std::optional<ReviewInfo> info = controller->review(goalId, &error);
            return Answer{std::move(info), error};
        },
        [this, serial](const Answer &answer) {
            if (serial != m_loadSerial)
                return; // another goal (or a newer read) came since
            if (!answer.first) {
                m_info.reset();
                m_title->setText(m_goalId);
                showMessage(answer.second.isEmpty() ? tr("This goal has no worktree to review.") : answer.second, true);
            } else {
                m_info = answer.first;
                showInfo();
            }
            updateActions();
            Q_EMIT loaded();
        });
}

void ReviewPane::showInfo()
{
    const ReviewInfo &info = *m_info;
    const QLocale locale;
    m_title->setText(info.goalTitle.isEmpty() ? m_goalId : info.goalTitle);
    const WorktreeRecord &wt = info.worktree;
    //: Review pane, under the title: repository · branch → base branch · worktree folder
    m_where->setText(tr("%1 · %2 → %3 · %4").arg(wt.repoName(), wt.branch, wt.baseBranch, wt.path));

    if (info.overlaps.isEmpty()) {
        m_overlapBanner->hide();
    } else {
        QStringList lines;
        for (const ReviewOverlap &o : info.overlaps) {
            const std::optional<AgentState> state = agentStateFromString(o.state);
            const QString stateText = state ? AgentStateStyle::label(*state) : o.state;
            lines << tr("• %1 (%2, %3): %4")
                         .arg(o.goalTitle.isEmpty() ? o.goalId : o.goalTitle, o.goalId, stateText,
                              o.files.join(QStringLiteral(", ")));
        }
        m_overlapText->setText(tr("⚠ Other goals changed the same files. Merging this one first may make "
                                  "theirs conflict:\n%1")
                                   .arg(lines.join(QLatin1Char('\n'))));
        m_overlapBanner->show();
    }

    m_summary->setText(info.summary.isEmpty() ? tr("The agent left no summary.") : info.summary);
    QStringList usage;
    if (info.turns > 0)
        usage << tr("%n turn(s)", nullptr, info.turns);
    if (info.inputTokens > 0 || info.outputTokens > 0)
        usage << tr("%1 tokens in · %2 out").arg(locale.toString(info.inputTokens), locale.toString(info.outputTokens));
    if (info.costUsd > 0.0)
        usage << DisplayFormat::cost(info.costUsd);
    m_usage->setText(usage.isEmpty() ? tr("Not reported") : usage.join(QStringLiteral(" · ")));
    QString commits = info.commitsAhead > 0
                          ? tr("%n commit(s) ahead of %1", nullptr, info.commitsAhead).arg(wt.baseBranch)
                          : tr("No commits yet");
    commits += info.uncommitted ? tr("; uncommitted changes in the worktree") : tr("; nothing uncommitted");
    m_commits->setText(commits);
    m_disk->setText(locale.formattedDataSize(info.diskBytes));

    {
        const QScopedValueRollback guard(m_updatingFiles, true);
        m_files->clear();
        int added = 0;
        int removed = 0;
        for (const ChangedFile &file : info.files) {
            auto *item = new QTreeWidgetItem(m_files);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            item->setCheckState(ShowColumn, Qt::Checked);
            item->setToolTip(ShowColumn, tr("Show this file's changes; unchecked, the diff folds it to its "
                                            "header line"));
            item->setText(StatusColumn, QString(file.status));
            item->setToolTip(StatusColumn, statusName(file.status));
            item->setText(PathColumn, file.oldPath.isEmpty() ? file.path : tr("%1 ← %2").arg(file.path, file.oldPath));
            item->setToolTip(PathColumn, item->text(PathColumn));
            item->setData(PathColumn, kPathRole, file.path);
            if (file.binary) {
                item->setText(AddedColumn, tr("binary"));
            } else {
                item->setText(AddedColumn, tr("+%1").arg(file.additions));
                item->setText(RemovedColumn, tr("−%1").arg(file.deletions));
                added += file.additions;
                removed += file.deletions;
            }
            // Zero counts dimmed: the eye goes to what changed.
            const QBrush dim = palette().brush(QPalette::PlaceholderText);
            const DiffHighlighter *colours = m_diff->highlighter();
            item->setForeground(AddedColumn, file.additions == 0 && !file.binary
                                                 ? dim
                                                 : colours->format(DiffHighlighter::LineKind::Added).foreground());
            item->setForeground(RemovedColumn, file.deletions == 0
                                                   ? dim
                                                   : colours->format(DiffHighlighter::LineKind::Removed).foreground());
            item->setTextAlignment(AddedColumn, Qt::AlignRight | Qt::AlignVCenter);
            item->setTextAlignment(RemovedColumn, Qt::AlignRight | Qt::AlignVCenter);
        }
        //: Above the changed files: how many, lines added, lines removed
        m_filesHeading->setText(
            tr("%n file(s) changed · +%1 −%2", nullptr, static_cast<int>(info.files.size())).arg(added).arg(removed));
    }
    m_diff->setDiff(info.diff);
}

void ReviewPane::updateActions()
{
    const bool ready = m_controller && m_info && !m_resolved && m_busy == 0;
    for (QPushButton *b : {m_merge, m_rebase, m_discard, m_followUp, m_rebaseAndMerge})
        b->setEnabled(ready);
    const bool haveFolder = m_info && !m_resolved && QFileInfo(m_info->worktree.path).isDir();
    m_openFolder->setEnabled(haveFolder);
    m_openTerminal->setEnabled(haveFolder);
}

QString ReviewPane::messageText() const
{
    return m_messageBanner->isHidden() ? QString() : m_message->text();
}

void ReviewPane::showMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    tintBanner(m_messageBanner, problem ? AgentState::Failed : AgentState::Completed, palette());
    m_rebaseAndMerge->hide();
    m_messageBanner->show();
}

void ReviewPane::hideMessage()
{
    m_messageBanner->hide();
}

void ReviewPane::merge()
{
    runCall<ReviewOutcome>(
        [goalId = m_goalId](ReviewController *c) { return c->merge(goalId); },
        [this, goalId = m_goalId](const ReviewOutcome &outcome) {
            if (goalId != m_goalId)
                return;
            if (outcome.ok) {
                m_resolved = true;
                showMessage(outcome.message.isEmpty() ? tr("Merged.") : outcome.message, false);
                updateActions();
                Q_EMIT goalResolved(goalId);
                return;
            }
            QString text = tr("Not merged: %1").arg(outcome.message);
            if (!outcome.conflicts.isEmpty())
                text += tr("\nConflicting files:\n%1").arg(QStringLiteral("• ") + outcome.conflicts.join(u"\n• "));
            showMessage(text, true);
            // Rebasing onto the base's tip settles what git can; then the merge is tried again.
            m_rebaseAndMerge->show();
        });
}

void ReviewPane::rebase(bool thenMerge)
{
    runCall<ReviewOutcome>([goalId = m_goalId](ReviewController *c) { return c->rebase(goalId); },
                           [this, thenMerge, goalId = m_goalId](const ReviewOutcome &outcome) {
                               if (goalId != m_goalId)
                                   return;
                               if (!outcome.ok) {
                                   QString text = tr("Not rebased: %1").arg(outcome.message);
                                   if (!outcome.conflicts.isEmpty())
                                       text += tr("\nConflicting files (resolve them in the worktree, or ask "
                                                  "the agent with Follow-up):\n%1")
                                                   .arg(QStringLiteral("• ") + outcome.conflicts.join(u"\n• "));
                                   showMessage(text, true);
                                   return;
                               }
                               showMessage(outcome.message.isEmpty() ? tr("Rebased.") : outcome.message, false);
                               reload();
                               if (thenMerge)
                                   merge();
                           });
}

void ReviewPane::discard()
{
    runCall<ReviewOutcome>([goalId = m_goalId](ReviewController *c) { return c->discard(goalId, false); },
                           [this, goalId = m_goalId](const ReviewOutcome &outcome) {
                               if (goalId != m_goalId)
                                   return;
                               if (outcome.ok) {
                                   m_resolved = true;
                                   showMessage(outcome.message.isEmpty() ? tr("Discarded.") : outcome.message, false);
                                   updateActions();
                                   Q_EMIT goalResolved(goalId);
                               } else if (outcome.needsConfirm) {
                                   confirmDiscard(outcome.message);
                               } else {
                                   showMessage(tr("Not discarded: %1").arg(outcome.message), true);
                               }
                           });
}

void ReviewPane::confirmDiscard(const QString &loss)
{
    // Window-modal, not exec(): the window keeps painting, and the answer comes back through finished().
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Discard the changes?"),
                        tr("Discard the changes of “%1”? The goal is cancelled and this is lost for good:\n\n%2")
                            .arg(m_info ? m_info->goalTitle : m_goalId, loss),
                        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("discardConfirm"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *discardButton = box->addButton(tr("Discard for good"), QMessageBox::DestructiveRole);
    discardButton->setObjectName(QStringLiteral("discardConfirmButton"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    m_discardConfirm = box;
    connect(box, &QMessageBox::buttonClicked, this, [this, discardButton, goalId = m_goalId](QAbstractButton *b) {
        if (b != discardButton || goalId != m_goalId)
            return;
        runCall<ReviewOutcome>([goalId](ReviewController *c) { return c->discard(goalId, true); },
                               [this, goalId](const ReviewOutcome &outcome) {
                                   if (goalId != m_goalId)
                                       return;
                                   if (!outcome.ok) {
                                       showMessage(tr("Not discarded: %1").arg(outcome.message), true);
                                       return;
                                   }
                                   m_resolved = true;
                                   showMessage(outcome.message.isEmpty() ? tr("Discarded.") : outcome.message, false);
                                   updateActions();
                                   Q_EMIT goalResolved(goalId);
                               });
    });
    box->open();
}

void ReviewPane::followUp()
{
    auto *dialog = new FollowUpDialog(m_info ? m_info->goalTitle : m_goalId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_followUpDialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog, goalId = m_goalId] {
        const QString instructions = dialog->instructions();
        using Answer = std::pair<QString, QString>;
        runCall<Answer>(
            [goalId, instructions](ReviewController *c) {
                QString error;
                QString id = c->followUp(goalId, instructions, &error);
                return Answer{id, error};
            },
            [this, goalId](const Answer &answer) {
                if (answer.first.isEmpty()) {
                    showMessage(tr("The follow-up did not start: %1").arg(answer.second), true);
                    return;
                }
                showMessage(tr("Follow-up goal %1 started in the same worktree.").arg(answer.first), false);
                Q_EMIT followUpStarted(goalId, answer.first);
            });
    });
    dialog->open();
}

void ReviewPane::openFolder()
{
    if (!m_info)
        return;
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(m_info->worktree.path)))
        showMessage(tr("Could not open %1 in the file manager.").arg(m_info->worktree.path), true);
}

void ReviewPane::openTerminal()
{
    if (!m_info)
        return;
    QString error;
    if (!TerminalLauncher::open(m_info->worktree.path, &error))
        showMessage(error, true);
}

void ReviewPane::handleFileActivated(QTreeWidgetItem *item, int column)
{
    if (!item || column == ShowColumn)
        return;
    m_diff->scrollToFile(item->data(PathColumn, kPathRole).toString());
}

void ReviewPane::handleFileChanged(QTreeWidgetItem *item, int column)
{
    if (m_updatingFiles || !item || column != ShowColumn)
        return;
    m_diff->setFileCollapsed(item->data(PathColumn, kPathRole).toString(), item->checkState(ShowColumn) != Qt::Checked);
}

void ReviewPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        if (m_info)
            showInfo();
    } else if (event->type() == QEvent::PaletteChange) {
        tintBanner(m_overlapBanner, AgentState::Escalated, palette());
    }
    QWidget::changeEvent(event);
}

void ReviewPane::retranslate()
{
    m_placeholder->setText(tr("Select a goal that is ready for review to see its changes."));
    m_merge->setText(tr("&Merge"));
    m_merge->setToolTip(tr("Merge the goal's branch into its base branch and complete the goal"));
    m_rebase->setText(tr("Re&base"));
    m_rebase->setToolTip(tr("Rebase the goal's branch onto the base branch's newest commit"));
    m_discard->setText(tr("&Discard…"));
    m_discard->setToolTip(tr("Throw the changes away and cancel the goal (asks first when work would be lost)"));
    m_followUp->setText(tr("&Follow-up…"));
    m_followUp->setToolTip(tr("Ask the same agent session to do more in the same worktree"));
    m_openFolder->setText(tr("Open &folder"));
    m_openTerminal->setText(tr("Open &terminal"));
    m_openTerminal->setToolTip(tr("Open $TERMINAL (or x-terminal-emulator) in the worktree"));
    m_rebaseAndMerge->setText(tr("Rebase and try again"));
    m_busyBar->setToolTip(tr("Working…"));
    m_expandAll->setText(tr("Expand all"));
    m_collapseAll->setText(tr("Fold all"));
    // Short headers leave the width to the file names; the tooltips say what the columns are.
    m_files->setHeaderLabels({QString(), QString(), tr("File"), QStringLiteral("+"), QStringLiteral("−")});
    QTreeWidgetItem *header = m_files->headerItem();
    header->setToolTip(0, tr("Shown in the diff (untick to fold the file)"));
    header->setToolTip(1, tr("Status: A added, M modified, D deleted, R renamed, ? untracked"));
    header->setToolTip(3, tr("Lines added"));
    header->setToolTip(4, tr("Lines removed"));
    if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(m_summary)))
        label->setText(tr("Summary"));
    if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(m_usage)))
        label->setText(tr("Agent"));
    if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(m_commits)))
        label->setText(tr("Branch"));
    if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(m_disk)))
        label->setText(tr("Disk use"));
}

} // namespace switchboard
