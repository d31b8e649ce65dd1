#include "dialogs/PlanGoalsModel.h"

#include <QRegularExpression>

namespace switchboard {

namespace {

QStringList splitList(const QString &text, bool spacesSeparate)
{
    static const QRegularExpression commas(QStringLiteral("\\s*,\\s*"));
    static const QRegularExpression commasOrSpaces(QStringLiteral("[\\s,]+"));
    QStringList items;
    for (const QString &item : text.split(spacesSeparate ? commasOrSpaces : commas, Qt::SkipEmptyParts)) {
        const QString trimmed = item.trimmed();
        if (!trimmed.isEmpty() && !items.contains(trimmed))
            items << trimmed;
    }
    return items;
}

} // namespace

PlanGoalsModel::PlanGoalsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void PlanGoalsModel::setGoals(const QList<Goal> &goals)
{
    beginResetModel();
    m_goals = goals;
    m_problems.clear();
    endResetModel();
}

void PlanGoalsModel::setProblems(const QList<GoalProblem> &problems)
{
    if (problems == m_problems)
        return;
    m_problems = problems;
    if (!m_goals.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                           {Qt::BackgroundRole, Qt::ToolTipRole, Qt::DecorationRole, HasProblemRole});
    }
}

void PlanGoalsModel::setProblemLook(const QColor &rowTint, const QColor &cellTint, const QIcon &icon)
{
    m_rowTint = rowTint;
    m_cellTint = cellTint;
    m_problemIcon = icon;
    if (!m_goals.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                           {Qt::BackgroundRole, Qt::DecorationRole});
}

int PlanGoalsModel::columnOf(const QString &field)
{
    if (field == u"id")
        return IdColumn;
    if (field == u"title")
        return TitleColumn;
    if (field == u"depends_on")
        return DependsColumn;
    if (field == u"capabilities")
        return CapabilitiesColumn;
    if (field == u"profile")
        return ProfileColumn;
    if (field == u"description")
        return DescriptionColumn;
    if (field == u"success_criteria")
        return CriteriaColumn;
    return -1;
}

int PlanGoalsModel::addGoal(int row)
{
    if (row < 0 || row > m_goals.size())
        row = static_cast<int>(m_goals.size());
    Goal goal;
    for (int n = static_cast<int>(m_goals.size()) + 1;; ++n) {
        const QString id = QStringLiteral("goal-%1").arg(n);
        if (std::none_of(m_goals.cbegin(), m_goals.cend(), [&id](const Goal &g) { return g.id == id; })) {
            goal.id = id;
            break;
        }
    }
    goal.title = tr("New goal");
    beginInsertRows({}, row, row);
    m_goals.insert(row, goal);
    endInsertRows();
    Q_EMIT goalsEdited();
    return row;
}

void PlanGoalsModel::removeGoals(QList<int> rows)
{
    std::sort(rows.begin(), rows.end(), std::greater<>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    bool removed = false;
    for (const int row : std::as_const(rows)) {
        if (row < 0 || row >= m_goals.size())
            continue;
        beginRemoveRows({}, row, row);
        m_goals.removeAt(row);
        endRemoveRows();
        removed = true;
    }
    if (removed)
        Q_EMIT goalsEdited();
}

int PlanGoalsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_goals.size());
}

int PlanGoalsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool PlanGoalsModel::rowHasProblem(int row) const
{
    const QString &id = m_goals.at(row).id;
    return std::any_of(m_problems.cbegin(), m_problems.cend(), [row, &id](const GoalProblem &problem) {
        return problem.goalIndex == row || problem.concerns(id);
    });
}

bool PlanGoalsModel::cellHasProblem(int row, int column) const
{
    const QString &id = m_goals.at(row).id;
    return std::any_of(m_problems.cbegin(), m_problems.cend(), [row, column, &id](const GoalProblem &problem) {
        return (problem.goalIndex == row || problem.concerns(id)) && columnOf(problem.field) == column;
    });
}

QString PlanGoalsModel::problemTip(int row, int column) const
{
    const QString &id = m_goals.at(row).id;
    QStringList reasons;
    for (const GoalProblem &problem : m_problems) {
        if (problem.goalIndex != row && !problem.concerns(id))
            continue;
        // The id cell (where the icon is) lists every problem of the goal; other cells their own.
        if (column == IdColumn || columnOf(problem.field) == column)
            reasons << problem.detail();
    }
    return reasons.join(u'\n');
}

QVariant PlanGoalsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    const Goal &goal = m_goals.at(row);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole: {
        const bool edit = role == Qt::EditRole;
        switch (column) {
        case IdColumn:
            return goal.id;
        case TitleColumn:
            return goal.title;
        case DependsColumn:
            return goal.dependsOn.join(QStringLiteral(", "));
        case CapabilitiesColumn:
            return goal.capabilities.join(QStringLiteral(", "));
        case ProfileColumn:
            return goal.profile;
        case DescriptionColumn:
            return edit ? goal.description : goal.description.simplified();
        case CriteriaColumn:
            return goal.successCriteria.join(edit ? QStringLiteral("\n") : QStringLiteral(" · "));
        default:
            return {};
        }
    }
    case Qt::ToolTipRole: {
        QString tip = problemTip(row, column);
        if (column == DescriptionColumn && !goal.description.isEmpty())
            tip = tip.isEmpty() ? goal.description : tip + QStringLiteral("\n\n") + goal.description;
        if (column == CriteriaColumn && !goal.successCriteria.isEmpty()) {
            const QString criteria = QStringLiteral("• ") + goal.successCriteria.join(QStringLiteral("\n• "));
            tip = tip.isEmpty() ? criteria : tip + QStringLiteral("\n\n") + criteria;
        }
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::BackgroundRole:
        if (cellHasProblem(row, column) && m_cellTint.isValid())
            return m_cellTint;
        if (rowHasProblem(row) && m_rowTint.isValid())
            return m_rowTint;
        return {};
    case Qt::DecorationRole:
        if (column == IdColumn && rowHasProblem(row) && !m_problemIcon.isNull())
            return m_problemIcon;
        return {};
    case HasProblemRole:
        return column == IdColumn ? rowHasProblem(row) : cellHasProblem(row, column);
    default:
        return {};
    }
}

bool PlanGoalsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Goal &goal = m_goals[index.row()];
    const QString text = value.toString();
    switch (index.column()) {
    case IdColumn: {
        // Renaming a goal renames it where others depend on it, so an edit does not break the plan.
        const QString oldId = goal.id;
        const QString newId = text.trimmed();
        if (newId == oldId)
            return false;
        goal.id = newId;
        if (!oldId.isEmpty() && !newId.isEmpty()) {
            for (int row = 0; row < m_goals.size(); ++row) {
                QStringList &deps = m_goals[row].dependsOn;
                const qsizetype at = deps.indexOf(oldId);
                if (at >= 0) {
                    deps[at] = newId;
                    Q_EMIT dataChanged(this->index(row, DependsColumn), this->index(row, DependsColumn));
                }
            }
        }
        break;
    }
    case TitleColumn:
        goal.title = text.trimmed();
        break;
    case DependsColumn:
        goal.dependsOn = splitList(text, true);
        break;
    case CapabilitiesColumn:
        goal.capabilities = splitList(text, false);
        break;
    case ProfileColumn:
        goal.profile = text.trimmed();
        break;
    case DescriptionColumn:
        goal.description = text.trimmed();
        break;
    case CriteriaColumn: {
        QStringList criteria;
        for (const QString &line : text.split(u'\n')) {
            if (!line.trimmed().isEmpty())
                criteria << line.trimmed();
        }
        goal.successCriteria = criteria;
        break;
    }
    default:
        return false;
    }
    Q_EMIT dataChanged(index, index);
    Q_EMIT goalsEdited();
    return true;
}

Qt::ItemFlags PlanGoalsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

QVariant PlanGoalsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole)
            return section + 1;
        return {};
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case DependsColumn:
            return tr("Ids of the goals that must finish first, separated by commas");
        case CapabilitiesColumn:
            return tr("What the goal needs from its agent, separated by commas");
        case ProfileColumn:
            return tr("The profile the goal must run on; empty: any profile with the capabilities");
        case CriteriaColumn:
            return tr("When the goal is done: one criterion per line");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("Id");
    case TitleColumn:
        return tr("Title");
    case DependsColumn:
        return tr("Depends on");
    case CapabilitiesColumn:
        return tr("Capabilities");
    case ProfileColumn:
        return tr("Profile");
    case DescriptionColumn:
        return tr("Description");
    case CriteriaColumn:
        return tr("Success criteria");
    default:
        return {};
    }
}

} // namespace switchboard
