#pragma once

#include "persistence/MetricAlert.h"
#include "persistence/MetricThresholds.h"
#include "persistence/Metrics.h"

#include <QAbstractTableModel>
#include <QList>

namespace switchboard {

// The Metrics dock's per-profile table: one row per agent profile and an "All profiles" row that stays at
// the bottom whatever the sort. DisplayRole is formatted text, SortRole the raw number; the escalation rate
// and average completion carry their warning/alert level (icon, tooltip with the threshold). Sorting is done
// here (sort()), so a view with sorting enabled needs no proxy and rows keep their identity across updates.
class ProfileMetricsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileMetricsModel)

public:
    enum Column
    {
        ProfileColumn,
        AssignmentsColumn,
        CompletionsColumn,
        FailuresColumn,
        SuccessRateColumn,
        IterationsColumn,
        AverageDurationColumn,
        P95DurationColumn,
        AverageCompletionColumn,
        TokensColumn,
        CostColumn,
        CostPerGoalColumn,
        EscalationRateColumn,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole,
        ProfileRole,   // the profile's name (empty for "All profiles" and for agents without one)
        IsOverallRole, // true on the "All profiles" row
        LevelRole,     // MetricAlert::Level as int, on the columns with thresholds
    };

    explicit ProfileMetricsModel(QObject *parent = nullptr);

    // Updates rows in place when the same profiles are there (selection and sort survive); resets otherwise.
    void setMetrics(const Metrics &metrics, const MetricThresholds &thresholds = {});
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    ProfileMetrics metricsAt(int row) const;
    bool isOverallRow(int row) const;
    // The row of a profile; -1 when absent. The overall row is rowCount() - 1.
    int rowForProfile(const QString &profile) const;

private:
    struct Row
    {
        ProfileMetrics metrics;
        bool overall = false;
        MetricAlert escalation;
        MetricAlert completion;
    };

    QVariant displayValue(const Row &row, int column) const;
    QVariant sortValue(const Row &row, int column) const;
    const MetricAlert *alertFor(const Row &row, int column) const;
    void sortRows(QList<Row> &rows) const;
    // Puts the same rows in a new order, moving persistent indexes with them.
    void relayout(QList<Row> rows);

    QList<Row> m_rows;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace switchboard
