// Switchboard: the dashboard when started without a command, the headless CLI otherwise.
#include "MainWindow.h"
#include "StartupRestorer.h"
#include "Translations.h"
#include "cli/Cli.h"
#include "config/ConfigApplier.h"
#include "config/ConfigLoader.h"
#include "config/RunSettings.h"
#include "history/HistoryWindow.h"
#include "orchestration/Orchestrator.h"
#include "persistence/Store.h"

#include <QApplication>
#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

namespace {
void setApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Switchboard"));
    QCoreApplication::setApplicationName(QStringLiteral("switchboard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SWITCHBOARD_VERSION));
}

QStringList rawArguments(int argc, char *argv[])
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    return args;
}

// Another Switchboard owns the database: offer to follow its history read-only (nothing is ever written),
// or quit. Returns the exit code.
int offerReadOnlyHistory(switchboard::Store &store, const QString &databasePath, const QString &inUseMessage,
                         const switchboard::Config &config)
{
    QMessageBox box(QMessageBox::Warning, QCoreApplication::translate("main", "Switchboard"),
                    QCoreApplication::translate("main", "The database is in use by another Switchboard."),
                    QMessageBox::NoButton);
    box.setObjectName(QStringLiteral("databaseInUseBox"));
    box.setInformativeText(inUseMessage + QStringLiteral("\n\n") +
                           QCoreApplication::translate("main", "You can watch its runs in a read-only history window, "
                                                               "or quit."));
    QPushButton *readOnly =
        box.addButton(QCoreApplication::translate("main", "Open read-only"), QMessageBox::AcceptRole);
    QPushButton *quit = box.addButton(QCoreApplication::translate("main", "Quit"), QMessageBox::RejectRole);
    box.setDefaultButton(readOnly);
    box.setEscapeButton(quit);
    box.exec();
    if (box.clickedButton() != readOnly)
        return 0;
    QString error;
    if (!store.openReadOnly(databasePath, &error)) {
        QMessageBox::critical(
            nullptr, QCoreApplication::translate("main", "Switchboard"),
            QCoreApplication::translate("main", "The database cannot be opened read-only:\n\n%1").arg(error));
        return 1;
    }
    switchboard::HistoryWindow window(&store, nullptr, config); // destroyed before the store closes
    window.show();
    return QApplication::exec();
}
} // namespace

int main(int argc, char *argv[])
{
    using namespace switchboard;
    if (Cli::isHeadless(rawArguments(argc, argv))) {
        QCoreApplication app(argc, argv);
        setApplicationNames();
        return Cli::exec(QCoreApplication::arguments());
    }

    QApplication app(argc, argv);
    setApplicationNames();
    // No setApplicationDisplayName(): the platform would append it to the window's own title.
    QApplication::setDesktopFileName(QStringLiteral("switchboard"));
    const Cli::GuiOptions options = Cli::parseGuiOptions(QCoreApplication::arguments());
    installTranslations(app, options.language);

    ConfigError error;
    std::optional<Config> config = Cli::loadConfig(options.configPath, &error);
    if (!config) {
        QMessageBox::warning(nullptr, QCoreApplication::translate("main", "Switchboard"),
                             QCoreApplication::translate("main", "The configuration could not be loaded:\n\n%1\n\n"
                                                                 "Switchboard starts with the built-in demo profile.")
                                 .arg(error.toString()));
        config = ConfigLoader::defaults();
    }

    // The durable record: declared before the orchestrator, so it outlives it.
    Store store;
    QString storeError;
    const QString databasePath = options.databasePath.isEmpty() ? Store::defaultPath() : options.databasePath;
    const bool stored = store.open(databasePath, &storeError);
    if (!stored && store.openFailedInUse())
        return offerReadOnlyHistory(store, databasePath, storeError, *config);
    if (!stored) {
        QMessageBox::warning(nullptr, QCoreApplication::translate("main", "Switchboard"),
                             QCoreApplication::translate("main", "The database cannot be used:\n\n%1\n\n"
                                                                 "Switchboard starts without recording this session.")
                                 .arg(storeError));
    }

    Orchestrator orchestrator;
    applyConfig(orchestrator, *config, options.maxParallel);
    orchestrator.setRunSettings(RunSettings::fromConfig(*config).toJson());
    orchestrator.setLogDirectory(sessionLogDirectory());
    // An unfinished run comes back on the board with the profiles and limits it was started with; its
    // interrupted agents start again unless workflow.auto_resume is off (then they wait for a click). It is
    // read on a worker thread while the window comes up, saying so on its board.
    StartupRestorer restorer(&orchestrator, stored ? &store : nullptr);
    restorer.start(options.maxParallel, config->workflow.autoResume);

    MainWindow window(&orchestrator, *config);
    restorer.attach(&window);
    window.show();
    return QApplication::exec();
}
