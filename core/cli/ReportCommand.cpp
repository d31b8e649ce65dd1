#include "ReportCommand.h"

#include "Cli.h"
#include "Console.h"
#include "persistence/ReportWriter.h"
#include "persistence/Store.h"
#include "session/RunSession.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <cstdio>

namespace switchboard {

ReportCommand::ReportCommand()
    : Command(QStringLiteral("report"), QStringLiteral("a run's report, activity log or state"), Positional::None,
              QStringLiteral("report takes no FILE"),
              {{QStringLiteral("config"), QString(), QStringLiteral("file")},
               {QStringLiteral("db"), QString(), QStringLiteral("path")},
               {QStringLiteral("run"), QString(), QStringLiteral("id")},
               {QStringLiteral("format"), QString(), QStringLiteral("md|json|activity|state")}})
{}

int ReportCommand::executeParsed(const QCommandLineParser &parser)
{
    const QString formatName = parser.value(QStringLiteral("format"));
    const std::optional<ReportWriter::Format> format = ReportWriter::formatFromName(formatName);
    if (!format) {
        Console::printError(
            QStringLiteral("error: --format: expected md, json, activity or state, got '%1'").arg(formatName));
        return Cli::InvalidInput;
    }
    RunSession session;
    if (!openStoreReadOnly(session, parser))
        return Cli::InvalidInput;
    std::optional<RunRecord> run;
    if (!pickRun(session.store(), parser, QStringLiteral("no runs recorded"), &run))
        return Cli::InvalidInput;
    QString error;
    const RunHistory history = session.store().history(run->id, &error);
    if (!error.isEmpty()) {
        Console::printError(QStringLiteral("error: %1: %2").arg(session.store().path(), error));
        return Cli::InvalidInput;
    }
    QTextStream out(stdout);
    out << QString::fromUtf8(ReportWriter::render(history, *format));
    return Cli::Success;
}

} // namespace switchboard
