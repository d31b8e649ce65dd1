#include "history/HistorySnapshot.h"

#include "style/AgentStateStyle.h"

#include <algorithm>
#include <cstring>

namespace switchboard {

namespace {
template<typename T> QList<T> pick(const QList<T> &all, const QList<int> &indexes)
{
    QList<T> result;
    result.reserve(indexes.size());
    for (const int index : indexes)
        result.append(all.at(index));
    return result;
}
} // namespace

HistorySnapshot HistorySnapshot::build(RunHistory history, const QString &runId)
{
    HistorySnapshot s;
    s.runId = runId;
    s.history = std::move(history);
    const RunHistory &h = s.history;

    if (!s.history.isIndexed())
        s.history.index(); // attempts and questions by agent in O(1), not a scan per goal
    for (const RunRecord &run : h.runs)
        s.runNames.insert(run.id, run.name);
    QHash<QString, int> agentIndex;
    agentIndex.reserve(h.agents.size());
    for (int i = 0; i < h.agents.size(); ++i)
        agentIndex.insert(h.agents.at(i).agentId, i);
    s.transitionsByAgent.reserve(h.agents.size());
    for (int i = 0; i < h.transitions.size(); ++i)
        s.transitionsByAgent[h.transitions.at(i).agentId].append(i);

    // State labels are looked up once per state, not once per goal.
    QHash<int, QString> stateWords;
    const auto words = [&stateWords](AgentState state) {
        auto it = stateWords.find(static_cast<int>(state));
        if (it == stateWords.end())
            it = stateWords.insert(
                static_cast<int>(state),
                QString(AgentStateStyle::label(state) + u'\n' + agentStateToString(state)).toCaseFolded());
        return *it;
    };

    s.rows.reserve(h.goals.size());
    s.searchStart.reserve(static_cast<size_t>(h.goals.size()) + 1);
    s.rowByAgent.reserve(h.goals.size());
    for (int i = 0; i < h.goals.size(); ++i) {
        const GoalRecord &goal = h.goals.at(i);
        GoalRow row;
        row.goal = i;
        row.agent = agentIndex.value(goal.agentId, -1);
        QString errors;
        if (row.agent >= 0) {
            const AgentStatus &agent = h.agents.at(row.agent);
            row.state = agent.state;
            row.attempts = agent.attempt;
            row.tokens = agent.tokens();
            row.costUsd = agent.costUsd;
            row.startedAt = agent.startedAt;
            if (agent.startedAt.isValid() && agent.completedAt.isValid())
                row.durationMs = agent.startedAt.msecsTo(agent.completedAt);
            row.result = agent.state == AgentState::Completed || agent.error.isEmpty() ? agent.summary : agent.error;
            errors = agent.error;
        }
        const QList<AttemptRecord> attempts = h.attemptsOf(goal.agentId);
        row.attempts = qMax(row.attempts, int(attempts.size()));
        if (!attempts.isEmpty() && attempts.constFirst().startedAt.isValid())
            row.startedAt = attempts.constFirst().startedAt; // when work on the goal began
        for (const AttemptRecord &attempt : attempts) {
            const QString &error = attempt.error;
            if (!error.isEmpty() && error != errors)
                errors += u'\n' + error;
        }
        QString text;
        text.reserve(goal.goal.title.size() + goal.goal.description.size() + errors.size() + row.result.size() + 64);
        text += goal.goal.title;
        text += u'\n';
        text += goal.goal.id;
        text += u'\n';
        text += goal.agentId;
        text += u'\n';
        text += goal.goal.description;
        text += u'\n';
        text += errors;
        text += u'\n';
        text += row.result;
        text += u'\n';
        text += row.agent >= 0 && !h.agents.at(row.agent).profile.isEmpty() ? h.agents.at(row.agent).profile
                                                                            : goal.goal.profile;
        if (runId.isEmpty()) {
            text += u'\n';
            text += goal.runId;
        }
        text = text.toCaseFolded();
        text += u'\n';
        text += words(row.state);
        s.searchStart.push_back(s.searchText.size());
        s.searchText += text.toUtf8();
        s.rowByAgent.insert(goal.agentId, i);
        s.rows.append(std::move(row));
    }
    s.searchStart.push_back(s.searchText.size());
    return s;
}

QByteArrayView HistorySnapshot::searchTextAt(int row) const
{
    const auto r = static_cast<size_t>(row);
    return QByteArrayView(searchText.constData() + searchStart[r], searchStart[r + 1] - searchStart[r]);
}

std::vector<char> HistorySnapshot::matchRows(const QByteArrayList &words) const
{
    const size_t count = rows.size();
    std::vector<char> matches(count, 1);
    if (searchStart.size() != count + 1)
        return matches;
    std::vector<char> found(count);
    const char *const blob = searchText.constData();
    const qsizetype blobSize = searchText.size();
    for (const QByteArray &word : words) {
        if (word.isEmpty())
            continue;
        std::fill(found.begin(), found.end(), 0);
        qsizetype from = 0;
        size_t row = 0;
        while (from < blobSize) {
            // memmem over the whole buffer: glibc's is vectorised, and a match skips the rest of its row.
            const void *hit = memmem(blob + from, static_cast<size_t>(blobSize - from), word.constData(),
                                     static_cast<size_t>(word.size()));
            if (!hit)
                break;
            const qsizetype at = static_cast<const char *>(hit) - blob;
            while (searchStart[row + 1] <= at)
                ++row;
            if (at + word.size() <= searchStart[row + 1]) {
                found[row] = 1;
                from = searchStart[row + 1];
                ++row;
            } else {
                from = at + 1; // spans two rows' texts: no match of either
            }
            if (row >= count)
                break;
        }
        for (size_t i = 0; i < count; ++i)
            matches[i] = static_cast<char>(matches[i] & found[i]);
    }
    return matches;
}

const AgentStatus *HistorySnapshot::agentAt(int row) const
{
    const int agent = rows.at(row).agent;
    return agent >= 0 ? &history.agents.at(agent) : nullptr;
}

const RunRecord *HistorySnapshot::run() const
{
    if (runId.isEmpty())
        return nullptr;
    for (const RunRecord &record : history.runs) {
        if (record.id == runId)
            return &record;
    }
    return nullptr;
}

QList<AttemptRecord> HistorySnapshot::attemptsOf(const QString &agentId) const
{
    return history.attemptsOf(agentId);
}

QList<Escalation> HistorySnapshot::escalationsOf(const QString &agentId) const
{
    return history.escalationsOf(agentId);
}

QList<TransitionRecord> HistorySnapshot::transitionsOf(const QString &agentId) const
{
    return pick(history.transitions, transitionsByAgent.value(agentId));
}

} // namespace switchboard
