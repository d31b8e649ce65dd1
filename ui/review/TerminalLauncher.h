#pragma once

#include <QCoreApplication>
#include <QString>

namespace switchboard {

// Opens a terminal emulator in a directory: $TERMINAL when set, else Debian's x-terminal-emulator, started
// detached with the directory as its working directory (argv, no shell string to quote).
class TerminalLauncher final
{
    Q_DECLARE_TR_FUNCTIONS(switchboard::TerminalLauncher)

public:
    // The program that would be started, or empty when there is none.
    static QString terminalProgram();
    // False with *error (a sentence for the person) when no terminal is found or it does not start.
    static bool open(const QString &directory, QString *error);
};

} // namespace switchboard
