#include "scratchpad/ScratchpadModel.h"

#include "coordination/Scratchpad.h"

#include <QLocale>

namespace switchboard {

ScratchpadModel::ScratchpadModel(Scratchpad *scratchpad, QObject *parent)
    : KeyedTableModel(parent)
    , m_scratchpad(scratchpad)
{
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(100);
    connect(&m_refresh, &QTimer::timeout, this, &ScratchpadModel::refresh);
    if (scratchpad) {
        connect(
            scratchpad, &Scratchpad::noteWritten, this,
            [this] {
                if (!m_refresh.isActive())
                    m_refresh.start();
            },
            Qt::QueuedConnection);
    }
    refresh();
}

int ScratchpadModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ScratchpadModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ScratchpadModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const NoteRecord &note = m_rows.at(index.row());
    switch (role) {
    case KeyRole:
        return note.key;
    case FullTextRole:
        return note.text;
    case Qt::ToolTipRole:
        if (index.column() == TextColumn)
            return note.text.left(2000);
        break;
    case Qt::DisplayRole:
        switch (index.column()) {
        case KeyColumn:
            return note.key;
        case TextColumn: {
            const QString firstLine = note.text.section(u'\n', 0, 0);
            return firstLine.size() < note.text.size() ? firstLine + QStringLiteral(" …") : firstLine;
        }
        case AuthorColumn:
            return note.authorAgentId.isEmpty() ? tr("you") : note.authorAgentId;
        case TimeColumn:
            return QLocale().toString(note.at.toLocalTime().time(), QLocale::ShortFormat);
        default:
            break;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant ScratchpadModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case TextColumn:
        return tr("Note");
    case AuthorColumn:
        return tr("Written by");
    case TimeColumn:
        return tr("At");
    default:
        return {};
    }
}

void ScratchpadModel::refresh()
{
    const QList<NoteRecord> fresh = m_scratchpad ? m_scratchpad->notes() : QList<NoteRecord>();
    syncRows(m_rows, fresh, [](const NoteRecord &note) { return note.key; });
}

int ScratchpadModel::rowForKey(const QString &key) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).key == key)
            return row;
    }
    return -1;
}

} // namespace switchboard
