#pragma once

#include "model/AgentState.h"

#include <QSortFilterProxyModel>
#include <QStringList>

namespace switchboard {

class AgentBoardModel;

// Filters and sorts the agent board: free-text search over name, goal, step and profile, a state group
// (all / active / waiting / finished / failed) and a sort key. Sorting and filtering stay live as agents
// change (dynamic sort filter); ties keep spawn order, so cards never jump around for no reason.
// Teams keep their members: a team sorts as one block (the team, then its members in spawn order), is shown
// while it or any member matches, and its members show while it is expanded and they or the team match.
class AgentFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentFilterProxyModel)

public:
    enum class StateFilter
    {
        All,
        Active,   // started and not finished: running, waiting for a lock or for you, paused
        Waiting,  // waiting on something: a slot, a dependency, a lock, a human, a retry
        Finished, // completed, failed or cancelled
        Failed,   // failed or blocked by a failure
        Review,   // finished in a worktree, changes waiting to be merged or discarded
    };
    Q_ENUM(StateFilter)

    enum class SortKey
    {
        SpawnOrder,
        Priority,
        Started,
        Progress,
        Name,
    };
    Q_ENUM(SortKey)

    explicit AgentFilterProxyModel(QObject *parent = nullptr);

    // While the board fills in slices (AgentBoardModel::fillStarted() to filled(): a restored run of up to millions
    // of cards) this proxy has no source and shows nothing: each slice's insert would cost its mapping update, and
    // the view's relayout, over every row already in. It takes the full board in one reset when filled.
    void setBoardModel(AgentBoardModel *model);
    AgentBoardModel *boardModel() const { return m_board; }

    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }
    void setStateFilter(StateFilter filter);
    StateFilter stateFilter() const { return m_stateFilter; }
    void setSortKey(SortKey key, Qt::SortOrder order);
    SortKey sortKey() const { return m_sortKey; }
    Qt::SortOrder sortDirection() const { return m_sortOrder; }
    bool isFiltering() const;

    static bool stateMatches(AgentState state, StateFilter filter);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();
    bool rowMatches(int sourceRow) const;

    AgentBoardModel *m_board = nullptr;
    QString m_searchText;
    QStringList m_searchWords;
    StateFilter m_stateFilter = StateFilter::All;
    SortKey m_sortKey = SortKey::SpawnOrder;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace switchboard
