#pragma once

#include <QString>
#include <QStringList>

namespace switchboard {

// The dashboard's own command line (--config, --db, --lang, --max-parallel, a plan FILE), and whether a command line is
// for the dashboard at all or for the headless CLI (a command, --help or --version). Only main() reads it.
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
    // `switchboard FILE`: a plan file to open in the Run plan dialog once the window is up (the desktop file's
    // "Open with"); empty = none. Made absolute against the current directory.
    const QString &planFile() const { return m_planFile; }

private:
    QString m_configPath;
    QString m_language;
    QString m_databasePath;
    int m_maxParallel = 0;
    QString m_planFile;
};

} // namespace switchboard
