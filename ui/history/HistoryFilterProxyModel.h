#pragma once

#include <QByteArrayList>
#include <QSortFilterProxyModel>
#include <QStringList>

#include <memory>
#include <vector>

namespace switchboard {

class HistoryGoalModel;
struct HistorySnapshot;

// Filters the History window's runs and goals by what the person types: a row stays when every word of the
// search occurs in its search text (case-insensitive), or when it is pinned (the "All runs" row, the run
// being shown). The text is matched against a case-folded string each row precomputes, so filtering a
// million goals takes one memmem() pass per word over the goals' texts in one UTF-8 buffer, and never a query
// (a QString::contains() per goal was ~250 ms at 1,000,000 goals, most of it cache misses on a million strings).
class HistoryFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryFilterProxyModel)

public:
    explicit HistoryFilterProxyModel(int searchTextRole, QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    void setSearchText(const QString &text);
    QString searchText() const { return m_text; }
    bool isFiltering() const { return !m_words.isEmpty(); }
    // Rows whose keyRole value is one of these always stay.
    void setPinned(int keyRole, const QStringList &keys);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    int m_searchTextRole;
    QString m_text;
    QStringList m_words;        // case-folded
    QByteArrayList m_wordBytes; // the same in UTF-8
    // For the goals: which rows match m_wordBytes in which snapshot, worked out on the first row asked about.
    mutable std::vector<char> m_matches;
    mutable std::weak_ptr<const HistorySnapshot> m_matchedSnapshot;
    int m_pinnedRole = -1;
    QStringList m_pinned;
    const HistoryGoalModel *m_goals = nullptr; // fast path: no QVariant per row
};

} // namespace switchboard
