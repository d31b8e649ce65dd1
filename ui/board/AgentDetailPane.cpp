#include "board/AgentDetailPane.h"

#include "board/AgentBoardModel.h"
#include "board/TeamDetailSection.h"
#include "orchestration/Orchestrator.h"
#include "persistence/Store.h"
#include "review/Worktrees.h"
#include "style/AgentStateStyle.h"
#include "style/AgentStatusText.h"
#include "style/DisplayFormat.h"
#include "style/ThemedIcons.h"
#include "widgets/TranscriptView.h"

#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedLayout>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>
#include <climits>

namespace switchboard {

namespace {
constexpr int kLogLines = 2000;

QLabel *makeValueLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setTextFormat(Qt::PlainText);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}

// A label/value form of the overview: labels on the left, values growing with the pane.
QFormLayout *makeForm()
{
    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setHorizontalSpacing(12);
    form->setVerticalSpacing(5);
    return form;
}

QLabel *makeHeading(QWidget *parent)
{
    auto *label = new QLabel(parent);
    QFont font = label->font();
    font.setWeight(QFont::DemiBold);
    label->setFont(font);
    label->setContentsMargins(0, 8, 0, 2);
    return label;
}

QString listOrDash(const QStringList &items, const QString &bullet = QStringLiteral("• "))
{
    if (items.isEmpty())
        return QStringLiteral("—");
    QStringList lines;
    lines.reserve(items.size());
    for (const QString &item : items)
        lines << bullet + item;
    return lines.join(QLatin1Char('\n'));
}

void setFormLabel(QFormLayout *form, QWidget *field, const QString &text)
{
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(field)))
        label->setText(text);
}
} // namespace

AgentDetailPane::AgentDetailPane(Orchestrator *orchestrator, AgentBoardModel *board, QWidget *parent)
    : QWidget(parent)
    , m_orchestrator(orchestrator)
    , m_board(board)
    , m_content(new QWidget(this))
    , m_placeholder(new QLabel(this))
    , m_elapsedTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("agentDetailPane"));
    m_placeholder->setObjectName(QStringLiteral("detailPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setMargin(24);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);

    // Overview: header, goal, progress, result; scrolls when the dock is short.
    auto *overview = new QWidget;
    overview->setObjectName(QStringLiteral("detailOverview"));
    auto *column = new QVBoxLayout(overview);
    column->setContentsMargins(12, 10, 12, 10);
    column->setSpacing(4);

    auto *stateRow = new QHBoxLayout;
    stateRow->setSpacing(6);
    m_stateIcon = new QLabel(overview);
    m_state = makeValueLabel(overview, QStringLiteral("detailState"));
    m_state->setWordWrap(false);
    QFont stateFont = m_state->font();
    stateFont.setWeight(QFont::DemiBold);
    m_state->setFont(stateFont);
    stateRow->addWidget(m_stateIcon);
    stateRow->addWidget(m_state, 1);
    column->addLayout(stateRow);

    m_goalTitle = makeValueLabel(overview, QStringLiteral("detailGoalTitle"));
    QFont titleFont = m_goalTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setWeight(QFont::DemiBold);
    m_goalTitle->setFont(titleFont);
    column->addWidget(m_goalTitle);
    m_name = makeValueLabel(overview, QStringLiteral("detailName"));
    m_name->setForegroundRole(QPalette::PlaceholderText);
    column->addWidget(m_name);
    m_memberOf = new QLabel(overview);
    m_memberOf->setObjectName(QStringLiteral("detailMemberOf"));
    m_memberOf->setTextFormat(Qt::RichText);
    m_memberOf->setWordWrap(true);
    m_memberOf->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_memberOf->hide();
    connect(m_memberOf, &QLabel::linkActivated, this, [this] {
        if (!m_memberOfAgent.isEmpty())
            Q_EMIT agentRequested(m_memberOfAgent);
    });
    column->addWidget(m_memberOf);

    // The question it waits on comes first: answering it is what unblocks the agent.
    m_questionHeading = makeHeading(overview);
    column->addWidget(m_questionHeading);
    m_question = makeValueLabel(overview, QStringLiteral("detailQuestion"));
    column->addWidget(m_question);
    m_goToQuestion = new QPushButton(overview);
    m_goToQuestion->setObjectName(QStringLiteral("goToQuestionButton"));
    connect(m_goToQuestion, &QPushButton::clicked, this, [this] {
        if (!m_orchestrator || m_agentId.isEmpty())
            return;
        if (const std::optional<AgentStatus> s = m_orchestrator->status(m_agentId); s && !s->openEscalation.isEmpty())
            Q_EMIT escalationRequested(s->openEscalation);
    });
    auto *questionRow = new QHBoxLayout;
    questionRow->addWidget(m_goToQuestion);
    questionRow->addStretch(1);
    column->addLayout(questionRow);

    // A goal ready for review: its changes are the next thing to look at.
    m_reviewChanges = new QPushButton(overview);
    m_reviewChanges->setObjectName(QStringLiteral("reviewChangesButton"));
    connect(m_reviewChanges, &QPushButton::clicked, this, [this] {
        if (!m_orchestrator || m_agentId.isEmpty())
            return;
        if (const std::optional<AgentStatus> s = m_orchestrator->status(m_agentId))
            Q_EMIT reviewRequested(s->goalId);
    });
    m_changes = new QLabel(overview);
    m_changes->setObjectName(QStringLiteral("detailChanges"));
    m_changes->setTextFormat(Qt::PlainText);
    m_changes->hide();
    auto *reviewRow = new QHBoxLayout;
    reviewRow->addWidget(m_reviewChanges);
    reviewRow->addWidget(m_changes);
    reviewRow->addStretch(1);
    column->addLayout(reviewRow);

    // A team's members' work comes before the goal's details: the debate, the plan and its steps, or the
    // collected answers are what a person opens a team for.
    m_team = new TeamDetailSection(orchestrator, board, overview);
    column->addWidget(m_team);

    m_goalHeading = makeHeading(overview);
    column->addWidget(m_goalHeading);
    m_goalForm = makeForm();
    column->addLayout(m_goalForm);
    m_description = addRow(m_goalForm, QStringLiteral("detailDescription"));
    m_priority = addRow(m_goalForm, QStringLiteral("detailPriority"));
    m_deadline = addRow(m_goalForm, QStringLiteral("detailDeadline"));
    m_criteria = addRow(m_goalForm, QStringLiteral("detailCriteria"));
    m_dependsOn = addRow(m_goalForm, QStringLiteral("detailDependsOn"));
    m_resources = addRow(m_goalForm, QStringLiteral("detailResources"));
    m_profile = addRow(m_goalForm, QStringLiteral("detailProfile"));
    m_repository = addRow(m_goalForm, QStringLiteral("detailRepository"));

    // Lines of their own, not form rows: a QFormLayout row shown again after being hidden stayed at no height.
    m_pattern = makeValueLabel(overview, QStringLiteral("detailPattern"));
    m_pattern->hide();
    column->addWidget(m_pattern);
    m_condition = makeValueLabel(overview, QStringLiteral("detailCondition"));
    m_condition->hide();
    column->addWidget(m_condition);

    m_progressHeading = makeHeading(overview);
    column->addWidget(m_progressHeading);
    m_progressForm = makeForm();
    column->addLayout(m_progressForm);
    m_step = addRow(m_progressForm, QStringLiteral("detailStep"));
    m_steps = addRow(m_progressForm, QStringLiteral("detailSteps"));
    m_attempt = addRow(m_progressForm, QStringLiteral("detailAttempt"));
    m_nextTry = addRow(m_progressForm, QStringLiteral("detailNextTry"));
    m_rateLimit = addRow(m_progressForm, QStringLiteral("detailRateLimit"));
    m_errorKind = addRow(m_progressForm, QStringLiteral("detailErrorKind"));
    m_lockWait = addRow(m_progressForm, QStringLiteral("detailLockWait"));
    m_usage = addRow(m_progressForm, QStringLiteral("detailUsage"));
    m_agentSession = addRow(m_progressForm, QStringLiteral("detailAgentSession"));
    m_executor = addRow(m_progressForm, QStringLiteral("detailExecutor"));
    m_created = addRow(m_progressForm, QStringLiteral("detailCreated"));
    m_started = addRow(m_progressForm, QStringLiteral("detailStarted"));
    m_completed = addRow(m_progressForm, QStringLiteral("detailCompleted"));
    m_elapsed = addRow(m_progressForm, QStringLiteral("detailElapsed"));

    m_resultHeading = makeHeading(overview);
    column->addWidget(m_resultHeading);
    m_result = makeValueLabel(overview, QStringLiteral("detailResult"));
    column->addWidget(m_result);
    column->addStretch(1);

    auto *scroll = new QScrollArea;
    scroll->setWidget(overview);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    // Log: the agent's recent output, newest at the bottom.
    auto *logPanel = new QWidget;
    auto *logColumn = new QVBoxLayout(logPanel);
    logColumn->setContentsMargins(0, 0, 0, 0);
    logColumn->setSpacing(4);
    m_logDropped = makeValueLabel(logPanel, QStringLiteral("detailLogDropped"));
    m_logDropped->setForegroundRole(QPalette::PlaceholderText);
    logColumn->addWidget(m_logDropped);
    m_log = new QPlainTextEdit(logPanel);
    m_log->setObjectName(QStringLiteral("detailLog"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(kLogLines);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setMinimumHeight(80);
    logColumn->addWidget(m_log, 1);

    // The log and, for model agents, the conversation behind it.
    m_transcript = new TranscriptView;
    m_transcript->setObjectName(QStringLiteral("detailTranscript"));
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("detailTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(logPanel, QString());
    m_tabs->addTab(m_transcript, QString());
    auto *tabsPanel = new QWidget;
    auto *tabsColumn = new QVBoxLayout(tabsPanel);
    tabsColumn->setContentsMargins(8, 4, 8, 8);
    tabsColumn->addWidget(m_tabs);

    auto *splitter = new QSplitter(Qt::Vertical, m_content);
    splitter->setObjectName(QStringLiteral("detailSplitter"));
    splitter->addWidget(scroll);
    splitter->addWidget(tabsPanel);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(splitter);

    auto *stack = new QStackedLayout(this);
    stack->addWidget(m_placeholder);
    stack->addWidget(m_content);

    m_elapsedTimer->setInterval(1000);
    connect(m_elapsedTimer, &QTimer::timeout, this, &AgentDetailPane::refreshStatus);

    if (m_orchestrator) {
        connect(m_orchestrator, &Orchestrator::agentsUpdated, this, &AgentDetailPane::handleAgentsUpdated);
        connect(m_orchestrator, &Orchestrator::agentsAboutToBeRemoved, this, &AgentDetailPane::handleAgentsRemoved);
    }
    retranslate();
    setAgent(QString());
}

QLabel *AgentDetailPane::addRow(QFormLayout *form, const QString &objectName)
{
    QLabel *value = makeValueLabel(this, objectName);
    auto *label = new QLabel(this);
    label->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(label, value);
    return value;
}

void AgentDetailPane::setAgent(const QString &agentId)
{
    const bool same = agentId == m_agentId;
    m_agentId = agentId;
    auto *stack = static_cast<QStackedLayout *>(layout());
    if (m_agentId.isEmpty() || !m_orchestrator || !m_orchestrator->status(m_agentId)) {
        m_agentId.clear();
        stack->setCurrentWidget(m_placeholder);
        m_log->clear();
        m_shownLogTotal = 0;
        m_transcript->clear();
        m_shownTranscriptTotal = 0;
        m_elapsedTimer->stop();
        return;
    }
    stack->setCurrentWidget(m_content);
    refreshStatus();
    refreshLog(!same);
    refreshTranscript(!same);
}

void AgentDetailPane::setReviewAvailable(bool available)
{
    m_reviewAvailable = available;
    refreshStatus();
}

void AgentDetailPane::readChanges(const QString &goalId)
{
    m_changesGoal = goalId;
    m_changes->hide();
    const std::optional<WorktreeRecord> worktree = m_orchestrator ? m_orchestrator->worktree(goalId) : std::nullopt;
    if (!worktree)
        return;
    const quint64 read = ++m_changesRead;
    using Changes = std::optional<Worktrees::Changes>;
    auto *watcher = new QFutureWatcher<Changes>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, read, goalId] {
        watcher->deleteLater();
        const Changes changes = watcher->result();
        if (read != m_changesRead || goalId != m_changesGoal || !changes)
            return;
        int additions = 0;
        int deletions = 0;
        for (const ChangedFile &file : changes->files) {
            additions += file.additions;
            deletions += file.deletions;
        }
        //: Detail pane of a goal in Review: how much its agent changed, e.g. "2 files changed · +14 −3"
        // Not a %n plural: the English plural forms come from translations/*.ts, which this change leaves alone.
        const qsizetype files = changes->files.size();
        const QString count = files == 1 ? tr("1 file changed") : tr("%1 files changed").arg(files);
        m_changes->setText(tr("%1 · +%2 −%3").arg(count).arg(additions).arg(deletions));
        m_changes->show();
    });
    // git reads the worktree: never on the GUI thread. Worktrees::changes asks nothing of the orchestrator, so
    // waiting for it (the pool's destructor) cannot deadlock.
    watcher->setFuture(QtConcurrent::run(&m_storeReads, [record = *worktree] {
        QString error;
        return Worktrees::changes(record, &error);
    }));
}

void AgentDetailPane::showTranscript(bool transcript)
{
    m_tabs->setCurrentWidget(transcript ? static_cast<QWidget *>(m_transcript) : m_tabs->widget(0));
}

QString AgentDetailPane::logText() const
{
    return m_log->toPlainText();
}

void AgentDetailPane::handleAgentsUpdated(const QStringList &agentIds)
{
    if (m_agentId.isEmpty())
        return;
    if (!agentIds.contains(m_agentId)) {
        // A team's section follows its members: a statement or a step's result may be new.
        if (m_team->concerns(agentIds))
            m_team->refresh();
        return;
    }
    refreshStatus();
    refreshLog(false);
    refreshTranscript(false);
}

void AgentDetailPane::handleAgentsRemoved(const QStringList &agentIds)
{
    if (!m_agentId.isEmpty() && agentIds.contains(m_agentId))
        setAgent(QString());
}

void AgentDetailPane::refreshStatus()
{
    if (!m_orchestrator || m_agentId.isEmpty())
        return;
    const std::optional<AgentStatus> found = m_orchestrator->status(m_agentId);
    if (!found)
        return;
    const AgentStatus &s = *found;
    const std::optional<Goal> goal = m_orchestrator->goal(s.goalId);
    const QLocale locale;

    m_stateIcon->setPixmap(ThemedIcons::pixmap(
        AgentStateStyle::iconName(s.state), AgentStateStyle::foreground(s.state, palette()), 16, devicePixelRatioF()));
    QPalette statePalette = m_state->palette();
    statePalette.setColor(QPalette::WindowText, AgentStateStyle::foreground(s.state, palette()));
    m_state->setPalette(statePalette);
    // A question waiting for the person is not progress: the percentage would read as "still working".
    m_state->setText((s.state == AgentState::Running || isActiveState(s.state)) && s.state != AgentState::Escalated
                         ? tr("%1 · %2%").arg(AgentStateStyle::label(s.state)).arg(s.progress)
                         : AgentStateStyle::label(s.state));
    m_state->setToolTip(AgentStateStyle::description(s.state));
    m_goalTitle->setText(s.goalTitle.isEmpty() ? s.goalId : s.goalTitle);
    m_name->setText(tr("%1 · agent %2 · goal %3").arg(s.name, s.agentId, s.goalId));

    if (goal) {
        m_description->setText(goal->description.isEmpty() ? QStringLiteral("—") : goal->description);
        m_deadline->setText(goal->deadline.isValid() ? DisplayFormat::dateTime(goal->deadline) : tr("None"));
        m_criteria->setText(listOrDash(goal->successCriteria));
        QStringList dependencies;
        for (const QString &dependency : goal->dependsOn) {
            const std::optional<Goal> other = m_orchestrator->goal(dependency);
            dependencies << (other && !other->title.isEmpty() ? tr("%1 (%2)").arg(other->title, dependency)
                                                              : dependency);
        }
        m_dependsOn->setText(listOrDash(dependencies));
        m_resources->setText(listOrDash(goal->resources));
        QString profile = s.profile.isEmpty() ? goal->profile : s.profile;
        if (profile.isEmpty())
            profile = tr("Any matching profile");
        if (!goal->capabilities.isEmpty())
            profile = tr("%1 (needs %2)").arg(profile, goal->capabilities.join(QStringLiteral(", ")));
        m_profile->setText(profile);
    } else {
        for (QLabel *label : {m_description, m_deadline, m_criteria, m_dependsOn, m_resources})
            label->setText(QStringLiteral("—"));
        m_profile->setText(s.profile);
    }
    //: Detail pane of a team goal: its pattern, "Team: debate · optimist, pessimist · 2 rounds · judge lead"
    m_pattern->setText(goal && goal->team ? tr("Team: %1").arg(goal->team->describe()) : QString());
    m_pattern->setVisible(goal && goal->team);
    //: Detail pane of a goal with a condition: "Runs when: result of 'post' contains "APPROVED""
    m_condition->setText(goal && goal->when ? tr("Runs when: %1").arg(goal->when->describe()) : QString());
    m_condition->setVisible(goal && goal->when);
    m_team->setTeam(goal && goal->team ? s.goalId : QString());
    if (goal && goal->team) // a team runs no agent of its own: its members' profiles
        m_profile->setText(tr("%1 (the team's members)").arg(goal->team->memberProfiles().join(QStringLiteral(", "))));
    m_memberOfAgent.clear();
    if (!s.memberOf.isEmpty()) {
        const std::optional<Goal> team = m_orchestrator->goal(s.memberOf);
        const QString teamTitle = team && !team->title.isEmpty() ? team->title : s.memberOf;
        m_memberOfAgent = m_orchestrator->agentForGoal(s.memberOf);
        const QString link = m_memberOfAgent.isEmpty()
                                 ? teamTitle.toHtmlEscaped()
                                 : QStringLiteral("<a href=\"team\">%1</a>").arg(teamTitle.toHtmlEscaped());
        //: Detail pane of a team member: "Member of <team title> · round 2 · optimist"; the title links to the team
        m_memberOf->setText(s.memberLabel.isEmpty() ? tr("Member of %1").arg(link)
                                                    : tr("Member of %1 · %2").arg(link, s.memberLabel.toHtmlEscaped()));
        m_memberOf->setToolTip(tr("Show the team's card on the board"));
    }
    m_memberOf->setVisible(!s.memberOf.isEmpty());
    m_priority->setText(AgentStateStyle::priorityLabel(s.priority));
    m_repository->setText(s.repository);
    m_goalForm->setRowVisible(m_repository, !s.repository.isEmpty());
    m_agentSession->setText(s.agentSession);
    m_progressForm->setRowVisible(m_agentSession, !s.agentSession.isEmpty());
    //: Detail pane row of an agent on a cluster or SSH host: "slurm (debug), job 123"
    m_executor->setText(s.externalId.isEmpty() ? s.executor : tr("%1, job %2").arg(s.executor, s.externalId));
    m_progressForm->setRowVisible(m_executor, !s.executor.isEmpty());
    const bool inReview = m_reviewAvailable && s.state == AgentState::Review;
    m_reviewChanges->setVisible(inReview);
    if (!inReview) {
        m_changesGoal.clear();
        m_changes->hide();
    } else if (m_changesGoal != s.goalId) {
        readChanges(s.goalId);
    }

    m_step->setText(s.currentStep.isEmpty() ? QStringLiteral("—") : s.currentStep);
    const int row = m_board ? m_board->rowForAgent(m_agentId) : -1;
    const QStringList steps = row >= 0 ? m_board->stepHistoryAt(row) : QStringList();
    QStringList numbered;
    for (int i = 0; i < steps.size(); ++i)
        numbered << tr("%1. %2").arg(i + 1).arg(steps.at(i));
    m_steps->setText(numbered.isEmpty() ? QStringLiteral("—") : numbered.join(QLatin1Char('\n')));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (s.attempt <= 0 && !s.nextAttemptAt.isValid())
        m_attempt->setText(tr("Not started"));
    else
        m_attempt->setText(tr("%1 of %2").arg(AgentStatusText::shownAttempt(s)).arg(qMax(s.maxAttempts, 1)));
    const QString nextTry = AgentStatusText::nextTry(s, now);
    m_nextTry->setText(nextTry.isEmpty() ? QString()
                                         : tr("%1 (at %2)").arg(nextTry, DisplayFormat::dateTime(s.nextAttemptAt)));
    m_progressForm->setRowVisible(m_nextTry, !nextTry.isEmpty());
    const QString limited = AgentStatusText::rateLimit(s, now);
    m_rateLimit->setText(limited);
    m_progressForm->setRowVisible(m_rateLimit, !limited.isEmpty());
    const QString kind = AgentStateStyle::errorKindLabel(s.errorKind);
    m_errorKind->setText(kind.isEmpty() ? s.errorKind : tr("%1 (%2)").arg(kind, s.errorKind));
    m_progressForm->setRowVisible(m_errorKind, !s.errorKind.isEmpty() && !s.error.isEmpty());
    m_lockWait->setText(listOrDash(s.waitingFor));
    m_progressForm->setRowVisible(m_lockWait, !s.waitingFor.isEmpty());

    std::optional<Escalation> question;
    if (!s.openEscalation.isEmpty())
        question = m_orchestrator->inbox().find(s.openEscalation);
    m_question->setText(question ? question->question : QString());
    for (QWidget *widget : std::initializer_list<QWidget *>{m_questionHeading, m_question, m_goToQuestion})
        widget->setVisible(question.has_value());
    if (s.tokens() > 0 || s.costUsd > 0.0) {
        m_usage->setText(
            tr("%1 in · %2 out · %3")
                .arg(locale.toString(s.inputTokens), locale.toString(s.outputTokens), DisplayFormat::cost(s.costUsd)));
    } else {
        m_usage->setText(tr("Not reported"));
    }
    m_created->setText(DisplayFormat::dateTime(s.createdAt));
    m_started->setText(DisplayFormat::dateTime(s.startedAt));
    m_completed->setText(DisplayFormat::dateTime(s.completedAt));
    if (!s.startedAt.isValid())
        m_elapsed->setText(QStringLiteral("—"));
    else if (const qint64 queued = s.queueMs(); queued > 0)
        m_elapsed->setText(
            tr("%1 running, %2 in the queue").arg(DisplayFormat::duration(s.runMs()), DisplayFormat::duration(queued)));
    else
        m_elapsed->setText(DisplayFormat::duration(s.elapsedMs()));

    QString result;
    QColor resultColor = palette().color(QPalette::WindowText);
    if (s.state == AgentState::Failed) {
        result = AgentStatusText::failure(s);
        resultColor = AgentStateStyle::foreground(s.state, palette());
    } else if (s.state == AgentState::Blocked) {
        result = s.error.isEmpty() ? AgentStateStyle::description(s.state) : s.error;
        resultColor = AgentStateStyle::foreground(s.state, palette());
    } else if (s.state == AgentState::Completed) {
        result = s.summary.isEmpty() ? tr("Completed without a summary") : s.summary;
    } else if (s.state == AgentState::Review) {
        result = s.summary.isEmpty() ? AgentStateStyle::description(s.state) : s.summary;
    } else if (s.state == AgentState::Cancelled) {
        result = AgentStateStyle::description(s.state);
    } else if (s.state == AgentState::Skipped) {
        result = s.summary.isEmpty() ? AgentStateStyle::description(s.state) : s.summary;
    } else {
        result = tr("Not finished yet");
        resultColor = palette().color(QPalette::PlaceholderText);
    }
    QPalette resultPalette = m_result->palette();
    resultPalette.setColor(QPalette::WindowText, resultColor);
    m_result->setPalette(resultPalette);
    m_result->setText(result);

    const bool ticking =
        (s.startedAt.isValid() && !s.completedAt.isValid()) || !nextTry.isEmpty() || !limited.isEmpty();
    if (ticking && !m_elapsedTimer->isActive())
        m_elapsedTimer->start();
    else if (!ticking)
        m_elapsedTimer->stop();
}

void AgentDetailPane::refreshLog(bool reset)
{
    if (!m_orchestrator || m_agentId.isEmpty())
        return;
    const QStringList lines = m_orchestrator->agentLog(m_agentId);
    const qint64 dropped = m_orchestrator->agentLogDropped(m_agentId);
    const qint64 total = dropped + lines.size();
    QScrollBar *bar = m_log->verticalScrollBar();
    const bool followTail = reset || bar->value() >= bar->maximum() - 2;

    if (reset || total < m_shownLogTotal) {
        m_log->setPlainText(lines.join(QLatin1Char('\n')));
        if (reset && total == 0 && m_orchestrator->store())
            readStoredLog();
    } else {
        const qint64 fresh = qMin<qint64>(total - m_shownLogTotal, lines.size());
        if (fresh <= 0) {
            m_shownLogTotal = total;
            return;
        }
        m_log->appendPlainText(lines.mid(lines.size() - fresh).join(QLatin1Char('\n')));
    }
    m_shownLogTotal = total;

    if (dropped > 0) {
        const int count = static_cast<int>(qMin<qint64>(dropped, INT_MAX));
        const QString file = m_orchestrator->agentLogFile(m_agentId);
        // Marked, so nobody mistakes the tail for the whole output.
        m_logDropped->setText(
            file.isEmpty() ? tr("%n older line(s) not shown; the newest %1 are kept.", nullptr, count).arg(lines.size())
                           : tr("%n older line(s) not shown — full log: %1", nullptr, count).arg(file));
        m_logDropped->show();
    } else {
        m_logDropped->hide();
    }
    if (followTail)
        bar->setValue(bar->maximum());
}

void AgentDetailPane::readStoredLog()
{
    Store *store = m_orchestrator->store();
    const quint64 read = ++m_lastTranscriptRead;
    m_logRead = read;
    auto *watcher = new QFutureWatcher<QStringList>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, read] {
        watcher->deleteLater();
        if (read != m_logRead || m_shownLogTotal > 0)
            return; // another agent was selected, or its live log has lines now
        m_logRead = 0;
        const QStringList stored = watcher->result();
        if (!stored.isEmpty())
            m_log->setPlainText(stored.join(QLatin1Char('\n')));
    });
    watcher->setFuture(
        QtConcurrent::run(&m_storeReads, [store, agentId = m_agentId] { return store->agentLog(agentId); }));
}

void AgentDetailPane::refreshTranscript(bool reset)
{
    if (!m_orchestrator || m_agentId.isEmpty())
        return;
    if (reset)
        m_transcriptRead = 0; // an answer for the agent shown before is not wanted any more
    else if (m_transcriptRead != 0)
        return; // the read's answer comes first; it refreshes again when shown
    Store *store = m_orchestrator->store();
    const bool haveStore = store && store->isOpen();
    qint64 total = 0;
    qint64 dropped = 0;
    if (!reset) {
        // Only the steps recorded since the last look; agentsUpdated() batches them (no flicker, one layout).
        const QList<TranscriptEntry> fresh =
            m_orchestrator->agentTranscript(m_agentId, m_shownTranscriptTotal, &total, &dropped);
        if (m_shownTranscriptTotal < dropped && haveStore) {
            // Steps the live copy let go before this pane saw them are committed: read them back from the store,
            // then show what came after them.
            readStoredTranscript([this, dropped](const QList<TranscriptEntry> &stored) {
                m_transcript->appendEntries(stored);
                m_shownTranscriptTotal = dropped;
                refreshTranscript(false);
            });
            return;
        }
        m_shownTranscriptTotal = total;
        m_transcript->appendEntries(fresh);
        return;
    }
    QList<TranscriptEntry> live = m_orchestrator->agentTranscript(m_agentId, 0, &total, &dropped);
    const std::optional<AgentStatus> s = m_orchestrator->status(m_agentId);
    const bool active = s && !isFinalState(s->state);
    m_transcript->setEmptyText(transcriptEmptyText());
    m_shownTranscriptTotal = total;
    // The live copy is bounded, and an agent put back from the database has none: the store has every step
    // committed so far, and the live copy adds the newest ones it has not committed yet.
    if (!(dropped > 0 || live.isEmpty()) || !haveStore) {
        // A running agent is followed at its newest step; a finished one is read from the start.
        m_transcript->setEntries(live, active);
        return;
    }
    readStoredTranscript([this, live = std::move(live), active](QList<TranscriptEntry> entries) {
        for (const TranscriptEntry &e : live) {
            if (entries.isEmpty() || e.attempt > entries.constLast().attempt ||
                (e.attempt == entries.constLast().attempt && e.seq > entries.constLast().seq))
                entries.append(e);
        }
        m_transcript->setEntries(entries, active);
        refreshTranscript(false);
    });
}

void AgentDetailPane::readStoredTranscript(std::function<void(const QList<TranscriptEntry> &stored)> done)
{
    Store *store = m_orchestrator->store();
    const quint64 read = ++m_lastTranscriptRead;
    m_transcriptRead = read;
    auto *watcher = new QFutureWatcher<QList<TranscriptEntry>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, read, done = std::move(done)] {
        watcher->deleteLater();
        if (read != m_transcriptRead)
            return; // another agent, or a newer read, came since
        m_transcriptRead = 0;
        done(watcher->result());
    });
    watcher->setFuture(
        QtConcurrent::run(&m_storeReads, [store, agentId = m_agentId] { return store->transcript(agentId); }));
}

QString AgentDetailPane::transcriptEmptyText() const
{
    const std::optional<AgentStatus> s = m_orchestrator ? m_orchestrator->status(m_agentId) : std::nullopt;
    QString profileName = s ? s->profile : QString();
    if (s && profileName.isEmpty()) {
        if (const std::optional<Goal> goal = m_orchestrator->goal(s->goalId))
            profileName = goal->profile;
    }
    if (profileName.isEmpty())
        return tr("No transcript yet."); // no profile picked: who will talk is not known yet
    for (const AgentProfile &profile : m_orchestrator->profiles()) {
        if (profile.name != profileName)
            continue;
        // Model agents and the coding agents that report their conversation (aider prints plain text only).
        static const QStringList talking{QStringLiteral("openai"),      QStringLiteral("anthropic"),
                                         QStringLiteral("claude-code"), QStringLiteral("codex"),
                                         QStringLiteral("gemini"),      QStringLiteral("acp")};
        if (talking.contains(profile.backend))
            return tr("No transcript yet: the model has not been asked anything.");
        break;
    }
    return tr("No transcript: this agent's backend does not talk to a model.");
}

void AgentDetailPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        m_changesGoal.clear(); // its line is read again, in the new language
        refreshStatus();
    } else if (event->type() == QEvent::PaletteChange) {
        refreshStatus();
    }
    QWidget::changeEvent(event);
}

void AgentDetailPane::retranslate()
{
    m_placeholder->setText(tr("Select an agent on the board to see its goal, progress and log."));
    m_goalHeading->setText(tr("Goal"));
    m_progressHeading->setText(tr("Progress"));
    m_resultHeading->setText(tr("Result"));
    m_tabs->setTabText(0, tr("Log"));
    m_tabs->setTabText(1, tr("Transcript"));
    if (!m_agentId.isEmpty())
        m_transcript->setEmptyText(transcriptEmptyText());
    m_questionHeading->setText(tr("Waiting for your answer"));
    m_goToQuestion->setText(tr("&Answer in the inbox"));
    m_reviewChanges->setText(tr("&Review changes…"));
    m_reviewChanges->setToolTip(tr("See the diff, then merge, discard or ask for a follow-up"));
    setFormLabel(m_goalForm, m_repository, tr("Repository"));
    setFormLabel(m_progressForm, m_agentSession, tr("Agent session"));
    setFormLabel(m_progressForm, m_executor, tr("Runs on"));
    setFormLabel(m_progressForm, m_nextTry, tr("Next try"));
    setFormLabel(m_progressForm, m_rateLimit, tr("Rate limit"));
    setFormLabel(m_progressForm, m_errorKind, tr("Error kind"));
    setFormLabel(m_progressForm, m_lockWait, tr("Waiting for"));
    setFormLabel(m_goalForm, m_description, tr("Description"));
    setFormLabel(m_goalForm, m_priority, tr("Priority"));
    setFormLabel(m_goalForm, m_deadline, tr("Deadline"));
    setFormLabel(m_goalForm, m_criteria, tr("Success criteria"));
    setFormLabel(m_goalForm, m_dependsOn, tr("Depends on"));
    setFormLabel(m_goalForm, m_resources, tr("Resources"));
    setFormLabel(m_goalForm, m_profile, tr("Profile"));
    setFormLabel(m_progressForm, m_step, tr("Current step"));
    setFormLabel(m_progressForm, m_steps, tr("Steps so far"));
    setFormLabel(m_progressForm, m_attempt, tr("Attempt"));
    setFormLabel(m_progressForm, m_usage, tr("Tokens / cost"));
    setFormLabel(m_progressForm, m_created, tr("Created"));
    setFormLabel(m_progressForm, m_started, tr("Started"));
    setFormLabel(m_progressForm, m_completed, tr("Completed"));
    setFormLabel(m_progressForm, m_elapsed, tr("Elapsed"));
    m_log->setPlaceholderText(tr("No output yet"));
}

} // namespace switchboard
