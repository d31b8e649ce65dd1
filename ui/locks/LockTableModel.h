#pragma once

#include "model/LockInfo.h"

#include "widgets/KeyedTableModel.h"

#include <QList>
#include <QPointer>
#include <QTimer>

namespace switchboard {

class Orchestrator;

// The Locks dock's rows: LockManager::snapshot() as a table (resource, holder, goal, held since, expires in,
// fencing token, waiters). Re-read when the manager reports a change (coalesced) and once a second so
// "expires in" counts down. Rows are kept by resource, so the selection survives refreshes.
class LockTableModel final : public KeyedTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LockTableModel)

public:
    enum Column
    {
        ResourceColumn,
        HolderColumn,
        GoalColumn,
        HeldSinceColumn,
        ExpiresColumn,
        TokenColumn,
        WaitersColumn,
        ColumnCount,
    };

    enum Role
    {
        ResourceRole = Qt::UserRole, // QString
        HolderRole,                  // QString agent id; empty when only waited for
        WaiterCountRole,             // int
        ContendedRole,               // bool: someone waits for it
    };

    explicit LockTableModel(Orchestrator *orchestrator, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // Re-reads the snapshot now.
    void refresh();
    int rowForResource(const QString &resource) const;
    // row must be valid.
    const LockInfo &lockAt(int row) const { return m_rows.at(row); }
    int contendedCount() const;

private:
    void scheduleRefresh();
    QString agentName(const QString &agentId) const;

    QPointer<Orchestrator> m_orchestrator;
    QList<LockInfo> m_rows;
    QTimer m_refreshDelay;
    QTimer m_tick;
};

} // namespace switchboard
