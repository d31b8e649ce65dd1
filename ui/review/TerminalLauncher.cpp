#include "review/TerminalLauncher.h"

#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>

namespace switchboard {

QString TerminalLauncher::terminalProgram()
{
    // $TERMINAL may name a program on PATH or give its path; arguments in it are not supported (no shell).
    const QString fromEnv = QProcessEnvironment::systemEnvironment().value(QStringLiteral("TERMINAL")).trimmed();
    if (!fromEnv.isEmpty()) {
        const QFileInfo info(fromEnv);
        if (info.isAbsolute())
            return info.isExecutable() ? fromEnv : QString();
        return QStandardPaths::findExecutable(fromEnv);
    }
    return QStandardPaths::findExecutable(QStringLiteral("x-terminal-emulator"));
}

bool TerminalLauncher::open(const QString &directory, QString *error)
{
    const QString program = terminalProgram();
    if (program.isEmpty()) {
        if (error)
            *error = tr("No terminal found: set $TERMINAL to your terminal program, or install one that "
                        "provides x-terminal-emulator.");
        return false;
    }
    if (!QFileInfo(directory).isDir()) {
        if (error)
            *error = tr("The folder %1 does not exist any more.").arg(directory);
        return false;
    }
    if (!QProcess::startDetached(program, {}, directory)) {
        if (error)
            *error = tr("Could not start %1.").arg(program);
        return false;
    }
    return true;
}

} // namespace switchboard
