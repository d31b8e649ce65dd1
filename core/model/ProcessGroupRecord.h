#pragma once

#include <QString>
#include <QtGlobal>

namespace switchboard {

// The identity of a process group an attempt started (a process agent's program, a model agent's command),
// recorded with the attempt so that a Switchboard that starts after a crash can end what the crashed one left
// running, and never a stranger that got the same pid: the group id (the leader's pid), the leader's start
// time in clock ticks since boot (/proc/PID/stat field 22) and the boot it belongs to, and a mark in the
// environment that the leader's children inherit (SWITCHBOARD_PROCESS_MARK).
struct ProcessGroupRecord
{
    QString agentId;
    int attempt = 0;
    qint64 pgid = 0; // 0: none
    quint64 leaderStartTicks = 0;
    QString bootId; // /proc/sys/kernel/random/boot_id
    QString mark;

    bool isValid() const { return pgid > 1; }
    friend bool operator==(const ProcessGroupRecord &, const ProcessGroupRecord &) = default;
};

} // namespace switchboard
