#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace switchboard {

// One entry of a run's shared scratchpad: the latest text under a key, who wrote it and when.
struct NoteRecord
{
    QString runId;
    QString key;
    QString text;
    QString authorAgentId; // empty when a human wrote it
    QDateTime at;          // UTC

    friend bool operator==(const NoteRecord &, const NoteRecord &) = default;
};

} // namespace switchboard

Q_DECLARE_METATYPE(switchboard::NoteRecord)
