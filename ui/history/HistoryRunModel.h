#pragma once

#include "history/HistoryRunEntry.h"
#include "widgets/KeyedTableModel.h"

#include <QHash>
#include <QIcon>
#include <QPalette>

namespace switchboard {

// The History window's run list, newest first, under one "All runs" row: name, plan file, start, end (or
// "Unfinished"), goal count, outcome and cost. Rows are kept by run id, so a refresh keeps the selection.
class HistoryRunModel final : public KeyedTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryRunModel)

public:
    enum Column
    {
        NameColumn,
        StartedColumn,
        FinishedColumn,
        GoalsColumn,
        OutcomeColumn,
        CostColumn,
        PlanColumn,
        ColumnCount,
    };

    enum Role
    {
        RunIdRole = Qt::UserRole, // QString; empty for "All runs"
        SearchTextRole,           // QString, case-folded
        AllRunsRole,              // bool
    };

    explicit HistoryRunModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces the runs (newest first), keeping rows that stay by id.
    void setRuns(const QList<HistoryRunEntry> &runs);
    // The run this app is recording into: shown as in progress rather than unfinished.
    void setLiveRunId(const QString &runId);
    void setPalette(const QPalette &palette);
    // The language changed: headers and texts are read again.
    void retranslate();

    int runCount() const { return static_cast<int>(m_rows.size()) - 1; }
    int rowForRun(const QString &runId) const;
    // The "All runs" row (row 0) sums every run.
    const HistoryRunEntry &entryAt(int row) const { return m_rows.at(row); }
    // "All 12 completed", "10 completed · 2 failed", ...
    static QString outcomeText(const HistoryRunEntry &entry);

private:
    QString searchText(const HistoryRunEntry &entry) const;
    QIcon outcomeIcon(const HistoryRunEntry &entry, bool live) const;

    QList<HistoryRunEntry> m_rows; // row 0: all runs
    QString m_liveRunId;
    QPalette m_palette;
    mutable QHash<int, QIcon> m_icons; // by state
};

} // namespace switchboard
