#include "history/HistoryGoalPane.h"

#include "inbox/EscalationListModel.h"
#include "persistence/Store.h"
#include "style/AgentStateStyle.h"
#include "style/DisplayFormat.h"
#include "widgets/TranscriptView.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QStackedLayout>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace switchboard {

namespace {
QString escaped(const QString &text)
{
    return text.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"));
}

// One "label: value" row of the goal's definition, left out when there is nothing to say.
void addRow(QString &html, const QString &label, const QString &value)
{
    if (value.trimmed().isEmpty())
        return;
    html += QStringLiteral("<tr><td style=\"padding-right:12px; color:@muted@\">%1</td>"
                           "<td>%2</td></tr>")
                .arg(label.toHtmlEscaped(), escaped(value));
}

QTextBrowser *makeBrowser(const QString &objectName)
{
    auto *browser = new QTextBrowser;
    browser->setObjectName(objectName);
    browser->setOpenLinks(false);
    browser->setFrameShape(QFrame::NoFrame);
    browser->document()->setDocumentMargin(10);
    return browser;
}

QTreeWidget *makeTree(const QString &objectName)
{
    auto *tree = new QTreeWidget;
    tree->setObjectName(objectName);
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->setAlternatingRowColors(true);
    tree->setFrameShape(QFrame::NoFrame);
    tree->setSelectionMode(QAbstractItemView::SingleSelection);
    tree->setAllColumnsShowFocus(true);
    tree->header()->setStretchLastSection(true);
    tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return tree;
}
} // namespace

HistoryGoalPane::HistoryGoalPane(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedLayout(this))
    , m_placeholder(new QLabel(this))
    , m_title(new QLabel)
    , m_meta(new QLabel)
    , m_tabs(new QTabWidget)
    , m_result(makeBrowser(QStringLiteral("historyResult")))
    , m_attempts(makeTree(QStringLiteral("historyAttempts")))
    , m_logInfo(new QLabel)
    , m_openLog(new QPushButton)
    , m_log(new QPlainTextEdit)
    , m_questions(makeBrowser(QStringLiteral("historyQuestions")))
    , m_timeline(makeTree(QStringLiteral("historyTimeline")))
    , m_transcript(new TranscriptView)
{
    setObjectName(QStringLiteral("historyGoalPane"));
    m_placeholder->setObjectName(QStringLiteral("historyGoalPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setMargin(24);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);

    auto *content = new QWidget(this);
    auto *column = new QVBoxLayout(content);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    m_title->setObjectName(QStringLiteral("historyGoalTitle"));
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    m_meta->setObjectName(QStringLiteral("historyGoalMeta"));
    m_meta->setWordWrap(true);
    m_meta->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_meta->setForegroundRole(QPalette::PlaceholderText);
    auto *header = new QVBoxLayout;
    header->setContentsMargins(10, 6, 10, 4);
    header->setSpacing(2);
    header->addWidget(m_title);
    header->addWidget(m_meta);
    column->addLayout(header);

    m_tabs->setObjectName(QStringLiteral("historyGoalTabs"));
    m_tabs->setDocumentMode(true);
    column->addWidget(m_tabs, 1);

    m_attempts->setColumnCount(7);
    m_attempts->setIndentation(0);
    m_attempts->setItemsExpandable(false);
    m_attempts->setUniformRowHeights(false);
    m_attempts->setWordWrap(true);
    m_attempts->header()->setStretchLastSection(false);
    // Fixed: sizing it to contents would measure the spanned error lines as well.
    m_attempts->header()->setSectionResizeMode(0, QHeaderView::Fixed);
    m_attempts->header()->resizeSection(0, 36);
    m_timeline->setColumnCount(4);

    auto *logPanel = new QWidget;
    auto *logColumn = new QVBoxLayout(logPanel);
    logColumn->setContentsMargins(6, 6, 6, 6);
    logColumn->setSpacing(4);
    auto *logBar = new QHBoxLayout;
    m_logInfo->setObjectName(QStringLiteral("historyLogInfo"));
    m_logInfo->setForegroundRole(QPalette::PlaceholderText);
    m_logInfo->setWordWrap(true);
    m_openLog->setObjectName(QStringLiteral("openLogFileButton"));
    connect(m_openLog, &QPushButton::clicked, this, [this] {
        if (!m_logFile.isEmpty())
            Q_EMIT openLogFileRequested(m_logFile);
    });
    logBar->addWidget(m_logInfo, 1);
    logBar->addWidget(m_openLog);
    logColumn->addLayout(logBar);
    m_log->setObjectName(QStringLiteral("historyLog"));
    m_log->setReadOnly(true);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    logColumn->addWidget(m_log, 1);

    m_tabs->addTab(m_result, QString());
    m_tabs->addTab(m_attempts, QString());
    m_tabs->addTab(logPanel, QString());
    m_tabs->addTab(m_questions, QString());
    m_tabs->addTab(m_timeline, QString());
    m_transcript->setObjectName(QStringLiteral("historyTranscript"));
    m_tabs->addTab(m_transcript, QString());

    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(content);
    retranslate();
    render();
}

void HistoryGoalPane::setGoal(std::shared_ptr<const HistorySnapshot> snapshot, int row)
{
    m_snapshot = std::move(snapshot);
    m_row = m_snapshot && row >= 0 && row < m_snapshot->rows.size() ? row : -1;
    const QString agentId = m_row >= 0 ? m_snapshot->goalAt(m_row).agentId : QString();
    if (agentId != m_agentId) {
        m_agentId = agentId;
        m_log->clear();
        m_logFile.clear();
        m_logLines = -1;
        m_transcript->clear();
        m_tabs->setTabText(TranscriptTab, tr("Transcript"));
    }
    render();
}

void HistoryGoalPane::setTranscript(const QList<TranscriptEntry> &entries)
{
    if (m_transcript->entryCount() == 0)
        m_transcript->setEntries(entries, false);
    else
        m_transcript->appendEntries(entries); // a refresh: only the newer steps
    m_tabs->setTabText(TranscriptTab, tr("Transcript (%1)").arg(m_transcript->entryCount()));
}

void HistoryGoalPane::setLogLoading()
{
    m_logLines = -1;
    updateLogHeader();
}

void HistoryGoalPane::setLog(const QStringList &lines, const QString &logFile)
{
    // A refresh appends to what is shown: keep the reader's place unless they were following the end.
    QScrollBar *bar = m_log->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 2;
    const int position = bar->value();
    m_log->setPlainText(lines.join(u'\n'));
    if (atEnd)
        bar->setValue(bar->maximum());
    else
        bar->setValue(position);
    m_logFile = logFile;
    m_logLines = static_cast<int>(lines.size());
    updateLogHeader();
}

void HistoryGoalPane::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
}

void HistoryGoalPane::render()
{
    if (m_row < 0) {
        m_stack->setCurrentIndex(0);
        return;
    }
    m_stack->setCurrentIndex(1);
    const GoalRecord &goal = m_snapshot->goalAt(m_row);
    const HistorySnapshot::GoalRow &row = m_snapshot->rows.at(m_row);
    m_title->setText(goal.goal.title.isEmpty() ? goal.goal.id : goal.goal.title);
    QStringList meta{AgentStateStyle::label(row.state), tr("goal %1").arg(goal.goal.id)};
    if (!goal.agentId.isEmpty())
        meta << tr("agent %1").arg(goal.agentId);
    if (const AgentStatus *agent = m_snapshot->agentAt(m_row); agent && !agent->profile.isEmpty())
        meta << agent->profile;
    if (row.tokens > 0)
        meta << DisplayFormat::tokens(row.tokens);
    if (row.costUsd > 0.0)
        meta << DisplayFormat::cost(row.costUsd);
    m_meta->setText(meta.join(QStringLiteral(" · ")));

    renderResult(m_row);
    const QList<AttemptRecord> attempts = m_snapshot->attemptsOf(goal.agentId);
    renderAttempts(attempts);
    const QList<Escalation> escalations = m_snapshot->escalationsOf(goal.agentId);
    renderQuestions(escalations);
    renderTimeline(m_snapshot->transitionsOf(goal.agentId));
    m_tabs->setTabText(AttemptsTab, tr("Attempts (%1)").arg(attempts.size()));
    m_tabs->setTabText(QuestionsTab, tr("Questions (%1)").arg(escalations.size()));
    updateLogHeader();
}

void HistoryGoalPane::renderResult(int rowIndex)
{
    const GoalRecord &record = m_snapshot->goalAt(rowIndex);
    const Goal &goal = record.goal;
    const AgentStatus *agent = m_snapshot->agentAt(rowIndex);
    const AgentState state = m_snapshot->rows.at(rowIndex).state;
    const QColor stateColor = AgentStateStyle::foreground(state, palette());

    QString html;
    html += QStringLiteral("<p style=\"margin-top:0\"><b style=\"color:%1\">%2</b></p>")
                .arg(stateColor.name(), AgentStateStyle::label(state).toHtmlEscaped());
    const QString summary = agent ? agent->summary : QString();
    const QString error = agent ? agent->error : QString();
    if (!summary.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(escaped(summary));
    if (!error.isEmpty())
        html += QStringLiteral("<p><b>%1</b> %2</p>").arg(tr("Error:").toHtmlEscaped(), escaped(error));
    if (summary.isEmpty() && error.isEmpty())
        html += QStringLiteral("<p style=\"color:@muted@\">%1</p>")
                    .arg((isFinalState(state) ? tr("No summary was recorded.") : tr("No result yet.")).toHtmlEscaped());

    html += QStringLiteral("<h4>%1</h4><table cellspacing=\"0\" cellpadding=\"2\">").arg(tr("Goal").toHtmlEscaped());
    addRow(html, tr("Description"), goal.description);
    addRow(html, tr("Priority"), AgentStateStyle::priorityLabel(goal.priority));
    addRow(html, tr("Success criteria"), goal.successCriteria.join(u'\n'));
    addRow(html, tr("Depends on"), goal.dependsOn.join(QStringLiteral(", ")));
    addRow(html, tr("Capabilities"), goal.capabilities.join(QStringLiteral(", ")));
    addRow(html, tr("Resources"), goal.resources.join(QStringLiteral(", ")));
    addRow(html, tr("Profile"), goal.profile.isEmpty() ? tr("any with the capabilities") : goal.profile);
    addRow(html, tr("Deadline"), goal.deadline.isValid() ? DisplayFormat::dateTime(goal.deadline) : QString());
    addRow(html, tr("Added"), DisplayFormat::dateTime(record.createdAt));
    if (agent) {
        addRow(html, tr("Started"), agent->startedAt.isValid() ? DisplayFormat::dateTime(agent->startedAt) : QString());
        addRow(html, tr("Ended"),
               agent->completedAt.isValid() ? DisplayFormat::dateTime(agent->completedAt) : QString());
        addRow(html, tr("Agent"),
               agent->name.isEmpty() ? agent->agentId : tr("%1 (%2)").arg(agent->name, agent->agentId));
        if (agent->tokens() > 0 || agent->costUsd > 0.0)
            addRow(html, tr("Usage"),
                   tr("%1 in, %2 out · %3")
                       .arg(QLocale().toString(agent->inputTokens), QLocale().toString(agent->outputTokens),
                            DisplayFormat::cost(agent->costUsd)));
    }
    addRow(html, tr("Run"),
           m_snapshot->runNames.value(record.runId).isEmpty()
               ? record.runId
               : tr("%1 (%2)").arg(m_snapshot->runNames.value(record.runId), record.runId));
    html += QStringLiteral("</table>");
    setHtml(m_result, html);
}

void HistoryGoalPane::setHtml(QTextBrowser *browser, QString html) const
{
    // Rich text has no palette() in CSS: secondary text gets the palette's placeholder colour here.
    html.replace(QStringLiteral("@muted@"), palette().color(QPalette::PlaceholderText).name());
    browser->setHtml(html);
}

void HistoryGoalPane::renderAttempts(const QList<AttemptRecord> &attempts)
{
    m_attempts->clear();
    QList<QTreeWidgetItem *> items;
    for (const AttemptRecord &a : attempts) {
        auto *item = new QTreeWidgetItem;
        item->setText(0, QString::number(a.attempt));
        if (a.outcome) {
            item->setText(1, AgentStateStyle::label(*a.outcome));
            item->setIcon(1, AgentStateStyle::icon(*a.outcome, palette()));
        } else {
            item->setText(1, tr("Running"));
        }
        item->setText(2, a.profile);
        item->setText(3, DisplayFormat::dateTime(a.startedAt));
        item->setText(4, a.durationMs() >= 0 ? DisplayFormat::duration(a.durationMs()) : tr("unfinished"));
        item->setText(5, a.tokens() > 0 ? QLocale().toString(a.tokens()) : QString());
        item->setText(6, a.costUsd > 0.0 ? DisplayFormat::cost(a.costUsd) : QString());
        for (const int column : {0, 4, 5, 6})
            item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        // The error (or summary) on a line of its own under the attempt, across the columns, wrapped: it is
        // what a person opens this tab for and rarely fits a column.
        QString detail = a.error.isEmpty() ? a.summary : a.error;
        if (a.exitCode && *a.exitCode >= 0 && !a.error.isEmpty())
            detail = tr("%1 (exit code %2)").arg(detail).arg(*a.exitCode);
        if (!detail.isEmpty()) {
            auto *line = new QTreeWidgetItem(item);
            line->setText(0, detail);
            line->setToolTip(0, detail);
            if (!a.error.isEmpty())
                line->setForeground(0, AgentStateStyle::foreground(AgentState::Failed, palette()));
        }
        items << item;
    }
    m_attempts->addTopLevelItems(items);
    for (QTreeWidgetItem *item : std::as_const(items)) {
        item->setExpanded(true);
        if (item->childCount() > 0)
            item->child(0)->setFirstColumnSpanned(true);
    }
}

void HistoryGoalPane::renderQuestions(const QList<Escalation> &escalations)
{
    if (escalations.isEmpty()) {
        setHtml(m_questions, QStringLiteral("<p style=\"color:@muted@\">%1</p>")
                                 .arg(tr("The agent asked no questions.").toHtmlEscaped()));
        return;
    }
    QString html;
    for (int i = 0; i < escalations.size(); ++i) {
        const Escalation &e = escalations.at(i);
        if (i > 0)
            html += QStringLiteral("<hr>");
        html +=
            QStringLiteral("<p style=\"color:@muted@; margin-bottom:2px\">%1</p>")
                .arg(tr("%1 · %2 · asked %3")
                         .arg(e.id, EscalationListModel::triggerLabel(e.trigger), DisplayFormat::dateTime(e.createdAt))
                         .toHtmlEscaped());
        html += QStringLiteral("<p style=\"margin-top:0\"><b>%1</b></p>").arg(escaped(e.question));
        if (!e.context.isEmpty())
            html += QStringLiteral("<p>%1</p>").arg(escaped(e.context));
        if (!e.options.isEmpty()) {
            QStringList options;
            for (const Escalation::Option &option : e.options)
                options << (option.label.isEmpty() || option.label == option.key
                                ? option.key
                                : tr("%1 (%2)").arg(option.label, option.key));
            html += QStringLiteral("<p>%1 %2</p>")
                        .arg(tr("Options:").toHtmlEscaped(), options.join(QStringLiteral(" · ")).toHtmlEscaped());
        }
        QString answer;
        if (e.state == Escalation::State::Answered) {
            QString chosen = e.answerOption.isEmpty() ? QString() : e.optionLabel(e.answerOption);
            if (!e.answerText.isEmpty())
                chosen = chosen.isEmpty() ? e.answerText : tr("%1 — %2").arg(chosen, e.answerText);
            answer = QStringLiteral("<b style=\"color:%1\">%2</b> %3")
                         .arg(AgentStateStyle::foreground(AgentState::Completed, palette()).name(),
                              tr("Answer:").toHtmlEscaped(), escaped(chosen));
        } else {
            answer = QStringLiteral("<b>%1</b>").arg(EscalationListModel::outcomeText(e).toHtmlEscaped());
            if (e.state == Escalation::State::TimedOut && !e.answerOption.isEmpty())
                answer += QStringLiteral(" ") + tr("(took “%1”)").arg(e.optionLabel(e.answerOption)).toHtmlEscaped();
        }
        html += QStringLiteral("<p>%1</p>").arg(answer);
        if (e.answeredAt.isValid())
            html += QStringLiteral("<p style=\"color:@muted@; margin-top:0\">%1</p>")
                        .arg((e.answeredBy.isEmpty()
                                  ? DisplayFormat::dateTime(e.answeredAt)
                                  : tr("%1 by %2").arg(DisplayFormat::dateTime(e.answeredAt), e.answeredBy))
                                 .toHtmlEscaped());
    }
    setHtml(m_questions, html);
}

void HistoryGoalPane::renderTimeline(const QList<TransitionRecord> &transitions)
{
    m_timeline->clear();
    QList<QTreeWidgetItem *> items;
    for (const TransitionRecord &t : transitions) {
        auto *item = new QTreeWidgetItem;
        item->setText(0, t.at.isValid() ? QLocale().toString(t.at.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                                        : QString());
        item->setText(1, t.attempt > 0 ? QString::number(t.attempt) : QString());
        item->setText(2, AgentStateStyle::label(t.state));
        item->setIcon(2, AgentStateStyle::icon(t.state, palette()));
        item->setText(3, t.error.simplified());
        item->setToolTip(3, t.error);
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        items << item;
    }
    m_timeline->addTopLevelItems(items);
}

void HistoryGoalPane::updateLogHeader()
{
    m_openLog->setEnabled(!m_logFile.isEmpty());
    m_openLog->setToolTip(m_logFile.isEmpty() ? tr("No full log file was written for this agent") : m_logFile);
    if (m_logLines < 0)
        m_logInfo->setText(tr("Loading…"));
    else if (m_logLines == 0)
        m_logInfo->setText(tr("The agent wrote nothing to its log."));
    else if (m_logLines >= Store::kLogLinesKept)
        m_logInfo->setText(tr("The last %n line(s); the full log is in the log file.", nullptr, m_logLines));
    else
        m_logInfo->setText(tr("%n line(s)", nullptr, m_logLines));
}

void HistoryGoalPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        render();
    } else if (event->type() == QEvent::PaletteChange) {
        render();
    }
    QWidget::changeEvent(event);
}

void HistoryGoalPane::retranslate()
{
    m_placeholder->setText(tr("Select a goal to see its result, attempts, log and the questions it asked."));
    m_tabs->setTabText(ResultTab, tr("Result"));
    m_tabs->setTabText(AttemptsTab, tr("Attempts"));
    m_tabs->setTabText(LogTab, tr("Log"));
    m_tabs->setTabText(QuestionsTab, tr("Questions"));
    m_tabs->setTabText(TimelineTab, tr("Timeline"));
    m_tabs->setTabText(TranscriptTab, m_transcript->entryCount() > 0
                                          ? tr("Transcript (%1)").arg(m_transcript->entryCount())
                                          : tr("Transcript"));
    m_transcript->setEmptyText(tr("No transcript: this agent did not talk to a model."));
    m_attempts->setHeaderLabels(
        {tr("#"), tr("Outcome"), tr("Profile"), tr("Started"), tr("Duration"), tr("Tokens"), tr("Cost")});
    m_timeline->setHeaderLabels({tr("Time"), tr("Attempt"), tr("State"), tr("Error")});
    m_openLog->setText(tr("Open full log"));
    updateLogHeader();
}

} // namespace switchboard
