#include "ScriptedBackend.h"

#include "AgentJournal.h"
#include "agents/AgentContext.h"

#include <chrono>
#include <optional>

namespace switchboard::test {

namespace {
EscalationInbox::Request question(const QString &trigger, const QString &text, bool withOptions)
{
    EscalationInbox::Request request;
    request.trigger = escalationTriggerFromString(trigger).value_or(Escalation::Trigger::Other);
    request.question = text;
    request.context = QStringLiteral("The goal does not say.");
    if (withOptions) {
        request.options = {{QStringLiteral("pg"), QStringLiteral("PostgreSQL")},
                           {QStringLiteral("sqlite"), QStringLiteral("SQLite")}};
    }
    return request;
}

// "\n" in a script's text stands for a line break (the script itself is one command per line).
TranscriptEntry step(TranscriptEntry::Kind kind, QString text)
{
    TranscriptEntry entry;
    entry.kind = kind;
    entry.text = text.replace(QStringLiteral("\\n"), QStringLiteral("\n"));
    return entry;
}

// Runs one line of the script; the result that ends the attempt, or nothing to go on.
std::optional<AgentResult> play(AgentContext &ctx, const QString &line, QString *summary)
{
    const QStringList w = line.split(QLatin1Char(' '));
    const QString &command = w.first();
    const QString rest = line.section(QLatin1Char(' '), 1);
    if (command == u"log") {
        ctx.log(rest);
    } else if (command == u"progress") {
        ctx.setProgress(w.value(1).toInt(), line.section(QLatin1Char(' '), 2));
    } else if (command == u"usage") {
        ctx.addUsage(w.value(1).toLongLong(), w.value(2).toLongLong(), w.value(3).toDouble());
    } else if (command == u"sleep") {
        ctx.sleepFor(std::chrono::milliseconds(w.value(1).toInt()));
    } else if (command == u"hang") {
        while (ctx.sleepFor(std::chrono::milliseconds(50))) {
        }
    } else if (command == u"heartbeat") {
        for (int t = 0; t < w.value(1).toInt() && !ctx.isCancelled(); t += 100) {
            ctx.heartbeat();
            ctx.sleepFor(std::chrono::milliseconds(100));
        }
    } else if (command == u"iterate") {
        ctx.recordIteration(w.value(1));
    } else if (command == u"score") {
        ctx.recordScore(w.value(1).toDouble());
    } else if (command == u"ratelimit") {
        ctx.reportRateLimit(w.value(1).toDouble());
    } else if (command == u"handoff") {
        ctx.handoff(w.value(1));
    } else if (command == u"lock") {
        const auto timeout = std::chrono::milliseconds(w.value(2, QStringLiteral("-1")).toInt());
        const LockManager::Result r = ctx.acquireLocks({w.value(1)}, timeout);
        if (!r.ok()) {
            return ctx.isCancelled() ? AgentResult::cancelled()
                                     : AgentResult::failed(QStringLiteral("lock denied: ") + r.error);
        }
        ctx.log(QStringLiteral("locked %1 token %2").arg(w.value(1)).arg(r.token));
    } else if (command == u"ask" || command == u"ask-free") {
        const EscalationInbox::Outcome outcome =
            ctx.escalate(question(w.value(1), line.section(QLatin1Char(' '), 2), command == u"ask"));
        if (!outcome.isAnswered())
            return ctx.isCancelled() ? AgentResult::cancelled() : AgentResult::failed(outcome.error);
        *summary = QStringLiteral("chose ") + outcome.option + QLatin1Char(' ') + outcome.text;
    } else if (command == u"spam") {
        for (int i = 0; i < w.value(1).toInt(); ++i)
            ctx.log(QStringLiteral("line %1").arg(i));
    } else if (command == u"say") {
        bool known = false;
        const TranscriptEntry::Kind kind = transcriptKindFromName(w.value(1), &known);
        if (!known)
            return AgentResult::failed(QStringLiteral("unknown transcript kind: ") + w.value(1));
        ctx.recordTranscript(step(kind, line.section(QLatin1Char(' '), 2)));
    } else if (command == u"reply") {
        TranscriptEntry entry = step(TranscriptEntry::Kind::Assistant, line.section(QLatin1Char(' '), 4));
        entry.inputTokens = w.value(1).toLongLong();
        entry.outputTokens = w.value(2).toLongLong();
        entry.costUsd = w.value(3).toDouble();
        ctx.addUsage(entry.inputTokens, entry.outputTokens, entry.costUsd);
        ctx.recordTranscript(entry);
    } else if (command == u"tool") {
        TranscriptEntry entry = step(TranscriptEntry::Kind::ToolCall, line.section(QLatin1Char(' '), 3));
        entry.toolCallId = w.value(1);
        entry.toolName = w.value(2);
        ctx.recordTranscript(entry);
    } else if (command == u"tool-result" || command == u"tool-error" || command == u"big-result") {
        TranscriptEntry entry = step(TranscriptEntry::Kind::ToolResult, line.section(QLatin1Char(' '), 2));
        entry.toolCallId = w.value(1);
        entry.isError = command == u"tool-error";
        if (command == u"big-result") {
            const int bytes = qMax(2, w.value(2).toInt());
            entry.text = u'<' + QString(bytes - 2, u'x') + u'>';
        }
        ctx.recordTranscript(entry);
    } else if (command == u"steps") {
        for (int i = 0; i < w.value(1).toInt(); ++i)
            ctx.recordTranscript(step(TranscriptEntry::Kind::Assistant, QStringLiteral("step %1").arg(i)));
    } else if (command == u"summary") {
        *summary = rest;
    } else if (command == u"fail") {
        return AgentResult::failed(rest);
    } else if (command == u"fail-first") {
        if (ctx.attempt() == 1)
            return AgentResult::failed(rest);
    } else if (command == u"fail-until") {
        if (ctx.attempt() < w.value(1).toInt()) {
            return AgentResult::failed(QStringLiteral("attempt %1 failed").arg(ctx.attempt()), 1,
                                       w.value(2, QStringLiteral("exit")));
        }
    } else {
        return AgentResult::failed(QStringLiteral("unknown script command: ") + line);
    }
    return std::nullopt;
}
} // namespace

ScriptedBackend::ScriptedBackend(AgentJournal *journal)
    : m_journal(journal)
{}

AgentResult ScriptedBackend::run(AgentContext &context)
{
    const QString goalId = context.goal().id;
    if (m_journal)
        m_journal->started(goalId, context.attempt(), context.inputs());
    QString summary = QStringLiteral("done: ") + context.goal().title;
    std::optional<AgentResult> result;
    for (const QString &line : context.goal().description.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        result = play(context, line, &summary);
        if (result || context.isCancelled())
            break;
    }
    if (m_journal)
        m_journal->ended(goalId);
    if (context.isCancelled())
        return AgentResult::cancelled(); // the runner turns a stop into a failure with its reason
    return result.value_or(AgentResult::completed(summary));
}

BackendRegistry ScriptedBackend::registry(AgentJournal *journal)
{
    BackendRegistry registry = BackendRegistry::withBuiltins();
    registry.add(QStringLiteral("scripted"),
                 [journal](const AgentProfile &) { return std::make_unique<ScriptedBackend>(journal); });
    return registry;
}

} // namespace switchboard::test
