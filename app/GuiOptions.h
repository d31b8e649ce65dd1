#pragma once

#include <QString>
#include <QStringList>

namespace switchboard {

// The dashboard's own command line (--config, --db, --lang, --max-parallel), and whether a command line is for
// the dashboard at all or for the headless CLI (a command, --help or --version). Only main() reads it.
class GuiOptions final
{
public:
    // True when these arguments (argv including the program) need no GUI: a command (Cli::isCommand),
    // --help or --version. main() then creates a QCoreApplication and calls Cli::exec().
    static bool isHeadless(const QStringList &arguments);
    // The dashboard's options; anything else (Qt's own -style, -platform ...) is left to QApplication.
    static GuiOptions parse(const QStringList &arguments);

    const QString &configPath() const { return m_configPath; }     // --config; empty = the default config
    const QString &language() const { return m_language; }         // --lang; empty = the system's
    const QString &databasePath() const { return m_databasePath; } // --db; empty = Store::defaultPath()
    int maxParallel() const { return m_maxParallel; }              // --max-parallel; 0 = the config's

private:
    QString m_configPath;
    QString m_language;
    QString m_databasePath;
    int m_maxParallel = 0;
};

} // namespace switchboard
