#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace switchboard {

// Why an attempt failed, for retry decisions and the card's label: the kinds Switchboard itself gives.
// Stored and compared as their names (AgentResult::errorKind, AgentStatus::errorKind, retry.non_retryable),
// because an agent may report kinds of its own (the protocol's `error.kind`, e.g. "auth").
enum class ErrorKind
{
    Exit,              // "exit": the program ended with a non-zero status
    Crash,             // "crash": killed by a signal
    Spawn,             // "spawn": could not be started
    Timeout,           // "timeout": the profile's attempt timeout
    IdleTimeout,       // "idle_timeout": no output or heartbeat for too long
    Deadline,          // "deadline": the goal's deadline passed
    RateLimited,       // "rate_limited"
    Budget,            // "budget": the goal's or the run's budget
    Loop,              // "loop": the quality monitor saw the same output again
    NoImprovement,     // "no_improvement": scores stopped improving / max_iterations
    LockLost,          // "lock_lost": finished without a lock it relied on
    Invalid,           // "invalid": the goal or profile cannot run (bad resources, bad settings)
    Internal,          // "internal": an exception in a backend
    Workspace,         // "workspace": no workspace for the attempt
    EscalationTimeout, // "escalation_timeout": a question went unanswered and its policy was to fail
};

inline QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Exit:
        return QStringLiteral("exit");
    case ErrorKind::Crash:
        return QStringLiteral("crash");
    case ErrorKind::Spawn:
        return QStringLiteral("spawn");
    case ErrorKind::Timeout:
        return QStringLiteral("timeout");
    case ErrorKind::IdleTimeout:
        return QStringLiteral("idle_timeout");
    case ErrorKind::Deadline:
        return QStringLiteral("deadline");
    case ErrorKind::RateLimited:
        return QStringLiteral("rate_limited");
    case ErrorKind::Budget:
        return QStringLiteral("budget");
    case ErrorKind::Loop:
        return QStringLiteral("loop");
    case ErrorKind::NoImprovement:
        return QStringLiteral("no_improvement");
    case ErrorKind::LockLost:
        return QStringLiteral("lock_lost");
    case ErrorKind::Invalid:
        return QStringLiteral("invalid");
    case ErrorKind::Internal:
        return QStringLiteral("internal");
    case ErrorKind::Workspace:
        return QStringLiteral("workspace");
    case ErrorKind::EscalationTimeout:
        return QStringLiteral("escalation_timeout");
    }
    return QStringLiteral("exit");
}

// The kind of this name; nullopt for a kind an agent made up.
inline std::optional<ErrorKind> errorKindFromName(QStringView name)
{
    for (int i = 0; i <= static_cast<int>(ErrorKind::EscalationTimeout); ++i) {
        const auto kind = static_cast<ErrorKind>(i);
        if (name == errorKindName(kind))
            return kind;
    }
    return std::nullopt;
}

} // namespace switchboard
