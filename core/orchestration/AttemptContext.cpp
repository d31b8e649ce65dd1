#include "AttemptContext.h"

#include "AgentLog.h"
#include "AgentWorkers.h"
#include "WorktreeAttempt.h"
#include "coordination/Scratchpad.h"
#include "model/ErrorKind.h"
#include "model/RateLimitPause.h"
#include "model/TranscriptLimits.h"

#include <QDeadlineTimer>
#include <QMetaObject>
#include <QPointer>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <limits>
#include <utility>

namespace switchboard {

namespace {
// Lock waits block a thread each; they get their own pool so they never take an agent's run slot.
QThreadPool &lockWaitPool()
{
    static QThreadPool pool;
    static const bool configured = [] {
        pool.setObjectName(QStringLiteral("switchboard-lock-waits"));
        pool.setMaxThreadCount(512);
        pool.setExpiryTimeout(10000);
        return true;
    }();
    Q_UNUSED(configured)
    return pool;
}
} // namespace

AttemptContext::AttemptContext(QString agentId, Goal goal, AgentProfile profile, int attempt, QString workspace,
                               std::shared_ptr<AgentLog> log, AgentEventSink *sink)
    : AttemptContext(std::move(agentId), std::move(goal), std::make_shared<const AgentProfile>(std::move(profile)),
                     attempt, std::move(workspace), std::move(log), sink)
{}

AttemptContext::AttemptContext(QString agentId, Goal goal, std::shared_ptr<const AgentProfile> profile, int attempt,
                               QString workspace, std::shared_ptr<AgentLog> log, AgentEventSink *sink)
    : m_agentId(std::move(agentId))
    , m_goal(std::move(goal))
    , m_profile(profile ? std::move(profile) : std::make_shared<const AgentProfile>())
    , m_attempt(attempt)
    , m_workspace(std::move(workspace))
    , m_log(log ? std::move(log) : std::make_shared<AgentLog>())
    , m_sink(sink)
    , m_quality(m_profile->quality)
{}

AttemptContext::~AttemptContext()
{
    // A backend that returned without cancelLockRequests() / cancelEscalations() must not leave a wait that
    // calls back into us. Its waits are not ended here: this is not the thread that gave its run slot back.
    endLockRequests(false);
    endEscalations(false);
}

QJsonObject AttemptContext::goalMessage() const
{
    QJsonObject message = m_goal.toJson();
    message.insert(u"type", QStringLiteral("goal"));
    message.insert(u"agent", m_agentId);
    message.insert(u"attempt", m_attempt);
    message.insert(u"workspace", m_workspace);
    message.insert(u"profile", m_profile->name);
    message.insert(u"model", m_profile->model);
    message.insert(u"inputs", m_inputs);
    if (!m_answers.isEmpty())
        message.insert(u"answers", m_answers);
    return message;
}

void AttemptContext::setProgress(int percent)
{
    {
        const QMutexLocker locker(&m_stateMutex);
        m_state.progress = qBound(0, percent, 100);
        ++m_state.activity;
    }
    notifyChanged();
}

void AttemptContext::setProgress(int percent, const QString &step)
{
    {
        const QMutexLocker locker(&m_stateMutex);
        m_state.progress = qBound(0, percent, 100);
        if (!step.isNull())
            m_state.step = step;
        ++m_state.activity;
    }
    notifyChanged();
}

void AttemptContext::setStep(const QString &step)
{
    {
        const QMutexLocker locker(&m_stateMutex);
        m_state.step = step;
        ++m_state.activity;
    }
    notifyChanged();
}

void AttemptContext::setExternallyQueued(bool queued)
{
    {
        const QMutexLocker locker(&m_stateMutex);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (queued && m_state.queuedSinceMs < 0) {
            m_state.queuedSinceMs = now;
        } else if (!queued && m_state.queuedSinceMs >= 0) {
            m_state.queuedMs += qMax<qint64>(0, now - m_state.queuedSinceMs);
            m_state.queuedSinceMs = -1;
        } else {
            return;
        }
        ++m_state.activity;
    }
    notifyChanged();
}

void AttemptContext::log(const QString &line)
{
    m_log->append(line);
    {
        const QMutexLocker locker(&m_stateMutex);
        ++m_state.activity;
    }
    notifyChanged();
}

void AttemptContext::heartbeat()
{
    {
        const QMutexLocker locker(&m_stateMutex);
        ++m_state.activity;
    }
    notifyChanged();
}

void AttemptContext::reportRateLimit(double retryAfterS)
{
    // Checked here, where every backend's hint passes (process agents' messages, model servers' Retry-After).
    const RateLimitPause pause = RateLimitPause::fromSeconds(retryAfterS);
    if (!pause.isValid()) {
        log(QStringLiteral("[%1] rate limit ignored: %2").arg(m_agentId, pause.note()));
        return;
    }
    if (pause.isCut())
        log(QStringLiteral("[%1] rate limit: %2; pausing %3 s").arg(m_agentId, pause.note()).arg(pause.seconds()));
    {
        const QMutexLocker locker(&m_stateMutex);
        m_state.rateLimitedForS = qMax(m_state.rateLimitedForS, pause.seconds());
        ++m_state.activity;
    }
    notifyChanged();
}

void AttemptContext::recordIteration(const QString &output)
{
    std::optional<QString> stopWhy;
    {
        const QMutexLocker locker(&m_stateMutex);
        ++m_state.activity;
        stopWhy = m_quality.addIteration(output);
    }
    if (stopWhy)
        stop(*stopWhy,
             stopWhy->startsWith(u"loop") ? errorKindName(ErrorKind::Loop) : errorKindName(ErrorKind::NoImprovement));
    notifyChanged();
}

void AttemptContext::recordScore(double value)
{
    std::optional<QString> stopWhy;
    {
        const QMutexLocker locker(&m_stateMutex);
        ++m_state.activity;
        stopWhy = m_quality.addScore(value);
    }
    if (stopWhy)
        stop(*stopWhy, errorKindName(ErrorKind::NoImprovement));
    notifyChanged();
}

void AttemptContext::handoff(const QString &data)
{
    {
        const QMutexLocker locker(&m_stateMutex);
        m_state.handedOff = true;
        m_state.handoffData = data;
        ++m_state.activity;
    }
    notifyChanged();
}

bool AttemptContext::writeNote(const QString &key, const QString &text, QString *error)
{
    if (!m_scratchpad) {
        if (error)
            *error = QStringLiteral("note: this agent has no scratchpad");
        return false;
    }
    if (!m_scratchpad->write(key, text, m_agentId, error))
        return false;
    {
        const QMutexLocker locker(&m_stateMutex);
        ++m_state.activity;
    }
    return true;
}

QList<NoteRecord> AttemptContext::readNotes(const QStringList &keys) const
{
    return m_scratchpad ? m_scratchpad->notes(keys) : QList<NoteRecord>();
}

void AttemptContext::setCoordination(LockManager *locks, EscalationInbox *inbox, AgentWorkers *workers)
{
    m_locks = locks;
    m_inbox = inbox;
    m_workers = workers;
}

void AttemptContext::beginWait(AgentState state)
{
    bool first = false;
    {
        const QMutexLocker locker(&m_stateMutex);
        first = m_waits++ == 0;
        m_waitState = state;
        ++m_state.activity;
    }
    // Reported before the thread is given back: an agent that starts on it is then never counted as
    // running alongside this one (maxParallelReached).
    if (m_sink)
        m_sink->agentWaitChanged(m_agentId, state);
    if (first && m_workers)
        m_workers->releaseSlot(); // another agent may run while this one waits
}

void AttemptContext::endWait()
{
    bool last = false;
    AgentState state = AgentState::Running;
    {
        const QMutexLocker locker(&m_stateMutex);
        if (m_waits == 0)
            return;
        last = --m_waits == 0;
        state = last ? AgentState::Running : m_waitState;
        ++m_state.activity;
    }
    if (last && m_workers)
        m_workers->reserveSlot();
    if (m_sink)
        m_sink->agentWaitChanged(m_agentId, state);
}

LockManager::Result AttemptContext::acquireLocks(const QStringList &resources, std::chrono::milliseconds timeout)
{
    if (!m_locks) {
        LockManager::Result result;
        result.status = LockManager::Status::Invalid;
        result.error = QStringLiteral("locks are not available to this agent");
        return result;
    }
    LockManager::WaitOptions options;
    options.goalId = m_goal.id;
    options.timeout = timeout;
    options.isCancelled = [this] { return isCancelled(); };
    options.onWaitBegin = [this] { beginWait(AgentState::WaitingForLock); };
    options.onWaitEnd = [this] { endWait(); };
    return m_locks->acquire(m_agentId, resources, options);
}

void AttemptContext::requestLocks(const QStringList &resources, std::chrono::milliseconds timeout, QObject *receiver,
                                  LockCallback done)
{
    if (!m_locks) {
        LockManager::Result refused;
        refused.status = LockManager::Status::Invalid;
        refused.error = QStringLiteral("locks are not available");
        done(refused);
        return;
    }
    const LockManager::Result now = m_locks->tryAcquire(m_agentId, resources, m_goal.id);
    if (now.ok() || now.status != LockManager::Status::Busy || timeout.count() == 0) {
        done(now);
        return;
    }
    // Busy: wait on another thread (the backend's own loop keeps running) without a run slot.
    beginWait(AgentState::WaitingForLock);
    LockManager *locks = m_locks;
    const QPointer<QObject> target(receiver);
    // Settled once: by the answer on receiver's thread, or by cancelLockRequests() when the backend is done.
    auto settled = std::make_shared<std::atomic<bool>>(false);
    QFuture<void> future = QtConcurrent::run(&lockWaitPool(), [this, locks, resources, timeout, target, settled, done] {
        LockManager::WaitOptions options;
        options.goalId = m_goal.id;
        options.timeout = timeout;
        options.isCancelled = [this] { return isCancelled(); };
        const LockManager::Result result = locks->acquire(m_agentId, resources, options);
        QMetaObject::invokeMethod(
            target.data(),
            [this, target, settled, result, done] {
                if (!target || settled->exchange(true))
                    return;
                endWait();
                done(result);
            },
            Qt::QueuedConnection);
    });
    const QMutexLocker locker(&m_lockWaitsMutex);
    m_lockWaits.append({std::move(future), std::move(settled)});
}

void AttemptContext::cancelLockRequests()
{
    endLockRequests(true);
}

void AttemptContext::endLockRequests(bool endWaits)
{
    QList<LockWait> waits;
    {
        const QMutexLocker locker(&m_lockWaitsMutex);
        waits.swap(m_lockWaits);
    }
    if (waits.isEmpty())
        return;
    if (m_locks)
        m_locks->cancelWaits(m_agentId);
    for (LockWait &wait : waits) {
        wait.future.waitForFinished();
        // Not answered yet: the answer is dropped, and the agent no longer waits for it.
        if (!wait.settled->exchange(true) && endWaits)
            endWait();
    }
}

int AttemptContext::releaseLocks(const QStringList &resources)
{
    if (!m_locks)
        return 0;
    return m_locks->release(m_agentId, resources.isEmpty() ? m_locks->heldBy(m_agentId) : resources);
}

bool AttemptContext::hasLostLock() const
{
    return m_locks && m_locks->hasLostLock(m_agentId);
}

bool AttemptContext::holdsLock(const QString &resource, quint64 token) const
{
    // Without a LockManager (bare backend tests) no lock was ever granted, so no grant can hold: only the
    // "any grant" question (token 0) is answered yes, because there is nobody to conflict with.
    if (!m_locks)
        return token == 0;
    return m_locks->holds(m_agentId, resource, token);
}

bool AttemptContext::recordProcessGroup(ProcessGroupRecord record)
{
    if (!record.isValid() || !m_processGroupRecorder)
        return true;
    record.agentId = m_agentId;
    record.attempt = m_attempt;
    return m_processGroupRecorder(record);
}

bool AttemptContext::recordExecutor(const ExecutorSpec &spec, const QString &jobName)
{
    ExecutorRecord record;
    {
        const QMutexLocker locker(&m_stateMutex);
        m_executorRecord = ExecutorRecord{m_agentId, m_attempt, spec, jobName, {}};
        record = m_executorRecord;
        m_state.executor = spec.describe();
        ++m_state.activity;
    }
    notifyChanged();
    return !m_executorRecorder || m_executorRecorder(record, true);
}

void AttemptContext::recordExternalId(const QString &id)
{
    ExecutorRecord record;
    {
        const QMutexLocker locker(&m_stateMutex);
        if (id.isEmpty() || m_state.externalId == id)
            return;
        m_state.externalId = id;
        m_executorRecord.externalId = id;
        record = m_executorRecord;
        ++m_state.activity;
    }
    log(u'[' + m_agentId + QStringLiteral("] %1 job id %2 (%3)").arg(record.spec.describe(), id, record.jobName));
    if (m_executorRecorder)
        m_executorRecorder(record, false); // the job name is on record already: the id is for people
    notifyChanged();
}

bool AttemptContext::prepareWorkspace(QString *error)
{
    if (!m_worktree)
        return true;
    setStep(QStringLiteral("preparing the worktree"));
    const QString dir = m_worktree->prepare([this](const QString &line) { log(line); }, error);
    if (dir.isEmpty())
        return false;
    m_workspace = dir; // before the backend reads it, on the thread that runs it
    setStep(QString());
    return true;
}

void AttemptContext::recordAgentSession(const QString &sessionId)
{
    if (sessionId.isEmpty())
        return;
    {
        const QMutexLocker locker(&m_stateMutex);
        if (m_state.agentSession == sessionId)
            return;
        m_state.agentSession = sessionId;
        ++m_state.activity;
    }
    notifyChanged();
}

bool AttemptContext::delegate(const QString &worker, const QString &task, QString *error)
{
    const std::optional<TeamMember> &member = m_goal.member;
    const auto refuse = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (!member || !member->mayDelegate())
        return AgentContext::delegate(worker, task, error);
    if (!member->workers.contains(worker))
        return refuse(QStringLiteral("'%1' is not one of this team's workers (%2)")
                          .arg(worker, member->workers.join(QStringLiteral(", "))));
    if (task.trimmed().isEmpty())
        return refuse(QStringLiteral("the step for '%1' has no task").arg(worker));
    {
        const QMutexLocker locker(&m_stateMutex);
        m_delegations.append({worker, task.trimmed()});
    }
    log(QStringLiteral("delegated to %1: %2").arg(worker, task.trimmed()));
    return true;
}

QList<std::pair<QString, QString>> AttemptContext::delegations() const
{
    const QMutexLocker locker(&m_stateMutex);
    return m_delegations;
}

void AttemptContext::recordTurns(int turns)
{
    {
        const QMutexLocker locker(&m_stateMutex);
        if (turns < 0 || m_state.turns == turns)
            return;
        m_state.turns = turns;
    }
    notifyChanged();
}

void AttemptContext::recordTranscript(TranscriptEntry entry)
{
    entry.agentId = m_agentId;
    entry.attempt = m_attempt;
    TranscriptLimits::bound(entry); // before the lock: cutting a large tool result is the slow part
    {
        const QMutexLocker locker(&m_transcriptMutex);
        // Numbered and stamped under the lock that orders the queue, so seq and time follow the queue order
        // when several threads of one backend record at once.
        entry.seq = m_nextTranscriptSeq++;
        entry.at = QDateTime::currentDateTimeUtc();
        m_transcript.append(std::move(entry));
    }
    {
        const QMutexLocker locker(&m_stateMutex);
        ++m_state.activity; // a step of the conversation is proof of life, like a log line
    }
    // The entries travel with the (coalesced) live-state notice: the orchestrator takes them all at once.
    notifyChanged();
}

QList<TranscriptEntry> AttemptContext::takeTranscript()
{
    const QMutexLocker locker(&m_transcriptMutex);
    return std::exchange(m_transcript, {});
}

EscalationInbox::Outcome AttemptContext::escalate(EscalationInbox::Request request)
{
    if (!m_inbox) {
        EscalationInbox::Outcome outcome;
        outcome.error = QStringLiteral("no escalation inbox is available to this agent");
        return outcome;
    }
    request.agentId = m_agentId;
    request.goalId = m_goal.id;
    request.priority = m_goal.priority;
    EscalationInbox::WaitHooks hooks;
    hooks.isCancelled = [this] { return isCancelled(); };
    hooks.onWaitBegin = [this] { beginWait(AgentState::Escalated); };
    hooks.onWaitEnd = [this] { endWait(); };
    return m_inbox->ask(request, hooks);
}

QString AttemptContext::raiseEscalation(EscalationInbox::Request request, QObject *receiver,
                                        EscalationCallback answered, QString *error)
{
    if (!m_inbox) {
        if (error)
            *error = QStringLiteral("no escalation inbox is available");
        return {};
    }
    request.agentId = m_agentId;
    request.goalId = m_goal.id;
    request.priority = m_goal.priority;
    beginWait(AgentState::Escalated);
    // Settled once: by the answer on receiver's thread, or by cancelEscalations() when the backend is done.
    auto settled = std::make_shared<std::atomic<bool>>(false);
    QString why;
    const QString id = m_inbox->raise(
        request, receiver,
        [this, settled, answered = std::move(answered)](const Escalation &escalation) {
            if (settled->exchange(true))
                return;
            endWait();
            answered(escalation);
        },
        &why);
    if (id.isEmpty()) {
        endWait();
        log(u'[' + m_agentId + QStringLiteral("] escalation refused: ") + why);
        if (error)
            *error = why;
        return id;
    }
    const QMutexLocker locker(&m_escalationWaitsMutex);
    // Answered ones only need forgetting: an agent may ask many questions in one attempt.
    m_escalationWaits.removeIf([](const EscalationWait &wait) { return wait.settled->load(); });
    m_escalationWaits.append({id, std::move(settled)});
    return id;
}

void AttemptContext::cancelEscalations()
{
    endEscalations(true);
}

void AttemptContext::endEscalations(bool endWaits)
{
    QList<EscalationWait> waits;
    {
        const QMutexLocker locker(&m_escalationWaitsMutex);
        waits.swap(m_escalationWaits);
    }
    for (const EscalationWait &wait : std::as_const(waits)) {
        if (wait.settled->exchange(true))
            continue;
        // Not answered yet: nobody is left to read the answer, so the question goes from the inbox (its
        // callback, if it still comes, finds it settled). A question answered before is closed already.
        if (m_inbox && endWaits && m_inbox->cancel(wait.id, QStringLiteral("agent ended")))
            log(u'[' + m_agentId + QStringLiteral("] question %1 withdrawn: the agent ended").arg(wait.id));
        if (endWaits)
            endWait();
    }
}

void AttemptContext::stop(const QString &reason, const QString &errorKind)
{
    {
        const QMutexLocker locker(&m_stateMutex);
        if (!m_stopReason.isEmpty() || isCancelled())
            return;
        m_stopReason = reason;
        m_stopKind = errorKind;
    }
    requestCancel();
}

QString AttemptContext::stopReason() const
{
    const QMutexLocker locker(&m_stateMutex);
    return m_stopReason;
}

QString AttemptContext::stopKind() const
{
    const QMutexLocker locker(&m_stateMutex);
    return m_stopKind;
}

void AttemptContext::addUsage(qint64 inputTokens, qint64 outputTokens, double costUsd)
{
    {
        const QMutexLocker locker(&m_stateMutex);
        m_state.inputTokens += qMax<qint64>(0, inputTokens);
        m_state.outputTokens += qMax<qint64>(0, outputTokens);
        m_state.costUsd += qMax(0.0, costUsd);
    }
    notifyChanged();
}

bool AttemptContext::sleepFor(std::chrono::milliseconds duration)
{
    const QDeadlineTimer deadline(duration);
    while (!isCancelled()) {
        const qint64 left = deadline.remainingTime();
        if (left <= 0)
            return true;
        // The cancel's token is handed on at once, so every sleeper of this attempt wakes.
        if (m_cancelSignal.tryAcquire(1, static_cast<int>(qMin<qint64>(left, std::numeric_limits<int>::max()))))
            m_cancelSignal.release(1);
    }
    return false;
}

void AttemptContext::setCancelHandler(std::function<void()> handler)
{
    QMutexLocker locker(&m_handlerMutex);
    m_cancelHandler = std::move(handler);
    if (m_cancelHandler && isCancelled())
        m_cancelHandler();
}

bool AttemptContext::claimLaunch(bool *wasPending)
{
    Launch expected = Launch::Pending;
    const bool claimed = m_launch.compare_exchange_strong(expected, Launch::Started, std::memory_order_acq_rel);
    if (wasPending)
        *wasPending = claimed;
    return claimed || expected == Launch::Started;
}

bool AttemptContext::withdrawLaunch()
{
    Launch expected = Launch::Pending;
    return m_launch.compare_exchange_strong(expected, Launch::Withdrawn, std::memory_order_acq_rel);
}

void AttemptContext::requestCancel()
{
    if (m_cancelled.exchange(true, std::memory_order_acq_rel))
        return;
    m_cancelSignal.release(1);
    const QMutexLocker locker(&m_handlerMutex);
    if (m_cancelHandler)
        m_cancelHandler();
}

AgentLiveState AttemptContext::takeLiveState()
{
    // Clear the flag before reading, so a change made while we read posts a fresh notice.
    m_notifyPending.store(false, std::memory_order_release);
    const QMutexLocker locker(&m_stateMutex);
    AgentLiveState state = m_state;
    m_state.rateLimitedForS = 0; // reported once
    return state;
}

AgentLiveState AttemptContext::liveState() const
{
    const QMutexLocker locker(&m_stateMutex);
    return m_state;
}

void AttemptContext::notifyChanged()
{
    if (m_sink && !m_notifyPending.exchange(true, std::memory_order_acq_rel))
        m_sink->agentLiveStateChanged(m_agentId);
}

} // namespace switchboard
