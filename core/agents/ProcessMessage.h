#pragma once

#include <QByteArrayView>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace switchboard {

// One line of a process agent's stdout, decoded: a protocol message (docs/PROTOCOL.md), a plain text
// line, or a message that looked like JSON but was malformed (text then says what was wrong).
struct ProcessMessage
{
    enum class Kind
    {
        Text,        // not JSON: goes to the log as-is
        Progress,    // progress and/or step
        Log,         // text
        Usage,       // tokens and cost to add
        Result,      // text = summary
        Error,       // text = message, errorKind = kind (for retry decisions)
        Heartbeat,   // proof of life
        RateLimited, // number = retry_after_s
        Score,       // number = value
        Iteration,   // text = the iteration's output; number = score when hasNumber
        Handoff,     // text = data (JSON text)
        Lock,        // resources, number = timeout_s (-1: wait until granted)
        Unlock,      // resources (empty: all)
        Escalate,    // object = the message
        Note,        // object.key / text = the note for the run's scratchpad
        ReadNotes,   // resources = the keys to read (empty: every note)
        Delegate,    // a team planner's step: object.worker, text = the task
        Malformed,   // text = what was wrong
    };

    Kind kind = Kind::Text;
    QString text;
    std::optional<int> progress; // 0..100
    std::optional<QString> step;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    double costUsd = 0.0;
    double number = 0.0;
    bool hasNumber = false;
    QStringList resources;
    QString errorKind;
    QJsonObject object;

    // A line is a message when its first non-blank character is '{'.
    static bool looksLikeMessage(QByteArrayView line);
    static ProcessMessage parse(QByteArrayView line);
    static ProcessMessage malformed(const QString &reason);
};

} // namespace switchboard
