#include "RecoverCommand.h"

#include "Cli.h"
#include "Console.h"
#include "persistence/Store.h"
#include "persistence/StoreRecovery.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <cstdio>

namespace switchboard {

RecoverCommand::RecoverCommand()
    : Command(QStringLiteral("recover"), QStringLiteral("copy what can be read of a damaged database into a new file"),
              Positional::OneFile, QStringLiteral("recover takes exactly one DB (the damaged database)"),
              {{QStringLiteral("out"), QString(), QStringLiteral("file")}})
{}

int RecoverCommand::executeParsed(const QCommandLineParser &parser)
{
    const QString source = parser.positionalArguments().at(1);
    StoreRecovery::Report report;
    QString error;
    if (!StoreRecovery::recover(source, parser.value(QStringLiteral("out")), &report, &error)) {
        Console::printError(QStringLiteral("error: %1").arg(error));
        return Cli::InvalidInput;
    }
    QTextStream out(stdout);
    for (const StoreRecovery::TableReport &table : std::as_const(report.tables)) {
        QString line = QStringLiteral("  %1 %2 rows").arg(table.table, -14).arg(table.copied, 8);
        if (table.rejected > 0)
            line += QStringLiteral(", %1 refused").arg(table.rejected);
        if (table.unreadable > 0)
            line += QStringLiteral(", %1 unreadable range(s): %2").arg(table.unreadable).arg(table.firstError);
        out << line << '\n';
    }
    // The new file must pass the full check before anyone is told to use it.
    Store check;
    check.setIntegrityCheck(StoreIntegrity::Level::Full);
    if (!check.openReadOnly(report.target, &error)) {
        Console::printError(QStringLiteral("error: the recovered database does not open: %1").arg(error));
        return Cli::InvalidInput;
    }
    out << QStringLiteral("Recovered %1 rows of %2 into %3%4\n")
               .arg(report.copied())
               .arg(report.source, report.target,
                    report.unreadable() > 0 ? QStringLiteral(" (the unreadable parts are lost)") : QString());
    out << QStringLiteral("Use it with --db %1 (the damaged file was not changed)\n").arg(report.target);
    return Cli::Success;
}

} // namespace switchboard
