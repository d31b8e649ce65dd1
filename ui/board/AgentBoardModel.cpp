#include "board/AgentBoardModel.h"

#include "orchestration/Orchestrator.h"
#include "style/AgentStateStyle.h"
#include "style/AgentStatusText.h"
#include "style/DisplayFormat.h"

#include <algorithm>
#include <iterator>

namespace switchboard {

namespace {
constexpr int kMaxStepHistory = 50;
} // namespace

AgentBoardModel::AgentBoardModel(Orchestrator *orchestrator, QObject *parent)
    : QAbstractListModel(parent)
    , m_orchestrator(orchestrator)
{
    m_insertTimer.setSingleShot(true);
    m_insertTimer.setInterval(50);
    connect(&m_insertTimer, &QTimer::timeout, this, [this] {
        flushPendingInserts();
        Q_EMIT batchApplied();
    });
    m_tickTimer.setInterval(1000);
    connect(&m_tickTimer, &QTimer::timeout, this, &AgentBoardModel::tickRunning);
    // A real timer between slices of a fill (a 0 ms one runs in the same turn): the window reacts in between.
    m_fillTimer.setSingleShot(true);
    m_fillTimer.setInterval(1);
    connect(&m_fillTimer, &QTimer::timeout, this, [this] { fillSome(QDeadlineTimer(m_fillSliceMs)); });

    if (!m_orchestrator)
        return;

    QList<AgentStatus> existing = m_orchestrator->agents();
    QVector<Row> rows;
    rows.reserve(existing.size());
    for (AgentStatus &status : existing)
        rows.append(makeRow(std::move(status)));
    existing = {};
    appendRows(std::move(rows)); // groups members under their teams; nobody listens yet

    connect(m_orchestrator, &Orchestrator::agentSpawned, this, &AgentBoardModel::handleAgentSpawned);
    connect(m_orchestrator, &Orchestrator::agentsUpdated, this, &AgentBoardModel::handleAgentsUpdated);
    connect(m_orchestrator, &Orchestrator::agentsAboutToBeRemoved, this, &AgentBoardModel::handleAgentsRemoved);
    // Normally a no-op: the rows went with agentsAboutToBeRemoved. Kept so no stale row can survive.
    connect(m_orchestrator, &Orchestrator::agentsRemoved, this, &AgentBoardModel::handleAgentsRemoved);
}

AgentBoardModel::~AgentBoardModel() = default;

int AgentBoardModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

Qt::ItemFlags AgentBoardModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) // asked for the root: nothing to select
        return Qt::NoItemFlags;
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant AgentBoardModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Row &row = m_rows.at(index.row());
    const AgentStatus &s = row.status;

    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        //: Card text for screen readers and copy: agent name, goal title, state, progress
        return tr("%1 — %2 (%3, %4%)").arg(s.name, s.goalTitle, AgentStateStyle::label(s.state)).arg(s.progress);
    case Qt::ToolTipRole: {
        QStringList lines{s.goalTitle, tr("%1 on profile %2").arg(s.name, s.profile.isEmpty() ? tr("any") : s.profile),
                          AgentStateStyle::label(s.state) + QStringLiteral(": ") +
                              AgentStateStyle::description(s.state)};
        if (!s.repository.isEmpty())
            lines << tr("Repository: %1").arg(s.repository);
        if (!s.executor.isEmpty())
            //: Card tooltip of an agent on a cluster or SSH host: "Runs on: slurm (debug), job 123"
            lines << (s.externalId.isEmpty() ? tr("Runs on: %1").arg(s.executor)
                                             : tr("Runs on: %1, job %2").arg(s.executor, s.externalId));
        if (!s.currentStep.isEmpty())
            lines << tr("Step: %1").arg(s.currentStep);
        if (!s.error.isEmpty())
            lines << tr("Reason: %1").arg(AgentStatusText::failure(s));
        for (const QString &extra : {AgentStatusText::attempt(s), AgentStatusText::nextTry(s),
                                     AgentStatusText::rateLimit(s), AgentStatusText::lockWait(s)}) {
            if (!extra.isEmpty())
                lines << extra;
        }
        if (!row.question.isEmpty())
            lines << tr("Asks: %1").arg(row.question);
        if (s.needsHuman)
            lines << tr("Needs human: it keeps asking about this goal");
        if (!s.teamKind.isEmpty())
            //: Card tooltip of a team goal: its pattern and where it is, e.g. "Team: debate · round 2 of 3"
            lines << tr("Team: %1")
                         .arg(s.teamStage.isEmpty() ? s.teamKind : s.teamKind + QStringLiteral(" · ") + s.teamStage);
        if (!s.memberOf.isEmpty()) {
            const int team = m_rowByGoal.value(s.memberOf, -1);
            const QString teamTitle = team >= 0 ? m_rows.at(team).status.goalTitle : s.memberOf;
            //: Card tooltip of a team member: the team's title and what the member is there
            lines << tr("Member of %1: %2").arg(teamTitle, s.memberLabel);
        }
        return lines.join(QLatin1Char('\n'));
    }
    case AgentIdRole:
        return s.agentId;
    case StateRole:
        return static_cast<int>(s.state);
    case ProgressRole:
        return s.progress;
    case PriorityRole:
        return static_cast<int>(s.priority);
    case StartedRole:
        return s.startedAt;
    case NameRole:
        return s.name;
    case GoalIdRole:
        return s.goalId;
    case GoalTitleRole:
        return s.goalTitle;
    case ProfileRole:
        return s.profile;
    case StepRole:
        return s.currentStep;
    case StepHistoryRole:
        return row.steps;
    case ElapsedRole:
        return s.runMs();
    case TokensRole:
        return s.tokens();
    case CostRole:
        return s.costUsd;
    case ErrorRole:
        return s.error;
    case SummaryRole:
        return s.summary;
    case AttemptRole:
        return s.attempt;
    case CreatedRole:
        return s.createdAt;
    case CompletedRole:
        return s.completedAt;
    case SequenceRole:
        return row.sequence;
    case SearchTextRole:
        return row.searchText;
    case WaitingForRole:
        return waitingForAt(index.row());
    case MaxAttemptsRole:
        return s.maxAttempts;
    case NextAttemptRole:
        return s.nextAttemptAt;
    case RateLimitedUntilRole:
        return s.rateLimitedUntil;
    case ErrorKindRole:
        return s.errorKind;
    case NeedsHumanRole:
        return s.needsHuman;
    case OpenEscalationRole:
        return s.openEscalation;
    case LockResourcesRole:
        return s.waitingFor;
    case QuestionRole:
        return row.question;
    case TeamKindRole:
        return s.teamKind;
    case TeamStageRole:
        return s.teamStage;
    case MemberStatesRole: {
        QVariantList states;
        states.reserve(s.memberStates.size());
        for (const AgentState state : s.memberStates)
            states << static_cast<int>(state);
        return states;
    }
    case MemberOfRole:
        return s.memberOf;
    case MemberLabelRole:
        return s.memberLabel;
    case TeamExpandedRole:
        return isTeamAt(index.row()) ? QVariant(isTeamExpanded(s.goalId)) : QVariant();
    case TeamMemberCountRole:
        return memberCount(s.goalId);
    default:
        return {};
    }
}

QHash<int, QByteArray> AgentBoardModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(AgentIdRole, "agentId");
    names.insert(StateRole, "state");
    names.insert(ProgressRole, "progress");
    names.insert(PriorityRole, "priority");
    names.insert(StartedRole, "started");
    names.insert(NameRole, "name");
    names.insert(GoalIdRole, "goalId");
    names.insert(GoalTitleRole, "goalTitle");
    names.insert(ProfileRole, "profile");
    names.insert(StepRole, "step");
    names.insert(StepHistoryRole, "stepHistory");
    names.insert(ElapsedRole, "elapsed");
    names.insert(TokensRole, "tokens");
    names.insert(CostRole, "cost");
    names.insert(ErrorRole, "error");
    names.insert(SummaryRole, "summary");
    names.insert(AttemptRole, "attempt");
    names.insert(CreatedRole, "created");
    names.insert(CompletedRole, "completed");
    names.insert(SequenceRole, "sequence");
    names.insert(SearchTextRole, "searchText");
    names.insert(WaitingForRole, "waitingFor");
    names.insert(MaxAttemptsRole, "maxAttempts");
    names.insert(NextAttemptRole, "nextAttempt");
    names.insert(RateLimitedUntilRole, "rateLimitedUntil");
    names.insert(ErrorKindRole, "errorKind");
    names.insert(NeedsHumanRole, "needsHuman");
    names.insert(OpenEscalationRole, "openEscalation");
    names.insert(LockResourcesRole, "lockResources");
    names.insert(QuestionRole, "question");
    names.insert(TeamKindRole, "teamKind");
    names.insert(TeamStageRole, "teamStage");
    names.insert(MemberStatesRole, "memberStates");
    names.insert(MemberOfRole, "memberOf");
    names.insert(MemberLabelRole, "memberLabel");
    names.insert(TeamExpandedRole, "teamExpanded");
    names.insert(TeamMemberCountRole, "teamMemberCount");
    return names;
}

int AgentBoardModel::rowForAgent(const QString &agentId) const
{
    return m_rowById.value(agentId, -1);
}

QModelIndex AgentBoardModel::indexForAgent(const QString &agentId) const
{
    const int row = rowForAgent(agentId);
    return row < 0 ? QModelIndex() : index(row);
}

const AgentStatus &AgentBoardModel::statusAt(int row) const
{
    return m_rows.at(row).status;
}

QStringList AgentBoardModel::stepHistoryAt(int row) const
{
    return m_rows.at(row).steps;
}

quint64 AgentBoardModel::sequenceAt(int row) const
{
    return m_rows.at(row).sequence;
}

QStringList AgentBoardModel::waitingForAt(int row) const
{
    QStringList waiting;
    for (const QString &goalId : m_rows.at(row).dependsOn) {
        // A dependency no longer on the board was cleaned up after it finished; had it failed, this
        // agent would be blocked rather than queued.
        const int dependency = m_rowByGoal.value(goalId, -1);
        if (dependency >= 0 && m_rows.at(dependency).status.state != AgentState::Completed)
            waiting << goalId;
    }
    return waiting;
}

QString AgentBoardModel::questionAt(int row) const
{
    return m_rows.at(row).question;
}

void AgentBoardModel::fillLockWait(AgentStatus &status) const
{
    // An agent that asked for a lock itself (not through its goal's resources) is found among the waiters.
    if (status.state != AgentState::WaitingForLock || !status.waitingFor.isEmpty() || !m_orchestrator)
        return;
    for (const LockInfo &info : m_orchestrator->locks().snapshot()) {
        if (info.waiters.contains(status.agentId))
            status.waitingFor << info.resource;
    }
}

QString AgentBoardModel::questionFor(const AgentStatus &status) const
{
    if (status.openEscalation.isEmpty() || !m_orchestrator)
        return {};
    const std::optional<Escalation> escalation = m_orchestrator->inbox().find(status.openEscalation);
    return escalation ? escalation->question : QString();
}

void AgentBoardModel::setInsertDelay(int ms)
{
    m_insertTimer.setInterval(qMax(0, ms));
}

void AgentBoardModel::setTickInterval(int ms)
{
    m_tickTimer.setInterval(qMax(10, ms));
}

void AgentBoardModel::setHeld(bool held)
{
    if (m_held == held)
        return;
    if (held) {
        flushPendingInserts();
        m_held = true;
        if (m_filling) { // what is not on the board yet comes in when it is released again
            m_fillTimer.stop();
            m_filling = false;
            m_fillIds = {};
            m_fillRefresh.clear();
        }
        return;
    }
    m_held = false;
    if (!m_orchestrator)
        return;
    // In slices across turns of the event loop, each one insert: a restored run of 1,000,000 agents would hold
    // the window for seconds in one. Agents already on the board are refreshed once every row is in.
    m_fillIds = m_orchestrator->agentIds();
    m_fillNext = 0;
    m_rows.reserve(m_fillIds.size());
    m_rowById.reserve(m_fillIds.size());
    m_rowByGoal.reserve(m_fillIds.size());
    m_fillRefresh.clear();
    m_filling = true;
    if (m_fillIds.size() <= m_fillAtOnce) {
        fillSome(QDeadlineTimer(QDeadlineTimer::Forever));
        return;
    }
    Q_EMIT fillStarted();
    fillSome(QDeadlineTimer(m_fillSliceMs));
}

void AgentBoardModel::setFillSlicing(int atOnce, int sliceMs)
{
    m_fillAtOnce = qMax(0, atOnce);
    m_fillSliceMs = qMax(1, sliceMs);
}

void AgentBoardModel::fillSome(const QDeadlineTimer &deadline)
{
    constexpr qsizetype kRowsPerClockCheck = 256;
    // In slices (a finite deadline) nobody watches the inserts (the proxy looks away, see fillStarted()): each
    // batch of rows goes in as soon as it is made, so the clock sees the insert too. Putting a row into the board's
    // array is as costly as making it (the first touch of that memory: ~0.7 KB a row), and a slice that made rows
    // for its whole time and inserted them after overran it two- to fourfold.
    const bool sliced = !deadline.isForever();
    QVector<Row> fresh;
    const qsizetype count = m_fillIds.size();
    while (m_fillNext < count) {
        const qsizetype until = qMin(count, m_fillNext + kRowsPerClockCheck);
        for (; m_fillNext < until; ++m_fillNext) {
            const QString &agentId = m_fillIds.at(m_fillNext);
            if (m_rowById.contains(agentId)) {
                m_fillRefresh << agentId;
            } else if (std::optional<AgentStatus> status = m_orchestrator->status(agentId)) {
                // Gone meanwhile: no status, no row.
                fresh.append(makeRow(std::move(*status)));
            }
        }
        if (sliced)
            appendRows(std::exchange(fresh, {}));
        if (deadline.hasExpired())
            break;
    }
    appendRows(std::move(fresh));
    if (m_fillNext < count) {
        m_fillTimer.start();
        return;
    }
    m_filling = false;
    m_fillIds = {};
    // filled() first: a proxy that looked away during the fill is back for the batch (a selection waiting for
    // batchApplied() finds its card).
    Q_EMIT filled();
    const QStringList refresh = std::exchange(m_fillRefresh, {});
    if (!refresh.isEmpty())
        handleAgentsUpdated(refresh); // also says batchApplied
    else
        Q_EMIT batchApplied();
}

void AgentBoardModel::handleAgentSpawned(const QString &agentId)
{
    if (m_held || m_rowById.contains(agentId) || m_pendingSet.contains(agentId))
        return;
    if (m_filling) {
        m_fillIds.append(agentId); // after the agents before it, in spawn order
        return;
    }
    m_pendingInserts.append(agentId);
    m_pendingSet.insert(agentId);
    if (!m_insertTimer.isActive())
        m_insertTimer.start();
}

void AgentBoardModel::flushPendingInserts()
{
    m_insertTimer.stop();
    if (m_pendingInserts.isEmpty() || !m_orchestrator)
        return;

    QVector<Row> fresh;
    fresh.reserve(m_pendingInserts.size());
    for (const QString &agentId : std::as_const(m_pendingInserts)) {
        if (m_rowById.contains(agentId))
            continue;
        if (const std::optional<AgentStatus> status = m_orchestrator->status(agentId))
            fresh.append(makeRow(*status));
    }
    m_pendingInserts.clear();
    m_pendingSet.clear();
    appendRows(std::move(fresh));
}

void AgentBoardModel::handleAgentsUpdated(const QStringList &agentIds)
{
    if (!m_orchestrator || m_held)
        return;

    // An update may name an agent whose spawn notice is still buffered (or was never seen). While the board
    // fills, an agent not on it yet comes in with its status of then.
    for (const QString &agentId : agentIds) {
        if (!m_filling && !m_rowById.contains(agentId) && !m_pendingSet.contains(agentId)) {
            m_pendingInserts.append(agentId);
            m_pendingSet.insert(agentId);
        }
    }
    flushPendingInserts();

    // Each changed row with its changed roles as bits: no list or hash node per row (a board of 10,000 live cards
    // takes 7,500 of them in every batch).
    std::vector<std::pair<int, quint64>> changes;
    changes.reserve(static_cast<size_t>(agentIds.size()));
    bool anyTicking = false;
    for (const QString &agentId : agentIds) {
        const int row = m_rowById.value(agentId, -1);
        if (row < 0)
            continue;
        const AgentStatus *status = m_orchestrator->findStatus(agentId);
        if (!status)
            continue;
        Row &entry = m_rows[row];
        const quint64 roles = changedRoleBits(entry.status, *status);
        if (roles == 0)
            continue;
        entry.status = *status;
        if (roles & roleBit(StepRole))
            recordStep(entry);
        if (roles & roleBit(SearchTextRole))
            entry.searchText = searchTextFor(entry.status);
        if (roles & roleBit(OpenEscalationRole))
            entry.question = questionFor(entry.status);
        if (roles & (roleBit(StateRole) | roleBit(LockResourcesRole)))
            fillLockWait(entry.status);
        anyTicking = anyTicking || isTicking(entry.status);
        if (roles & roleBit(StateRole)) {
            // Agents queued behind this goal now wait for one goal less: their cards say so.
            for (const QString &dependent : m_dependents.value(entry.status.goalId)) {
                const int dependentRow = m_rowById.value(dependent, -1);
                if (dependentRow >= 0 && dependentRow != row)
                    changes.emplace_back(dependentRow, roleBit(WaitingForRole));
            }
        }
        changes.emplace_back(row, roles);
    }
    mergeChanges(changes);

    // A team is shown while it or one of its members matches a filter, and its members follow its place in a
    // sort: a member's change makes the proxy look at its team again, a team's at its members.
    if (!m_members.isEmpty() && !changes.empty()) {
        const quint64 followed = roleBit(SearchTextRole) | roleBit(PriorityRole) | roleBit(StartedRole) |
                                 roleBit(ProgressRole) | roleBit(NameRole);
        const size_t own = changes.size();
        for (size_t i = 0; i < own; ++i) {
            const auto [row, roles] = changes[i];
            const Row &entry = m_rows.at(row);
            if (entry.nested && (roles & roleBit(SearchTextRole))) {
                const int team = m_rowByGoal.value(entry.status.memberOf, -1);
                if (team >= 0)
                    changes.emplace_back(team, roleBit(SearchTextRole));
            }
            const int members = memberCount(entry.status.goalId);
            const quint64 passed = roles & followed;
            for (int member = row + 1; passed != 0 && member <= row + members; ++member)
                changes.emplace_back(member, passed);
        }
        mergeChanges(changes);
    }

    if (!changes.empty()) {
        if (changes.size() > static_cast<size_t>(m_rows.size()) / 2) {
            // Most of the board changed: one signal for every row, naming the roles that changed in any of them
            // (so the proxy and the views still know what did not change).
            quint64 all = 0;
            for (const auto &change : changes)
                all |= change.second;
            Q_EMIT dataChanged(index(0), index(static_cast<int>(m_rows.size()) - 1), rolesOfBits(all));
        } else {
            // One signal per run of adjacent rows whose same roles changed.
            for (size_t first = 0; first < changes.size();) {
                size_t last = first;
                while (last + 1 < changes.size() && changes[last + 1].first == changes[last].first + 1 &&
                       changes[last + 1].second == changes[first].second)
                    ++last;
                Q_EMIT dataChanged(index(changes[first].first), index(changes[last].first),
                                   rolesOfBits(changes[first].second));
                first = last + 1;
            }
        }
    }
    if (anyTicking && !m_tickTimer.isActive())
        m_tickTimer.start();
    Q_EMIT batchApplied();
}

void AgentBoardModel::handleAgentsRemoved(const QStringList &agentIds)
{
    removeAgentRows(agentIds);
}

void AgentBoardModel::removeAgentRows(const QStringList &agentIds)
{
    for (const QString &agentId : agentIds) {
        if (m_pendingSet.remove(agentId))
            m_pendingInserts.removeOne(agentId);
    }

    QList<int> rows;
    rows.reserve(agentIds.size());
    for (const QString &agentId : agentIds) {
        const int row = m_rowById.value(agentId, -1);
        if (row >= 0)
            rows.append(row);
    }
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    const QStringList orphaned = unlinkTeams(rows);

    // Contiguous runs, removed from the bottom up so earlier row numbers stay valid.
    struct Run
    {
        int first;
        int last;
    };
    QVector<Run> runs;
    for (const int row : std::as_const(rows)) {
        if (!runs.isEmpty() && runs.last().last + 1 == row)
            runs.last().last = row;
        else
            runs.append({row, row});
    }

    // Many scattered rows (a cleanup of a big board): one reset beats hundreds of remove signals.
    constexpr int kMaxRuns = 64;
    if (runs.size() > kMaxRuns) {
        beginResetModel();
        for (auto it = runs.crbegin(); it != runs.crend(); ++it) {
            for (int row = it->first; row <= it->last; ++row)
                m_dependents.remove(m_rows.at(row).status.goalId);
            m_rows.remove(it->first, it->last - it->first + 1);
        }
        rebuildIndex(0);
        endResetModel();
    } else {
        for (auto it = runs.crbegin(); it != runs.crend(); ++it) {
            beginRemoveRows({}, it->first, it->last);
            for (int row = it->first; row <= it->last; ++row) {
                m_rowById.remove(m_rows.at(row).status.agentId);
                m_rowByGoal.remove(m_rows.at(row).status.goalId);
                m_dependents.remove(m_rows.at(row).status.goalId);
            }
            m_rows.remove(it->first, it->last - it->first + 1);
            rebuildIndex(it->first);
            endRemoveRows();
        }
    }
    // Members whose team went are cards of their own now: shown whatever the team's collapse was.
    for (const QString &agentId : orphaned) {
        const QModelIndex member = indexForAgent(agentId);
        if (member.isValid())
            Q_EMIT dataChanged(member, member, {MemberOfRole, TeamExpandedRole, SearchTextRole});
    }
    Q_EMIT batchApplied();
}

void AgentBoardModel::tickRunning()
{
    const int count = static_cast<int>(m_rows.size());
    const QList<int> roles{ElapsedRole};
    int runStart = -1;
    bool any = false;
    for (int row = 0; row <= count; ++row) {
        const bool ticking = row < count && isTicking(m_rows.at(row).status);
        if (ticking) {
            any = true;
            if (runStart < 0)
                runStart = row;
        } else if (runStart >= 0) {
            Q_EMIT dataChanged(index(runStart), index(row - 1), roles);
            runStart = -1;
        }
    }
    if (!any)
        m_tickTimer.stop();
}

void AgentBoardModel::rebuildIndex(int fromRow)
{
    if (fromRow == 0) {
        m_rowById.clear();
        m_rowByGoal.clear();
    }
    // Grown geometrically: a fill in slices appends a slice at a time, and a reserve of the exact size rehashed
    // both indexes (a million entries each) on every slice.
    if (m_rowById.capacity() < m_rows.size())
        m_rowById.reserve(qMax(m_rows.size(), 2 * m_rowById.capacity()));
    if (m_rowByGoal.capacity() < m_rows.size())
        m_rowByGoal.reserve(qMax(m_rows.size(), 2 * m_rowByGoal.capacity()));
    for (int row = fromRow; row < m_rows.size(); ++row) {
        m_rowById.insert(m_rows.at(row).status.agentId, row);
        m_rowByGoal.insert(m_rows.at(row).status.goalId, row);
    }
}

AgentBoardModel::Row AgentBoardModel::makeRow(AgentStatus status)
{
    Row row;
    row.status = std::move(status);
    row.sequence = m_nextSequence++;
    row.searchText = searchTextFor(row.status);
    row.question = questionFor(row.status);
    fillLockWait(row.status);
    recordStep(row);
    if (!row.status.teamKind.isEmpty())
        decideExpansion(row.status.goalId);
    if (m_orchestrator) {
        // Only the dependencies: a copy of the whole goal per row was a noticeable part of opening a board
        // of 100,000 agents.
        row.dependsOn = m_orchestrator->goalDependencies(row.status.goalId);
        for (const QString &dependency : std::as_const(row.dependsOn))
            m_dependents[dependency].append(row.status.agentId);
    }
    return row;
}

void AgentBoardModel::recordStep(Row &row)
{
    const QString &step = row.status.currentStep;
    if (step.isEmpty() || (!row.steps.isEmpty() && row.steps.constLast() == step))
        return;
    row.steps.append(step);
    if (row.steps.size() > kMaxStepHistory)
        row.steps.removeFirst();
}

QString AgentBoardModel::searchTextFor(const AgentStatus &status)
{
    // One allocation, written in one pass, ASCII lower-cased on the way (QString::toLower() looks every
    // character up in the Unicode tables): this runs for every card when a board of 100,000 agents opens.
    const QString *parts[] = {&status.name,       &status.goalTitle, &status.currentStep,
                              &status.profile,    &status.agentId,   &status.goalId,
                              &status.repository, &status.teamKind,  &status.memberLabel};
    qsizetype size = static_cast<qsizetype>(std::size(parts)) - 1; // the separators
    for (const QString *part : parts)
        size += part->size();
    QString text(size, Qt::Uninitialized);
    char16_t *out = reinterpret_cast<char16_t *>(text.data());
    char16_t nonAscii = 0;
    for (const QString *part : parts) {
        if (part != parts[0])
            *out++ = u'\n';
        const auto *in = reinterpret_cast<const char16_t *>(part->constData());
        const char16_t *const end = in + part->size();
        for (; in != end; ++in) {
            const char16_t u = *in;
            nonAscii |= static_cast<char16_t>(u & 0xff80u);
            *out++ = (u >= u'A' && u <= u'Z') ? static_cast<char16_t>(u + (u'a' - u'A')) : u;
        }
    }
    return nonAscii == 0 ? text : std::move(text).toLower();
}

bool AgentBoardModel::isTicking(const AgentStatus &status)
{
    // Running cards tick their elapsed time; cards counting down to a retry or a rate-limit reset tick too.
    return (status.startedAt.isValid() && !status.completedAt.isValid() && isActiveState(status.state)) ||
           (!isFinalState(status.state) && (status.nextAttemptAt.isValid() || status.rateLimitedUntil.isValid()));
}

} // namespace switchboard
