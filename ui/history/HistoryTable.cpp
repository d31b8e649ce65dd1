#include "history/HistoryTable.h"

namespace switchboard {

HistoryTable::HistoryTable(const QString &objectName, QWidget *parent)
    : QTreeView(parent)
{
    setObjectName(objectName);
    setRootIsDecorated(false);
    setUniformRowHeights(true); // required to stay fast with 100,000 rows
    setItemsExpandable(false);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setAllColumnsShowFocus(true);
    setAlternatingRowColors(true);
    setTextElideMode(Qt::ElideRight);
}

} // namespace switchboard
