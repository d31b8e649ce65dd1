#include "GuiOptions.h"

#include "cli/Cli.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace switchboard {

bool GuiOptions::isHeadless(const QStringList &arguments)
{
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == u"-h" || arg == u"--help" || arg == u"--help-all" || arg == u"-v" || arg == u"--version")
            return true;
    }
    return arguments.size() > 1 && Cli::isCommand(arguments.at(1));
}

GuiOptions GuiOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("config"), QString(), QStringLiteral("file")});
    parser.addOption({QStringLiteral("lang"), QString(), QStringLiteral("code")});
    parser.addOption({QStringLiteral("max-parallel"), QString(), QStringLiteral("n")});
    parser.addOption({QStringLiteral("db"), QString(), QStringLiteral("path")});
    parser.parse(arguments); // unknown options (Qt's own -style etc.) are left to QApplication
    GuiOptions options;
    options.m_configPath = parser.value(QStringLiteral("config"));
    options.m_language = parser.value(QStringLiteral("lang"));
    options.m_databasePath = parser.value(QStringLiteral("db"));
    options.m_maxParallel = parser.value(QStringLiteral("max-parallel")).toInt();
    // Qt's own options (-platform, -style ...) never get here as positionals: QApplication took them out of argv.
    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty())
        options.m_planFile = QFileInfo(positional.constFirst()).absoluteFilePath();
    return options;
}

} // namespace switchboard
