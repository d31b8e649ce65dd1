#pragma once

#include <QTreeView>

namespace switchboard {

// A table of the History window (runs, goals): whole rows, one at a time, alternating colours, and uniform
// row heights, which keep it fast with a hundred thousand rows.
class HistoryTable final : public QTreeView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryTable)

public:
    explicit HistoryTable(const QString &objectName, QWidget *parent = nullptr);
};

} // namespace switchboard
