#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace switchboard {

// A table whose rows are identified by a string key (escalation id, lock resource). syncRows()
// turns a fresh snapshot into row removals, appends and one layout change into the new order, so
// views keep their selection and current row while the snapshot is re-read.
class KeyedTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    using QAbstractTableModel::QAbstractTableModel;

protected:
    template<typename Row, typename KeyOf> void syncRows(QList<Row> &rows, const QList<Row> &fresh, KeyOf keyOf)
    {
        QHash<QString, int> freshRow;
        freshRow.reserve(fresh.size());
        for (int row = 0; row < fresh.size(); ++row)
            freshRow.insert(keyOf(fresh.at(row)), row);

        for (int row = static_cast<int>(rows.size()) - 1; row >= 0; --row) {
            if (!freshRow.contains(keyOf(rows.at(row)))) {
                beginRemoveRows({}, row, row);
                rows.removeAt(row);
                endRemoveRows();
            }
        }
        QSet<QString> have;
        for (const Row &row : std::as_const(rows))
            have.insert(keyOf(row));
        QList<Row> added;
        for (const Row &row : fresh) {
            if (!have.contains(keyOf(row)))
                added << row;
        }
        if (!added.isEmpty()) {
            const int first = static_cast<int>(rows.size());
            beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
            rows.append(added);
            endInsertRows();
        }

        bool sameOrder = true;
        for (int row = 0; row < rows.size() && sameOrder; ++row)
            sameOrder = keyOf(rows.at(row)) == keyOf(fresh.at(row));
        if (!sameOrder) {
            Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
            const QModelIndexList from = persistentIndexList();
            QModelIndexList to;
            to.reserve(from.size());
            for (const QModelIndex &index : from)
                to << this->index(freshRow.value(keyOf(rows.at(index.row()))), index.column());
            rows = fresh;
            changePersistentIndexList(from, to);
            Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
        } else {
            rows = fresh;
        }
        if (!rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(static_cast<int>(rows.size()) - 1, columnCount() - 1));
    }
};

} // namespace switchboard
