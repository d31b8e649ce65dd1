#pragma once

#include "Config.h"
#include "ConfigError.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace switchboard {

struct Plan;

// What a run was started with, stored with the run (Orchestrator::setRunSettings, RunRecord::settings): the
// config and plan text as they were loaded, so a restarted app or `switchboard resume` continues the run on
// the same profiles, max_parallel, mode and workspace even when the files have changed or are gone since.
struct RunSettings
{
    QString configFile;    // empty: the built-in defaults
    QByteArray configText; // the YAML the config was read from
    QString planFile;      // empty for a session of spawns
    QByteArray planText;
    // Filled in by the orchestrator when the run is recorded (what was in effect then).
    QString workspace;
    int maxParallel = 0;
    QString mode;

    static RunSettings fromConfig(const Config &config);
    static RunSettings fromPlan(const Plan &plan);
    static RunSettings fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    bool isEmpty() const { return configText.isEmpty() && planText.isEmpty(); }

    // The config the run had: the stored config text (or the built-in defaults) with the plan's sections
    // merged over it. Errors name the original file (the text is what it held when the run started).
    std::optional<Config> effectiveConfig(ConfigError *error = nullptr) const;
};

} // namespace switchboard
