#pragma once

#include "ConfigError.h"
#include "Plan.h"
#include "agents/BackendRegistry.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace switchboard {

// Reads a plan file: name, optional workflow/agents sections merged over the base config, and goals.
// Validates ids, duplicates, dependency references and cycles, priorities, deadlines, profiles, conditions and
// team patterns, reporting file:line:column.
class PlanLoader final
{
public:
    // The plan's own profiles are checked by the registry: each backend must be there and accept the profile.
    static std::optional<Plan> loadFile(const QString &path, const Config &base, ConfigError *error,
                                        const BackendRegistry &backends);
    static std::optional<Plan> loadString(const QByteArray &yaml, const QString &fileName, const Config &base,
                                          ConfigError *error, const BackendRegistry &backends);
    // Against BackendRegistry::forNames(knownBackends): the built-in backends, or only these names.
    static std::optional<Plan> loadFile(const QString &path, const Config &base, ConfigError *error,
                                        const QStringList &knownBackends = {});
    static std::optional<Plan> loadString(const QByteArray &yaml, const QString &fileName, const Config &base,
                                          ConfigError *error, const QStringList &knownBackends = {});
    // Embedded templates as resource paths (":/plans/full_stack.yaml", ...), sorted by name.
    static QStringList templates();
};

} // namespace switchboard
