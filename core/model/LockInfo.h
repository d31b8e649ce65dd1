#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace switchboard {

// One row of the Locks table: a resource, who holds it under which fencing token until when, and who
// waits for it. A resource nobody holds appears only while a request queued behind another waits for it.
struct LockInfo
{
    QString resource;     // normalised: "src/a.py", ".", or a named resource such as "db:schema"
    QString agentId;      // holder; empty when nobody holds it (waiters only)
    QString goalId;       // the holder's goal, as given to acquire()
    QDateTime acquiredAt; // UTC
    QDateTime expiresAt;  // UTC; invalid when leases never expire (ttl 0)
    quint64 token = 0;    // fencing token of the grant; grows with every grant, never reused
    QStringList waiters;  // agent ids waiting for this resource (or one overlapping it), in arrival order

    bool isHeld() const { return !agentId.isEmpty(); }
    QJsonObject toJson() const;

    friend bool operator==(const LockInfo &, const LockInfo &) = default;
};

} // namespace switchboard

Q_DECLARE_METATYPE(switchboard::LockInfo)
