#pragma once

#include "Config.h"
#include "ConfigError.h"
#include "agents/BackendRegistry.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace switchboard {

// Reads switchboard.yaml (the seed format loads as-is). Every error and warning names file:line:column.
class ConfigLoader final
{
public:
    // The embedded default config (:/config/switchboard.yaml): a labelled demo profile.
    static Config defaults();
    static QByteArray defaultConfigText();
    // <AppConfigLocation>/switchboard.yaml
    static QString defaultConfigPath();
    // Writes the embedded default to path unless a file is already there. False (and a message) on I/O error.
    static bool writeDefaultIfMissing(const QString &path, QString *error = nullptr);

    // Each profile is checked by the registry: its backend must be there and accept the profile.
    static std::optional<Config> loadFile(const QString &path, ConfigError *error, const BackendRegistry &backends);
    static std::optional<Config> loadString(const QByteArray &yaml, const QString &fileName, ConfigError *error,
                                            const BackendRegistry &backends);
    // Against BackendRegistry::forNames(knownBackends): the built-in backends, or only these names.
    static std::optional<Config> loadFile(const QString &path, ConfigError *error,
                                          const QStringList &knownBackends = {});
    static std::optional<Config> loadString(const QByteArray &yaml, const QString &fileName, ConfigError *error,
                                            const QStringList &knownBackends = {});
};

} // namespace switchboard
