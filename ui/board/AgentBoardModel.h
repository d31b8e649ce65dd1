#pragma once

#include "model/AgentStatus.h"

#include <QAbstractListModel>
#include <QDeadlineTimer>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QTimer>
#include <QVector>

#include <utility>
#include <vector>

namespace switchboard {

class Orchestrator;

// The agent board's rows: one per agent, a snapshot of the orchestrator's statuses kept in spawn order.
// It follows the orchestrator in batches (qBittorrent's TransferListModel pattern): spawned agents are
// inserted together, agentsUpdated() turns into per-row dataChanged with the roles that changed (or one
// full-range change when most rows changed), and running rows repaint once a second so elapsed time ticks.
// Teams (issue 16): a team's members sit right after its row, in spawn order (rows are inserted there, so the
// source order is the grouped order); an index from team goal id to members keeps grouping O(1) per row. Whether
// a team shows its members (expanded) is kept here too, so every view of the board agrees.
class AgentBoardModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentBoardModel)

public:
    enum Role
    {
        AgentIdRole = Qt::UserRole, // QString
        StateRole,                  // int (AgentState)
        ProgressRole,               // int, 0..100
        PriorityRole,               // int (Priority)
        StartedRole,                // QDateTime, invalid until started
        NameRole,                   // QString, "coder-3"
        GoalIdRole,
        GoalTitleRole,
        ProfileRole,
        StepRole,        // the current step
        StepHistoryRole, // QStringList, the distinct steps seen so far
        ElapsedRole,     // qint64 ms
        TokensRole,      // qint64
        CostRole,        // double, USD
        ErrorRole,       // why it failed or is blocked
        SummaryRole,     // the result summary
        AttemptRole,     // int
        CreatedRole,     // QDateTime
        CompletedRole,   // QDateTime
        SequenceRole,    // quint64: spawn order
        SearchTextRole,  // QString: lower-case name, goal, step, profile, ids; changes with them and with the state
        WaitingForRole,  // QStringList: ids of the goals this one depends on that have not completed yet
        MaxAttemptsRole, // int
        NextAttemptRole, // QDateTime: when the next attempt starts, while backing off
        RateLimitedUntilRole, // QDateTime: its profile is paused by a rate limit until then
        ErrorKindRole,        // QString: "timeout", "budget", ...
        NeedsHumanRole,       // bool: it escalated repeatedly on this goal
        OpenEscalationRole,   // QString: id of the question it waits on
        LockResourcesRole,    // QStringList: resources it waits for
        QuestionRole,         // QString: the open question's text
        TeamKindRole,         // QString: a team's pattern ("parallel", "supervisor", "debate"); empty otherwise
        TeamStageRole,        // QString: where a team is ("round 2 of 3")
        MemberStatesRole,     // QVariantList of int (AgentState): a team's members' states in spawn order
        MemberOfRole,         // QString: a member's team goal id
        MemberLabelRole,      // QString: what a member is in its team ("round 2 · optimist")
        TeamExpandedRole,     // bool: a team shows its members on the board
        TeamMemberCountRole,  // int: a team's members on the board
    };
    Q_ENUM(Role)

    explicit AgentBoardModel(Orchestrator *orchestrator, QObject *parent = nullptr);
    ~AgentBoardModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // -1 when the agent has no row (yet).
    int rowForAgent(const QString &agentId) const;
    QModelIndex indexForAgent(const QString &agentId) const;
    // row must be valid.
    const AgentStatus &statusAt(int row) const;
    QStringList stepHistoryAt(int row) const;
    quint64 sequenceAt(int row) const;
    // The goal ids this agent still waits for (dependencies on the board that have not completed).
    QStringList waitingForAt(int row) const;
    // The text of the question this agent waits on; empty when it waits on none.
    QString questionAt(int row) const;

    // Teams. The row of the team a member row is grouped under; -1 for a row that is no member (or whose team is
    // not on the board).
    int teamRowAt(int row) const;
    // A team goal's row: its status says so, or members sit under it.
    bool isTeamAt(int row) const;
    // The team's members on the board, in board (= spawn) order; they are the rows right after the team's.
    QStringList memberAgentIds(const QString &teamGoalId) const { return m_members.value(teamGoalId); }
    // Whether any row is a member grouped under its team (teamRowAt() is -1 for every row when not).
    bool hasMembers() const { return !m_members.isEmpty(); }
    int memberCount(const QString &teamGoalId) const;
    // A team is shown expanded unless its pattern expects more than kFewMembers members (a 3-round debate of
    // three has ten): then it starts collapsed, its strip summing the members up. The person's choice wins.
    bool isTeamExpanded(const QString &teamGoalId) const { return !m_collapsed.contains(teamGoalId); }
    void setTeamExpanded(const QString &teamGoalId, bool expanded);
    static constexpr int kFewMembers = 6;

    // Inserts the agents spawned since the last batch now rather than on the next tick.
    void flushPendingInserts();
    // While held the board follows no spawns or updates (a restore puts thousands of agents back at once,
    // announcing each): releasing it inserts every agent it lacks in one batch, and refreshes the others,
    // from their current statuses. Removals are followed while held.
    // Many agents (more than fillSlicing's atOnce) are inserted in slices across turns of the event loop, each
    // taking about sliceMs: fillStarted(), isFilling() until the last one is in, then filled().
    void setHeld(bool held);
    bool isHeld() const { return m_held; }
    bool isFilling() const { return m_filling; }
    void setFillSlicing(int atOnce, int sliceMs);
    // How long spawned agents are buffered before they are inserted together (ms, default 50).
    void setInsertDelay(int ms);
    // How often running cards repaint so their elapsed time ticks (ms, default 1000).
    void setTickInterval(int ms);

Q_SIGNALS:
    // A batch of inserts, updates or removals has been applied.
    void batchApplied();
    void teamExpandedChanged(const QString &teamGoalId, bool expanded);
    // A release (setHeld(false)) fills the board in slices: a proxy or view that would redo work over every row
    // already in at each slice's insert may look away until filled() (AgentFilterProxyModel does).
    void fillStarted();
    // Every agent of a release (setHeld(false)) is on the board. Agents that were on it before are refreshed right
    // after (batchApplied()).
    void filled();

private:
    struct Row
    {
        AgentStatus status;
        QStringList steps;
        quint64 sequence = 0;
        QString searchText;
        QStringList dependsOn; // goal ids, fixed when the goal was spawned
        QString question;      // text of status.openEscalation
        bool nested = false;   // a member placed right after its team's row (and listed in m_members)
    };

    void handleAgentSpawned(const QString &agentId);
    void fillSome(const QDeadlineTimer &deadline);
    void handleAgentsUpdated(const QStringList &agentIds);
    void handleAgentsRemoved(const QStringList &agentIds);
    void tickRunning();
    void removeAgentRows(const QStringList &agentIds);
    void appendRows(QVector<Row> fresh);
    void rebuildIndex(int fromRow);
    // Forgets the team links of rows about to go; returns the rows of members left without their team.
    QStringList unlinkTeams(const QList<int> &rows);
    bool expectsManyMembers(const QString &teamGoalId) const;
    void decideExpansion(const QString &teamGoalId);
    Row makeRow(AgentStatus status);
    QString questionFor(const AgentStatus &status) const;
    void fillLockWait(AgentStatus &status) const;
    static void recordStep(Row &row);
    static QString searchTextFor(const AgentStatus &status);
    // The roles whose values differ, one bit per role (roleBit); rolesOfBits() turns them back into roles.
    static quint64 changedRoleBits(const AgentStatus &before, const AgentStatus &after);
    static quint64 roleBit(int role);
    static QList<int> rolesOfBits(quint64 bits);
    // Sorts (row, roles) by row and merges the entries of one row.
    static void mergeChanges(std::vector<std::pair<int, quint64>> &changes);
    static bool isTicking(const AgentStatus &status);

    QPointer<Orchestrator> m_orchestrator;
    QVector<Row> m_rows;
    QHash<QString, int> m_rowById;
    QHash<QString, int> m_rowByGoal;
    QHash<QString, QStringList> m_dependents; // goal id -> agents whose goals depend on it
    QHash<QString, QStringList> m_members;    // team goal id -> its nested members' agent ids, in board order
    QSet<QString> m_collapsed;                // team goal ids whose members are hidden
    QSet<QString> m_expansionDecided;         // teams whose default (or the person's choice) is set
    QStringList m_pendingInserts;
    QSet<QString> m_pendingSet;
    QTimer m_insertTimer;
    QTimer m_tickTimer;
    quint64 m_nextSequence = 0;
    bool m_held = false;
    // A release in slices: the agents in spawn order and the next one to look at; those on the board already.
    bool m_filling = false;
    QStringList m_fillIds;
    qsizetype m_fillNext = 0;
    QStringList m_fillRefresh;
    QTimer m_fillTimer;
    int m_fillAtOnce = 5000;
    int m_fillSliceMs = 12;
};

} // namespace switchboard
