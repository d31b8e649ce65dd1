#pragma once

#include "model/TranscriptEntry.h"

#include <QList>

#include <deque>

namespace switchboard {

// The recent transcript of one model agent, across its attempts, for the detail pane while the run is live:
// bounded by entries and by text size, oldest dropped first (the store keeps everything). With a store, an
// attempt's steps are let go once they are committed, so only running agents hold theirs in memory. Filled and read on
// the orchestrator's thread only: agent threads hand their entries to their AttemptContext, which the
// orchestrator drains in order (AttemptLifecycle), so no lock is needed here.
class AgentTranscript final
{
    Q_DISABLE_COPY_MOVE(AgentTranscript)

public:
    // One agent's copy stays below both (a 64 KiB entry is ~128 KiB as UTF-16).
    static constexpr int kMaxEntries = 2000;
    static constexpr qsizetype kMaxBytes = 8 * 1024 * 1024;

    AgentTranscript() = default;

    void append(const QList<TranscriptEntry> &entries);
    // Lets go of the entries numbered below upTo (they are in the store): they count as dropped.
    void forgetBefore(qint64 upTo);
    // Entries ever appended, and how many of those fell off the front.
    qint64 total() const { return m_dropped + qint64(m_entries.size()); }
    qint64 dropped() const { return m_dropped; }
    // The kept entries numbered `from` (0 = the first ever appended) and later; for live views that ask for
    // what is new since they last looked.
    QList<TranscriptEntry> since(qint64 from) const;

private:
    static qsizetype sizeOf(const TranscriptEntry &entry);

    std::deque<TranscriptEntry> m_entries;
    qsizetype m_bytes = 0;
    qint64 m_dropped = 0;
};

} // namespace switchboard
