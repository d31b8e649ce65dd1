#pragma once

#include "model/Escalation.h"

#include "widgets/KeyedTableModel.h"

#include <QList>
#include <QPointer>
#include <QTimer>

namespace switchboard {

class Orchestrator;

// The escalation inbox as a table: either the open questions (highest effective priority first, then the
// oldest; "waiting" ticks every second) or the closed ones (newest first). Rows are kept by escalation id,
// so selections survive answers, new questions and re-sorting.
class EscalationListModel final : public KeyedTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EscalationListModel)

public:
    enum class Kind
    {
        Open,
        History,
    };

    enum Column
    {
        QuestionColumn,
        AgentColumn,
        GoalColumn,
        TriggerColumn,
        PriorityColumn,
        WaitedColumn, // open: waiting so far; history: how it ended
        ColumnCount,
    };

    enum Role
    {
        IdRole = Qt::UserRole, // QString "e-N"
        AgentIdRole,
        GoalIdRole,
        EffectivePriorityRole, // int (Priority)
        CreatedRole,           // QDateTime
        StateRole,             // int (Escalation::State)
    };

    EscalationListModel(Orchestrator *orchestrator, Kind kind, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    Kind kind() const { return m_kind; }
    // Re-reads the inbox now (it also follows the inbox's signals and ticks once a second while open).
    void refresh();
    int rowForId(const QString &id) const;
    // row must be valid.
    const Escalation &escalationAt(int row) const { return m_rows.at(row); }

    // "Clarification", "Security", ... translated.
    static QString triggerLabel(Escalation::Trigger trigger);
    // How a closed question ended: "Answered: PostgreSQL", "Cancelled", "Timed out".
    static QString outcomeText(const Escalation &escalation);

private:
    QString agentName(const QString &agentId) const;
    QString goalTitle(const QString &goalId) const;
    QList<Escalation> read() const;

    QPointer<Orchestrator> m_orchestrator;
    Kind m_kind;
    QList<Escalation> m_rows;
    QTimer m_tick;
};

} // namespace switchboard
