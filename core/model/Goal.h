#pragma once

#include "Priority.h"
#include "RetryPolicy.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace switchboard {

// A unit of work handed to one agent: what to do, how urgent, what it needs and what it waits for.
struct Goal
{
    QString id; // user-given in plans; generated "g-N" otherwise
    QString title;
    QString description;
    Priority priority = Priority::Medium;
    QDateTime deadline; // invalid = none
    QStringList successCriteria;
    QStringList dependsOn; // goal ids
    QStringList capabilities;
    QStringList resources;
    QString profile;                  // empty = pick the least-loaded profile with the capabilities
    std::optional<RetryPolicy> retry; // overrides the profile's
    Budget budget;

    // The goal as the process protocol and --json output show it.
    QJsonObject toJson() const;
};

} // namespace switchboard

Q_DECLARE_METATYPE(switchboard::Goal)
