#include "board/AgentFilterProxyModel.h"

#include "board/AgentBoardModel.h"

namespace switchboard {

AgentFilterProxyModel::AgentFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    // The board model reports SearchTextRole as changed whenever anything the filter reads changes.
    setFilterRole(AgentBoardModel::SearchTextRole);
    setSortRole(AgentBoardModel::SequenceRole);
}

void AgentFilterProxyModel::setBoardModel(AgentBoardModel *model)
{
    if (m_board)
        disconnect(m_board, nullptr, this, nullptr);
    m_board = model;
    setSourceModel(model && !model->isFilling() ? model : nullptr);
    if (model) {
        connect(model, &AgentBoardModel::fillStarted, this, [this] { setSourceModel(nullptr); });
        connect(model, &AgentBoardModel::filled, this, [this] {
            if (sourceModel() != m_board)
                setSourceModel(m_board); // the sort and the filters stay as they were set
        });
    }
    setSortKey(m_sortKey, m_sortOrder);
}

void AgentFilterProxyModel::setSearchText(const QString &text)
{
    if (text == m_searchText)
        return;
    m_searchText = text;
    m_searchWords = text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    refilter();
}

void AgentFilterProxyModel::setStateFilter(StateFilter filter)
{
    if (filter == m_stateFilter)
        return;
    m_stateFilter = filter;
    refilter();
}

void AgentFilterProxyModel::setSortKey(SortKey key, Qt::SortOrder order)
{
    m_sortKey = key;
    m_sortOrder = order;
    switch (key) {
    case SortKey::SpawnOrder:
        setSortRole(AgentBoardModel::SequenceRole);
        break;
    case SortKey::Priority:
        setSortRole(AgentBoardModel::PriorityRole);
        break;
    case SortKey::Started:
        setSortRole(AgentBoardModel::StartedRole);
        break;
    case SortKey::Progress:
        setSortRole(AgentBoardModel::ProgressRole);
        break;
    case SortKey::Name:
        setSortRole(AgentBoardModel::NameRole);
        break;
    }
    if (key == SortKey::SpawnOrder && order == Qt::AscendingOrder)
        sort(-1); // the source order is spawn order: no sorting work at all
    else
        sort(0, order);
}

void AgentFilterProxyModel::refilter()
{
    // invalidateFilter() removes and inserts the changed rows range by range: a state filter that keeps every
    // twentieth card of 100,000 is 5,000 removals, each shifting the proxy's mapping and relaying out the view
    // (0.6 s). invalidate() rebuilds the mapping in one pass behind a single layout change (persistent indexes,
    // so the selection of the cards still shown, are kept).
    invalidate();
}

bool AgentFilterProxyModel::isFiltering() const
{
    return m_stateFilter != StateFilter::All || !m_searchWords.isEmpty();
}

bool AgentFilterProxyModel::stateMatches(AgentState state, StateFilter filter)
{
    switch (filter) {
    case StateFilter::All:
        return true;
    case StateFilter::Active:
        return isActiveState(state);
    case StateFilter::Waiting:
        return state == AgentState::Queued || state == AgentState::Blocked || state == AgentState::WaitingForLock ||
               state == AgentState::Escalated || state == AgentState::Paused || state == AgentState::Interrupted;
    case StateFilter::Finished:
        return isFinalState(state);
    case StateFilter::Failed:
        return state == AgentState::Failed || state == AgentState::Blocked;
    case StateFilter::Review:
        return state == AgentState::Review;
    }
    return true;
}

bool AgentFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_board)
        return false;
    // Every card shows: the proxy's mapping of a million cards is built without touching one of them.
    if (!isFiltering() && !m_board->hasMembers())
        return true;
    if (const int team = m_board->teamRowAt(sourceRow); team >= 0) {
        const QString &teamGoal = m_board->statusAt(team).goalId;
        return m_board->isTeamExpanded(teamGoal) && (rowMatches(sourceRow) || rowMatches(team));
    }
    if (rowMatches(sourceRow))
        return true;
    if (!isFiltering() || !m_board->isTeamAt(sourceRow))
        return false;
    // A team stays on the board, next to its members, while one of them matches.
    const int members = m_board->memberCount(m_board->statusAt(sourceRow).goalId);
    for (int member = sourceRow + 1; member <= sourceRow + members; ++member) {
        if (rowMatches(member))
            return true;
    }
    return false;
}

bool AgentFilterProxyModel::rowMatches(int sourceRow) const
{
    const AgentStatus &status = m_board->statusAt(sourceRow);
    if (!stateMatches(status.state, m_stateFilter))
        return false;
    if (m_searchWords.isEmpty())
        return true;
    const QString haystack = m_board->data(m_board->index(sourceRow), AgentBoardModel::SearchTextRole).toString();
    for (const QString &word : m_searchWords) {
        if (!haystack.contains(word))
            return false;
    }
    return true;
}

bool AgentFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_board)
        return QSortFilterProxyModel::lessThan(left, right);
    // A member sorts where its team does; within a team, the team comes first and then its members in spawn
    // order, whichever way the board is sorted (the proxy swaps the arguments for a descending sort).
    const int teamLeft = m_board->teamRowAt(left.row());
    const int teamRight = m_board->teamRowAt(right.row());
    const int groupLeft = teamLeft >= 0 ? teamLeft : left.row();
    const int groupRight = teamRight >= 0 ? teamRight : right.row();
    if (groupLeft == groupRight) {
        const auto rank = [this](int row, int team) {
            return team < 0 ? qint64(-1) : static_cast<qint64>(m_board->sequenceAt(row));
        };
        const qint64 rankLeft = rank(left.row(), teamLeft);
        const qint64 rankRight = rank(right.row(), teamRight);
        return m_sortOrder == Qt::AscendingOrder ? rankLeft < rankRight : rankRight < rankLeft;
    }
    const AgentStatus &a = m_board->statusAt(groupLeft);
    const AgentStatus &b = m_board->statusAt(groupRight);
    const quint64 seqA = m_board->sequenceAt(groupLeft);
    const quint64 seqB = m_board->sequenceAt(groupRight);
    // Ties fall back to spawn order in the direction that keeps earlier agents first whatever the order.
    const bool tieBreak = m_sortOrder == Qt::AscendingOrder ? seqA < seqB : seqA > seqB;

    switch (m_sortKey) {
    case SortKey::SpawnOrder:
        return seqA < seqB;
    case SortKey::Priority:
        if (a.priority != b.priority)
            return static_cast<int>(a.priority) < static_cast<int>(b.priority);
        return tieBreak;
    case SortKey::Started: {
        // Not started yet sorts after everything started (ascending): they start last.
        const bool startedA = a.startedAt.isValid();
        const bool startedB = b.startedAt.isValid();
        if (startedA != startedB)
            return startedA;
        if (startedA && a.startedAt != b.startedAt)
            return a.startedAt < b.startedAt;
        return tieBreak;
    }
    case SortKey::Progress:
        if (a.progress != b.progress)
            return a.progress < b.progress;
        return tieBreak;
    case SortKey::Name: {
        const int byName = QString::localeAwareCompare(a.name, b.name);
        if (byName != 0)
            return byName < 0;
        return tieBreak;
    }
    }
    return tieBreak;
}

} // namespace switchboard
