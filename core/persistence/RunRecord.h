#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace switchboard {

// One run as the store keeps it: a plan, or a session of spawns from the GUI or CLI. Goals and agents
// belong to exactly one run.
struct RunRecord
{
    QString id; // "r-N" (Store::nextRunId) or any caller-given id
    QString name;
    QString planFile;     // empty for a session of spawns
    int maxParallel = 0;  // the slots the run had when it started (for utilisation)
    QDateTime startedAt;  // UTC
    QDateTime finishedAt; // UTC; invalid while the run is unfinished (or was interrupted)
    QJsonObject summary;  // RunSummary::toJson() once finished; empty before
    QJsonObject settings; // what the run was started with (RunSettings::toJson()); empty for older runs

    bool isFinished() const { return finishedAt.isValid(); }

    friend bool operator==(const RunRecord &, const RunRecord &) = default;
};

} // namespace switchboard
