#include "RunRecorder.h"

#include "AgentLog.h"
#include "AgentRecord.h"
#include "RunHooks.h"
#include "coordination/EscalationInbox.h"
#include "coordination/Scratchpad.h"
#include "execution/Executors.h"
#include "llm/Secrets.h"
#include "persistence/Store.h"

namespace switchboard {

RunRecorder::RunRecorder(QObject *context, RunHooks &hooks, Scratchpad &scratchpad, EscalationInbox &inbox,
                         std::function<QJsonObject()> effectiveSettings)
    : m_context(context)
    , m_hooks(hooks)
    , m_scratchpad(scratchpad)
    , m_inbox(inbox)
    , m_effectiveSettings(std::move(effectiveSettings))
{
    m_jobScope = Executors::jobScope({});
}

void RunRecorder::setStore(Store *store, std::function<void(const QString &)> onFailed)
{
    if (m_store)
        QObject::disconnect(m_store, nullptr, m_context, nullptr);
    m_store = store;
    m_jobScope = Executors::jobScope(store ? store->path() : QString());
    if (!store)
        return;
    QObject::connect(store, &QObject::destroyed, m_context, [this] { m_store = nullptr; });
    QObject::connect(store, &Store::storageFailed, m_context,
                     [this, onFailed = std::move(onFailed)](const QString &message) {
                         m_storageFailed = true;
                         onFailed(message);
                     });
}

bool RunRecorder::isStoreFailed() const
{
    return m_store && m_store->isFailed();
}

void RunRecorder::setRunName(const QString &name, const QString &planFile)
{
    m_runName = name;
    m_planFile = planFile;
}

void RunRecorder::setRunSettings(const QJsonObject &settings)
{
    m_runSettings = settings;
    if (m_store && !m_runId.isEmpty())
        recordRunStarted(); // an upsert: the run keeps its id and start time
}

void RunRecorder::adoptRun(const RunRecord &run)
{
    m_runId = m_store ? run.id : QString();
    m_runName = run.name;
    m_planFile = run.planFile;
}

void RunRecorder::ensureRunRecorded()
{
    if (!m_store)
        return;
    if (!m_runId.isEmpty()) {
        // More work for a run that had finished (a GUI session goes idle and the human spawns again): open it
        // again first, so a crash from here on brings these goals back like any unfinished run's.
        if (m_runFinishedRecorded) {
            m_runFinishedRecorded = false;
            recordRunStarted();
        }
        return;
    }
    m_runId = m_store->nextRunId();
    m_scratchpad.setRunId(m_runId);
    recordRunStarted();
}

void RunRecorder::recordRunStarted()
{
    QJsonObject settings = m_runSettings;
    const QJsonObject effective = m_effectiveSettings();
    for (auto it = effective.constBegin(); it != effective.constEnd(); ++it)
        settings.insert(it.key(), it.value());
    m_store->submit(StoreWrite::runStarted(m_runId, m_runName.isEmpty() ? QStringLiteral("session") : m_runName,
                                           m_planFile, settings.value(u"max_parallel").toInt(), {}, settings));
}

void RunRecorder::recordTransition(const AgentStatus &status)
{
    if (!m_store)
        return;
    if (Secrets::isEmpty()) {
        m_store->submit(StoreWrite::transition(status));
        return;
    }
    AgentStatus clean = status;
    clean.error = Secrets::redact(status.error);
    m_store->submit(StoreWrite::transition(clean));
}

void RunRecorder::recordGoals(QList<StoreWrite> writes, std::function<void(bool)> onCommitted)
{
    ensureRunRecorded();
    m_store->submitAll(std::move(writes), m_context, std::move(onCommitted));
}

void RunRecorder::recordProgress(const QString &agentId, int progress, const QString &step)
{
    if (m_store)
        m_store->submit(StoreWrite::progress(agentId, progress, Secrets::redact(step)));
}

void RunRecorder::recordUsage(const QString &agentId, int attempt, qint64 inputTokens, qint64 outputTokens,
                              double costUsd, int turns)
{
    if (m_store)
        m_store->submit(StoreWrite::usage(agentId, attempt, inputTokens, outputTokens, costUsd, turns));
}

void RunRecorder::recordAgentSession(const QString &agentId, int attempt, const QString &sessionId)
{
    if (m_store)
        m_store->submit(StoreWrite::agentSession(agentId, attempt, sessionId));
}

void RunRecorder::recordWorktree(const WorktreeRecord &worktree)
{
    if (!m_store)
        return;
    WorktreeRecord row = worktree;
    if (row.runId.isEmpty())
        row.runId = m_runId;
    m_store->submit(StoreWrite::worktree(row));
}

void RunRecorder::recordLog(AgentRecord &record)
{
    if (!m_store)
        return;
    const QStringList lines = record.log->takeNew();
    if (!lines.isEmpty())
        m_store->submit(StoreWrite::log(record.status.agentId, lines));
}

void RunRecorder::recordTranscript(QList<TranscriptEntry> entries)
{
    if (!m_store || entries.isEmpty())
        return;
    // A model may repeat a key it was given (tst_keychain makes one): the transcript is text written like any other.
    if (!Secrets::isEmpty()) {
        for (TranscriptEntry &entry : entries)
            entry.text = Secrets::redact(entry.text);
    }
    m_store->submit(StoreWrite::transcript(std::move(entries)));
}

void RunRecorder::whenStored(std::function<void()> then)
{
    if (!m_store)
        return;
    // An empty job commits in order with the writes before it: its callback is a barrier.
    m_store->submitAll({}, m_context, [then = std::move(then)](bool committed) {
        if (committed)
            then();
    });
}

void RunRecorder::recordEscalation(const Escalation &escalation)
{
    if (!m_store)
        return;
    if (Secrets::isEmpty()) {
        m_store->submit(StoreWrite::escalation(escalation));
        return;
    }
    Escalation clean = escalation;
    clean.question = Secrets::redact(escalation.question);
    clean.context = Secrets::redact(escalation.context);
    clean.answerText = Secrets::redact(escalation.answerText);
    m_store->submit(StoreWrite::escalation(clean));
}

void RunRecorder::recordLockEvent(const LockEvent &event)
{
    if (m_store)
        m_store->submit(StoreWrite::lockEvent(event));
}

void RunRecorder::recordNote(const QString &key, const QString &text, const QString &authorAgentId, const QDateTime &at)
{
    if (!m_store)
        return;
    ensureRunRecorded(); // a human may write the first note before anything is spawned
    m_store->submit(StoreWrite::note(m_runId, key, Secrets::redact(text), authorAgentId, at));
}

void RunRecorder::recordRunFinished(const RunSummary &summary)
{
    if (!m_store || m_runId.isEmpty())
        return;
    m_store->submit(StoreWrite::runFinished(m_runId, summary));
    m_runFinishedRecorded = true;
}

void RunRecorder::reportFinal(AgentRecord &record, const std::optional<AgentResult> &result,
                              std::function<void()> report)
{
    if (!m_store) {
        report();
        return;
    }
    recordLog(record);
    ++m_pendingFinal;
    AgentStatus status = record.status;
    status.error = Secrets::redact(status.error);
    std::optional<AgentResult> clean = result;
    if (clean) {
        clean->summary = Secrets::redact(clean->summary);
        clean->error = Secrets::redact(clean->error);
        clean->output = Secrets::redact(clean->output);
    }
    StoreWrite write = clean ? StoreWrite::finished(status, *clean) : StoreWrite::transition(status);
    // Reported even when the write failed: storageFailed() has said so, and the board must not hang.
    m_store->submit(std::move(write), m_context, [this, report = std::move(report)](bool) {
        --m_pendingFinal;
        report();
        m_hooks.checkIdle();
    });
}

QJsonArray RunRecorder::answersFor(const QString &goalId) const
{
    QJsonArray answers;
    for (const Escalation &e : m_inbox.forGoal(goalId)) {
        if (e.state != Escalation::State::Answered || e.trigger == Escalation::Trigger::Failure)
            continue;
        answers.append(QJsonObject{{QStringLiteral("question"), e.question},
                                   {QStringLiteral("option"), e.answerOption},
                                   {QStringLiteral("text"), e.answerText}});
    }
    return answers;
}

bool RunRecorder::answer(const QString &escalationId, const QString &option, const QString &text, QString *error,
                         const QString &answeredBy)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    const std::optional<Escalation> found = m_inbox.find(escalationId);
    if (!found)
        return fail(QStringLiteral("unknown escalation '%1'").arg(escalationId));
    if (!found->isOpen())
        return fail(QStringLiteral("escalation %1 is already %2")
                        .arg(escalationId, escalationStateToString(found->state).toLower()));
    if (!found->options.isEmpty() && !found->hasOption(option)) {
        QStringList keys;
        for (const Escalation::Option &o : found->options)
            keys << o.key;
        return fail(QStringLiteral("'%1' is not an option of %2 (expected one of: %3)")
                        .arg(option, escalationId, keys.join(QStringLiteral(", "))));
    }
    if (found->options.isEmpty() && text.trimmed().isEmpty())
        return fail(QStringLiteral("escalation %1 needs a free-text answer").arg(escalationId));
    if (!m_store)
        return m_inbox.answer(escalationId, option, text, error, answeredBy);

    // Durable before the agent gets it: record the answered escalation, hand the answer over once committed.
    Escalation answered = *found;
    answered.state = Escalation::State::Answered;
    answered.answerOption = found->options.isEmpty() ? QString() : option;
    answered.answerText = text;
    answered.answeredAt = QDateTime::currentDateTimeUtc();
    answered.answeredBy = answeredBy;
    const bool accepted = m_store->submit(
        StoreWrite::escalation(answered), m_context, [this, escalationId, answered, answeredBy](bool committed) {
            if (!committed)
                return; // storageFailed() says why; the question stays open
            QString why;
            if (!m_inbox.answer(escalationId, answered.answerOption, answered.answerText, &why, answeredBy)) {
                // Closed meanwhile (agent cancelled, timed out): the store must say how it really ended.
                if (const std::optional<Escalation> now = m_inbox.find(escalationId); now && m_store)
                    m_store->submit(StoreWrite::escalation(*now));
            }
        });
    if (!accepted)
        return fail(QStringLiteral("the answer cannot be recorded: %1").arg(m_store->lastError()));
    return true;
}

} // namespace switchboard
