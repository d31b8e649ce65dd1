#pragma once

#include "config/Plan.h"
#include "persistence/RunRecord.h"

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

class QCommandLineParser;

namespace switchboard {

class RunSession;
class Store;

// One headless command (`switchboard NAME ...`): its name, a one-line description, its options and execute().
// Cli dispatches through all(); a new command is one more subclass and one more line in that table.
class Command
{
    Q_DISABLE_COPY_MOVE(Command)

public:
    virtual ~Command();

    const QString &name() const { return m_name; }
    const QString &description() const { return m_description; }
    const QList<QCommandLineOption> &options() const { return m_options; }

    // Runs the command on the whole command line (the program, the command's name, then its arguments) and
    // returns the exit code (Cli::ExitCode). Invalid arguments are reported on stderr with the help.
    int execute(const QStringList &arguments);

    // The commands, in the order --help lists them.
    static const std::vector<std::unique_ptr<Command>> &all();
    // The command with this name, or null.
    static Command *find(const QString &name);

protected:
    enum class Positional
    {
        None,     // the command's name only
        OneFile,  // the command's name and one FILE
        AnyFiles, // the command checks its positional arguments itself (plan: a FILE, or --objective)
    };

    // usageError: what to say when the positional arguments do not match ("plan takes exactly one FILE").
    Command(QString name, QString description, Positional positional, QString usageError,
            QList<QCommandLineOption> options);

    // The command's work once its arguments have parsed; FILE is parser.positionalArguments().at(1).
    virtual int executeParsed(const QCommandLineParser &parser) = 0;

    // What a command line that does not fit gets: the error and the help on stderr; returns Cli::InvalidInput.
    int printUsageError(const QString &error) const;
    const QString &usageErrorText() const { return m_usageError; }

    // The preambles the commands share; each prints what went wrong on stderr and returns false/nullopt then.
    // The config: --config FILE, else the default one (its fallback warning printed).
    static bool loadConfig(RunSession &session, const QString &configPath);
    // A plan on the config (loadConfig), printing the config's and the plan's warnings.
    static std::optional<Plan> loadPlan(RunSession &session, const QString &planPath, const QString &configPath);
    // The database of --db (default: Store::defaultPath()) for recording; when another Switchboard holds it, a
    // hint to follow it read-only.
    static bool openStore(RunSession &session, const QCommandLineParser &parser);
    // The database of --db, read-only. Both opens check the database (the full check with --check, when the
    // command has that option) and refuse a damaged one.
    static bool openStoreReadOnly(RunSession &session, const QCommandLineParser &parser);
    // The run --run names, else the latest one. False when --run names no run, when the runs cannot be read, or
    // when there is none at all and noRunsError is given ("no run to resume"); *run is empty then.
    static bool pickRun(const Store &store, const QCommandLineParser &parser, const QString &noRunsError,
                        std::optional<RunRecord> *run);

private:
    const QString m_name;
    const QString m_description;
    const Positional m_positional;
    const QString m_usageError;
    const QList<QCommandLineOption> m_options;
};

} // namespace switchboard
