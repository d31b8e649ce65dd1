#pragma once

#include <QString>
#include <QStringList>

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
        PlanNotMade = 3, // plan --objective: the model's plan broke the plan rules, or the model call failed
        Interrupted = 130,
    };

    // Runs `switchboard ...` headless (argv including the program): --help, --version or a command.
    static int exec(const QStringList &arguments);
    // Whether `switchboard name ...` is a headless command.
    static bool isCommand(const QString &name);
    // The text of --help, also printed after an invalid command line.
    static QString helpText();
};

} // namespace switchboard
