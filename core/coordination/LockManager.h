#pragma once

#include "coordination/LockLeases.h"
#include "coordination/LockWaitQueue.h"
#include "model/LockEvent.h"
#include "model/LockInfo.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <functional>

namespace switchboard {

// Exclusive, leased locks on workspace files and named resources, so parallel agents do not edit the same
// thing. Requests are all-or-nothing, served first-come-first-served, never deadlock, and every grant carries
// a fencing token that only grows.
//
// Threads: the object lives on the orchestrator's thread; every public function is thread-safe. acquire()
// blocks the calling (agent) thread, so never call it with a wait on the GUI thread (tryAcquire() is fine).
// Signals are always emitted on the LockManager's own thread, posted in the order the changes happened, so
// they arrive a moment after the call that caused them returns.
//
// Resources (see LockResource): workspace-relative paths, cleaned, where a path also covers everything below
// it ("src" conflicts with "src/a.py", "." with every path), and named resources "<prefix>:<name>"
// ("ui:#submit", "db:schema"), matched exactly.
//
// Re-entrancy: requesting something the agent already holds (or that a lock it holds covers) succeeds for
// that part without a new grant; Result::resources lists only what the call newly acquired, which is what
// LockGuard gives back. Locks are not counted: one release() frees a resource however often it was asked for.
// A granted request always carries a real fencing token, never 0: the new grant's, or, when everything asked
// for was held already, the current token of the holder's lock (the highest one when several cover it);
// Result::tokens gives the token guarding each resource asked for.
//
// Fairness: a request is granted only when none of its resources is held by another agent and no earlier
// waiting request of another agent overlaps it. So a stream of small requests cannot starve a large one,
// while requests for unrelated resources never wait for each other.
//
// Deadlock: a single request is granted atomically (no hold-and-wait inside one call). An agent that holds
// locks and asks for more could close a cycle with other waiters; such a request is refused at once with
// Status::Deadlock instead of waiting forever.
//
// Leases: each lock expires ttl after its grant or last renewal. sweepExpired() releases expired locks, sets
// the holder's lost flag (hasLostLock()) and emits lockExpired. It runs on an internal timer, inside
// acquire()/tryAcquire(), and in blocked waiters, which wake at the next expiry; the const queries report a
// lock until it has been swept. Locks of an agent that is itself blocked in acquire() are renewed instead of
// expired: it is alive, just waiting on others.
//
// Integration (orchestrator / AgentContext):
//  - per agent call: acquire(agentId, resources, {goalId, timeout, isCancelled = ctx.isCancelled,
//    onWaitBegin = releaseThread + state WaitingForLock, onWaitEnd = reserveThread + state Running}).
//  - Orchestrator::cancel(agentId): cancelWaits(agentId) after AgentContext::requestCancel().
//  - when an attempt ends (any outcome): releaseAll(agentId).
//  - whenever the agent reports anything (progress, log, process heartbeat): renew(agentId).
//  - scheduler: prefer tryAcquire(agentId, goal.resources, goalId) at dispatch (atomic) over anyHeld().
//  - an agent blocked on a human (EscalationInbox::ask) reports nothing: renew(agentId) on a timer while it
//    is Escalated if its locks should outlive a long wait, or let them lapse on purpose.
//  - persistence: connect lockEvent(); at start-up setTokenFloor(highest token ever stored).
//  - destroy it only after the pool is drained: no thread may still be inside acquire().
class LockManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LockManager)

public:
    // Monotonic milliseconds; injectable so tests can move time by hand.
    using Clock = LockLeases::Clock;

    enum class Status
    {
        Granted,
        Busy,      // tryAcquire (or timeout 0): something is held or queued for
        TimedOut,  // waited the whole timeout; holds nothing from this request
        Cancelled, // the agent was cancelled while waiting (isCancelled or cancelWaits())
        Invalid,   // a resource could not be normalised (empty, absolute, escapes the workspace)
        Deadlock,  // waiting would close a cycle with other waiting agents
    };

    struct WaitOptions
    {
        QString goalId;                        // shown in the Locks table
        std::chrono::milliseconds timeout{-1}; // negative: wait until granted or cancelled; 0: never wait
        std::function<bool()> isCancelled;     // polled before and during the wait (every 50 ms) under the
                                               // manager's mutex: keep it a cheap flag read
        std::function<void()> onWaitBegin;     // called only if the request must wait, before blocking
        std::function<void()> onWaitEnd;       // called after a wait, however it ended, before returning
    };

    struct Result
    {
        Status status = Status::Invalid;
        quint64 token = 0;             // fencing token: the new grant's, else the held lock's (0 only when refused)
        QStringList resources;         // normalised, sorted: newly acquired by this call (what to release)
        QStringList alreadyHeld;       // requested resources this agent already held (left as they were)
        QMap<QString, quint64> tokens; // granted: each requested (normalised) resource -> its lock's token
        QString error;                 // why, when not granted

        bool ok() const { return status == Status::Granted; }
        explicit operator bool() const { return ok(); }
    };

    explicit LockManager(QObject *parent = nullptr);
    ~LockManager() override;

    // --- configuration (call on the LockManager's thread) ---
    // Lease length; 0 = locks never expire. Default 30 min. Applies from the next grant or renewal.
    void setLeaseTtl(std::chrono::milliseconds ttl);
    std::chrono::milliseconds leaseTtl() const;
    // Period of the internal expiry sweep; 0 disables it (sweepExpired() can still be called). Default:
    // ttl / 10, between 50 ms and 10 s.
    void setSweepInterval(std::chrono::milliseconds interval);
    void setClock(Clock clock);
    // Absolute paths inside this directory are accepted and made relative; empty = absolute paths rejected.
    void setWorkspace(const QString &workspace);
    QString workspace() const;
    // Tokens issued from now on are greater than lastIssued (never lowers the counter): call with the highest
    // token ever stored so fencing tokens keep growing across restarts.
    void setTokenFloor(quint64 lastIssued);
    quint64 lastToken() const;

    // --- locking (any thread) ---
    // All or nothing: either every resource is granted (to agentId, under one new token) or none is.
    Result acquire(const QString &agentId, const QStringList &resources, const WaitOptions &options);
    Result acquire(const QString &agentId, const QStringList &resources); // waits until granted or cancelWaits()
    // Never waits: Status::Busy when anything is held by another agent or already queued for.
    Result tryAcquire(const QString &agentId, const QStringList &resources, const QString &goalId = {});
    // Releases the given resources held by agentId; token != 0 releases only locks of that grant, so a stale
    // guard cannot free a lock the agent lost and got back later. Returns how many were released.
    int release(const QString &agentId, const QStringList &resources, quint64 token = 0);
    // An attempt ended: releases everything agentId holds, cancels its waits and clears its lost flag.
    int releaseAll(const QString &agentId);
    // A human took the lock away: released at once, the holder's lost flag is set and lockForced emitted.
    bool forceRelease(const QString &resource, QString *error = nullptr);
    // Wakes agentId's waiting acquire() calls, which return Status::Cancelled. Returns how many were woken.
    int cancelWaits(const QString &agentId);

    // --- leases ---
    // Extends every lock agentId holds to now + ttl; returns how many.
    int renew(const QString &agentId);
    // Releases locks whose lease ran out (see class comment); returns how many.
    int sweepExpired();

    // --- lost locks (expired or forced while held) ---
    bool hasLostLock(const QString &agentId) const;
    QStringList lostLocks(const QString &agentId) const;
    void clearLostLocks(const QString &agentId);

    // --- queries (any thread) ---
    // Held resources and resources waited for, sorted by resource.
    QList<LockInfo> snapshot() const;
    // Whether any agent holds this resource or one overlapping it (e.g. "src" for "src/a.py").
    bool isHeld(const QString &resource) const;
    bool anyHeld(const QStringList &resources) const;
    // Holder of exactly this resource (or of one covering it); empty when free.
    QString holder(const QString &resource) const;
    // Fencing: whether agentId holds resource (normalised like acquire(); also through a lock that covers it,
    // e.g. its directory) under the grant `token` (0: under any grant), and that lock's lease has not run out.
    // A lock that expired (swept or not yet), was force-released, released, or was lost and granted again
    // under a newer token does not hold for the old token. Checked right before writing what the lock guards.
    bool holds(const QString &agentId, const QString &resource, quint64 token = 0) const;
    QStringList heldBy(const QString &agentId) const;
    int heldCount() const;
    int waitingCount() const;

Q_SIGNALS:
    void lockAcquired(const LockInfo &info);
    void lockReleased(const QString &agentId, const QString &resource, quint64 token);
    void lockExpired(const QString &agentId, const QString &resource, quint64 token);
    void lockForced(const QString &agentId, const QString &resource, quint64 token);
    // reason: why the request failed as a whole; each resource's own reason is in its lockEvent.
    void lockDenied(const QString &agentId, const QStringList &resources, const QString &reason);
    // Every event above, one per resource, for the CLI's JSON lines and the store. A denied request gives
    // each resource its own reason: who holds it or queued for it first, or that it was free but the request
    // is all or nothing.
    void lockEvent(const LockEvent &event);
    // Something in snapshot() changed (holders or waiters). Coalesced: re-read snapshot() when it arrives.
    void locksChanged();

private:
    struct Notice;
    using Notices = QList<Notice>;

    Result acquireImpl(const QString &agentId, const QStringList &resources, const WaitOptions &options);
    bool normalizeAll(const QStringList &resources, QStringList *normalized, QString *error) const;
    quint64 grantLocked(const QString &agentId, const QString &goalId, const QStringList &needed, Notices &notices);
    void grantWaitersLocked(Notices &notices);
    int sweepExpiredLocked(Notices &notices);
    int removeLocked(const QString &resource, LockEvent::Action action, Notices &notices);
    void denyLocked(const QString &agentId, const QStringList &resources, Status status, const QString &reason,
                    Notices &notices);
    // Why resource cannot be granted to agentId now: "held by a2 (through src)", "queued for by a3"; empty when
    // nothing stands in its way.
    QString blockerLocked(const QString &agentId, const QString &resource) const;
    void postLocked(Notices notices, bool changed);
    void emitNotice(const Notice &notice);

    mutable QMutex m_mutex;
    LockLeases m_leases;
    LockWaitQueue m_waiters; // the LockWaiters live on their waiting threads' stacks
    QHash<QString, QStringList> m_lost;
    quint64 m_lastToken = 0;
    QString m_workspace;
    QTimer m_sweepTimer;
    bool m_sweepIntervalSet = false;
    std::atomic<bool> m_changePosted{false};
};

} // namespace switchboard
