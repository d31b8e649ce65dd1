#pragma once

#include "ProcessMessage.h"
#include "coordination/EscalationInbox.h"

#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

class QObject;

namespace switchboard {

class AgentContext;

// The verbs an agent uses on its context (progress, log, result, lock, escalate, note, ...): one table, each
// entry with its description, the JSON Schema of its arguments, its decoder and what it does. The process
// protocol runs its stdout messages through it; tool calls of model backends use the same entries.
class AgentActions final
{
    Q_DISABLE_COPY_MOVE(AgentActions)

public:
    // What the agent declared about its own attempt; the backend turns it into the attempt's result.
    struct Outcome
    {
        bool hasResult = false;
        QString summary;      // "result"
        QString errorMessage; // "error": why the agent is about to fail
        QString errorKind;
        QString lastOutput; // "log": the latest line of output (the summary when there is no result)
    };

    using Reply = std::function<void(const QJsonObject &message)>;

    // The caller's side of the actions it runs for one attempt.
    struct Call
    {
        AgentContext &context;
        Reply reply;                 // sends a message back to the agent, now or later on receiver's thread
        QObject *receiver = nullptr; // asynchronous replies (locks, answers) come on its thread; dropped when gone
        QString origin;              // where the current call came from, for the log: "line 12"
        Outcome outcome;
    };

    struct Action
    {
        QString name;
        ProcessMessage::Kind kind;
        QString description;
        QJsonObject schema; // JSON Schema of the arguments: {"type":"object","properties":{...},"required":[...]}
        // The arguments as a message, or Kind::Malformed with what is wrong (nothing was done).
        ProcessMessage (*decode)(const QJsonObject &arguments);
        void (*apply)(const ProcessMessage &message, Call &call);
    };

    // Longer log lines are cut, with a note of how much was dropped.
    static constexpr qsizetype MaxLogLineBytes = 8 * 1024;
    // How much of an agent's own text (an unknown type) a "malformed" reason quotes.
    static constexpr qsizetype MaxQuotedChars = 100;

    // The actions every backend offers.
    static const AgentActions &standard();

    // In table order.
    const QList<Action> &actions() const { return m_actions; }
    const Action *find(const QString &name) const;
    const Action *find(ProcessMessage::Kind kind) const;
    // [{name, description, parameters}] for a model's tool list.
    QJsonArray toolDescriptions() const;

    // The arguments of action `name` (arguments' own "type" is ignored) as a message; Kind::Malformed with
    // the reason for an unknown name or wrong arguments.
    ProcessMessage decode(const QString &name, const QJsonObject &arguments) const;
    // Does what a decoded message asks; Text and Malformed messages are ignored.
    void apply(const ProcessMessage &message, Call &call) const;
    // decode() then apply(): empty when done, else why nothing was done.
    QString invoke(const QString &name, const QJsonObject &arguments, Call &call) const;

    // The question an `escalate` message (or a model's ask_human call) asks, from its decoded arguments:
    // question, context, trigger, options (strings or {key, label}), timeout_s, on_timeout, default.
    static EscalationInbox::Request escalationRequest(const QJsonObject &arguments);
    // A line as it goes to the log: UTF-8, cut at MaxLogLineBytes with "… [line truncated: N more bytes]".
    static QString logText(QByteArrayView bytes, qint64 droppedBytes = 0);

private:
    AgentActions();

    QList<Action> m_actions;
};

} // namespace switchboard
