#include "AgentActions.h"

#include "AgentContext.h"
#include "model/ErrorKind.h"
#include "model/RateLimitPause.h"

#include <QJsonDocument>
#include <QJsonValue>

#include <chrono>
#include <cmath>

namespace switchboard {

namespace {

using Call = AgentActions::Call;
using Kind = ProcessMessage::Kind;

// --- decoding: every check and its wording is part of the protocol (docs/PROTOCOL.md) ---

// Integers beyond 2^53 cannot round-trip through a JSON number.
constexpr double maxExactInteger = 9007199254740992.0;

bool isAbsent(const QJsonObject &object, QStringView key)
{
    const QJsonValue value = object.value(key);
    return value.isUndefined() || value.isNull();
}

ProcessMessage withKind(Kind kind)
{
    ProcessMessage message;
    message.kind = kind;
    return message;
}

// Reads an optional non-negative whole number; returns false (with reason) when present but wrong.
bool readCount(const QJsonObject &object, QStringView key, qint64 *out, QString *reason)
{
    if (isAbsent(object, key))
        return true;
    const QJsonValue value = object.value(key);
    const double number = value.toDouble(-1.0);
    if (!value.isDouble() || number < 0 || number > maxExactInteger || std::floor(number) != number) {
        *reason = key.toString() + QStringLiteral(" must be a non-negative integer");
        return false;
    }
    *out = static_cast<qint64>(number);
    return true;
}

// A required (or optional) number field.
bool readNumber(const QJsonObject &object, QStringView key, bool required, ProcessMessage *message, QString *reason)
{
    if (isAbsent(object, key)) {
        if (required)
            *reason = QStringLiteral("%1 message needs \"%2\"").arg(object.value(u"type").toString(), key.toString());
        return !required;
    }
    const QJsonValue value = object.value(key);
    if (!value.isDouble()) {
        *reason = key.toString() + QStringLiteral(" must be a number");
        return false;
    }
    message->number = value.toDouble();
    message->hasNumber = true;
    return true;
}

bool readResources(const QJsonObject &object, bool required, ProcessMessage *message, QString *reason)
{
    const QJsonValue value = object.value(u"resources");
    if (value.isUndefined() || value.isNull()) {
        if (required)
            *reason = QStringLiteral("%1 message needs \"resources\"").arg(object.value(u"type").toString());
        return !required;
    }
    if (!value.isArray()) {
        *reason = QStringLiteral("resources must be a list of strings");
        return false;
    }
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString() || item.toString().trimmed().isEmpty()) {
            *reason = QStringLiteral("resources must be a list of non-empty strings");
            return false;
        }
        message->resources << item.toString();
    }
    if (required && message->resources.isEmpty()) {
        *reason = QStringLiteral("resources must not be empty");
        return false;
    }
    return true;
}

ProcessMessage decodeProgress(const QJsonObject &object)
{
    ProcessMessage message = withKind(Kind::Progress);
    if (!isAbsent(object, u"progress")) {
        const QJsonValue value = object.value(u"progress");
        if (!value.isDouble())
            return ProcessMessage::malformed(QStringLiteral("progress must be a number"));
        message.progress = qRound(qBound(0.0, value.toDouble(), 100.0));
    }
    if (!isAbsent(object, u"step")) {
        const QJsonValue value = object.value(u"step");
        if (!value.isString())
            return ProcessMessage::malformed(QStringLiteral("step must be a string"));
        message.step = value.toString();
    }
    if (!message.progress && !message.step)
        return ProcessMessage::malformed(QStringLiteral("progress message needs \"progress\" or \"step\""));
    return message;
}

ProcessMessage decodeLog(const QJsonObject &object)
{
    const QJsonValue value = object.value(u"text");
    if (value.isUndefined())
        return ProcessMessage::malformed(QStringLiteral("log message needs \"text\""));
    if (!value.isString())
        return ProcessMessage::malformed(QStringLiteral("text must be a string"));
    ProcessMessage message = withKind(Kind::Log);
    message.text = value.toString();
    return message;
}

ProcessMessage decodeUsage(const QJsonObject &object)
{
    ProcessMessage message = withKind(Kind::Usage);
    QString reason;
    if (!readCount(object, u"input_tokens", &message.inputTokens, &reason) ||
        !readCount(object, u"output_tokens", &message.outputTokens, &reason))
        return ProcessMessage::malformed(reason);
    if (!isAbsent(object, u"cost_usd")) {
        const QJsonValue value = object.value(u"cost_usd");
        if (!value.isDouble() || value.toDouble() < 0)
            return ProcessMessage::malformed(QStringLiteral("cost_usd must be a non-negative number"));
        message.costUsd = value.toDouble();
    }
    if (isAbsent(object, u"input_tokens") && isAbsent(object, u"output_tokens") && isAbsent(object, u"cost_usd"))
        return ProcessMessage::malformed(QStringLiteral("usage message needs input_tokens, output_tokens or cost_usd"));
    return message;
}

ProcessMessage decodeResult(const QJsonObject &object)
{
    const QJsonValue value = object.value(u"summary");
    if (value.isUndefined())
        return ProcessMessage::malformed(QStringLiteral("result message needs \"summary\""));
    if (!value.isString())
        return ProcessMessage::malformed(QStringLiteral("summary must be a string"));
    ProcessMessage message = withKind(Kind::Result);
    message.text = value.toString();
    return message;
}

ProcessMessage decodeError(const QJsonObject &object)
{
    const QJsonValue text = object.value(u"message");
    if (!text.isString())
        return ProcessMessage::malformed(QStringLiteral("error message needs \"message\" (a string)"));
    ProcessMessage message = withKind(Kind::Error);
    message.text = text.toString();
    message.errorKind = object.value(u"kind").toString(QStringLiteral("exit"));
    return message;
}

ProcessMessage decodeHeartbeat(const QJsonObject &)
{
    return withKind(Kind::Heartbeat);
}

ProcessMessage decodeRateLimited(const QJsonObject &object)
{
    ProcessMessage message = withKind(Kind::RateLimited);
    QString reason;
    if (!readNumber(object, u"retry_after_s", false, &message, &reason))
        return ProcessMessage::malformed(reason);
    if (!message.hasNumber)
        message.number = RateLimitPause::DefaultS;
    return message;
}

ProcessMessage decodeScore(const QJsonObject &object)
{
    ProcessMessage message = withKind(Kind::Score);
    QString reason;
    if (!readNumber(object, u"value", true, &message, &reason))
        return ProcessMessage::malformed(reason);
    return message;
}

ProcessMessage decodeIteration(const QJsonObject &object)
{
    ProcessMessage message = withKind(Kind::Iteration);
    const QJsonValue output = object.value(u"output");
    if (!output.isString())
        return ProcessMessage::malformed(QStringLiteral("iteration message needs \"output\" (a string)"));
    message.text = output.toString();
    QString reason;
    if (!readNumber(object, u"score", false, &message, &reason))
        return ProcessMessage::malformed(reason);
    return message;
}

ProcessMessage decodeHandoff(const QJsonObject &object)
{
    const QJsonValue data = object.value(u"data");
    if (data.isUndefined())
        return ProcessMessage::malformed(QStringLiteral("handoff message needs \"data\""));
    ProcessMessage message = withKind(Kind::Handoff);
    message.text =
        data.isString()
            ? data.toString()
            : QString::fromUtf8(QJsonDocument(QJsonArray{data}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    return message;
}

ProcessMessage decodeLock(const QJsonObject &object)
{
    ProcessMessage message = withKind(Kind::Lock);
    QString reason;
    if (!readResources(object, true, &message, &reason) || !readNumber(object, u"timeout_s", false, &message, &reason))
        return ProcessMessage::malformed(reason);
    if (!message.hasNumber)
        message.number = -1;
    return message;
}

ProcessMessage decodeUnlock(const QJsonObject &object)
{
    ProcessMessage message = withKind(Kind::Unlock);
    QString reason;
    if (!readResources(object, false, &message, &reason))
        return ProcessMessage::malformed(reason);
    return message;
}

ProcessMessage decodeEscalate(const QJsonObject &object)
{
    const QJsonValue question = object.value(u"question");
    if (!question.isString() || question.toString().trimmed().isEmpty())
        return ProcessMessage::malformed(QStringLiteral("escalate message needs \"question\" (a string)"));
    const QJsonValue options = object.value(u"options");
    if (!options.isUndefined() && !options.isNull() && !options.isArray())
        return ProcessMessage::malformed(QStringLiteral("options must be a list"));
    ProcessMessage message = withKind(Kind::Escalate);
    message.object = object;
    return message;
}

ProcessMessage decodeNote(const QJsonObject &object)
{
    const QJsonValue key = object.value(u"key");
    if (!key.isString() || key.toString().trimmed().isEmpty())
        return ProcessMessage::malformed(QStringLiteral("note message needs \"key\" (a non-empty string)"));
    const QJsonValue text = object.value(u"text");
    if (!text.isString())
        return ProcessMessage::malformed(QStringLiteral("note message needs \"text\" (a string)"));
    ProcessMessage message = withKind(Kind::Note);
    message.object = QJsonObject{{QStringLiteral("key"), key}};
    message.text = text.toString();
    return message;
}

ProcessMessage decodeReadNotes(const QJsonObject &object)
{
    ProcessMessage message = withKind(Kind::ReadNotes);
    const QJsonValue keys = object.value(u"keys");
    if (keys.isUndefined() || keys.isNull())
        return message;
    if (!keys.isArray())
        return ProcessMessage::malformed(QStringLiteral("read_notes: keys must be a list of strings"));
    for (const QJsonValue &item : keys.toArray()) {
        if (!item.isString())
            return ProcessMessage::malformed(QStringLiteral("read_notes: keys must be a list of strings"));
        message.resources << item.toString();
    }
    return message;
}

ProcessMessage decodeDelegate(const QJsonObject &object)
{
    const QJsonValue worker = object.value(u"worker");
    if (!worker.isString() || worker.toString().trimmed().isEmpty())
        return ProcessMessage::malformed(QStringLiteral("delegate message needs \"worker\" (a non-empty string)"));
    const QJsonValue task = object.value(u"task");
    if (!task.isString() || task.toString().trimmed().isEmpty())
        return ProcessMessage::malformed(QStringLiteral("delegate message needs \"task\" (a non-empty string)"));
    ProcessMessage message = withKind(Kind::Delegate);
    message.object = QJsonObject{{QStringLiteral("worker"), worker.toString().trimmed()}};
    message.text = task.toString();
    return message;
}

// --- applying ---

void applyProgress(const ProcessMessage &message, Call &call)
{
    if (message.progress && message.step)
        call.context.setProgress(*message.progress, *message.step);
    else if (message.progress)
        call.context.setProgress(*message.progress);
    else
        call.context.setStep(*message.step);
}

void applyLog(const ProcessMessage &message, Call &call)
{
    call.outcome.lastOutput = AgentActions::logText(message.text.toUtf8());
    call.context.log(call.outcome.lastOutput);
}

void applyUsage(const ProcessMessage &message, Call &call)
{
    call.context.addUsage(message.inputTokens, message.outputTokens, message.costUsd);
}

void applyResult(const ProcessMessage &message, Call &call)
{
    call.outcome.summary = message.text;
    call.outcome.hasResult = true;
}

void applyError(const ProcessMessage &message, Call &call)
{
    call.outcome.errorMessage = message.text;
    call.outcome.errorKind = message.errorKind;
}

void applyHeartbeat(const ProcessMessage &, Call &call)
{
    call.context.heartbeat();
}

void applyRateLimited(const ProcessMessage &message, Call &call)
{
    call.context.reportRateLimit(message.number); // checked and bounded there (RateLimitPause)
}

void applyScore(const ProcessMessage &message, Call &call)
{
    call.context.recordScore(message.number);
}

void applyIteration(const ProcessMessage &message, Call &call)
{
    call.context.recordIteration(message.text);
    if (message.hasNumber)
        call.context.recordScore(message.number);
}

void applyHandoff(const ProcessMessage &message, Call &call)
{
    call.context.handoff(message.text);
}

QJsonObject lockReply(const LockManager::Result &result, const QStringList &resources)
{
    QJsonObject reply;
    reply.insert(u"resources", QJsonArray::fromStringList(resources));
    if (result.ok()) {
        reply.insert(u"type", QStringLiteral("lock_granted"));
        reply.insert(u"token", QString::number(result.token).toLongLong());
        // Per resource, since a lock held before the request (a covering directory) keeps its own token.
        QJsonObject tokens;
        for (auto it = result.tokens.cbegin(); it != result.tokens.cend(); ++it)
            tokens.insert(it.key(), QString::number(it.value()).toLongLong());
        reply.insert(u"tokens", tokens);
        return reply;
    }
    reply.insert(u"type", QStringLiteral("lock_denied"));
    QString reason = result.error;
    if (reason.isEmpty()) {
        switch (result.status) {
        case LockManager::Status::Busy:
            reason = QStringLiteral("held by another agent");
            break;
        case LockManager::Status::TimedOut:
            reason = QStringLiteral("timed out");
            break;
        case LockManager::Status::Cancelled:
            reason = QStringLiteral("cancelled");
            break;
        case LockManager::Status::Deadlock:
            reason = QStringLiteral("would deadlock");
            break;
        default:
            reason = QStringLiteral("refused");
            break;
        }
    }
    reply.insert(u"reason", reason);
    return reply;
}

void applyLock(const ProcessMessage &message, Call &call)
{
    // timeout_s: 0 = answer now, < 0 = wait until granted; a positive fraction of a millisecond still waits.
    const double timeoutS = message.number;
    const auto timeout = std::chrono::milliseconds(timeoutS == 0  ? 0
                                                   : timeoutS < 0 ? -1
                                                                  : qMax<qint64>(1, qint64(timeoutS * 1000.0)));
    const QStringList resources = message.resources;
    call.context.requestLocks(
        resources, timeout, call.receiver,
        [reply = call.reply, resources](const LockManager::Result &result) { reply(lockReply(result, resources)); });
}

void applyUnlock(const ProcessMessage &message, Call &call)
{
    call.context.releaseLocks(message.resources);
}

void applyEscalate(const ProcessMessage &message, Call &call)
{
    const QJsonObject &object = message.object;
    const QString questionId = object.value(u"id").toVariant().toString();
    const auto reply = [send = call.reply, questionId](const QJsonObject &fields) {
        QJsonObject answer = fields;
        answer.insert(u"type", QStringLiteral("answer"));
        answer.insert(u"id", questionId);
        send(answer);
    };

    const EscalationInbox::Request request = AgentActions::escalationRequest(object);

    AgentContext *context = &call.context;
    QString error;
    const QString id = call.context.raiseEscalation(
        request, call.receiver,
        [context, reply](const Escalation &e) {
            QJsonObject fields{{QStringLiteral("escalation"), e.id}};
            switch (e.state) {
            case Escalation::State::Answered:
                fields.insert(u"option", e.answerOption);
                fields.insert(u"text", e.answerText);
                if (e.answeredBy == u"timeout")
                    fields.insert(u"timed_out", true);
                reply(fields);
                break;
            case Escalation::State::TimedOut:
                fields.insert(u"timed_out", true);
                reply(fields);
                context->stop(QStringLiteral("question %1 was not answered in time").arg(e.id),
                              errorKindName(ErrorKind::EscalationTimeout));
                break;
            default:
                fields.insert(u"cancelled", true);
                reply(fields);
                break;
            }
        },
        &error);
    if (id.isEmpty())
        reply({{QStringLiteral("error"), error}});
}

void applyNote(const ProcessMessage &message, Call &call)
{
    const QString key = message.object.value(u"key").toString();
    QString why;
    if (call.context.writeNote(key, message.text, &why))
        return;
    call.context.log(QStringLiteral("[%1] note refused on %2: %3").arg(call.context.agentId(), call.origin, why));
    call.reply({{QStringLiteral("type"), QStringLiteral("note_refused")},
                {QStringLiteral("key"), key},
                {QStringLiteral("reason"), why}});
}

void applyDelegate(const ProcessMessage &message, Call &call)
{
    const QString worker = message.object.value(u"worker").toString();
    QString why;
    if (call.context.delegate(worker, message.text, &why))
        return;
    call.context.log(QStringLiteral("[%1] delegation refused on %2: %3").arg(call.context.agentId(), call.origin, why));
    call.reply({{QStringLiteral("type"), QStringLiteral("delegate_refused")},
                {QStringLiteral("worker"), worker},
                {QStringLiteral("reason"), why}});
}

void applyReadNotes(const ProcessMessage &message, Call &call)
{
    QJsonArray notes;
    for (const NoteRecord &note : call.context.readNotes(message.resources)) {
        notes.append(QJsonObject{
            {QStringLiteral("key"), note.key},
            {QStringLiteral("text"), note.text},
            {QStringLiteral("author"), note.authorAgentId.isEmpty() ? QStringLiteral("human") : note.authorAgentId},
            {QStringLiteral("at"), note.at.toString(Qt::ISODateWithMs)}});
    }
    call.reply({{QStringLiteral("type"), QStringLiteral("notes")}, {QStringLiteral("notes"), notes}});
}

// --- schemas ---

QJsonObject property(const char *type, const char *description)
{
    return {{QStringLiteral("type"), QLatin1String(type)}, {QStringLiteral("description"), QLatin1String(description)}};
}

QJsonObject stringList(const char *description)
{
    QJsonObject list = property("array", description);
    list.insert(u"items", QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}});
    return list;
}

QJsonObject arguments(const QJsonObject &properties, const QStringList &required = {})
{
    QJsonObject schema{{QStringLiteral("type"), QStringLiteral("object")}, {QStringLiteral("properties"), properties}};
    if (!required.isEmpty())
        schema.insert(u"required", QJsonArray::fromStringList(required));
    return schema;
}

} // namespace

AgentActions::AgentActions()
{
    const auto add = [this](const char *name, Kind kind, const char *description, const QJsonObject &schema,
                            ProcessMessage (*decode)(const QJsonObject &),
                            void (*apply)(const ProcessMessage &, Call &)) {
        m_actions.append({QString::fromLatin1(name), kind, QString::fromLatin1(description), schema, decode, apply});
    };
    add("progress", Kind::Progress, "Report how far the goal is (0-100) and/or the current step.",
        arguments({{QStringLiteral("progress"), property("number", "percent done, 0-100")},
                   {QStringLiteral("step"), property("string", "what the agent is doing now")}}),
        decodeProgress, applyProgress);
    add("log", Kind::Log, "Write a line to the agent's log.",
        arguments({{QStringLiteral("text"), property("string", "the line")}}, {QStringLiteral("text")}), decodeLog,
        applyLog);
    add("usage", Kind::Usage, "Add tokens and cost spent on model calls.",
        arguments({{QStringLiteral("input_tokens"), property("integer", "input tokens to add")},
                   {QStringLiteral("output_tokens"), property("integer", "output tokens to add")},
                   {QStringLiteral("cost_usd"), property("number", "cost to add, in US dollars")}}),
        decodeUsage, applyUsage);
    add("result", Kind::Result, "Declare the goal done, with a summary of the outcome.",
        arguments({{QStringLiteral("summary"), property("string", "what was done")}}, {QStringLiteral("summary")}),
        decodeResult, applyResult);
    add("error", Kind::Error, "Say why the attempt is failing and of which kind (for retry decisions).",
        arguments({{QStringLiteral("message"), property("string", "what went wrong")},
                   {QStringLiteral("kind"), property("string", "error kind, e.g. exit, rate_limit, invalid")}},
                  {QStringLiteral("message")}),
        decodeError, applyError);
    add("heartbeat", Kind::Heartbeat, "Prove the agent is alive without other output (resets the idle timeout).",
        arguments({}), decodeHeartbeat, applyHeartbeat);
    add("rate_limited", Kind::RateLimited, "Report a rate limit: dispatch for this profile pauses.",
        arguments({{QStringLiteral("retry_after_s"), property("number", "seconds to pause (default 60)")}}),
        decodeRateLimited, applyRateLimited);
    add("score", Kind::Score, "Report an improvement score; stalled scores stop the attempt.",
        arguments({{QStringLiteral("value"), property("number", "the score, higher is better")}},
                  {QStringLiteral("value")}),
        decodeScore, applyScore);
    add("iteration", Kind::Iteration, "Report one iteration's output (loops are detected) and optionally its score.",
        arguments({{QStringLiteral("output"), property("string", "the iteration's output")},
                   {QStringLiteral("score"), property("number", "its score")}},
                  {QStringLiteral("output")}),
        decodeIteration, applyIteration);
    add("handoff", Kind::Handoff, "Pipeline mode: hand data to dependent goals before finishing.",
        arguments({{QStringLiteral("data"), QJsonObject{{QStringLiteral("description"),
                                                         QStringLiteral("what dependents receive (any JSON)")}}}},
                  {QStringLiteral("data")}),
        decodeHandoff, applyHandoff);
    add("lock", Kind::Lock, "Lock shared resources (all or nothing); replies lock_granted or lock_denied.",
        arguments({{QStringLiteral("resources"), stringList("resources to lock, e.g. file paths or db:name")},
                   {QStringLiteral("timeout_s"), property("number", "0: answer now; absent or < 0: wait")}},
                  {QStringLiteral("resources")}),
        decodeLock, applyLock);
    add("unlock", Kind::Unlock, "Release locked resources (all of this agent's when none are named).",
        arguments({{QStringLiteral("resources"), stringList("resources to release")}}), decodeUnlock, applyUnlock);
    add("escalate", Kind::Escalate, "Ask the human a question and wait for the answer (replies answer).",
        arguments({{QStringLiteral("id"), property("string", "the question's id, repeated in the answer")},
                   {QStringLiteral("question"), property("string", "the question")},
                   {QStringLiteral("context"), property("string", "what the human needs to know")},
                   {QStringLiteral("trigger"),
                    property("string", "architecture, security, data, clarification, permission, failure or other")},
                   {QStringLiteral("options"), property("array", "answers to choose from: strings or {key, label}")},
                   {QStringLiteral("timeout_s"), property("number", "seconds to wait; 0: no limit")},
                   {QStringLiteral("on_timeout"), property("string", "fail, cancel or default")},
                   {QStringLiteral("default"), property("string", "the option taken on timeout")}},
                  {QStringLiteral("question")}),
        decodeEscalate, applyEscalate);
    add("note", Kind::Note, "Write a note to the run's shared scratchpad (replaces the key's text).",
        arguments({{QStringLiteral("key"), property("string", "the note's key")},
                   {QStringLiteral("text"), property("string", "the note")}},
                  {QStringLiteral("key"), QStringLiteral("text")}),
        decodeNote, applyNote);
    add("read_notes", Kind::ReadNotes, "Read notes from the run's shared scratchpad (replies notes).",
        arguments({{QStringLiteral("keys"), stringList("keys to read; absent: every note")}}), decodeReadNotes,
        applyReadNotes);
    add("delegate", Kind::Delegate,
        "A team's planner: hand one step to one of its workers (replies delegate_refused when it cannot). The steps "
        "run after this turn; their results come back in the next one.",
        arguments({{QStringLiteral("worker"), property("string", "the worker's profile name")},
                   {QStringLiteral("task"), property("string", "what the worker should do, self-contained")}},
                  {QStringLiteral("worker"), QStringLiteral("task")}),
        decodeDelegate, applyDelegate);
}

const AgentActions &AgentActions::standard()
{
    static const AgentActions actions;
    return actions;
}

const AgentActions::Action *AgentActions::find(const QString &name) const
{
    for (const Action &action : m_actions) {
        if (action.name == name)
            return &action;
    }
    return nullptr;
}

const AgentActions::Action *AgentActions::find(ProcessMessage::Kind kind) const
{
    for (const Action &action : m_actions) {
        if (action.kind == kind)
            return &action;
    }
    return nullptr;
}

QJsonArray AgentActions::toolDescriptions() const
{
    QJsonArray tools;
    for (const Action &action : m_actions) {
        tools.append(QJsonObject{{QStringLiteral("name"), action.name},
                                 {QStringLiteral("description"), action.description},
                                 {QStringLiteral("parameters"), action.schema}});
    }
    return tools;
}

ProcessMessage AgentActions::decode(const QString &name, const QJsonObject &arguments) const
{
    const Action *action = find(name);
    if (!action) {
        // Quoted, not repeated whole: the type is the agent's text, of any length.
        const QString shown = name.size() > MaxQuotedChars ? name.left(MaxQuotedChars) + QStringLiteral("…") : name;
        return ProcessMessage::malformed(QStringLiteral("unknown message type \"%1\"").arg(shown));
    }
    if (arguments.value(u"type").toString() == name)
        return action->decode(arguments);
    // Messages name themselves in some errors ("score message needs ...").
    QJsonObject named = arguments;
    named.insert(u"type", name);
    return action->decode(named);
}

void AgentActions::apply(const ProcessMessage &message, Call &call) const
{
    if (const Action *action = find(message.kind))
        action->apply(message, call);
}

QString AgentActions::invoke(const QString &name, const QJsonObject &arguments, Call &call) const
{
    const ProcessMessage message = decode(name, arguments);
    if (message.kind == Kind::Malformed)
        return message.text;
    apply(message, call);
    return {};
}

EscalationInbox::Request AgentActions::escalationRequest(const QJsonObject &object)
{
    EscalationInbox::Request request;
    const QString trigger = object.value(u"trigger").toString(QStringLiteral("other"));
    request.trigger = escalationTriggerFromString(trigger).value_or(Escalation::Trigger::Other);
    request.question = object.value(u"question").toString();
    request.context = object.value(u"context").toString();
    for (const QJsonValue &option : object.value(u"options").toArray()) {
        if (option.isObject()) {
            const QJsonObject o = option.toObject();
            const QString key = o.value(u"key").toString(o.value(u"label").toString());
            request.options.append({key, o.value(u"label").toString(key)});
        } else {
            const QString text = option.toVariant().toString();
            request.options.append({text, text});
        }
    }
    const double timeoutS = object.value(u"timeout_s").toDouble(0);
    request.timeout = std::chrono::milliseconds(qint64(qMax(0.0, timeoutS) * 1000.0));
    const QString onTimeout = object.value(u"on_timeout").toString(QStringLiteral("fail"));
    request.timeoutPolicy =
        escalationTimeoutPolicyFromString(onTimeout == u"default" ? QStringLiteral("take_default") : onTimeout)
            .value_or(Escalation::TimeoutPolicy::Fail);
    request.defaultOption = object.value(u"default").toString();
    return request;
}

QString AgentActions::logText(QByteArrayView bytes, qint64 droppedBytes)
{
    if (bytes.size() <= MaxLogLineBytes && droppedBytes == 0)
        return QString::fromUtf8(bytes);
    const qint64 dropped = droppedBytes + qMax<qint64>(0, bytes.size() - MaxLogLineBytes);
    return QString::fromUtf8(bytes.first(qMin(bytes.size(), MaxLogLineBytes))) +
           QStringLiteral(" … [line truncated: %1 more bytes]").arg(dropped);
}

} // namespace switchboard
