#include "inbox/EscalationListModel.h"

#include "orchestration/Orchestrator.h"
#include "style/AgentStateStyle.h"
#include "style/DisplayFormat.h"

#include <QHash>
#include <QSet>
#include <algorithm>

namespace switchboard {

EscalationListModel::EscalationListModel(Orchestrator *orchestrator, Kind kind, QObject *parent)
    : KeyedTableModel(parent)
    , m_orchestrator(orchestrator)
    , m_kind(kind)
{
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &EscalationListModel::refresh);
    if (m_orchestrator) {
        EscalationInbox *inbox = &m_orchestrator->inbox();
        connect(inbox, &EscalationInbox::escalationRaised, this, &EscalationListModel::refresh);
        connect(inbox, &EscalationInbox::escalationAnswered, this, &EscalationListModel::refresh);
        connect(inbox, &EscalationInbox::escalationCancelled, this, &EscalationListModel::refresh);
        connect(inbox, &EscalationInbox::escalationTimedOut, this, &EscalationListModel::refresh);
        // Agent names and goal titles come from the board; a renamed or removed agent updates its rows.
        connect(m_orchestrator, &Orchestrator::agentsRemoved, this, &EscalationListModel::refresh);
    }
    refresh();
}

int EscalationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int EscalationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags EscalationListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QList<Escalation> EscalationListModel::read() const
{
    if (!m_orchestrator)
        return {};
    if (m_kind == Kind::Open)
        return m_orchestrator->inbox().open(QDateTime::currentDateTimeUtc());
    QList<Escalation> closed = m_orchestrator->inbox().history();
    std::reverse(closed.begin(), closed.end()); // newest first
    return closed;
}

void EscalationListModel::refresh()
{
    const QList<Escalation> fresh = read();
    syncRows(m_rows, fresh, [](const Escalation &e) { return e.id; });

    if (m_kind == Kind::Open) {
        if (m_rows.isEmpty())
            m_tick.stop();
        else if (!m_tick.isActive())
            m_tick.start();
    }
}

int EscalationListModel::rowForId(const QString &id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

QString EscalationListModel::agentName(const QString &agentId) const
{
    if (m_orchestrator) {
        if (const std::optional<AgentStatus> status = m_orchestrator->status(agentId);
            status && !status->name.isEmpty())
            return status->name;
    }
    return agentId;
}

QString EscalationListModel::goalTitle(const QString &goalId) const
{
    if (m_orchestrator) {
        if (const std::optional<Goal> goal = m_orchestrator->goal(goalId); goal && !goal->title.isEmpty())
            return goal->title;
    }
    return goalId;
}

QVariant EscalationListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Escalation &e = m_rows.at(index.row());
    const QDateTime now = QDateTime::currentDateTimeUtc();

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case QuestionColumn:
            return e.question.simplified();
        case AgentColumn:
            return agentName(e.agentId);
        case GoalColumn:
            return goalTitle(e.goalId);
        case TriggerColumn:
            return triggerLabel(e.trigger);
        case PriorityColumn:
            return AgentStateStyle::priorityLabel(e.effectivePriority(now));
        case WaitedColumn:
            return e.isOpen() ? DisplayFormat::clock(e.createdAt.msecsTo(now)) : outcomeText(e);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == QuestionColumn)
            return e.context.isEmpty() ? e.question : e.question + QStringLiteral("\n\n") + e.context;
        if (index.column() == WaitedColumn && e.isOpen())
            return tr("Asked %1").arg(DisplayFormat::dateTime(e.createdAt));
        return {};
    case Qt::AccessibleTextRole:
        // A screen reader reads one row as one sentence: who asks, how urgent, what.
        if (index.column() == QuestionColumn)
            return tr("Question from %1, %2 priority: %3")
                .arg(agentName(e.agentId), AgentStateStyle::priorityLabel(e.effectivePriority(now)),
                     e.question.simplified());
        return data(index, Qt::DisplayRole);
    case Qt::TextAlignmentRole:
        if (index.column() == WaitedColumn && e.isOpen())
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case IdRole:
        return e.id;
    case AgentIdRole:
        return e.agentId;
    case GoalIdRole:
        return e.goalId;
    case EffectivePriorityRole:
        return static_cast<int>(e.effectivePriority(now));
    case CreatedRole:
        return e.createdAt;
    case StateRole:
        return static_cast<int>(e.state);
    default:
        return {};
    }
}

QVariant EscalationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case QuestionColumn:
        return tr("Question");
    case AgentColumn:
        return tr("Agent");
    case GoalColumn:
        return tr("Goal");
    case TriggerColumn:
        return tr("Trigger");
    case PriorityColumn:
        return tr("Priority");
    case WaitedColumn:
        return m_kind == Kind::Open ? tr("Waiting") : tr("Outcome");
    default:
        return {};
    }
}

QString EscalationListModel::triggerLabel(Escalation::Trigger trigger)
{
    switch (trigger) {
    case Escalation::Trigger::Architecture:
        return tr("Architecture");
    case Escalation::Trigger::Security:
        return tr("Security");
    case Escalation::Trigger::Data:
        return tr("Data");
    case Escalation::Trigger::Clarification:
        return tr("Clarification");
    case Escalation::Trigger::Permission:
        return tr("Permission");
    case Escalation::Trigger::Failure:
        return tr("Failure");
    case Escalation::Trigger::Other:
        return tr("Other");
    }
    return {};
}

QString EscalationListModel::outcomeText(const Escalation &escalation)
{
    switch (escalation.state) {
    case Escalation::State::Open:
        return tr("Open");
    case Escalation::State::Answered: {
        QString answer = escalation.answerOption.isEmpty() ? escalation.answerText.simplified()
                                                           : escalation.optionLabel(escalation.answerOption);
        return tr("Answered: %1").arg(answer);
    }
    case Escalation::State::Cancelled:
        return tr("Cancelled");
    case Escalation::State::TimedOut:
        return tr("Timed out");
    }
    return {};
}

} // namespace switchboard
