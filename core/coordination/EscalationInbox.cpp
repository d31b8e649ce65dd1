#include "EscalationInbox.h"

#include <QDeadlineTimer>
#include <QWaitCondition>

#include <algorithm>
#include <limits>

namespace switchboard {

namespace {
constexpr qint64 kCancelPollMs = 50;

QDateTime systemNow()
{
    return QDateTime::currentDateTimeUtc();
}

quint64 idNumber(const QString &id)
{
    if (!id.startsWith(u"e-"))
        return 0;
    bool ok = false;
    const quint64 number = id.mid(2).toULongLong(&ok);
    return ok ? number : 0;
}

QString closedDescription(Escalation::State state)
{
    switch (state) {
    case Escalation::State::Open:
        return QStringLiteral("open");
    case Escalation::State::Answered:
        return QStringLiteral("already answered");
    case Escalation::State::Cancelled:
        return QStringLiteral("cancelled");
    case Escalation::State::TimedOut:
        return QStringLiteral("timed out");
    }
    return {};
}

QString optionKeys(const Escalation &escalation)
{
    QStringList keys;
    for (const Escalation::Option &option : escalation.options)
        keys.append(option.key);
    return keys.join(u", ");
}
} // namespace

struct EscalationInbox::Entry
{
    Escalation escalation;
    QDeadlineTimer deadline{QDeadlineTimer::Forever};
    QWaitCondition *waiter = nullptr; // the blocked ask(), if any
    bool hasCallback = false;
    bool hasContext = false; // a context was given: drop the callback once it is destroyed
    QPointer<QObject> context;
    Callback callback;
};

EscalationInbox::EscalationInbox(QObject *parent)
    : QObject(parent)
    , m_clock(&systemNow)
    , m_timeoutTimer(this)
{
    m_timeoutTimer.setSingleShot(true);
    connect(&m_timeoutTimer, &QTimer::timeout, this, &EscalationInbox::handleTimeouts);
}

EscalationInbox::~EscalationInbox()
{
    const QMutexLocker locker(&m_mutex);
    for (auto &[id, entry] : m_entries) {
        if (entry->escalation.isOpen()) {
            entry->escalation.state = Escalation::State::Cancelled;
            entry->escalation.answeredBy = QStringLiteral("shutdown");
            if (entry->waiter)
                entry->waiter->wakeAll();
        }
    }
}

void EscalationInbox::setRepeatThreshold(int threshold)
{
    const QMutexLocker locker(&m_mutex);
    m_repeatThreshold = qMax(1, threshold);
}

int EscalationInbox::repeatThreshold() const
{
    const QMutexLocker locker(&m_mutex);
    return m_repeatThreshold;
}

void EscalationInbox::setClock(Clock clock)
{
    const QMutexLocker locker(&m_mutex);
    m_clock = clock ? std::move(clock) : Clock(&systemNow);
}

void EscalationInbox::setIdFloor(quint64 lastIssued)
{
    const QMutexLocker locker(&m_mutex);
    m_lastId = qMax(m_lastId, lastIssued);
}

bool EscalationInbox::validateLocked(const Request &request, QString *error) const
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (request.agentId.isEmpty())
        return fail(QStringLiteral("escalation without an agent id"));
    if (request.question.trimmed().isEmpty())
        return fail(QStringLiteral("escalation without a question"));
    QSet<QString> keys;
    for (const Escalation::Option &option : request.options) {
        if (option.key.isEmpty())
            return fail(QStringLiteral("escalation option without a key"));
        if (keys.contains(option.key))
            return fail(QStringLiteral("escalation option \"%1\" given twice").arg(option.key));
        keys.insert(option.key);
    }
    if (request.timeout.count() < 0)
        return fail(QStringLiteral("negative escalation timeout"));
    if (request.timeout.count() > 0 && request.timeoutPolicy == Escalation::TimeoutPolicy::TakeDefault) {
        if (request.options.isEmpty())
            return fail(QStringLiteral("a default answer on timeout needs options to choose from"));
        if (!keys.contains(request.defaultOption))
            return fail(QStringLiteral("default option \"%1\" is not one of the options").arg(request.defaultOption));
    }
    return true;
}

std::optional<Escalation> EscalationInbox::priorAnswerLocked(const Request &request) const
{
    const QString id = m_answeredByKey.value(Escalation::answerKey(request.goalId, request.agentId, request.question));
    if (id.isEmpty())
        return std::nullopt;
    const auto it = m_entries.find(id);
    if (it == m_entries.end())
        return std::nullopt;
    const Escalation &prior = it->second->escalation;
    // The recorded answer must still fit the question as asked now.
    const bool fits =
        request.options.isEmpty()
            ? prior.answerOption.isEmpty()
            : std::any_of(request.options.cbegin(), request.options.cend(),
                          [&prior](const Escalation::Option &option) { return option.key == prior.answerOption; });
    if (!fits)
        return std::nullopt;
    return prior;
}

EscalationInbox::Entry &EscalationInbox::registerLocked(const Request &request)
{
    auto entry = std::make_unique<Entry>();
    Escalation &e = entry->escalation;
    e.id = QStringLiteral("e-%1").arg(++m_lastId);
    e.goalId = request.goalId;
    e.agentId = request.agentId;
    e.trigger = request.trigger;
    e.question = request.question;
    e.context = request.context;
    e.options = request.options;
    for (Escalation::Option &option : e.options) {
        if (option.label.isEmpty())
            option.label = option.key;
    }
    e.priority = request.priority;
    e.createdAt = m_clock();
    e.timeoutMs = request.timeout.count();
    e.timeoutPolicy = request.timeoutPolicy;
    e.defaultOption = request.defaultOption;
    if (e.timeoutMs > 0)
        entry->deadline = QDeadlineTimer(e.timeoutMs);

    Entry &ref = *entry;
    m_order.append(e.id);
    m_entries.emplace(e.id, std::move(entry));
    ++m_openCount;

    const Escalation raised = e;
    const int count = m_openCount;
    postLocked([this, raised, count] {
        Q_EMIT escalationRaised(raised);
        Q_EMIT openCountChanged(count);
    });

    if (!e.goalId.isEmpty()) {
        const int raisedOnGoal = ++m_goalCounts[e.goalId];
        if (raisedOnGoal >= m_repeatThreshold && !m_needsHuman.contains(e.goalId)) {
            m_needsHuman.insert(e.goalId);
            const QString goalId = e.goalId;
            postLocked([this, goalId] { Q_EMIT goalNeedsHuman(goalId); });
        }
    }
    if (e.timeoutMs > 0)
        scheduleTimeoutCheckLocked();
    return ref;
}

void EscalationInbox::closeLocked(Entry &entry, Escalation::State state, const QString &option, const QString &text,
                                  const QString &by)
{
    Escalation &e = entry.escalation;
    e.state = state;
    e.answerOption = option;
    e.answerText = text;
    e.answeredAt = m_clock();
    e.answeredBy = by;
    --m_openCount;
    m_closedOrder.append(e.id);
    if (state == Escalation::State::Answered)
        m_answeredByKey.insert(e.answerKey(), e.id);
    if (entry.waiter)
        entry.waiter->wakeAll();

    const Escalation closed = e;
    const int count = m_openCount;
    postLocked([this, closed, count] {
        switch (closed.state) {
        case Escalation::State::Answered:
            Q_EMIT escalationAnswered(closed);
            break;
        case Escalation::State::Cancelled:
            Q_EMIT escalationCancelled(closed);
            break;
        case Escalation::State::TimedOut:
            Q_EMIT escalationTimedOut(closed);
            break;
        case Escalation::State::Open:
            break;
        }
        Q_EMIT openCountChanged(count);
    });

    if (entry.hasCallback && entry.callback) {
        QObject *target = entry.hasContext ? entry.context.data() : this;
        if (target) {
            QMetaObject::invokeMethod(
                target, [callback = std::move(entry.callback), closed] { callback(closed); }, Qt::QueuedConnection);
        }
        entry.callback = nullptr;
    }
}

void EscalationInbox::timeOutLocked(Entry &entry)
{
    const Escalation &e = entry.escalation;
    const QString option = e.timeoutPolicy == Escalation::TimeoutPolicy::TakeDefault ? e.defaultOption : QString();
    closeLocked(entry, Escalation::State::TimedOut, option, {}, QStringLiteral("timeout"));
}

EscalationInbox::Outcome EscalationInbox::outcomeFor(const Escalation &escalation)
{
    Outcome outcome;
    outcome.escalation = escalation;
    switch (escalation.state) {
    case Escalation::State::Answered:
        outcome.status = Outcome::Status::Answered;
        outcome.option = escalation.answerOption;
        outcome.text = escalation.answerText;
        break;
    case Escalation::State::Cancelled:
        outcome.status = Outcome::Status::Cancelled;
        outcome.error = QStringLiteral("escalation %1 was cancelled (%2)").arg(escalation.id, escalation.answeredBy);
        break;
    case Escalation::State::TimedOut:
        outcome.timedOut = true;
        switch (escalation.timeoutPolicy) {
        case Escalation::TimeoutPolicy::TakeDefault:
            outcome.status = Outcome::Status::Answered;
            outcome.option = escalation.answerOption;
            break;
        case Escalation::TimeoutPolicy::Cancel:
            outcome.status = Outcome::Status::Cancelled;
            outcome.error = QStringLiteral("no answer to escalation %1 within %2 ms; cancelling")
                                .arg(escalation.id)
                                .arg(escalation.timeoutMs);
            break;
        case Escalation::TimeoutPolicy::Fail:
            outcome.status = Outcome::Status::TimedOut;
            outcome.error =
                QStringLiteral("no answer to escalation %1 within %2 ms").arg(escalation.id).arg(escalation.timeoutMs);
            break;
        }
        break;
    case Escalation::State::Open:
        outcome.status = Outcome::Status::Rejected;
        outcome.error = QStringLiteral("escalation %1 is still open").arg(escalation.id);
        break;
    }
    return outcome;
}

EscalationInbox::Outcome EscalationInbox::ask(const Request &request)
{
    return ask(request, WaitHooks());
}

EscalationInbox::Outcome EscalationInbox::ask(const Request &request, const WaitHooks &hooks)
{
    Outcome outcome;
    QMutexLocker locker(&m_mutex);
    if (!validateLocked(request, &outcome.error))
        return outcome;
    if (const auto prior = request.reuseAnswer ? priorAnswerLocked(request) : std::nullopt) {
        outcome = outcomeFor(*prior);
        outcome.fromPriorAnswer = true;
        return outcome;
    }
    if (hooks.isCancelled && hooks.isCancelled()) {
        outcome.status = Outcome::Status::Cancelled;
        outcome.error = QStringLiteral("agent cancelled");
        return outcome;
    }

    Entry &entry = registerLocked(request);
    QWaitCondition wake;
    entry.waiter = &wake;

    if (hooks.onWaitBegin) {
        locker.unlock();
        hooks.onWaitBegin();
        locker.relock();
    }
    while (entry.escalation.isOpen()) {
        if (hooks.isCancelled && hooks.isCancelled()) {
            closeLocked(entry, Escalation::State::Cancelled, {}, {}, QStringLiteral("agent cancelled"));
            break;
        }
        if (entry.deadline.hasExpired()) {
            timeOutLocked(entry);
            break;
        }
        qint64 waitMs = entry.deadline.isForever() ? -1 : qMax<qint64>(1, entry.deadline.remainingTime());
        if (hooks.isCancelled)
            waitMs = waitMs < 0 ? kCancelPollMs : qMin(waitMs, kCancelPollMs);
        wake.wait(&m_mutex, waitMs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(waitMs));
    }
    entry.waiter = nullptr;
    outcome = outcomeFor(entry.escalation);
    locker.unlock();

    if (hooks.onWaitEnd)
        hooks.onWaitEnd();
    return outcome;
}

QString EscalationInbox::raise(const Request &request, QObject *context, Callback onClosed, QString *error)
{
    const QMutexLocker locker(&m_mutex);
    if (!validateLocked(request, error))
        return {};
    if (const auto prior = request.reuseAnswer ? priorAnswerLocked(request) : std::nullopt) {
        if (onClosed) {
            QObject *target = context ? context : this;
            QMetaObject::invokeMethod(
                target, [callback = std::move(onClosed), answered = *prior] { callback(answered); },
                Qt::QueuedConnection);
        }
        return prior->id;
    }
    Entry &entry = registerLocked(request);
    entry.hasCallback = true;
    entry.hasContext = context != nullptr;
    entry.context = context;
    entry.callback = std::move(onClosed);
    return entry.escalation.id;
}

bool EscalationInbox::answer(const QString &id, const QString &option, const QString &text, QString *error,
                             const QString &answeredBy)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const QMutexLocker locker(&m_mutex);
    const auto it = m_entries.find(id);
    if (it == m_entries.end())
        return fail(QStringLiteral("unknown escalation \"%1\"").arg(id));
    Entry &entry = *it->second;
    const Escalation &e = entry.escalation;
    if (!e.isOpen())
        return fail(QStringLiteral("escalation %1 is %2").arg(id, closedDescription(e.state)));
    if (!e.options.isEmpty()) {
        if (option.isEmpty())
            return fail(QStringLiteral("escalation %1 needs one of its options: %2").arg(id, optionKeys(e)));
        if (!e.hasOption(option))
            return fail(QStringLiteral("\"%1\" is not an option of escalation %2 (%3)").arg(option, id, optionKeys(e)));
    } else {
        if (!option.isEmpty())
            return fail(QStringLiteral("escalation %1 takes a free-text answer, not an option").arg(id));
        if (text.trimmed().isEmpty())
            return fail(QStringLiteral("the answer to escalation %1 is empty").arg(id));
    }
    closeLocked(entry, Escalation::State::Answered, option, text,
                answeredBy.isEmpty() ? QStringLiteral("human") : answeredBy);
    return true;
}

bool EscalationInbox::cancel(const QString &id, const QString &reason, QString *error)
{
    const QMutexLocker locker(&m_mutex);
    const auto it = m_entries.find(id);
    if (it == m_entries.end()) {
        if (error)
            *error = QStringLiteral("unknown escalation \"%1\"").arg(id);
        return false;
    }
    Entry &entry = *it->second;
    if (!entry.escalation.isOpen()) {
        if (error)
            *error = QStringLiteral("escalation %1 is %2").arg(id, closedDescription(entry.escalation.state));
        return false;
    }
    closeLocked(entry, Escalation::State::Cancelled, {}, {}, reason.isEmpty() ? QStringLiteral("withdrawn") : reason);
    return true;
}

int EscalationInbox::cancelAgent(const QString &agentId)
{
    const QMutexLocker locker(&m_mutex);
    int cancelled = 0;
    for (const QString &id : std::as_const(m_order)) {
        Entry &entry = *m_entries.at(id);
        if (entry.escalation.isOpen() && entry.escalation.agentId == agentId) {
            closeLocked(entry, Escalation::State::Cancelled, {}, {}, QStringLiteral("agent cancelled"));
            ++cancelled;
        }
    }
    return cancelled;
}

int EscalationInbox::preload(const QList<Escalation> &escalations)
{
    const QMutexLocker locker(&m_mutex);
    QList<Escalation> closed;
    for (const Escalation &e : escalations) {
        m_lastId = qMax(m_lastId, idNumber(e.id));
        if (!e.isOpen() && !e.id.isEmpty() && m_entries.find(e.id) == m_entries.end())
            closed.append(e);
    }
    std::stable_sort(closed.begin(), closed.end(),
                     [](const Escalation &a, const Escalation &b) { return a.answeredAt < b.answeredAt; });
    for (const Escalation &e : std::as_const(closed)) {
        auto entry = std::make_unique<Entry>();
        entry->escalation = e;
        m_order.append(e.id);
        m_closedOrder.append(e.id);
        if (e.state == Escalation::State::Answered)
            m_answeredByKey.insert(e.answerKey(), e.id);
        m_entries.emplace(e.id, std::move(entry));
    }
    return static_cast<int>(closed.size());
}

QList<Escalation> EscalationInbox::open() const
{
    QDateTime now;
    {
        const QMutexLocker locker(&m_mutex);
        now = m_clock();
    }
    return open(now);
}

QList<Escalation> EscalationInbox::open(const QDateTime &now) const
{
    QList<Escalation> result;
    {
        const QMutexLocker locker(&m_mutex);
        for (const QString &id : m_order) {
            const Escalation &e = m_entries.at(id)->escalation;
            if (e.isOpen())
                result.append(e);
        }
    }
    // m_order is registration order, so a stable sort keeps the oldest first among equal priorities.
    std::stable_sort(result.begin(), result.end(), [&now](const Escalation &a, const Escalation &b) {
        const Priority pa = a.effectivePriority(now);
        const Priority pb = b.effectivePriority(now);
        if (pa != pb)
            return pa > pb;
        return a.createdAt < b.createdAt;
    });
    return result;
}

QList<Escalation> EscalationInbox::history() const
{
    const QMutexLocker locker(&m_mutex);
    QList<Escalation> result;
    result.reserve(m_closedOrder.size());
    for (const QString &id : m_closedOrder)
        result.append(m_entries.at(id)->escalation);
    return result;
}

std::optional<Escalation> EscalationInbox::find(const QString &id) const
{
    const QMutexLocker locker(&m_mutex);
    const auto it = m_entries.find(id);
    if (it == m_entries.end())
        return std::nullopt;
    return it->second->escalation;
}

QList<Escalation> EscalationInbox::forGoal(const QString &goalId) const
{
    const QMutexLocker locker(&m_mutex);
    QList<Escalation> result;
    for (const QString &id : m_order) {
        const Escalation &e = m_entries.at(id)->escalation;
        if (e.goalId == goalId)
            result.append(e);
    }
    return result;
}

int EscalationInbox::openCount() const
{
    const QMutexLocker locker(&m_mutex);
    return m_openCount;
}

int EscalationInbox::escalationCount(const QString &goalId) const
{
    const QMutexLocker locker(&m_mutex);
    return m_goalCounts.value(goalId);
}

bool EscalationInbox::needsHuman(const QString &goalId) const
{
    const QMutexLocker locker(&m_mutex);
    return m_needsHuman.contains(goalId);
}

QStringList EscalationInbox::goalsNeedingHuman() const
{
    const QMutexLocker locker(&m_mutex);
    QStringList goals = m_needsHuman.values();
    goals.sort();
    return goals;
}

void EscalationInbox::clearNeedsHuman(const QString &goalId)
{
    const QMutexLocker locker(&m_mutex);
    m_needsHuman.remove(goalId);
    m_goalCounts.remove(goalId);
}

void EscalationInbox::postLocked(std::function<void()> emission)
{
    // Posting under the mutex keeps the signals in the order things happened, whichever thread did them.
    QMetaObject::invokeMethod(this, std::move(emission), Qt::QueuedConnection);
}

void EscalationInbox::scheduleTimeoutCheckLocked()
{
    // The timer belongs to the inbox's thread; agents and the timer meet there. A blocked ask() also checks
    // its own deadline, so it never depends on this event loop.
    if (m_timeoutCheckPosted)
        return;
    m_timeoutCheckPosted = true;
    postLocked([this] { handleTimeouts(); });
}

void EscalationInbox::handleTimeouts()
{
    qint64 nextMs = -1;
    {
        const QMutexLocker locker(&m_mutex);
        m_timeoutCheckPosted = false;
        for (const QString &id : std::as_const(m_order)) {
            Entry &entry = *m_entries.at(id);
            if (!entry.escalation.isOpen() || entry.deadline.isForever())
                continue;
            if (entry.deadline.hasExpired()) {
                timeOutLocked(entry);
                continue;
            }
            const qint64 remaining = entry.deadline.remainingTime();
            nextMs = nextMs < 0 ? remaining : qMin(nextMs, remaining);
        }
    }
    if (nextMs < 0)
        m_timeoutTimer.stop();
    else
        m_timeoutTimer.start(static_cast<int>(std::clamp<qint64>(nextMs + 1, 1, std::numeric_limits<int>::max())));
}

} // namespace switchboard
