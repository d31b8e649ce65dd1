#pragma once

#include "history/HistorySnapshot.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QPalette>

#include <memory>

namespace switchboard {

// The goals of the run the History window shows (or of every run): title, run, state, attempts, duration,
// cost, result, profile, id, start and tokens. Backed by one immutable HistorySnapshot; a new snapshot resets
// the model. Search and sort work on the raw roles without touching the display text.
class HistoryGoalModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryGoalModel)

public:
    enum Column
    {
        // What tells one goal from another and how it went first; the rest after a horizontal scroll.
        TitleColumn,
        RunColumn, // shown for "All runs" only
        StateColumn,
        AttemptsColumn,
        DurationColumn,
        CostColumn,
        ResultColumn,
        ProfileColumn,
        IdColumn,
        StartedColumn,
        TokensColumn,
        ColumnCount,
    };

    enum Role
    {
        AgentIdRole = Qt::UserRole, // QString
        GoalIdRole,                 // QString
        RunIdRole,                  // QString
        SearchTextRole,             // QString, case-folded
        SortRole,                   // raw value of the column
        StateRole,                  // int (AgentState)
    };

    explicit HistoryGoalModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setSnapshot(std::shared_ptr<const HistorySnapshot> snapshot);
    const std::shared_ptr<const HistorySnapshot> &snapshot() const { return m_snapshot; }
    void setPalette(const QPalette &palette);
    // The language changed: headers and texts are read again.
    void retranslate();
    int rowForAgent(const QString &agentId) const;

    // Whether the left row sorts before the right one by this column, from the raw values (the proxy calls it
    // some two million times to sort a hundred thousand rows: no QVariant, no display text).
    bool lessThan(int leftRow, int rightRow, int column) const;

private:
    QVariant display(int row, int column) const;
    QVariant sortValue(int row, int column) const;

    std::shared_ptr<const HistorySnapshot> m_snapshot;
    QPalette m_palette;
    mutable QHash<int, QIcon> m_icons; // by state
};

} // namespace switchboard
