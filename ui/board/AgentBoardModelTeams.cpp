// AgentBoardModel's teams (issue 16): members kept right after their team card, the team -> members index, which
// teams are folded, and a team's rows taken apart when they are removed. Kept apart from AgentBoardModel.cpp, which
// holds the cards themselves (their data, updates and ticking).
#include "board/AgentBoardModel.h"

#include "orchestration/Orchestrator.h"

#include <algorithm>

namespace switchboard {

int AgentBoardModel::teamRowAt(int row) const
{
    const Row &entry = m_rows.at(row);
    return entry.nested ? m_rowByGoal.value(entry.status.memberOf, -1) : -1;
}

bool AgentBoardModel::isTeamAt(int row) const
{
    const AgentStatus &status = m_rows.at(row).status;
    return !status.teamKind.isEmpty() || m_members.contains(status.goalId);
}

int AgentBoardModel::memberCount(const QString &teamGoalId) const
{
    const auto found = m_members.constFind(teamGoalId);
    return found == m_members.cend() ? 0 : static_cast<int>(found->size());
}

void AgentBoardModel::setTeamExpanded(const QString &teamGoalId, bool expanded)
{
    if (isTeamExpanded(teamGoalId) == expanded)
        return;
    m_expansionDecided.insert(teamGoalId);
    if (expanded)
        m_collapsed.remove(teamGoalId);
    else
        m_collapsed.insert(teamGoalId);
    const int team = m_rowByGoal.value(teamGoalId, -1);
    if (team >= 0) {
        Q_EMIT dataChanged(index(team), index(team), {TeamExpandedRole});
        // The members are the rows right after the team: one range. SearchTextRole makes a filtering proxy look
        // at them again (it hides the members of a collapsed team).
        if (const int members = memberCount(teamGoalId); members > 0)
            Q_EMIT dataChanged(index(team + 1), index(team + members), {TeamExpandedRole, SearchTextRole});
    }
    Q_EMIT teamExpandedChanged(teamGoalId, expanded);
}

void AgentBoardModel::decideExpansion(const QString &teamGoalId)
{
    // Once per team, before its members are first shown: later the person's choice stands.
    if (m_expansionDecided.contains(teamGoalId))
        return;
    m_expansionDecided.insert(teamGoalId);
    if (expectsManyMembers(teamGoalId))
        m_collapsed.insert(teamGoalId);
}

bool AgentBoardModel::expectsManyMembers(const QString &teamGoalId) const
{
    const std::optional<Goal> goal = m_orchestrator ? m_orchestrator->goal(teamGoalId) : std::nullopt;
    if (!goal || !goal->team)
        return false;
    const TeamPattern &pattern = *goal->team;
    qsizetype expected = 0;
    switch (pattern.kind) {
    case TeamKind::Parallel:
        expected = pattern.profiles.size();
        break;
    case TeamKind::Debate:
        expected = pattern.profiles.size() * qMax(1, pattern.rounds) + 1; // and the judge
        break;
    case TeamKind::Supervisor:
        // At least a planner per iteration, the synthesis and one step per worker.
        expected = qMax(1, pattern.maxIterations) + 1 + pattern.workers.size();
        break;
    }
    return expected > kFewMembers;
}

void AgentBoardModel::appendRows(QVector<Row> fresh)
{
    if (fresh.isEmpty())
        return;
    const bool ticking =
        std::any_of(fresh.cbegin(), fresh.cend(), [](const Row &row) { return isTicking(row.status); });

    // Members whose team is on the board go into its group; the others are appended, each right after its team
    // when the team came in this batch too. A member whose team is nowhere stays a card of its own.
    // Any row may be a team: its status may not say so before it starts.
    QSet<QString> freshGoals;
    for (const Row &row : std::as_const(fresh))
        freshGoals.insert(row.status.goalId);
    QHash<QString, QVector<Row>> intoGroups;
    QStringList groupOrder;
    QHash<QString, QVector<Row>> freshMembers;
    QVector<Row> ordered;
    ordered.reserve(fresh.size());
    for (Row &row : fresh) {
        const QString team = row.status.memberOf;
        const int teamRow = team.isEmpty() ? -1 : m_rowByGoal.value(team, -1);
        if (teamRow >= 0) {
            row.nested = true;
            if (!intoGroups.contains(team))
                groupOrder << team;
            intoGroups[team].append(std::move(row));
        } else if (!team.isEmpty() && freshGoals.contains(team)) {
            row.nested = true;
            freshMembers[team].append(std::move(row));
        } else {
            ordered.append(std::move(row));
        }
    }
    fresh = {};

    // Into existing groups, from the bottom up so the positions of the groups above stay valid.
    struct Insert
    {
        int position;
        QString team;
    };
    QVector<Insert> inserts;
    inserts.reserve(groupOrder.size());
    for (const QString &team : std::as_const(groupOrder)) {
        inserts.append({m_rowByGoal.value(team) + 1 + memberCount(team), team});
        decideExpansion(team);
    }
    std::sort(inserts.begin(), inserts.end(), [](const Insert &a, const Insert &b) { return a.position > b.position; });
    for (const Insert &insert : std::as_const(inserts)) {
        QVector<Row> rows = intoGroups.take(insert.team);
        beginInsertRows({}, insert.position, insert.position + static_cast<int>(rows.size()) - 1);
        QStringList &members = m_members[insert.team];
        for (const Row &row : std::as_const(rows))
            members << row.status.agentId;
        m_rows.insert(insert.position, rows.size(), Row());
        for (qsizetype i = 0; i < rows.size(); ++i)
            m_rows[insert.position + i] = std::move(rows[i]);
        rebuildIndex(insert.position);
        endInsertRows();
    }

    if (!ordered.isEmpty() || !freshMembers.isEmpty()) {
        QVector<Row> tail;
        tail.reserve(ordered.size());
        for (Row &row : ordered) {
            const QString teamGoal = row.status.goalId;
            tail.append(std::move(row));
            if (!freshMembers.contains(teamGoal))
                continue;
            QVector<Row> members = freshMembers.take(teamGoal);
            decideExpansion(teamGoal);
            QStringList &ids = m_members[teamGoal];
            for (Row &member : members) {
                ids << member.status.agentId;
                tail.append(std::move(member));
            }
        }
        // Members of a team that came as a member of another team (never in practice) keep their own cards.
        for (QVector<Row> &stray : freshMembers) {
            for (Row &member : stray) {
                member.nested = false;
                tail.append(std::move(member));
            }
        }
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(tail.size()) - 1);
        m_rows.append(std::move(tail));
        rebuildIndex(first);
        endInsertRows();
    }

    // A team with new members counts them, and a filter looks at it again (a new member may match).
    for (const Insert &insert : std::as_const(inserts)) {
        const QModelIndex team = index(m_rowByGoal.value(insert.team));
        Q_EMIT dataChanged(team, team, {TeamMemberCountRole, SearchTextRole});
    }

    if (ticking && !m_tickTimer.isActive())
        m_tickTimer.start();
}

QStringList AgentBoardModel::unlinkTeams(const QList<int> &rows)
{
    QStringList orphaned;
    if (m_members.isEmpty() && m_expansionDecided.isEmpty())
        return orphaned;
    QSet<QString> going;
    for (const int row : rows)
        going.insert(m_rows.at(row).status.agentId);
    for (const int row : rows) {
        const Row &entry = m_rows.at(row);
        if (entry.nested) {
            const auto found = m_members.find(entry.status.memberOf);
            if (found != m_members.end()) {
                found->removeOne(entry.status.agentId);
                if (found->isEmpty())
                    m_members.erase(found);
            }
        }
    }
    for (const int row : rows) {
        const Row &entry = m_rows.at(row);
        m_collapsed.remove(entry.status.goalId);
        m_expansionDecided.remove(entry.status.goalId);
        if (!m_members.contains(entry.status.goalId))
            continue;
        for (const QString &member : m_members.take(entry.status.goalId)) {
            const int memberRow = m_rowById.value(member, -1);
            if (memberRow >= 0 && !going.contains(member)) {
                m_rows[memberRow].nested = false;
                orphaned << member;
            }
        }
    }
    return orphaned;
}

} // namespace switchboard
