#pragma once

#include <QString>

namespace switchboard {

// What a backend's run() returns: how the attempt ended and what it produced.
struct AgentResult
{
    enum class Outcome
    {
        Completed,
        Failed,
        Cancelled,
    };

    Outcome outcome = Outcome::Completed;
    QString summary; // result summary (Completed)
    QString error;   // what went wrong (Failed)
    int exitCode = 0;

    static AgentResult completed(const QString &summary) { return {Outcome::Completed, summary, {}, 0}; }
    static AgentResult failed(const QString &error, int exitCode = -1)
    {
        return {Outcome::Failed, {}, error, exitCode};
    }
    static AgentResult cancelled() { return {Outcome::Cancelled, {}, QStringLiteral("cancelled"), 0}; }
};

} // namespace switchboard
