#include "LockManager.h"

#include "coordination/LockResource.h"

#include <QDeadlineTimer>

#include <algorithm>
#include <limits>
#include <utility>

namespace switchboard {

namespace {
constexpr qint64 kCancelPollMs = 50;
constexpr qint64 kMinSweepMs = 50;
constexpr qint64 kMaxSweepMs = 10'000;
} // namespace

// A signal to emit on the LockManager's thread, collected under the mutex and posted in order.
struct LockManager::Notice
{
    LockEvent event;
    LockInfo info;               // Acquired
    QStringList deniedResources; // Denied
    QStringList deniedReasons;   // Denied: one per resource, in the same order
};

LockManager::LockManager(QObject *parent)
    : QObject(parent)
    , m_sweepTimer(this)
{
    connect(&m_sweepTimer, &QTimer::timeout, this, &LockManager::sweepExpired);
    setLeaseTtl(std::chrono::milliseconds(m_leases.ttlMs()));
}

LockManager::~LockManager()
{
    // Nobody may still wait: the orchestrator drains its pool before it destroys us.
    const QMutexLocker locker(&m_mutex);
    m_waiters.cancelAll();
}

void LockManager::setLeaseTtl(std::chrono::milliseconds ttl)
{
    qint64 ttlMs = 0;
    {
        const QMutexLocker locker(&m_mutex);
        m_leases.setTtlMs(ttl.count());
        ttlMs = m_leases.ttlMs();
    }
    if (m_sweepIntervalSet)
        return;
    if (ttlMs == 0) {
        m_sweepTimer.stop();
        return;
    }
    m_sweepTimer.start(static_cast<int>(std::clamp(ttlMs / 10, kMinSweepMs, kMaxSweepMs)));
}

std::chrono::milliseconds LockManager::leaseTtl() const
{
    const QMutexLocker locker(&m_mutex);
    return std::chrono::milliseconds(m_leases.ttlMs());
}

void LockManager::setSweepInterval(std::chrono::milliseconds interval)
{
    m_sweepIntervalSet = true;
    if (interval.count() <= 0) {
        m_sweepTimer.stop();
        return;
    }
    m_sweepTimer.start(static_cast<int>(std::min<qint64>(interval.count(), std::numeric_limits<int>::max())));
}

void LockManager::setClock(Clock clock)
{
    const QMutexLocker locker(&m_mutex);
    m_leases.setClock(std::move(clock));
}

void LockManager::setWorkspace(const QString &workspace)
{
    const QMutexLocker locker(&m_mutex);
    m_workspace = workspace;
}

QString LockManager::workspace() const
{
    const QMutexLocker locker(&m_mutex);
    return m_workspace;
}

void LockManager::setTokenFloor(quint64 lastIssued)
{
    const QMutexLocker locker(&m_mutex);
    m_lastToken = qMax(m_lastToken, lastIssued);
}

quint64 LockManager::lastToken() const
{
    const QMutexLocker locker(&m_mutex);
    return m_lastToken;
}

LockManager::Result LockManager::acquire(const QString &agentId, const QStringList &resources,
                                         const WaitOptions &options)
{
    return acquireImpl(agentId, resources, options);
}

LockManager::Result LockManager::acquire(const QString &agentId, const QStringList &resources)
{
    return acquireImpl(agentId, resources, WaitOptions());
}

LockManager::Result LockManager::tryAcquire(const QString &agentId, const QStringList &resources, const QString &goalId)
{
    WaitOptions options;
    options.goalId = goalId;
    options.timeout = std::chrono::milliseconds(0);
    return acquireImpl(agentId, resources, options);
}

bool LockManager::normalizeAll(const QStringList &resources, QStringList *normalized, QString *error) const
{
    if (resources.isEmpty()) {
        *error = QStringLiteral("no lock resources given");
        return false;
    }
    QStringList out;
    out.reserve(resources.size());
    for (const QString &resource : resources) {
        const QString name = LockResource::normalize(resource, m_workspace, error);
        if (name.isEmpty())
            return false;
        out.append(name);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    *normalized = out;
    return true;
}

LockManager::Result LockManager::acquireImpl(const QString &agentId, const QStringList &resources,
                                             const WaitOptions &options)
{
    Result result;
    Notices notices;
    bool changed = false;
    QStringList reported = resources; // normalised once known, for the denied event
    QMutexLocker locker(&m_mutex);

    auto finish = [&](Status status, const QString &error) {
        result.status = status;
        result.error = error;
        if (status != Status::Granted) {
            result.resources.clear();
            result.token = 0;
            result.tokens.clear();
            denyLocked(agentId, reported, status, error, notices);
        }
        postLocked(std::move(notices), changed || !result.resources.isEmpty());
        return result;
    };

    if (agentId.isEmpty())
        return finish(Status::Invalid, QStringLiteral("lock request without an agent id"));
    QStringList normalized;
    QString error;
    if (!normalizeAll(resources, &normalized, &error))
        return finish(Status::Invalid, error);
    reported = normalized;

    changed = sweepExpiredLocked(notices) > 0;

    QStringList needed;
    for (const QString &resource : std::as_const(normalized)) {
        if (m_leases.coveredByOwn(agentId, resource))
            result.alreadyHeld.append(resource);
        else
            needed.append(resource);
    }
    // A granted request always names a real token: the locks held already keep theirs (the highest of them is
    // the request's token when nothing new is granted), so "the token only ever grows" holds for re-entry too.
    const auto grantHeld = [&] {
        for (const QString &resource : std::as_const(result.alreadyHeld)) {
            const quint64 token = m_leases.coveringToken(agentId, resource);
            result.tokens.insert(resource, token);
            result.token = qMax(result.token, token);
        }
    };
    if (needed.isEmpty()) {
        grantHeld();
        return finish(Status::Granted, {});
    }

    if (!m_leases.blockedByOthers(agentId, needed) && !m_waiters.blockedByEarlier(agentId, needed)) {
        grantHeld();
        result.token = grantLocked(agentId, options.goalId, needed, notices);
        result.resources = needed;
        for (const QString &resource : std::as_const(needed))
            result.tokens.insert(resource, result.token);
        return finish(Status::Granted, {});
    }
    if (options.timeout.count() == 0) {
        QStringList holders;
        const QMap<QString, LockLease> &held = m_leases.held();
        for (auto it = held.cbegin(); it != held.cend(); ++it) {
            if (it->agentId != agentId && LockResource::overlapsAny({it.key()}, needed))
                holders.append(QStringLiteral("%1 by %2").arg(it.key(), it->agentId));
        }
        return finish(Status::Busy, holders.isEmpty() ? QStringLiteral("queued for by an earlier request")
                                                      : QStringLiteral("held: %1").arg(holders.join(u", ")));
    }
    if (options.isCancelled && options.isCancelled())
        return finish(Status::Cancelled, QStringLiteral("agent cancelled"));
    if (m_waiters.wouldDeadlock(agentId, needed, m_leases))
        return finish(
            Status::Deadlock,
            QStringLiteral("waiting would deadlock: the holders %1 waits for are waiting for %1").arg(agentId));

    LockWaiter waiter;
    waiter.agentId = agentId;
    waiter.goalId = options.goalId;
    waiter.needed = needed;
    m_waiters.enqueue(&waiter);
    postLocked(std::exchange(notices, {}), true);

    const QDeadlineTimer deadline =
        options.timeout.count() < 0 ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(options.timeout.count());
    if (options.onWaitBegin) {
        locker.unlock();
        options.onWaitBegin();
        locker.relock();
    }

    bool cancelled = false;
    while (!waiter.granted && !waiter.cancelled) {
        if (options.isCancelled && options.isCancelled()) {
            cancelled = true;
            break;
        }
        if (deadline.hasExpired())
            break;
        Notices swept;
        if (sweepExpiredLocked(swept) > 0) {
            postLocked(std::move(swept), true);
            continue;
        }
        qint64 waitMs = deadline.isForever() ? -1 : qMax<qint64>(1, deadline.remainingTime());
        const qint64 nextExpiry = m_leases.nextExpiry();
        if (nextExpiry > 0) {
            const qint64 untilExpiry = qMax<qint64>(1, nextExpiry - m_leases.now() + 1);
            waitMs = waitMs < 0 ? untilExpiry : qMin(waitMs, untilExpiry);
        }
        if (options.isCancelled)
            waitMs = waitMs < 0 ? kCancelPollMs : qMin(waitMs, kCancelPollMs);
        waiter.wake.wait(&m_mutex, waitMs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(waitMs));
    }
    cancelled = cancelled || waiter.cancelled;

    Status status = Status::Granted;
    if (waiter.granted) {
        grantHeld();
        result.token = waiter.token;
        result.resources = waiter.needed;
        for (const QString &resource : std::as_const(waiter.needed))
            result.tokens.insert(resource, waiter.token);
    } else {
        m_waiters.remove(&waiter);
        // Requests queued behind this one may be free to go now.
        grantWaitersLocked(notices);
        changed = true;
        status = cancelled ? Status::Cancelled : Status::TimedOut;
        error = cancelled ? QStringLiteral("agent cancelled while waiting for the lock")
                          : QStringLiteral("timed out after %1 ms waiting for the lock").arg(options.timeout.count());
    }
    finish(status, error);
    locker.unlock();
    if (options.onWaitEnd)
        options.onWaitEnd();
    return result;
}

quint64 LockManager::grantLocked(const QString &agentId, const QString &goalId, const QStringList &needed,
                                 Notices &notices)
{
    const quint64 token = ++m_lastToken;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 expiresAtMs = m_leases.expiryFromNow();
    const qint64 ttlMs = m_leases.ttlMs();
    for (const QString &resource : needed) {
        m_leases.insert(resource, LockLease{agentId, goalId, token, now, expiresAtMs});

        Notice notice;
        notice.event = {resource, agentId, LockEvent::Action::Acquired, token, {}};
        notice.info.resource = resource;
        notice.info.agentId = agentId;
        notice.info.goalId = goalId;
        notice.info.acquiredAt = now;
        notice.info.expiresAt = ttlMs > 0 ? now.addMSecs(ttlMs) : QDateTime();
        notice.info.token = token;
        notices.append(notice);
    }
    return token;
}

void LockManager::grantWaitersLocked(Notices &notices)
{
    m_waiters.grantReady(m_leases, [this, &notices](const LockWaiter &waiter) {
        return grantLocked(waiter.agentId, waiter.goalId, waiter.needed, notices);
    });
}

int LockManager::removeLocked(const QString &resource, LockEvent::Action action, Notices &notices)
{
    const std::optional<LockLease> lease = m_leases.take(resource);
    if (!lease)
        return 0;
    Notice notice;
    notice.event = {resource, lease->agentId, action, lease->token, {}};
    notices.append(notice);
    if (action == LockEvent::Action::Expired || action == LockEvent::Action::Forced) {
        QStringList &lost = m_lost[lease->agentId];
        if (!lost.contains(resource))
            lost.append(resource);
    }
    return 1;
}

int LockManager::sweepExpiredLocked(Notices &notices)
{
    const QStringList expired =
        m_leases.expired([this](const QString &agentId) { return m_waiters.isWaiting(agentId); });
    for (const QString &resource : std::as_const(expired))
        removeLocked(resource, LockEvent::Action::Expired, notices);
    if (!expired.isEmpty())
        grantWaitersLocked(notices);
    return static_cast<int>(expired.size());
}

void LockManager::denyLocked(const QString &agentId, const QStringList &resources, Status status, const QString &reason,
                             Notices &notices)
{
    Notice notice;
    notice.event = {{}, agentId, LockEvent::Action::Denied, 0, reason};
    notice.deniedResources = resources;
    // Each resource says what stood in its own way; the request's reason alone named the first blocker for all.
    QStringList normalized;
    QString invalid;
    const bool valid = !agentId.isEmpty() && normalizeAll(resources, &normalized, &invalid);
    for (const QString &resource : resources) {
        QString why;
        if (!valid) {
            QString own;
            if (LockResource::normalize(resource, m_workspace, &own).isEmpty())
                why = own.isEmpty() ? reason : own;
            else
                why = QStringLiteral("not locked: %1").arg(reason);
        } else {
            const QString blocker = blockerLocked(agentId, LockResource::normalize(resource, m_workspace));
            QString prefix;
            switch (status) {
            case Status::TimedOut:
            case Status::Cancelled:
            case Status::Deadlock:
                prefix = reason + QStringLiteral(": ");
                break;
            default:
                break;
            }
            why = prefix + (blocker.isEmpty() ? (status == Status::Busy || status == Status::TimedOut
                                                     ? QStringLiteral("free, but the request is all or nothing")
                                                     : QStringLiteral("not locked"))
                                              : blocker);
        }
        notice.deniedReasons.append(why);
    }
    notices.append(notice);
}

QString LockManager::blockerLocked(const QString &agentId, const QString &resource) const
{
    QStringList holders;
    const QMap<QString, LockLease> &held = m_leases.held();
    for (auto it = held.cbegin(); it != held.cend(); ++it) {
        if (it->agentId == agentId || !LockResource::overlaps(it.key(), resource))
            continue;
        holders.append(it.key() == resource ? QStringLiteral("held by %1").arg(it->agentId)
                                            : QStringLiteral("held by %1 (through %2)").arg(it->agentId, it.key()));
    }
    if (!holders.isEmpty())
        return holders.join(u", ");
    for (const LockWaiter *waiter : m_waiters.waiters()) {
        if (waiter->agentId != agentId && LockResource::overlapsAny({resource}, waiter->needed))
            return QStringLiteral("queued for by an earlier request of %1").arg(waiter->agentId);
    }
    return {};
}

void LockManager::postLocked(Notices notices, bool changed)
{
    // Posting under the mutex keeps the signals in the order the changes were made, whichever thread made them.
    if (!notices.isEmpty()) {
        QMetaObject::invokeMethod(
            this,
            [this, notices = std::move(notices)] {
                for (const Notice &notice : notices)
                    emitNotice(notice);
            },
            Qt::QueuedConnection);
    }
    if (changed && !m_changePosted.exchange(true, std::memory_order_acq_rel)) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_changePosted.store(false, std::memory_order_release);
                Q_EMIT locksChanged();
            },
            Qt::QueuedConnection);
    }
}

void LockManager::emitNotice(const Notice &notice)
{
    const LockEvent &event = notice.event;
    switch (event.action) {
    case LockEvent::Action::Acquired:
        Q_EMIT lockAcquired(notice.info);
        break;
    case LockEvent::Action::Released:
        Q_EMIT lockReleased(event.agentId, event.resource, event.token);
        break;
    case LockEvent::Action::Expired:
        Q_EMIT lockExpired(event.agentId, event.resource, event.token);
        break;
    case LockEvent::Action::Forced:
        Q_EMIT lockForced(event.agentId, event.resource, event.token);
        break;
    case LockEvent::Action::Denied:
        Q_EMIT lockDenied(event.agentId, notice.deniedResources, event.reason);
        for (qsizetype i = 0; i < notice.deniedResources.size(); ++i) {
            LockEvent perResource = event;
            perResource.resource = notice.deniedResources.at(i);
            perResource.reason = notice.deniedReasons.value(i, event.reason);
            Q_EMIT lockEvent(perResource);
        }
        return;
    }
    Q_EMIT lockEvent(event);
}

int LockManager::release(const QString &agentId, const QStringList &resources, quint64 token)
{
    Notices notices;
    const QMutexLocker locker(&m_mutex);
    int released = 0;
    for (const QString &resource : resources) {
        const QString name = LockResource::normalize(resource, m_workspace);
        const auto it = m_leases.held().constFind(name);
        if (it == m_leases.held().cend() || it->agentId != agentId || (token != 0 && it->token != token))
            continue;
        released += removeLocked(name, LockEvent::Action::Released, notices);
    }
    if (released > 0)
        grantWaitersLocked(notices);
    postLocked(std::move(notices), released > 0);
    return released;
}

int LockManager::releaseAll(const QString &agentId)
{
    Notices notices;
    const QMutexLocker locker(&m_mutex);
    const QStringList mine = m_leases.heldBy(agentId);
    int released = 0;
    for (const QString &resource : std::as_const(mine))
        released += removeLocked(resource, LockEvent::Action::Released, notices);
    const bool changed = m_waiters.cancel(agentId) > 0 || released > 0;
    m_lost.remove(agentId);
    if (changed)
        grantWaitersLocked(notices);
    postLocked(std::move(notices), changed);
    return released;
}

bool LockManager::forceRelease(const QString &resource, QString *error)
{
    Notices notices;
    const QMutexLocker locker(&m_mutex);
    QString normalizeError;
    const QString name = LockResource::normalize(resource, m_workspace, &normalizeError);
    if (name.isEmpty()) {
        if (error)
            *error = normalizeError;
        return false;
    }
    if (removeLocked(name, LockEvent::Action::Forced, notices) == 0) {
        if (error)
            *error = QStringLiteral("%1 is not locked").arg(name);
        return false;
    }
    grantWaitersLocked(notices);
    postLocked(std::move(notices), true);
    return true;
}

int LockManager::cancelWaits(const QString &agentId)
{
    Notices notices;
    const QMutexLocker locker(&m_mutex);
    const int woken = m_waiters.cancel(agentId);
    if (woken > 0)
        grantWaitersLocked(notices);
    postLocked(std::move(notices), woken > 0);
    return woken;
}

int LockManager::renew(const QString &agentId)
{
    const QMutexLocker locker(&m_mutex);
    const int renewed = m_leases.renew(agentId);
    if (renewed > 0)
        postLocked({}, true);
    return renewed;
}

int LockManager::sweepExpired()
{
    Notices notices;
    const QMutexLocker locker(&m_mutex);
    const int expired = sweepExpiredLocked(notices);
    postLocked(std::move(notices), expired > 0);
    return expired;
}

bool LockManager::hasLostLock(const QString &agentId) const
{
    const QMutexLocker locker(&m_mutex);
    return !m_lost.value(agentId).isEmpty();
}

QStringList LockManager::lostLocks(const QString &agentId) const
{
    const QMutexLocker locker(&m_mutex);
    return m_lost.value(agentId);
}

void LockManager::clearLostLocks(const QString &agentId)
{
    const QMutexLocker locker(&m_mutex);
    m_lost.remove(agentId);
}

QList<LockInfo> LockManager::snapshot() const
{
    const QMutexLocker locker(&m_mutex);
    const QDateTime wallNow = QDateTime::currentDateTimeUtc();
    const qint64 now = m_leases.now();
    const QMap<QString, LockLease> &held = m_leases.held();

    QMap<QString, LockInfo> rows;
    for (auto it = held.cbegin(); it != held.cend(); ++it) {
        LockInfo info;
        info.resource = it.key();
        info.agentId = it->agentId;
        info.goalId = it->goalId;
        info.acquiredAt = it->acquiredAt;
        info.expiresAt = it->expiresAtMs != 0 ? wallNow.addMSecs(it->expiresAtMs - now) : QDateTime();
        info.token = it->token;
        rows.insert(info.resource, info);
    }
    // Resources queued for behind an earlier request, with no holder in the way, get a row of their own.
    for (const LockWaiter *waiter : m_waiters.waiters()) {
        for (const QString &resource : waiter->needed) {
            if (rows.contains(resource))
                continue;
            const bool underHeld = std::any_of(held.keyBegin(), held.keyEnd(), [&resource](const QString &h) {
                return LockResource::overlaps(h, resource);
            });
            if (!underHeld)
                rows.insert(resource, LockInfo{resource, {}, {}, {}, {}, 0, {}});
        }
    }
    for (LockInfo &info : rows) {
        for (const LockWaiter *waiter : m_waiters.waiters()) {
            if (!info.waiters.contains(waiter->agentId) && LockResource::overlapsAny({info.resource}, waiter->needed))
                info.waiters.append(waiter->agentId);
        }
    }
    return rows.values();
}

bool LockManager::isHeld(const QString &resource) const
{
    return anyHeld({resource});
}

bool LockManager::anyHeld(const QStringList &resources) const
{
    const QMutexLocker locker(&m_mutex);
    for (const QString &resource : resources) {
        const QString name = LockResource::normalize(resource, m_workspace);
        if (name.isEmpty())
            continue;
        const QMap<QString, LockLease> &held = m_leases.held();
        for (auto it = held.keyBegin(); it != held.keyEnd(); ++it) {
            if (LockResource::overlaps(*it, name))
                return true;
        }
    }
    return false;
}

QString LockManager::holder(const QString &resource) const
{
    const QMutexLocker locker(&m_mutex);
    const QString name = LockResource::normalize(resource, m_workspace);
    if (name.isEmpty())
        return {};
    const QMap<QString, LockLease> &held = m_leases.held();
    const auto exact = held.constFind(name);
    if (exact != held.cend())
        return exact->agentId;
    for (auto it = held.cbegin(); it != held.cend(); ++it) {
        if (LockResource::covers(it.key(), name))
            return it->agentId;
    }
    return {};
}

bool LockManager::holds(const QString &agentId, const QString &resource, quint64 token) const
{
    const QMutexLocker locker(&m_mutex);
    const QString name = LockResource::normalize(resource, m_workspace);
    if (name.isEmpty() || agentId.isEmpty())
        return false;
    // A lease that ran out no longer fences anything, even before the sweep removes it: another agent may be
    // granted the resource the moment the sweep runs. Locks of an agent blocked in acquire() are renewed by
    // the sweep instead (see LockLeases::expired), so they still hold.
    const qint64 now = m_leases.now();
    const bool waiting = m_waiters.isWaiting(agentId);
    const QMap<QString, LockLease> &held = m_leases.held();
    for (auto it = held.cbegin(); it != held.cend(); ++it) {
        const LockLease &lease = it.value();
        if (lease.agentId != agentId || (token != 0 && lease.token != token))
            continue;
        if (lease.expiresAtMs != 0 && lease.expiresAtMs <= now && !waiting)
            continue;
        if (LockResource::covers(it.key(), name))
            return true;
    }
    return false;
}

QStringList LockManager::heldBy(const QString &agentId) const
{
    const QMutexLocker locker(&m_mutex);
    return m_leases.heldBy(agentId);
}

int LockManager::heldCount() const
{
    const QMutexLocker locker(&m_mutex);
    return static_cast<int>(m_leases.held().size());
}

int LockManager::waitingCount() const
{
    const QMutexLocker locker(&m_mutex);
    return m_waiters.size();
}

} // namespace switchboard
