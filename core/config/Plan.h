#pragma once

#include "Config.h"
#include "model/Goal.h"

#include <QList>
#include <QString>

namespace switchboard {

// A plan file: a named set of goals, with optional workflow/agents sections merged over the config.
struct Plan
{
    QString file;
    QByteArray sourceText; // the YAML it was read from (stored with the run: RunSettings)
    QString name;          // "name:", or the file's base name
    QString description;   // optional "description:", shown when picking a template
    Config config;         // the base config with the plan's own sections merged in
    QList<Goal> goals;
    QList<ConfigError> warnings;
};

} // namespace switchboard
