#include "Scratchpad.h"

#include <QMutexLocker>

#include <algorithm>

namespace switchboard {

Scratchpad::Scratchpad(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<switchboard::NoteRecord>();
}

bool Scratchpad::write(const QString &key, const QString &text, const QString &authorAgentId, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const QString trimmed = key.trimmed();
    if (trimmed.isEmpty())
        return fail(QStringLiteral("note: \"key\" must not be empty"));
    if (trimmed.size() > kMaxKeyLength)
        return fail(QStringLiteral("note '%1…': the key is longer than %2 characters")
                        .arg(trimmed.left(40))
                        .arg(kMaxKeyLength));
    if (text.size() > kMaxTextLength)
        return fail(QStringLiteral("note '%1': the text is %2 characters, more than %3")
                        .arg(trimmed)
                        .arg(text.size())
                        .arg(kMaxTextLength));
    NoteRecord note;
    {
        QMutexLocker locker(&m_mutex);
        if (!m_notes.contains(trimmed) && m_notes.size() >= kMaxNotes)
            return fail(QStringLiteral("note '%1': the scratchpad is full (%2 notes)").arg(trimmed).arg(kMaxNotes));
        note = NoteRecord{m_runId, trimmed, text, authorAgentId, QDateTime::currentDateTimeUtc()};
        m_notes.insert(trimmed, note);
        m_order.insert(trimmed, ++m_sequence);
    }
    Q_EMIT noteWritten(note);
    return true;
}

QList<NoteRecord> Scratchpad::notes(const QStringList &keys) const
{
    QList<std::pair<quint64, NoteRecord>> ordered;
    {
        QMutexLocker locker(&m_mutex);
        if (keys.isEmpty()) {
            ordered.reserve(m_notes.size());
            for (auto it = m_notes.cbegin(); it != m_notes.cend(); ++it)
                ordered.append({m_order.value(it.key()), it.value()});
        } else {
            for (const QString &key : keys) {
                const auto it = m_notes.constFind(key.trimmed());
                if (it != m_notes.cend())
                    ordered.append({m_order.value(it.key()), it.value()});
            }
        }
    }
    std::sort(ordered.begin(), ordered.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<NoteRecord> result;
    result.reserve(ordered.size());
    for (const auto &entry : std::as_const(ordered))
        result.append(entry.second);
    return result;
}

int Scratchpad::size() const
{
    QMutexLocker locker(&m_mutex);
    return int(m_notes.size());
}

void Scratchpad::setRunId(const QString &runId)
{
    QMutexLocker locker(&m_mutex);
    m_runId = runId;
}

void Scratchpad::preload(const QList<NoteRecord> &notes)
{
    QList<NoteRecord> sorted = notes;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const NoteRecord &a, const NoteRecord &b) { return a.at < b.at; });
    QMutexLocker locker(&m_mutex);
    m_notes.clear();
    m_order.clear();
    for (const NoteRecord &note : std::as_const(sorted)) {
        m_notes.insert(note.key, note);
        m_order.insert(note.key, ++m_sequence);
    }
}

} // namespace switchboard
