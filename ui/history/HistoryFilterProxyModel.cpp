#include "history/HistoryFilterProxyModel.h"

#include "history/HistoryGoalModel.h"

namespace switchboard {

HistoryFilterProxyModel::HistoryFilterProxyModel(int searchTextRole, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_searchTextRole(searchTextRole)
{
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
}

void HistoryFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    m_goals = qobject_cast<const HistoryGoalModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void HistoryFilterProxyModel::setSearchText(const QString &text)
{
    const QStringList words = text.toCaseFolded().split(u' ', Qt::SkipEmptyParts);
    m_text = text;
    if (words == m_words)
        return;
    m_words = words;
    m_wordBytes.clear();
    for (const QString &word : std::as_const(m_words))
        m_wordBytes << word.toUtf8();
    m_matchedSnapshot.reset();
    m_matches = {};
    // One layout change rather than a removal or insertion per range of rows: the view re-lays out once, where
    // tens of thousands of small row signals would each cost it a pass over every row.
    invalidate();
}

void HistoryFilterProxyModel::setPinned(int keyRole, const QStringList &keys)
{
    if (m_pinnedRole == keyRole && m_pinned == keys)
        return;
    m_pinnedRole = keyRole;
    m_pinned = keys;
    if (isFiltering())
        invalidateRowsFilter();
}

bool HistoryFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    if (m_pinnedRole >= 0 && !m_pinned.isEmpty()) {
        const QString key = sourceModel()->index(sourceRow, 0, sourceParent).data(m_pinnedRole).toString();
        if (m_pinned.contains(key))
            return true;
    }
    if (m_goals && m_goals->snapshot()) {
        // UTF-8 is self-synchronising: a folded word occurs in the folded text exactly when its bytes do.
        const std::shared_ptr<const HistorySnapshot> &snapshot = m_goals->snapshot();
        if (m_matchedSnapshot.lock() != snapshot) {
            m_matches = snapshot->matchRows(m_wordBytes);
            m_matchedSnapshot = snapshot;
        }
        return sourceRow < static_cast<int>(m_matches.size()) && m_matches[static_cast<size_t>(sourceRow)];
    }
    const QString text = sourceModel()->index(sourceRow, 0, sourceParent).data(m_searchTextRole).toString();
    for (const QString &word : m_words) {
        if (!text.contains(word))
            return false;
    }
    return true;
}

bool HistoryFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_goals)
        return m_goals->lessThan(left.row(), right.row(), left.column());
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace switchboard
