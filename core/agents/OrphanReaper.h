#pragma once

#include "model/ProcessGroupRecord.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace switchboard {

// Ends the process groups a crashed Switchboard left running (recorded with their attempts, see
// ProcessGroupRecord), before anything starts again, and only when they are provably the same groups:
//  - a group of another boot is gone with it (nothing survives a reboot);
//  - if a process with the group's id lives, it must be the recorded leader (same start time): a pid reused
//    by another program is left alone;
//  - if the leader is gone (it dies with Switchboard: PR_SET_PDEATHSIG), a live member of the group must carry
//    the recorded mark in its environment. A group id cannot be reused while any member of the group lives, so
//    one marked member proves the whole group is the recorded one.
// Then SIGTERM to the group, up to graceMs for it to go, SIGKILL to what is left. Linux only (/proc); elsewhere
// nothing is ended and the report says so.
class OrphanReaper final
{
public:
    // The environment variable that carries ProcessGroupRecord::mark to a group's processes.
    static constexpr const char *kMarkVariable = "SWITCHBOARD_PROCESS_MARK";
    static constexpr int kDefaultGraceMs = 3000;
    static constexpr int kAfterKillWaitMs = 2000;
    static constexpr int kPollMs = 20;

    struct Outcome
    {
        QList<ProcessGroupRecord> done; // gone, ended now, or not ours: nothing to look for any more
        QStringList notes;              // one line per group that was ended or left alone, and why
        int ended = 0;                  // groups that were signalled
        int survivors = 0;              // processes still alive after SIGKILL (stuck in the kernel)
    };

    OrphanReaper() = delete;

    // This boot's id; empty where unknown.
    static QString bootId();
    // The start time of a process in clock ticks since boot (/proc/PID/stat field 22); nothing when it is gone.
    static std::optional<quint64> startTicks(qint64 pid);
    // A fresh mark for a group about to start.
    static QString newMark();
    // The record of a group just started (leader pid == group id) with its mark.
    static ProcessGroupRecord describe(qint64 pgid, const QString &mark);
    // Live (not zombie) members of the group.
    static QList<qint64> members(qint64 pgid);

    static Outcome endGroups(const QList<ProcessGroupRecord> &records, int graceMs = kDefaultGraceMs);
};

} // namespace switchboard
