#include "ProtocolTools.h"

#include "ToolSchema.h"
#include "agents/AgentActions.h"
#include "agents/AgentContext.h"
#include "model/Goal.h"

#include <QJsonArray>

namespace switchboard {

namespace {

const QStringList &toolNames()
{
    static const QStringList names{QStringLiteral("ask_human"), QStringLiteral("update_progress"),
                                   QStringLiteral("add_note"),  QStringLiteral("read_notes"),
                                   QStringLiteral("finish"),    QStringLiteral("delegate")};
    return names;
}

// The AgentActions entry a tool shares its arguments with (same names, same schema).
QJsonObject actionSchema(const char *action)
{
    const AgentActions::Action *found = AgentActions::standard().find(QString::fromLatin1(action));
    Q_ASSERT(found);
    return found ? found->schema : QJsonObject();
}

QString optionText(const Escalation &escalation, const QString &key)
{
    for (const Escalation::Option &option : escalation.options) {
        if (option.key == key)
            return option.label == key ? QStringLiteral("\"%1\"").arg(key)
                                       : QStringLiteral("\"%1\" (%2)").arg(key, option.label);
    }
    return QStringLiteral("\"%1\"").arg(key);
}

} // namespace

ProtocolTools::ProtocolTools(AgentContext &context)
    : m_context(context)
{}

QList<llm::ToolSpec> ProtocolTools::specs()
{
    // The same for every agent: built once (their schemas cost ~460 k instructions per attempt, more than two of
    // w3's model calls), shared by all.
    static const QList<llm::ToolSpec> tools = build();
    return tools;
}

QList<llm::ToolSpec> ProtocolTools::build()
{
    const auto text = [](const char *description) {
        return ToolSchema::property(QStringLiteral("string"), QString::fromLatin1(description));
    };
    return {
        {QStringLiteral("ask_human"),
         QStringLiteral("Ask the human a question and wait for the answer, which comes back as this tool's result. "
                        "Ask when a decision is not yours to make or the goal is unclear; give options when the "
                        "answer is a choice."),
         ToolSchema::object({{QStringLiteral("question"), text("the question, short and self-contained")},
                             {QStringLiteral("options"),
                              ToolSchema::stringList(QStringLiteral("answers to choose from (absent: free text)"))},
                             {QStringLiteral("context"), text("what the human needs to know to answer")}},
                            {QStringLiteral("question")})},
        {QStringLiteral("update_progress"),
         QStringLiteral("Tell the human how far the goal is and what you are doing now."),
         ToolSchema::object({{QStringLiteral("percent"),
                              ToolSchema::property(QStringLiteral("number"), QStringLiteral("percent done, 0-100"))},
                             {QStringLiteral("step"), text("what you are doing now, in a few words")}},
                            {QStringLiteral("percent"), QStringLiteral("step")})},
        {QStringLiteral("add_note"),
         QStringLiteral("Write a note to the run's shared scratchpad, which other agents read (replaces the key's "
                        "earlier text)."),
         actionSchema("note")},
        {QStringLiteral("read_notes"), QStringLiteral("Read notes from the run's shared scratchpad."),
         actionSchema("read_notes")},
        {QStringLiteral("finish"),
         QStringLiteral("Declare the goal done, with a summary of what was done and where the results are. Call it "
                        "once, at the end."),
         actionSchema("result")},
    };
}

QList<llm::ToolSpec> ProtocolTools::specs(const Goal &goal)
{
    QList<llm::ToolSpec> tools = specs();
    if (!goal.member || !goal.member->mayDelegate())
        return tools;
    QJsonObject worker = ToolSchema::property(QStringLiteral("string"), QStringLiteral("the worker who does the step"));
    worker.insert(u"enum", QJsonArray::fromStringList(goal.member->workers));
    tools.append(
        {QStringLiteral("delegate"),
         QStringLiteral("Hand one step of the goal to one of your workers (%1). Call it once per step; the "
                        "steps run after you finish this turn, and their results come back to you in the "
                        "next one. Do not delegate when no more work is needed: finish with the answer.")
             .arg(goal.member->workers.join(QStringLiteral(", "))),
         ToolSchema::object({{QStringLiteral("worker"), worker},
                             {QStringLiteral("task"), ToolSchema::property(QStringLiteral("string"),
                                                                           QStringLiteral("what the worker should do, "
                                                                                          "self-contained"))}},
                            {QStringLiteral("worker"), QStringLiteral("task")})});
    return tools;
}

bool ProtocolTools::handles(const QString &name)
{
    return toolNames().contains(name);
}

QString ProtocolTools::invoke(const QString &action, const QJsonObject &arguments, QList<QJsonObject> *replies,
                              bool *hasResult, QString *summary)
{
    AgentActions::Call call{m_context,
                            [replies](const QJsonObject &message) { replies->append(message); },
                            nullptr,
                            QStringLiteral("a tool call"),
                            {}};
    const QString malformed = AgentActions::standard().invoke(action, arguments, call);
    if (hasResult)
        *hasResult = call.outcome.hasResult;
    if (summary)
        *summary = call.outcome.summary;
    return malformed;
}

ToolResult ProtocolTools::call(const QString &name, const QJsonObject &arguments)
{
    QList<QJsonObject> replies;
    if (name == u"ask_human")
        return askHuman(arguments);

    if (name == u"update_progress") {
        QJsonObject progress;
        if (arguments.contains(u"percent"))
            progress.insert(u"progress", arguments.value(u"percent"));
        if (arguments.contains(u"step"))
            progress.insert(u"step", arguments.value(u"step"));
        QString malformed = invoke(QStringLiteral("progress"), progress, &replies);
        if (!malformed.isEmpty()) {
            // The protocol's words name its own field: the model knows it as "percent".
            malformed.replace(QStringLiteral("progress message needs \"progress\""),
                              QStringLiteral("update_progress needs \"percent\""));
            malformed.replace(QStringLiteral("progress must"), QStringLiteral("percent must"));
            return ToolResult::error(QStringLiteral("update_progress: ") + malformed);
        }
        return ToolResult::ok(QStringLiteral("progress noted"));
    }

    if (name == u"add_note") {
        const QString malformed = invoke(QStringLiteral("note"), arguments, &replies);
        if (!malformed.isEmpty())
            return ToolResult::error(QStringLiteral("add_note: ") + malformed);
        for (const QJsonObject &reply : std::as_const(replies)) {
            if (reply.value(u"type").toString() == u"note_refused")
                return ToolResult::error(
                    QStringLiteral("add_note: the note was refused: %1").arg(reply.value(u"reason").toString()));
        }
        return ToolResult::ok(QStringLiteral("note \"%1\" saved").arg(arguments.value(u"key").toString()));
    }

    if (name == u"read_notes") {
        const QString malformed = invoke(QStringLiteral("read_notes"), arguments, &replies);
        if (!malformed.isEmpty())
            return ToolResult::error(malformed);
        QStringList notes;
        for (const QJsonObject &reply : std::as_const(replies)) {
            for (const QJsonValue &value : reply.value(u"notes").toArray()) {
                const QJsonObject note = value.toObject();
                notes << QStringLiteral("[%1] by %2 at %3:\n%4")
                             .arg(note.value(u"key").toString(), note.value(u"author").toString(),
                                  note.value(u"at").toString(), note.value(u"text").toString());
            }
        }
        return ToolResult::ok(notes.isEmpty() ? QStringLiteral("no notes") : notes.join(QStringLiteral("\n\n")));
    }

    if (name == u"delegate") {
        const QString malformed = invoke(QStringLiteral("delegate"), arguments, &replies);
        if (!malformed.isEmpty())
            return ToolResult::error(QStringLiteral("delegate: ") + malformed);
        for (const QJsonObject &reply : std::as_const(replies)) {
            if (reply.value(u"type").toString() == u"delegate_refused")
                return ToolResult::error(QStringLiteral("delegate: ") + reply.value(u"reason").toString());
        }
        return ToolResult::ok(QStringLiteral("step handed to %1; its result comes back after this turn")
                                  .arg(arguments.value(u"worker").toString()));
    }

    if (name == u"finish") {
        bool hasResult = false;
        QString summary;
        const QString malformed = invoke(QStringLiteral("result"), arguments, &replies, &hasResult, &summary);
        if (!malformed.isEmpty())
            return ToolResult::error(QStringLiteral("finish: ") + malformed);
        m_finished = hasResult;
        m_summary = summary;
        return ToolResult::ok(QStringLiteral("finished"));
    }

    return ToolResult::error(QStringLiteral("unknown tool \"%1\"").arg(name));
}

ToolResult ProtocolTools::askHuman(const QJsonObject &arguments)
{
    // The protocol's checks and wording for a question; its timeout and trigger fields are the protocol's,
    // the model's tool offers question, options and context only (extra fields are taken as they come).
    const ProcessMessage message = AgentActions::standard().decode(QStringLiteral("escalate"), arguments);
    if (message.kind == ProcessMessage::Kind::Malformed)
        return ToolResult::error(
            QStringLiteral("ask_human: ") +
            QString(message.text).replace(QStringLiteral("escalate message"), QStringLiteral("ask_human")));
    EscalationInbox::Request request = AgentActions::escalationRequest(arguments);
    if (!arguments.contains(u"trigger"))
        request.trigger = Escalation::Trigger::Clarification;
    const EscalationInbox::Outcome outcome = m_context.escalate(request);
    switch (outcome.status) {
    case EscalationInbox::Outcome::Status::Answered: {
        QString answer;
        if (!outcome.option.isEmpty()) {
            answer = QStringLiteral("The human chose %1.").arg(optionText(outcome.escalation, outcome.option));
            if (!outcome.text.isEmpty())
                answer += QStringLiteral(" Their note: ") + outcome.text;
        } else {
            answer = QStringLiteral("The human answered: ") + outcome.text;
        }
        if (outcome.fromPriorAnswer)
            answer += QStringLiteral(" (an answer given before to the same question)");
        if (outcome.timedOut)
            answer += QStringLiteral(" (nobody answered in time: this is the question's default)");
        return ToolResult::ok(answer);
    }
    case EscalationInbox::Outcome::Status::Cancelled:
        if (m_context.isCancelled())
            return ToolResult::error(QStringLiteral("cancelled: the agent is stopping"));
        return ToolResult::error(
            QStringLiteral("the question was withdrawn without an answer%1; decide yourself or "
                           "ask differently")
                .arg(outcome.error.isEmpty() ? QString() : QStringLiteral(" (") + outcome.error + u')'));
    case EscalationInbox::Outcome::Status::TimedOut:
        return ToolResult::error(QStringLiteral("nobody answered in time%1")
                                     .arg(outcome.error.isEmpty() ? QString() : QStringLiteral(": ") + outcome.error));
    case EscalationInbox::Outcome::Status::Rejected:
        break;
    }
    return ToolResult::error(QStringLiteral("ask_human: the question was refused: ") + outcome.error);
}

} // namespace switchboard
