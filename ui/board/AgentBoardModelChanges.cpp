// What changed on the board's rows, as role bits: which roles of a card an update touched, runs of adjacent rows
// with the same roles (one dataChanged each), and the roles named when most rows changed. Kept apart from
// AgentBoardModel.cpp, which holds the rows.
#include "board/AgentBoardModel.h"

#include <algorithm>

namespace switchboard {

quint64 AgentBoardModel::roleBit(int role)
{
    // The custom roles are bits 0..36; the three Qt roles the board reports take the top bits.
    static_assert(static_cast<int>(TeamMemberCountRole) - static_cast<int>(Qt::UserRole) < 61,
                  "a role would share a bit with the Qt roles");
    switch (role) {
    case Qt::DisplayRole:
        return quint64(1) << 61;
    case Qt::ToolTipRole:
        return quint64(1) << 62;
    case Qt::AccessibleTextRole:
        return quint64(1) << 63;
    default:
        Q_ASSERT(role >= Qt::UserRole && role <= TeamMemberCountRole);
        return quint64(1) << (role - Qt::UserRole);
    }
}

QList<int> AgentBoardModel::rolesOfBits(quint64 bits)
{
    QList<int> roles;
    roles.reserve(qPopulationCount(bits));
    for (int bit = 0; bit < 61; ++bit) {
        if (bits & (quint64(1) << bit))
            roles.append(Qt::UserRole + bit);
    }
    for (const int role : {Qt::DisplayRole, Qt::ToolTipRole, Qt::AccessibleTextRole}) {
        if (bits & roleBit(role))
            roles.append(role);
    }
    return roles;
}

void AgentBoardModel::mergeChanges(std::vector<std::pair<int, quint64>> &changes)
{
    // By row, one entry per row with the union of its roles.
    std::sort(changes.begin(), changes.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    size_t out = 0;
    for (size_t i = 0; i < changes.size(); ++i) {
        if (out > 0 && changes[out - 1].first == changes[i].first)
            changes[out - 1].second |= changes[i].second;
        else
            changes[out++] = changes[i];
    }
    changes.resize(out);
}

quint64 AgentBoardModel::changedRoleBits(const AgentStatus &before, const AgentStatus &after)
{
    quint64 roles = 0;
    const auto add = [&roles](std::initializer_list<int> more) {
        for (const int role : more)
            roles |= roleBit(role);
    };
    if (before.state != after.state)
        add({StateRole, Qt::DisplayRole, Qt::AccessibleTextRole, SearchTextRole});
    if (before.progress != after.progress)
        add({ProgressRole, Qt::DisplayRole, Qt::AccessibleTextRole});
    if (before.currentStep != after.currentStep)
        add({StepRole, StepHistoryRole, SearchTextRole});
    if (before.name != after.name)
        add({NameRole, Qt::DisplayRole, Qt::AccessibleTextRole, SearchTextRole});
    if (before.goalTitle != after.goalTitle)
        add({GoalTitleRole, Qt::DisplayRole, Qt::AccessibleTextRole, SearchTextRole});
    if (before.goalId != after.goalId)
        add({GoalIdRole, SearchTextRole});
    if (before.profile != after.profile)
        add({ProfileRole, SearchTextRole});
    if (before.repository != after.repository)
        add({SearchTextRole}); // the card's subtitle names it
    if (before.executor != after.executor || before.externalId != after.externalId)
        add({Qt::ToolTipRole}); // the subtitle and the tooltip name them
    if (before.priority != after.priority)
        add({PriorityRole});
    if (before.startedAt != after.startedAt)
        add({StartedRole, ElapsedRole});
    if (before.completedAt != after.completedAt)
        add({CompletedRole, ElapsedRole});
    if (before.queuedMs != after.queuedMs || before.queuedSince != after.queuedSince)
        add({ElapsedRole}); // the card's clock is the run's, without the queue
    if (before.createdAt != after.createdAt)
        add({CreatedRole});
    if (before.error != after.error)
        add({ErrorRole});
    if (before.summary != after.summary)
        add({SummaryRole});
    if (before.attempt != after.attempt)
        add({AttemptRole});
    if (before.maxAttempts != after.maxAttempts)
        add({MaxAttemptsRole});
    if (before.resumedAfterInterruption != after.resumedAfterInterruption)
        add({AttemptRole}); // the card's attempt text says so
    if (before.nextAttemptAt != after.nextAttemptAt)
        add({NextAttemptRole});
    if (before.rateLimitedUntil != after.rateLimitedUntil)
        add({RateLimitedUntilRole});
    if (before.errorKind != after.errorKind)
        add({ErrorKindRole});
    if (before.needsHuman != after.needsHuman)
        add({NeedsHumanRole});
    if (before.openEscalation != after.openEscalation)
        add({OpenEscalationRole, QuestionRole});
    if (before.waitingFor != after.waitingFor)
        add({LockResourcesRole});
    if (before.tokens() != after.tokens())
        add({TokensRole});
    if (!qFuzzyCompare(1.0 + before.costUsd, 1.0 + after.costUsd))
        add({CostRole});
    if (before.teamKind != after.teamKind)
        add({TeamKindRole, SearchTextRole});
    if (before.teamStage != after.teamStage)
        add({TeamStageRole});
    if (before.memberStates != after.memberStates)
        add({MemberStatesRole});
    if (before.memberOf != after.memberOf)
        add({MemberOfRole});
    if (before.memberLabel != after.memberLabel)
        add({MemberLabelRole, SearchTextRole});
    if (roles != 0)
        add({Qt::ToolTipRole});
    return roles;
}

} // namespace switchboard
