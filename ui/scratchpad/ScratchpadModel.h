#pragma once

#include "model/NoteRecord.h"

#include "widgets/KeyedTableModel.h"

#include <QList>
#include <QPointer>
#include <QTimer>

namespace switchboard {

class Scratchpad;

// The Scratchpad dock's rows: the run's notes (key, text, author, time), newest write last. Re-read when a
// note is written (coalesced to one refresh per 100 ms, so an agent writing in a loop cannot flood the GUI).
// Rows are kept by key, so the selection survives refreshes.
class ScratchpadModel final : public KeyedTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScratchpadModel)

public:
    enum Column
    {
        KeyColumn,
        TextColumn,
        AuthorColumn,
        TimeColumn,
        ColumnCount,
    };

    enum Role
    {
        KeyRole = Qt::UserRole, // QString
        FullTextRole,           // QString: the whole text (the column shows the first line)
    };

    explicit ScratchpadModel(Scratchpad *scratchpad, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void refresh();
    int rowForKey(const QString &key) const;
    const NoteRecord &noteAt(int row) const { return m_rows.at(row); }

private:
    QPointer<Scratchpad> m_scratchpad;
    QList<NoteRecord> m_rows;
    QTimer m_refresh;
};

} // namespace switchboard
