#include "history/HistoryGoalModel.h"

#include "style/AgentStateStyle.h"
#include "style/DisplayFormat.h"

#include <QGuiApplication>
#include <QLocale>

namespace switchboard {

HistoryGoalModel::HistoryGoalModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_snapshot(std::make_shared<const HistorySnapshot>())
    , m_palette(QGuiApplication::palette())
{}

int HistoryGoalModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_snapshot->rows.size());
}

int HistoryGoalModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void HistoryGoalModel::setSnapshot(std::shared_ptr<const HistorySnapshot> snapshot)
{
    beginResetModel();
    m_snapshot = snapshot ? std::move(snapshot) : std::make_shared<const HistorySnapshot>();
    endResetModel();
}

void HistoryGoalModel::setPalette(const QPalette &palette)
{
    m_palette = palette;
    m_icons.clear();
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, StateColumn), index(rowCount() - 1, StateColumn), {Qt::DecorationRole});
}

void HistoryGoalModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int HistoryGoalModel::rowForAgent(const QString &agentId) const
{
    return m_snapshot->rowByAgent.value(agentId, -1);
}

QVariant HistoryGoalModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const HistorySnapshot::GoalRow &r = m_snapshot->rows.at(row);
    const GoalRecord &goal = m_snapshot->goalAt(row);
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case AgentIdRole:
        return goal.agentId;
    case GoalIdRole:
        return goal.goal.id;
    case RunIdRole:
        return goal.runId;
    case SearchTextRole:
        return QString::fromUtf8(m_snapshot->searchTextAt(row));
    case SortRole:
        return sortValue(row, index.column());
    case StateRole:
        return static_cast<int>(r.state);
    case Qt::DecorationRole:
        if (index.column() == StateColumn) {
            auto it = m_icons.find(static_cast<int>(r.state));
            if (it == m_icons.end())
                it = m_icons.insert(static_cast<int>(r.state), AgentStateStyle::icon(r.state, m_palette));
            return *it;
        }
        return {};
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case AttemptsColumn:
        case DurationColumn:
        case TokensColumn:
        case CostColumn:
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TitleColumn:
            return goal.goal.description.isEmpty() ? goal.goal.title
                                                   : goal.goal.title + QStringLiteral("\n\n") + goal.goal.description;
        case StateColumn:
            return AgentStateStyle::description(r.state);
        case ResultColumn:
            return r.result;
        case RunColumn:
            return m_snapshot->runNames.value(goal.runId);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant HistoryGoalModel::display(int row, int column) const
{
    const HistorySnapshot::GoalRow &r = m_snapshot->rows.at(row);
    const GoalRecord &goal = m_snapshot->goalAt(row);
    switch (column) {
    case TitleColumn:
        return goal.goal.title;
    case IdColumn:
        return goal.goal.id;
    case StateColumn:
        return AgentStateStyle::label(r.state);
    case AttemptsColumn:
        return r.attempts > 0 ? QLocale().toString(r.attempts) : QString();
    case ProfileColumn: {
        const AgentStatus *agent = m_snapshot->agentAt(row);
        return agent && !agent->profile.isEmpty() ? agent->profile : goal.goal.profile;
    }
    case StartedColumn:
        return r.startedAt.isValid() ? DisplayFormat::dateTime(r.startedAt) : QString();
    case DurationColumn:
        return r.durationMs >= 0 ? DisplayFormat::duration(r.durationMs) : QString();
    case TokensColumn:
        return r.tokens > 0 ? QLocale().toString(r.tokens) : QString();
    case CostColumn:
        return r.costUsd > 0.0 ? DisplayFormat::cost(r.costUsd) : QString();
    case ResultColumn: {
        // One line: the first line of the summary or error.
        const qsizetype newline = r.result.indexOf(u'\n');
        return newline < 0 ? r.result : r.result.left(newline);
    }
    case RunColumn: {
        const QString name = m_snapshot->runNames.value(goal.runId);
        return name.isEmpty() ? goal.runId : name;
    }
    default:
        return {};
    }
}

QVariant HistoryGoalModel::sortValue(int row, int column) const
{
    const HistorySnapshot::GoalRow &r = m_snapshot->rows.at(row);
    switch (column) {
    case StateColumn:
        return static_cast<int>(r.state);
    case AttemptsColumn:
        return r.attempts;
    case StartedColumn:
        return r.startedAt.isValid() ? r.startedAt.toMSecsSinceEpoch() : qint64(0);
    case DurationColumn:
        return r.durationMs;
    case TokensColumn:
        return r.tokens;
    case CostColumn:
        return r.costUsd;
    case RunColumn:
        return m_snapshot->goalAt(row).runId;
    default:
        return display(row, column);
    }
}

bool HistoryGoalModel::lessThan(int leftRow, int rightRow, int column) const
{
    const HistorySnapshot::GoalRow &l = m_snapshot->rows.at(leftRow);
    const HistorySnapshot::GoalRow &r = m_snapshot->rows.at(rightRow);
    const auto text = [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; };
    switch (column) {
    case TitleColumn:
        return text(m_snapshot->goalAt(leftRow).goal.title, m_snapshot->goalAt(rightRow).goal.title);
    case RunColumn:
        return text(m_snapshot->goalAt(leftRow).runId, m_snapshot->goalAt(rightRow).runId);
    case StateColumn:
        return static_cast<int>(l.state) < static_cast<int>(r.state);
    case AttemptsColumn:
        return l.attempts < r.attempts;
    case DurationColumn:
        return l.durationMs < r.durationMs;
    case CostColumn:
        return l.costUsd < r.costUsd;
    case ResultColumn:
        return text(l.result, r.result);
    case IdColumn:
        return text(m_snapshot->goalAt(leftRow).goal.id, m_snapshot->goalAt(rightRow).goal.id);
    case StartedColumn:
        return (l.startedAt.isValid() ? l.startedAt.toMSecsSinceEpoch() : 0) <
               (r.startedAt.isValid() ? r.startedAt.toMSecsSinceEpoch() : 0);
    case TokensColumn:
        return l.tokens < r.tokens;
    case ProfileColumn:
        return text(display(leftRow, column).toString(), display(rightRow, column).toString());
    default:
        return false;
    }
}

QVariant HistoryGoalModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Goal");
    case IdColumn:
        return tr("Id");
    case StateColumn:
        return tr("State");
    case AttemptsColumn:
        return tr("Tries");
    case ProfileColumn:
        return tr("Profile");
    case StartedColumn:
        return tr("Started");
    case DurationColumn:
        return tr("Duration");
    case TokensColumn:
        return tr("Tokens");
    case CostColumn:
        return tr("Cost");
    case ResultColumn:
        return tr("Result");
    case RunColumn:
        return tr("Run");
    default:
        return {};
    }
}

} // namespace switchboard
