#pragma once

#include "config/Config.h"
#include "config/ConfigError.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace switchboard {

// The headless command line: --help, --version and the commands of Command::all() (`switchboard plan|run ...`),
// dispatched by name. Uses the core only.
class Cli final
{
public:
    // Exit codes the commands return.
    enum ExitCode
    {
        Success = 0,
        SomeGoalsDidNotComplete = 1,
        InvalidInput = 2,
        Interrupted = 130,
    };

    // True when these arguments (argv including the program) need no GUI: a subcommand,
    // --help or --version. main() then creates a QCoreApplication and calls exec().
    static bool isHeadless(const QStringList &arguments);
    static int exec(const QStringList &arguments);
    // Whether `switchboard name ...` is a headless command.
    static bool isCommand(const QString &name);
    // The text of --help, also printed after an invalid command line.
    static QString helpText();

    // Options the GUI takes (also listed by --help).
    struct GuiOptions
    {
        QString configPath;
        QString language;
        QString databasePath; // --db; empty = Store::defaultPath()
        int maxParallel = 0;
    };
    static GuiOptions parseGuiOptions(const QStringList &arguments);

    // The config to use: the given file, else the default location (written from the embedded
    // default on first run). An error names file:line:column.
    static std::optional<Config> loadConfig(const QString &overridePath, ConfigError *error);
};

} // namespace switchboard
