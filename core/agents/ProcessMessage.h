#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace switchboard {

// One line of a process agent's stdout, decoded: a protocol message (docs/PROTOCOL.md), a plain text
// line, or a message that looked like JSON but was malformed (text then says what was wrong).
struct ProcessMessage
{
    enum class Kind
    {
        Text,      // not JSON: goes to the log as-is
        Progress,  // progress and/or step
        Log,       // text
        Usage,     // tokens and cost to add
        Result,    // text = summary
        Malformed, // text = what was wrong
    };

    Kind kind = Kind::Text;
    QString text;
    std::optional<int> progress; // 0..100
    std::optional<QString> step;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    double costUsd = 0.0;

    // A line is a message when its first non-blank character is '{'.
    static bool looksLikeMessage(QByteArrayView line);
    static ProcessMessage parse(QByteArrayView line);
    static ProcessMessage malformed(const QString &reason);
};

} // namespace switchboard
