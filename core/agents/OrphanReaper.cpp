#include "OrphanReaper.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QRandomGenerator>
#include <QThread>

#include <cerrno>
#include <csignal>

#include <sys/types.h>

namespace switchboard {

namespace {

struct ProcStat
{
    qint64 pid = 0;
    char state = '?';
    qint64 pgrp = 0;
    quint64 startTicks = 0;
};

// "pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
// priority nice num_threads itrealvalue starttime ..."; comm may hold spaces and parentheses.
std::optional<ProcStat> readStat(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray text = file.read(4096);
    const qsizetype close = text.lastIndexOf(')');
    if (close < 0)
        return std::nullopt;
    const QList<QByteArray> fields = text.mid(close + 2).split(' ');
    // fields[0] is field 3 (state); field 22 (starttime) is fields[19].
    if (fields.size() < 20 || fields.at(0).isEmpty())
        return std::nullopt;
    ProcStat stat;
    stat.pid = pid;
    stat.state = fields.at(0).at(0);
    stat.pgrp = fields.at(2).toLongLong();
    stat.startTicks = fields.at(19).toULongLong();
    return stat;
}

bool isLive(const ProcStat &stat)
{
    return stat.state != 'Z' && stat.state != 'X';
}

QList<ProcStat> allProcesses()
{
    QList<ProcStat> out;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        if (const std::optional<ProcStat> stat = readStat(pid))
            out.append(*stat);
    }
    return out;
}

bool carriesMark(qint64 pid, const QString &mark)
{
    if (mark.isEmpty())
        return false;
    QFile file(QStringLiteral("/proc/%1/environ").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray wanted = QByteArray(OrphanReaper::kMarkVariable) + '=' + mark.toUtf8();
    const QList<QByteArray> variables = file.readAll().split('\0');
    return variables.contains(wanted);
}

void signalGroup(qint64 pgid, int signal)
{
    // Never pid 0 or -1 (our own group, or every process we may signal).
    if (pgid > 1)
        ::kill(-static_cast<pid_t>(pgid), signal);
}

bool waitUntilGone(qint64 pgid, int ms)
{
    const QDeadlineTimer deadline(ms);
    for (;;) {
        if (OrphanReaper::members(pgid).isEmpty())
            return true;
        if (deadline.hasExpired())
            return false;
        QThread::msleep(OrphanReaper::kPollMs);
    }
}

QString nameOf(const ProcessGroupRecord &r)
{
    return QStringLiteral("process group %1 of agent %2 (attempt %3)").arg(r.pgid).arg(r.agentId).arg(r.attempt);
}

} // namespace

QString OrphanReaper::bootId()
{
    QFile file(QStringLiteral("/proc/sys/kernel/random/boot_id"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(file.readAll().trimmed());
}

std::optional<quint64> OrphanReaper::startTicks(qint64 pid)
{
    const std::optional<ProcStat> stat = readStat(pid);
    if (!stat)
        return std::nullopt;
    return stat->startTicks;
}

QString OrphanReaper::newMark()
{
    const quint64 a = QRandomGenerator::system()->generate64();
    const quint64 b = QRandomGenerator::system()->generate64();
    return QStringLiteral("%1%2").arg(a, 16, 16, QLatin1Char('0')).arg(b, 16, 16, QLatin1Char('0'));
}

ProcessGroupRecord OrphanReaper::describe(qint64 pgid, const QString &mark)
{
    ProcessGroupRecord record;
    record.pgid = pgid;
    record.mark = mark;
    record.bootId = bootId();
    record.leaderStartTicks = startTicks(pgid).value_or(0);
    return record;
}

QList<qint64> OrphanReaper::members(qint64 pgid)
{
    QList<qint64> pids;
    if (pgid <= 1 || (::kill(-static_cast<pid_t>(pgid), 0) != 0 && errno == ESRCH))
        return pids;
    for (const ProcStat &stat : allProcesses()) {
        if (stat.pgrp == pgid && isLive(stat))
            pids.append(stat.pid);
    }
    return pids;
}

OrphanReaper::Outcome OrphanReaper::endGroups(const QList<ProcessGroupRecord> &records, int graceMs)
{
    Outcome outcome;
    if (records.isEmpty())
        return outcome;
#ifndef Q_OS_LINUX
    outcome.notes.append(QStringLiteral("%1 process group(s) of a stopped Switchboard may still run: ending them "
                                        "needs Linux's /proc")
                             .arg(records.size()));
    return outcome;
#else
    const QString boot = bootId();
    // One look at every process, grouped by process group.
    QHash<qint64, QList<ProcStat>> groups;
    for (const ProcStat &stat : allProcesses()) {
        if (isLive(stat))
            groups[stat.pgrp].append(stat);
    }
    QList<ProcessGroupRecord> toEnd;
    for (const ProcessGroupRecord &r : records) {
        if (!r.isValid() || r.bootId.isEmpty() || r.bootId != boot) {
            outcome.done.append(r); // another boot: nothing of it survives
            continue;
        }
        const QList<ProcStat> live = groups.value(r.pgid);
        if (live.isEmpty()) {
            outcome.done.append(r); // gone
            continue;
        }
        bool ours = false;
        bool leaderAlive = false;
        for (const ProcStat &stat : live) {
            if (stat.pid == r.pgid) {
                leaderAlive = true;
                ours = stat.startTicks == r.leaderStartTicks;
            }
        }
        if (leaderAlive && !ours) {
            outcome.notes.append(
                QStringLiteral("left %1 alone: its id now belongs to another program (a reused pid)").arg(nameOf(r)));
            outcome.done.append(r);
            continue;
        }
        if (!leaderAlive) {
            for (const ProcStat &stat : live) {
                if (stat.startTicks >= r.leaderStartTicks && carriesMark(stat.pid, r.mark)) {
                    ours = true;
                    break;
                }
            }
        }
        if (!ours) {
            outcome.notes.append(QStringLiteral("left %1 alone: none of its %2 process(es) is provably the one "
                                                "recorded (no leader, no mark)")
                                     .arg(nameOf(r))
                                     .arg(live.size()));
            outcome.done.append(r);
            continue;
        }
        toEnd.append(r);
        outcome.notes.append(QStringLiteral("ending %1 left running by a Switchboard that stopped: %2 process(es), "
                                            "SIGTERM")
                                 .arg(nameOf(r))
                                 .arg(live.size()));
    }
    // All at once, so one grace covers every group.
    for (const ProcessGroupRecord &r : std::as_const(toEnd))
        signalGroup(r.pgid, SIGTERM);
    const QDeadlineTimer grace(qMax(0, graceMs));
    for (const ProcessGroupRecord &r : std::as_const(toEnd)) {
        ++outcome.ended;
        if (!waitUntilGone(r.pgid, int(qMax<qint64>(0, grace.remainingTime())))) {
            outcome.notes.append(
                QStringLiteral("%1 still running %2 ms after SIGTERM: SIGKILL").arg(nameOf(r)).arg(graceMs));
            signalGroup(r.pgid, SIGKILL);
            if (!waitUntilGone(r.pgid, kAfterKillWaitMs)) {
                const int left = int(members(r.pgid).size());
                outcome.survivors += left;
                outcome.notes.append(
                    QStringLiteral("%1 still has %2 process(es) after SIGKILL").arg(nameOf(r)).arg(left));
                continue; // looked for again next time
            }
        }
        outcome.done.append(r);
    }
    return outcome;
#endif
}

} // namespace switchboard
