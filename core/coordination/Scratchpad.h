#pragma once

#include "model/NoteRecord.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QStringList>

namespace switchboard {

// A run's shared working memory: notes (key -> text) that agents and the human write and read, each with
// its author and time. Writing a key again replaces its text. Thread-safe: agents write from their pool
// threads, views read on the GUI thread; noteWritten() is emitted on the writing thread (connect queued).
class Scratchpad final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Scratchpad)

public:
    static constexpr int kMaxKeyLength = 200;
    static constexpr int kMaxTextLength = 64 * 1024; // characters
    static constexpr int kMaxNotes = 10000;          // per run: a runaway agent must not fill memory

    explicit Scratchpad(QObject *parent = nullptr);

    // Writes (or replaces) a note. authorAgentId empty = the human. False with *error (naming the key and the
    // limit) for an empty or too long key, too long text, or a full scratchpad.
    bool write(const QString &key, const QString &text, const QString &authorAgentId, QString *error = nullptr);
    // Every note, oldest write first; with keys, only those (unknown keys are skipped).
    QList<NoteRecord> notes(const QStringList &keys = {}) const;
    int size() const;
    // The run the notes belong to (stamped on each NoteRecord).
    void setRunId(const QString &runId);
    // Puts stored notes back (restore after a restart); replaces what is there, emits nothing.
    void preload(const QList<NoteRecord> &notes);

Q_SIGNALS:
    void noteWritten(const switchboard::NoteRecord &note);

private:
    mutable QMutex m_mutex;
    QString m_runId;
    QHash<QString, NoteRecord> m_notes;
    quint64 m_sequence = 0;
    QHash<QString, quint64> m_order; // key -> sequence of its last write
};

} // namespace switchboard
