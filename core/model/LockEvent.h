#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <optional>

namespace switchboard {

// One thing that happened to one lock, for the headless event stream (the CLI prints
// `lock {resource, agent, action, token}` lines) and for the store's audit trail.
struct LockEvent
{
    enum class Action
    {
        Acquired,
        Released,
        Expired, // the lease ran out; the holder lost the lock
        Denied,  // a request failed (busy, timed out, cancelled, invalid, would deadlock)
        Forced,  // a human released it; the holder lost the lock
    };

    QString resource;
    QString agentId;
    Action action = Action::Acquired;
    quint64 token = 0; // the grant's fencing token; 0 for Denied
    QString reason;    // why, for Denied (empty otherwise)

    // {"resource":..., "agent":..., "action":"acquired", "token":42[, "reason":...]}
    QJsonObject toJson() const;

    friend bool operator==(const LockEvent &, const LockEvent &) = default;
};

QString lockActionToString(LockEvent::Action action);
std::optional<LockEvent::Action> lockActionFromString(const QString &text);

} // namespace switchboard

Q_DECLARE_METATYPE(switchboard::LockEvent)
