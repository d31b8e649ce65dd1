#include "Command.h"

#include "AgentsCommand.h"
#include "Cli.h"
#include "Console.h"
#include "DiffCommand.h"
#include "DiscardCommand.h"
#include "MergeCommand.h"
#include "ModelsCommand.h"
#include "PlanCommand.h"
#include "RecoverCommand.h"
#include "ReportCommand.h"
#include "ResumeCommand.h"
#include "ReviewCommand.h"
#include "RunCommand.h"
#include "StatusCommand.h"
#include "config/PlanLoader.h"
#include "persistence/Store.h"
#include "session/RunSession.h"

#include <QCommandLineParser>

#include <algorithm>

namespace switchboard {

Command::Command(QString name, QString description, Positional positional, QString usageError,
                 QList<QCommandLineOption> options)
    : m_name(std::move(name))
    , m_description(std::move(description))
    , m_positional(positional)
    , m_usageError(std::move(usageError))
    , m_options(std::move(options))
{}

Command::~Command() = default;

const std::vector<std::unique_ptr<Command>> &Command::all()
{
    static const std::vector<std::unique_ptr<Command>> commands = [] {
        std::vector<std::unique_ptr<Command>> table;
        table.push_back(std::make_unique<PlanCommand>());
        table.push_back(std::make_unique<RunCommand>());
        table.push_back(std::make_unique<StatusCommand>());
        table.push_back(std::make_unique<ResumeCommand>());
        table.push_back(std::make_unique<ReportCommand>());
        table.push_back(std::make_unique<ModelsCommand>());
        table.push_back(std::make_unique<AgentsCommand>());
        table.push_back(std::make_unique<RecoverCommand>());
        table.push_back(std::make_unique<ReviewCommand>());
        table.push_back(std::make_unique<DiffCommand>());
        table.push_back(std::make_unique<MergeCommand>());
        table.push_back(std::make_unique<DiscardCommand>());
        return table;
    }();
    return commands;
}

Command *Command::find(const QString &name)
{
    for (const std::unique_ptr<Command> &command : all()) {
        if (command->name() == name)
            return command.get();
    }
    return nullptr;
}

int Command::execute(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions(m_options);
    QString error;
    if (!parser.parse(arguments))
        error = parser.errorText();
    else if (m_positional != Positional::AnyFiles &&
             parser.positionalArguments().size() != (m_positional == Positional::OneFile ? 2 : 1))
        error = m_usageError;
    if (!error.isEmpty()) {
        return printUsageError(error);
    }
    return executeParsed(parser);
}

int Command::printUsageError(const QString &error) const
{
    Console::printError(QStringLiteral("error: %1\n\n%2").arg(error, Cli::helpText()));
    return Cli::InvalidInput;
}

bool Command::loadConfig(RunSession &session, const QString &configPath)
{
    ConfigError error;
    const bool loaded = session.loadConfig(configPath, &error);
    if (!session.configWarning().isEmpty())
        Console::printError(QStringLiteral("warning: %1").arg(session.configWarning()));
    if (!loaded)
        Console::printError(QStringLiteral("error: %1").arg(error.toString()));
    return loaded;
}

std::optional<Plan> Command::loadPlan(RunSession &session, const QString &planPath, const QString &configPath)
{
    if (!loadConfig(session, configPath))
        return std::nullopt;
    Console::printWarnings(session.config().warnings);
    ConfigError error;
    std::optional<Plan> plan = PlanLoader::loadFile(planPath, session.config(), &error);
    if (!plan) {
        Console::printError(QStringLiteral("error: %1").arg(error.toString()));
        return std::nullopt;
    }
    Console::printWarnings(plan->warnings);
    return plan;
}

bool Command::openStore(RunSession &session, const QCommandLineParser &parser)
{
    // One owner per database: a second writer is refused with the store's message (who holds it).
    // Commands without --check never see it set: optionNames() lists only what the command line holds.
    if (parser.optionNames().contains(QStringLiteral("check")))
        session.setIntegrityCheck(StoreIntegrity::Level::Full);
    const RunSession::StoreOutcome outcome = session.openStore(parser.value(QStringLiteral("db")));
    if (outcome == RunSession::StoreOutcome::ReadWrite) {
        for (const QString &note : session.orphanNotes())
            Console::printError(QStringLiteral("note: %1").arg(note));
        return true;
    }
    Console::printError(QStringLiteral("error: %1").arg(session.storeError()));
    if (outcome == RunSession::StoreOutcome::InUse)
        Console::printError(QStringLiteral("hint: `switchboard status --db %1` shows its progress read-only")
                                .arg(session.databasePath()));
    return false;
}

bool Command::openStoreReadOnly(RunSession &session, const QCommandLineParser &parser)
{
    // Commands without --check never see it set: optionNames() lists only what the command line holds.
    if (parser.optionNames().contains(QStringLiteral("check")))
        session.setIntegrityCheck(StoreIntegrity::Level::Full);
    if (session.openStoreReadOnly(parser.value(QStringLiteral("db"))) == RunSession::StoreOutcome::ReadOnly)
        return true;
    Console::printError(QStringLiteral("error: %1").arg(session.storeError()));
    return false;
}

bool Command::pickRun(const Store &store, const QCommandLineParser &parser, const QString &noRunsError,
                      std::optional<RunRecord> *run)
{
    const QString id = parser.value(QStringLiteral("run"));
    run->reset();
    QString error;
    const QList<RunRecord> runs = store.runs(&error);
    if (!error.isEmpty()) {
        // Never "no runs" for a database that cannot be read.
        Console::printError(QStringLiteral("error: %1: %2").arg(store.path(), error));
        return false;
    }
    if (id.isEmpty()) {
        if (!runs.isEmpty())
            *run = runs.constLast();
    } else {
        const auto named = std::find_if(runs.cbegin(), runs.cend(), [&id](const RunRecord &r) { return r.id == id; });
        if (named != runs.cend())
            *run = *named;
    }
    if (*run)
        return true;
    if (parser.isSet(QStringLiteral("run"))) {
        Console::printError(QStringLiteral("error: %1: no run '%2'").arg(store.path(), id));
        return false;
    }
    if (noRunsError.isEmpty())
        return true;
    Console::printError(QStringLiteral("error: %1: %2").arg(store.path(), noRunsError));
    return false;
}

} // namespace switchboard
