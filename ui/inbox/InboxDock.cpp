#include "inbox/InboxDock.h"

#include "inbox/EscalationListModel.h"
#include "orchestration/Orchestrator.h"
#include "style/AgentStateStyle.h"
#include "style/DisplayFormat.h"
#include "style/FormStyle.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace switchboard {

namespace {
QTreeView *makeQuestionView(QWidget *parent, const QString &objectName, EscalationListModel *model)
{
    auto *view = new QTreeView(parent);
    view->setObjectName(objectName);
    view->setModel(model);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAllColumnsShowFocus(true);
    view->setTextElideMode(Qt::ElideRight);
    QHeaderView *header = view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(EscalationListModel::QuestionColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(EscalationListModel::AgentColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(EscalationListModel::GoalColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(EscalationListModel::TriggerColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(EscalationListModel::PriorityColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(EscalationListModel::WaitedColumn, QHeaderView::ResizeToContents);
    header->resizeSection(EscalationListModel::AgentColumn, 110);
    header->resizeSection(EscalationListModel::GoalColumn, 150);
    return view;
}
} // namespace

InboxDock::InboxDock(Orchestrator *orchestrator, QWidget *parent)
    : QDockWidget(parent)
    , m_orchestrator(orchestrator)
    , m_openModel(new EscalationListModel(orchestrator, EscalationListModel::Kind::Open, this))
    , m_historyModel(new EscalationListModel(orchestrator, EscalationListModel::Kind::History, this))
{
    setObjectName(QStringLiteral("inboxDock"));
    setAllowedAreas(Qt::AllDockWidgetAreas);

    auto *body = new QWidget(this);
    body->setObjectName(QStringLiteral("inboxBody"));

    m_tabs = new QTabWidget(body);
    m_tabs->setObjectName(QStringLiteral("inboxTabs"));
    m_tabs->setDocumentMode(true);
    m_openView = makeQuestionView(m_tabs, QStringLiteral("openQuestions"), m_openModel);
    m_historyView = makeQuestionView(m_tabs, QStringLiteral("questionHistory"), m_historyModel);
    m_tabs->addTab(m_openView, QString());
    m_tabs->addTab(m_historyView, QString());

    // The question panel: what is asked, why, and the ways to answer.
    m_detailStack = new QStackedWidget(body);
    m_placeholder = new QLabel(m_detailStack);
    m_placeholder->setObjectName(QStringLiteral("inboxPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setMargin(16);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);

    auto *panel = new QWidget(m_detailStack);
    panel->setObjectName(QStringLiteral("questionPanel"));
    auto *column = new QVBoxLayout(panel);
    column->setContentsMargins(10, 6, 6, 6);
    column->setSpacing(6);
    m_meta = new QLabel(panel);
    m_meta->setObjectName(QStringLiteral("questionMeta"));
    m_meta->setForegroundRole(QPalette::PlaceholderText);
    m_meta->setWordWrap(true);
    m_meta->setTextFormat(Qt::PlainText);
    m_question = new QLabel(panel);
    m_question->setObjectName(QStringLiteral("questionText"));
    m_question->setWordWrap(true);
    m_question->setTextFormat(Qt::PlainText);
    m_question->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont questionFont = m_question->font();
    questionFont.setPointSizeF(questionFont.pointSizeF() * 1.1);
    questionFont.setWeight(QFont::DemiBold);
    m_question->setFont(questionFont);
    m_contextHeading = new QLabel(panel);
    m_contextHeading->setForegroundRole(QPalette::PlaceholderText);
    m_context = new QPlainTextEdit(panel);
    m_context->setObjectName(QStringLiteral("questionContext"));
    m_context->setReadOnly(true);
    m_context->setMinimumHeight(44);
    m_options = new QWidget(panel);
    m_options->setObjectName(QStringLiteral("optionButtons"));
    m_optionsLayout = new QHBoxLayout(m_options);
    m_optionsLayout->setContentsMargins(0, 0, 0, 0);
    m_optionsLayout->setSpacing(6);

    auto *answerRow = new QHBoxLayout;
    answerRow->setSpacing(6);
    m_answer = new QLineEdit(panel);
    m_answer->setObjectName(QStringLiteral("answerEdit"));
    m_answer->setClearButtonEnabled(true);
    m_send = new QPushButton(panel);
    m_send->setObjectName(QStringLiteral("sendAnswerButton"));
    answerRow->addWidget(m_answer, 1);
    answerRow->addWidget(m_send);
    m_error = FormStyle::makeErrorLabel(panel, QStringLiteral("answerError"));
    m_outcome = new QLabel(panel);
    m_outcome->setObjectName(QStringLiteral("questionOutcome"));
    m_outcome->setWordWrap(true);
    m_outcome->setTextFormat(Qt::PlainText);
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *actionRow = new QHBoxLayout;
    actionRow->setSpacing(6);
    m_showAgent = new QPushButton(panel);
    m_showAgent->setObjectName(QStringLiteral("showAgentButton"));
    m_cancelAgent = new QPushButton(panel);
    m_cancelAgent->setObjectName(QStringLiteral("cancelAgentButton"));
    actionRow->addWidget(m_showAgent);
    actionRow->addStretch(1);
    actionRow->addWidget(m_cancelAgent);

    column->addWidget(m_meta);
    column->addWidget(m_question);
    column->addWidget(m_contextHeading);
    column->addWidget(m_context, 1);
    column->addWidget(m_options);
    column->addLayout(answerRow);
    column->addWidget(m_error);
    column->addWidget(m_outcome);
    column->addLayout(actionRow);

    m_detailStack->addWidget(m_placeholder);
    m_detailStack->addWidget(panel);

    auto *splitter = new QSplitter(Qt::Horizontal, body);
    splitter->setObjectName(QStringLiteral("inboxSplitter"));
    splitter->addWidget(m_tabs);
    splitter->addWidget(m_detailStack);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 2, 4, 4);
    layout->addWidget(splitter);
    setWidget(body);

    connect(m_openView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &InboxDock::handleSelectionChanged);
    connect(m_historyView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &InboxDock::handleSelectionChanged);
    connect(m_tabs, &QTabWidget::currentChanged, this, &InboxDock::handleSelectionChanged);
    connect(m_openModel, &QAbstractItemModel::rowsInserted, this, &InboxDock::handleOpenRowsChanged);
    connect(m_openModel, &QAbstractItemModel::rowsRemoved, this, &InboxDock::handleOpenRowsChanged);
    connect(m_answer, &QLineEdit::returnPressed, this, [this] { sendAnswer(QString()); });
    connect(m_send, &QPushButton::clicked, this, [this] { sendAnswer(QString()); });
    connect(m_cancelAgent, &QPushButton::clicked, this, &InboxDock::cancelAgent);
    connect(m_showAgent, &QPushButton::clicked, this, [this] {
        if (!m_orchestrator || m_currentId.isEmpty())
            return;
        if (const std::optional<Escalation> e = m_orchestrator->inbox().find(m_currentId))
            Q_EMIT agentRequested(e->agentId);
    });

    retranslate();
    handleOpenRowsChanged();
}

int InboxDock::openCount() const
{
    return m_openModel->rowCount();
}

bool InboxDock::showEscalation(const QString &id)
{
    show();
    raise();
    for (QTreeView *view : {m_openView, m_historyView}) {
        const auto *model = static_cast<EscalationListModel *>(view->model());
        const int row = model->rowForId(id);
        if (row < 0)
            continue;
        m_tabs->setCurrentWidget(view);
        view->setCurrentIndex(model->index(row, 0));
        view->scrollTo(model->index(row, 0));
        showQuestion(id);
        return true;
    }
    return false;
}

void InboxDock::focusAnswer()
{
    if (m_answer->isVisibleTo(this) && m_answer->isEnabled())
        m_answer->setFocus(Qt::ShortcutFocusReason);
    else
        m_openView->setFocus(Qt::ShortcutFocusReason);
}

void InboxDock::handleOpenRowsChanged()
{
    const int count = openCount();
    // Nothing picked yet (or the picked one was just answered): go on with the most urgent question.
    if (count > 0 && m_tabs->currentWidget() == m_openView && !m_openView->currentIndex().isValid())
        m_openView->setCurrentIndex(m_openModel->index(0, 0));
    if (count != m_lastOpenCount) {
        m_lastOpenCount = count;
        retranslate();
        Q_EMIT openCountChanged(count);
    }
    handleSelectionChanged();
}

void InboxDock::handleSelectionChanged()
{
    auto *view = static_cast<QTreeView *>(m_tabs->currentWidget());
    const QModelIndex current = view ? view->currentIndex() : QModelIndex();
    showQuestion(current.isValid() ? current.data(EscalationListModel::IdRole).toString() : QString());
}

void InboxDock::showQuestion(const QString &id)
{
    const std::optional<Escalation> found =
        m_orchestrator && !id.isEmpty() ? m_orchestrator->inbox().find(id) : std::nullopt;
    if (!found) {
        m_currentId.clear();
        m_detailStack->setCurrentWidget(m_placeholder);
        return;
    }
    const Escalation &e = *found;
    const bool changed = e.id != m_currentId;
    const bool wasOpen = m_options->property("forOpen").toBool();
    m_currentId = e.id;
    m_detailStack->setCurrentIndex(1);
    if (!changed && wasOpen == e.isOpen())
        return; // same question, same state: keep what the person is typing

    QString agent = e.agentId;
    QString goal = e.goalId;
    if (m_orchestrator) {
        if (const std::optional<AgentStatus> status = m_orchestrator->status(e.agentId);
            status && !status->name.isEmpty())
            agent = status->name;
        if (const std::optional<Goal> g = m_orchestrator->goal(e.goalId); g && !g->title.isEmpty())
            goal = g->title;
    }
    //: Question header: trigger · agent · goal · priority
    m_meta->setText(tr("%1 · %2 · “%3” · %4 priority")
                        .arg(EscalationListModel::triggerLabel(e.trigger), agent, goal,
                             AgentStateStyle::priorityLabel(e.effectivePriority(QDateTime::currentDateTimeUtc()))));
    m_question->setText(e.question);
    m_context->setPlainText(e.context);
    m_context->setVisible(!e.context.isEmpty());
    m_contextHeading->setVisible(!e.context.isEmpty());
    showError(QString());

    // A button per option; rebuilt only when the question changes, never under the person's mouse.
    while (QLayoutItem *item = m_optionsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const bool open = e.isOpen();
    m_options->setProperty("forOpen", open);
    for (const Escalation::Option &option : e.options) {
        auto *button = new QPushButton(option.label.isEmpty() ? option.key : option.label, m_options);
        button->setObjectName(QStringLiteral("option_") + option.key);
        button->setToolTip(tr("Answer “%1”").arg(button->text()));
        button->setAutoDefault(false);
        const QString key = option.key;
        connect(button, &QPushButton::clicked, this, [this, key] { sendAnswer(key); });
        m_optionsLayout->addWidget(button);
    }
    m_optionsLayout->addStretch(1);
    m_options->setVisible(open && !e.options.isEmpty());
    m_answer->setVisible(open);
    m_answer->clear();
    m_answer->setPlaceholderText(e.options.isEmpty() ? tr("Type your answer and press Enter")
                                                     : tr("Optional note for the agent (sent with the option)"));
    m_send->setVisible(open && e.options.isEmpty());
    m_cancelAgent->setVisible(open);

    if (open) {
        m_outcome->hide();
    } else {
        QString outcome = EscalationListModel::outcomeText(e);
        if (e.state == Escalation::State::Answered && !e.answerOption.isEmpty() && !e.answerText.isEmpty())
            outcome += QStringLiteral(" — ") + e.answerText;
        //: Closed question: outcome, who closed it, when
        m_outcome->setText(tr("%1\nby %2, %3").arg(outcome, e.answeredBy, DisplayFormat::dateTime(e.answeredAt)));
        m_outcome->show();
    }
}

void InboxDock::sendAnswer(const QString &option)
{
    if (!m_orchestrator || m_currentId.isEmpty())
        return;
    const std::optional<Escalation> e = m_orchestrator->inbox().find(m_currentId);
    if (!e || !e->isOpen())
        return;
    const QString text = m_answer->text().trimmed();
    if (option.isEmpty() && !e->options.isEmpty()) {
        showError(tr("Pick one of the options above; the text goes with it as a note."));
        return;
    }
    if (option.isEmpty() && text.isEmpty()) {
        showError(tr("Type an answer first."));
        return;
    }
    QString error;
    if (!m_orchestrator->answer(m_currentId, option, text, &error)) { // durable before the agent hears it
        showError(error);
        return;
    }
    m_answer->clear();
    showError(QString());
}

void InboxDock::cancelAgent()
{
    if (!m_orchestrator || m_currentId.isEmpty())
        return;
    if (const std::optional<Escalation> e = m_orchestrator->inbox().find(m_currentId))
        m_orchestrator->cancel(e->agentId);
}

void InboxDock::showError(const QString &text)
{
    FormStyle::setFieldError(m_answer, m_error, text);
}

void InboxDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    } else if (event->type() == QEvent::PaletteChange) {
        FormStyle::updateErrorColor(m_error);
    }
    QDockWidget::changeEvent(event);
}

void InboxDock::retranslate()
{
    const int count = openCount();
    setWindowTitle(count > 0 ? tr("Inbox (%1)").arg(count) : tr("Inbox"));
    m_tabs->setTabText(0, count > 0 ? tr("Waiting (%1)").arg(count) : tr("Waiting"));
    m_tabs->setTabText(1, tr("History"));
    m_placeholder->setText(count > 0 ? tr("Pick a question on the left to answer it.")
                                     : tr("No agent is waiting for you. Questions agents ask show up here."));
    m_contextHeading->setText(tr("Context"));
    m_send->setText(tr("Send"));
    m_cancelAgent->setText(tr("Cancel agent"));
    m_cancelAgent->setToolTip(tr("Withdraw the question and cancel the agent that asked it"));
    m_showAgent->setText(tr("Show agent on the board"));
    if (!m_currentId.isEmpty()) {
        const QString id = m_currentId;
        m_currentId.clear();
        showQuestion(id);
    }
}

} // namespace switchboard
