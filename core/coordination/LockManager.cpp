#include "LockManager.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QSet>
#include <QWaitCondition>

#include <algorithm>
#include <limits>
#include <utility>

namespace switchboard {

namespace {
constexpr qint64 kCancelPollMs = 50;
constexpr qint64 kMinSweepMs = 50;
constexpr qint64 kMaxSweepMs = 10'000;

qint64 steadyNowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

bool overlapsAny(const QStringList &a, const QStringList &b)
{
    for (const QString &x : a) {
        for (const QString &y : b) {
            if (LockManager::overlaps(x, y))
                return true;
        }
    }
    return false;
}

} // namespace

// A blocked acquire() call. Lives on the waiting thread's stack; in m_waiters while it waits. The thread that
// frees its resources grants it (hand-off), so no later request can slip in between.
struct LockManager::Waiter
{
    QString agentId;
    QString goalId;
    QStringList needed;
    bool granted = false;
    bool cancelled = false;
    quint64 token = 0;
    QWaitCondition wake;
};

// A signal to emit on the LockManager's thread, collected under the mutex and posted in order.
struct LockManager::Notice
{
    LockEvent event;
    LockInfo info;               // Acquired
    QStringList deniedResources; // Denied
};

LockManager::LockManager(QObject *parent)
    : QObject(parent)
    , m_clock(&steadyNowMs)
    , m_sweepTimer(this)
{
    connect(&m_sweepTimer, &QTimer::timeout, this, &LockManager::sweepExpired);
    setLeaseTtl(std::chrono::milliseconds(m_ttlMs));
}

LockManager::~LockManager()
{
    // Nobody may still wait: the orchestrator drains its pool before it destroys us.
    const QMutexLocker locker(&m_mutex);
    for (Waiter *waiter : m_waiters) {
        waiter->cancelled = true;
        waiter->wake.wakeOne();
    }
    m_waiters.clear();
}

void LockManager::setLeaseTtl(std::chrono::milliseconds ttl)
{
    qint64 ttlMs = 0;
    {
        const QMutexLocker locker(&m_mutex);
        m_ttlMs = qMax<qint64>(0, ttl.count());
        ttlMs = m_ttlMs;
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
    return std::chrono::milliseconds(m_ttlMs);
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
    m_clock = clock ? std::move(clock) : Clock(&steadyNowMs);
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

QString LockManager::normalizeResource(const QString &resource, const QString &workspace, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return QString();
    };

    const QString trimmed = resource.trimmed();
    if (trimmed.isEmpty())
        return fail(QStringLiteral("empty lock resource"));

    if (isNamedResource(trimmed)) {
        if (trimmed.section(QLatin1Char(':'), 1).isEmpty())
            return fail(QStringLiteral("lock resource \"%1\" names no resource after the colon").arg(trimmed));
        return trimmed;
    }

    QString path = QDir::cleanPath(trimmed);
    if (QDir::isAbsolutePath(path)) {
        if (workspace.isEmpty())
            return fail(QStringLiteral("lock resource \"%1\" is an absolute path; use a path relative to the workspace")
                            .arg(trimmed));
        const QString root = QDir::cleanPath(workspace);
        if (path == root)
            return QStringLiteral(".");
        const QString prefix = root.endsWith(QLatin1Char('/')) ? root : root + QLatin1Char('/');
        if (!path.startsWith(prefix))
            return fail(QStringLiteral("lock resource \"%1\" is outside the workspace %2").arg(trimmed, root));
        path = path.mid(prefix.size());
    }
    while (path.startsWith(QLatin1String("./")))
        path.remove(0, 2);
    if (path.isEmpty())
        path = QStringLiteral(".");
    if (path == QLatin1String("..") || path.startsWith(QLatin1String("../")))
        return fail(QStringLiteral("lock resource \"%1\" escapes the workspace").arg(trimmed));
    return path;
}

bool LockManager::isNamedResource(const QString &normalized)
{
    // "<prefix>:" with a prefix of two or more [A-Za-z0-9_.+-] starting with a letter; two at least, so a
    // drive letter ("C:/x") is never taken for a prefix. Hand-written: this runs in every overlap test.
    const qsizetype colon = normalized.indexOf(QLatin1Char(':'));
    if (colon < 2)
        return false;
    auto isLetter = [](char16_t c) { return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'); };
    if (!isLetter(normalized.at(0).unicode()))
        return false;
    for (qsizetype i = 1; i < colon; ++i) {
        const char16_t c = normalized.at(i).unicode();
        if (!isLetter(c) && !(c >= u'0' && c <= u'9') && c != u'_' && c != u'.' && c != u'+' && c != u'-')
            return false;
    }
    return true;
}

bool LockManager::covers(const QString &outer, const QString &inner)
{
    if (outer == inner)
        return true;
    if (isNamedResource(outer) || isNamedResource(inner))
        return false;
    return outer == u"." || (inner.startsWith(outer) && inner.at(outer.size()) == QLatin1Char('/'));
}

bool LockManager::overlaps(const QString &a, const QString &b)
{
    return covers(a, b) || covers(b, a);
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
        const QString name = normalizeResource(resource, m_workspace, error);
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
            denyLocked(agentId, reported, error, notices);
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
        if (coveredByOwn(agentId, resource))
            result.alreadyHeld.append(resource);
        else
            needed.append(resource);
    }
    if (needed.isEmpty())
        return finish(Status::Granted, {});

    if (!blockedByHolders(agentId, needed) && !blockedByEarlierWaiters(agentId, needed, nullptr)) {
        result.token = grantLocked(agentId, options.goalId, needed, notices);
        result.resources = needed;
        return finish(Status::Granted, {});
    }
    if (options.timeout.count() == 0) {
        QStringList holders;
        for (auto it = m_held.cbegin(); it != m_held.cend(); ++it) {
            if (it->agentId != agentId && overlapsAny({it.key()}, needed))
                holders.append(QStringLiteral("%1 by %2").arg(it.key(), it->agentId));
        }
        return finish(Status::Busy, holders.isEmpty() ? QStringLiteral("queued for by an earlier request")
                                                      : QStringLiteral("held: %1").arg(holders.join(u", ")));
    }
    if (options.isCancelled && options.isCancelled())
        return finish(Status::Cancelled, QStringLiteral("agent cancelled"));
    if (wouldDeadlock(agentId, needed))
        return finish(
            Status::Deadlock,
            QStringLiteral("waiting would deadlock: the holders %1 waits for are waiting for %1").arg(agentId));

    Waiter waiter;
    waiter.agentId = agentId;
    waiter.goalId = options.goalId;
    waiter.needed = needed;
    m_waiters.push_back(&waiter);
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
        const qint64 nextExpiry = nextExpiryLocked();
        if (nextExpiry > 0) {
            const qint64 untilExpiry = qMax<qint64>(1, nextExpiry - m_clock() + 1);
            waitMs = waitMs < 0 ? untilExpiry : qMin(waitMs, untilExpiry);
        }
        if (options.isCancelled)
            waitMs = waitMs < 0 ? kCancelPollMs : qMin(waitMs, kCancelPollMs);
        waiter.wake.wait(&m_mutex, waitMs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(waitMs));
    }
    cancelled = cancelled || waiter.cancelled;

    Status status = Status::Granted;
    if (waiter.granted) {
        result.token = waiter.token;
        result.resources = waiter.needed;
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

bool LockManager::coveredByOwn(const QString &agentId, const QString &resource) const
{
    for (auto it = m_held.cbegin(); it != m_held.cend(); ++it) {
        if (it->agentId == agentId && covers(it.key(), resource))
            return true;
    }
    return false;
}

bool LockManager::blockedByHolders(const QString &agentId, const QStringList &needed) const
{
    for (auto it = m_held.cbegin(); it != m_held.cend(); ++it) {
        if (it->agentId == agentId)
            continue;
        for (const QString &resource : needed) {
            if (overlaps(it.key(), resource))
                return true;
        }
    }
    return false;
}

bool LockManager::blockedByEarlierWaiters(const QString &agentId, const QStringList &needed, const Waiter *self) const
{
    for (const Waiter *waiter : m_waiters) {
        if (waiter == self)
            break;
        if (waiter->agentId != agentId && overlapsAny(waiter->needed, needed))
            return true;
    }
    return false;
}

bool LockManager::wouldDeadlock(const QString &agentId, const QStringList &needed) const
{
    // Wait-for graph between agents: a waiting request waits for the holders of what it needs and for the
    // earlier waiting requests that overlap it (they go first). Holders that are not waiting are sinks.
    // Nobody can be waiting for an agent that holds nothing and has nothing queued: no cycle through it.
    const bool holdsAny =
        std::any_of(m_held.cbegin(), m_held.cend(), [&agentId](const Held &held) { return held.agentId == agentId; });
    if (!holdsAny && !agentIsWaiting(agentId))
        return false;

    auto targetsOf = [this](const QString &agent, const QStringList &wants, const Waiter *before) {
        QSet<QString> targets;
        for (auto it = m_held.cbegin(); it != m_held.cend(); ++it) {
            if (it->agentId != agent && overlapsAny({it.key()}, wants))
                targets.insert(it->agentId);
        }
        for (const Waiter *waiter : m_waiters) {
            if (waiter == before)
                break;
            if (waiter->agentId != agent && overlapsAny(waiter->needed, wants))
                targets.insert(waiter->agentId);
        }
        return targets;
    };

    QHash<QString, QSet<QString>> graph;
    for (const Waiter *waiter : m_waiters)
        graph[waiter->agentId].unite(targetsOf(waiter->agentId, waiter->needed, waiter));

    QSet<QString> seen;
    QList<QString> stack = targetsOf(agentId, needed, nullptr).values();
    while (!stack.isEmpty()) {
        const QString agent = stack.takeLast();
        if (agent == agentId)
            return true;
        if (seen.contains(agent))
            continue;
        seen.insert(agent);
        const auto edges = graph.constFind(agent);
        if (edges != graph.cend()) {
            for (const QString &next : *edges)
                stack.append(next);
        }
    }
    return false;
}

bool LockManager::agentIsWaiting(const QString &agentId) const
{
    return std::any_of(m_waiters.cbegin(), m_waiters.cend(),
                       [&agentId](const Waiter *waiter) { return waiter->agentId == agentId; });
}

qint64 LockManager::expiryFromNow() const
{
    return m_ttlMs > 0 ? m_clock() + m_ttlMs : 0;
}

quint64 LockManager::grantLocked(const QString &agentId, const QString &goalId, const QStringList &needed,
                                 Notices &notices)
{
    const quint64 token = ++m_lastToken;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 expiresAtMs = expiryFromNow();
    for (const QString &resource : needed) {
        Held held{agentId, goalId, token, now, expiresAtMs};
        m_held.insert(resource, held);

        Notice notice;
        notice.event = {resource, agentId, LockEvent::Action::Acquired, token, {}};
        notice.info.resource = resource;
        notice.info.agentId = agentId;
        notice.info.goalId = goalId;
        notice.info.acquiredAt = now;
        notice.info.expiresAt = m_ttlMs > 0 ? now.addMSecs(m_ttlMs) : QDateTime();
        notice.info.token = token;
        notices.append(notice);
    }
    return token;
}

void LockManager::grantWaitersLocked(Notices &notices)
{
    QList<const Waiter *> stillWaiting;
    for (auto it = m_waiters.begin(); it != m_waiters.end();) {
        Waiter *waiter = *it;
        bool blocked = blockedByHolders(waiter->agentId, waiter->needed);
        for (qsizetype i = 0; !blocked && i < stillWaiting.size(); ++i) {
            blocked = stillWaiting.at(i)->agentId != waiter->agentId &&
                      overlapsAny(stillWaiting.at(i)->needed, waiter->needed);
        }
        if (blocked) {
            stillWaiting.append(waiter);
            ++it;
            continue;
        }
        waiter->token = grantLocked(waiter->agentId, waiter->goalId, waiter->needed, notices);
        waiter->granted = true;
        it = m_waiters.erase(it);
        waiter->wake.wakeOne();
    }
}

int LockManager::removeLocked(const QString &resource, LockEvent::Action action, Notices &notices)
{
    const auto it = m_held.find(resource);
    if (it == m_held.end())
        return 0;
    Notice notice;
    notice.event = {resource, it->agentId, action, it->token, {}};
    notices.append(notice);
    if (action == LockEvent::Action::Expired || action == LockEvent::Action::Forced) {
        QStringList &lost = m_lost[it->agentId];
        if (!lost.contains(resource))
            lost.append(resource);
    }
    m_held.erase(it);
    return 1;
}

int LockManager::sweepExpiredLocked(Notices &notices)
{
    const qint64 now = m_clock();
    QStringList expired;
    for (auto it = m_held.begin(); it != m_held.end(); ++it) {
        if (it->expiresAtMs == 0 || it->expiresAtMs > now)
            continue;
        if (agentIsWaiting(it->agentId))
            it->expiresAtMs = expiryFromNow();
        else
            expired.append(it.key());
    }
    for (const QString &resource : std::as_const(expired))
        removeLocked(resource, LockEvent::Action::Expired, notices);
    if (!expired.isEmpty())
        grantWaitersLocked(notices);
    return static_cast<int>(expired.size());
}

qint64 LockManager::nextExpiryLocked() const
{
    qint64 next = 0;
    for (const Held &held : m_held) {
        if (held.expiresAtMs != 0 && (next == 0 || held.expiresAtMs < next))
            next = held.expiresAtMs;
    }
    return next;
}

void LockManager::denyLocked(const QString &agentId, const QStringList &resources, const QString &reason,
                             Notices &notices)
{
    Notice notice;
    notice.event = {{}, agentId, LockEvent::Action::Denied, 0, reason};
    notice.deniedResources = resources;
    notices.append(notice);
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
        for (const QString &resource : notice.deniedResources) {
            LockEvent perResource = event;
            perResource.resource = resource;
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
        const QString name = normalizeResource(resource, m_workspace);
        const auto it = m_held.constFind(name);
        if (it == m_held.cend() || it->agentId != agentId || (token != 0 && it->token != token))
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
    QStringList mine;
    for (auto it = m_held.cbegin(); it != m_held.cend(); ++it) {
        if (it->agentId == agentId)
            mine.append(it.key());
    }
    int released = 0;
    for (const QString &resource : std::as_const(mine))
        released += removeLocked(resource, LockEvent::Action::Released, notices);
    bool changed = released > 0;
    for (auto it = m_waiters.begin(); it != m_waiters.end();) {
        if ((*it)->agentId != agentId) {
            ++it;
            continue;
        }
        (*it)->cancelled = true;
        (*it)->wake.wakeOne();
        it = m_waiters.erase(it);
        changed = true;
    }
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
    const QString name = normalizeResource(resource, m_workspace, &normalizeError);
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
    int woken = 0;
    for (auto it = m_waiters.begin(); it != m_waiters.end();) {
        if ((*it)->agentId != agentId) {
            ++it;
            continue;
        }
        (*it)->cancelled = true;
        (*it)->wake.wakeOne();
        it = m_waiters.erase(it);
        ++woken;
    }
    if (woken > 0)
        grantWaitersLocked(notices);
    postLocked(std::move(notices), woken > 0);
    return woken;
}

int LockManager::renew(const QString &agentId)
{
    const QMutexLocker locker(&m_mutex);
    const qint64 expiresAtMs = expiryFromNow();
    int renewed = 0;
    for (Held &held : m_held) {
        if (held.agentId == agentId) {
            held.expiresAtMs = expiresAtMs;
            ++renewed;
        }
    }
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
    const qint64 now = m_clock();

    QMap<QString, LockInfo> rows;
    for (auto it = m_held.cbegin(); it != m_held.cend(); ++it) {
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
    for (const Waiter *waiter : m_waiters) {
        for (const QString &resource : waiter->needed) {
            if (rows.contains(resource))
                continue;
            const bool underHeld = std::any_of(m_held.keyBegin(), m_held.keyEnd(),
                                               [&resource](const QString &held) { return overlaps(held, resource); });
            if (!underHeld)
                rows.insert(resource, LockInfo{resource, {}, {}, {}, {}, 0, {}});
        }
    }
    for (LockInfo &info : rows) {
        for (const Waiter *waiter : m_waiters) {
            if (!info.waiters.contains(waiter->agentId) && overlapsAny({info.resource}, waiter->needed))
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
        const QString name = normalizeResource(resource, m_workspace);
        if (name.isEmpty())
            continue;
        for (auto it = m_held.keyBegin(); it != m_held.keyEnd(); ++it) {
            if (overlaps(*it, name))
                return true;
        }
    }
    return false;
}

QString LockManager::holder(const QString &resource) const
{
    const QMutexLocker locker(&m_mutex);
    const QString name = normalizeResource(resource, m_workspace);
    if (name.isEmpty())
        return {};
    const auto exact = m_held.constFind(name);
    if (exact != m_held.cend())
        return exact->agentId;
    for (auto it = m_held.cbegin(); it != m_held.cend(); ++it) {
        if (covers(it.key(), name))
            return it->agentId;
    }
    return {};
}

QStringList LockManager::heldBy(const QString &agentId) const
{
    const QMutexLocker locker(&m_mutex);
    QStringList resources;
    for (auto it = m_held.cbegin(); it != m_held.cend(); ++it) {
        if (it->agentId == agentId)
            resources.append(it.key());
    }
    return resources;
}

int LockManager::heldCount() const
{
    const QMutexLocker locker(&m_mutex);
    return static_cast<int>(m_held.size());
}

int LockManager::waitingCount() const
{
    const QMutexLocker locker(&m_mutex);
    return static_cast<int>(m_waiters.size());
}

} // namespace switchboard
