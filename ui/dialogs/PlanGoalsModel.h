#pragma once

#include "model/Goal.h"
#include "model/GoalProblem.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QIcon>
#include <QList>

namespace switchboard {

// The goals of a plan being drafted, one row each, every cell editable: id, title, dependencies, capabilities,
// profile, description and success criteria. Rows with a problem are tinted, the offending cell more so, and
// their tooltips give the reasons. Lists are edited as text: ids and capabilities separated by commas,
// success criteria one per line.
class PlanGoalsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlanGoalsModel)

public:
    enum Column
    {
        IdColumn,
        TitleColumn,
        DependsColumn,
        CapabilitiesColumn,
        ProfileColumn,
        DescriptionColumn,
        CriteriaColumn,
        ColumnCount,
    };
    enum Role
    {
        HasProblemRole = Qt::UserRole + 1, // bool: the row's goal (or this cell's field) has a problem
    };

    explicit PlanGoalsModel(QObject *parent = nullptr);

    void setGoals(const QList<Goal> &goals);
    const QList<Goal> &goals() const { return m_goals; }
    void setProblems(const QList<GoalProblem> &problems);
    // The tints and the icon that mark problems (they follow the palette, which the view knows).
    void setProblemLook(const QColor &rowTint, const QColor &cellTint, const QIcon &icon);
    // The column showing a goal's field ("depends_on" -> DependsColumn); -1 for none.
    static int columnOf(const QString &field);

    // Inserts a new goal before row (at the end when row < 0) with a fresh id; returns its row.
    int addGoal(int row = -1);
    void removeGoals(QList<int> rows);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // The person changed the goals (an edit, a row added or removed): check them again.
    void goalsEdited();

private:
    QString problemTip(int row, int column) const;
    bool rowHasProblem(int row) const;
    bool cellHasProblem(int row, int column) const;

    QList<Goal> m_goals;
    QList<GoalProblem> m_problems;
    QColor m_rowTint;
    QColor m_cellTint;
    QIcon m_problemIcon;
};

} // namespace switchboard
