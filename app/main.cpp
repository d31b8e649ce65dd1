// Switchboard: the dashboard when started without a command, the headless CLI otherwise.
#include "GuiOptions.h"
#include "MainWindow.h"
#include "StartupRestorer.h"
#include "Translations.h"
#include "cli/Cli.h"
#include "history/HistoryWindow.h"
#include "orchestration/Orchestrator.h"
#include "session/RunSession.h"
#include "style/AppTheme.h"
#include "style/IndicatorContrastStyle.h"
#include "widgets/ConfigBanner.h"

#include <QApplication>
#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QTextStream>

#include <cstdio>

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
int offerReadOnlyHistory(switchboard::RunSession &session)
{
    QMessageBox box(QMessageBox::Warning, QCoreApplication::translate("main", "Switchboard"),
                    QCoreApplication::translate("main", "The database is in use by another Switchboard."),
                    QMessageBox::NoButton);
    box.setObjectName(QStringLiteral("databaseInUseBox"));
    box.setInformativeText(session.storeError() + QStringLiteral("\n\n") +
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
    if (session.reopenReadOnly() != switchboard::RunSession::StoreOutcome::ReadOnly) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Switchboard"),
                              QCoreApplication::translate("main", "The database cannot be opened read-only:\n\n%1")
                                  .arg(session.storeError()));
        return 1;
    }
    // Destroyed before the store closes.
    switchboard::HistoryWindow window(&session.store(), nullptr, session.config());
    window.show();
    return QApplication::exec();
}
} // namespace

int main(int argc, char *argv[])
{
    using namespace switchboard;
    if (GuiOptions::isHeadless(rawArguments(argc, argv))) {
        QCoreApplication app(argc, argv);
        setApplicationNames();
        return Cli::exec(QCoreApplication::arguments());
    }

    QApplication app(argc, argv);
    setApplicationNames();
    // No setApplicationDisplayName(): the platform would append it to the window's own title.
    QApplication::setDesktopFileName(QStringLiteral("switchboard"));
    const GuiOptions options = GuiOptions::parse(QCoreApplication::arguments());
    // --lang wins over the language chosen in Settings, which wins over the system's.
    installTranslations(app, options.language().isEmpty() ? savedLanguage() : options.language());
    IndicatorContrastStyle::install();
    AppTheme::apply(AppTheme::savedChoice());

    // The config and the durable record: declared before the orchestrator, so they outlive it.
    RunSession session;
    // A config that does not load is moved aside and replaced by the last good one (or the defaults); the
    // window's banner says so. The headless commands never do this: they fail with the error.
    const ConfigRecovery::Result config = session.loadConfigRecovering(options.configPath());
    if (!session.configWarning().isEmpty())
        QTextStream(stderr) << QStringLiteral("warning: %1").arg(session.configWarning()) << '\n';
    if (config.recovered)
        QTextStream(stderr) << QStringLiteral("warning: %1").arg(config.summary()) << '\n';

    // The database's integrity check reads the whole file (seconds for a big one): it runs on the store's writer
    // thread while the window comes up, saying so. What is known at once (another Switchboard holds the file) is
    // handled here, before the window. Leftover Slurm jobs and remote process groups are ended by the start-up
    // restore on its worker thread: squeue, scancel and ssh can take minutes when a controller or host does not
    // answer.
    const RunSession::StoreOutcome stored = session.openStoreInBackground(options.databasePath());
    if (stored == RunSession::StoreOutcome::InUse)
        return offerReadOnlyHistory(session);
    if (stored == RunSession::StoreOutcome::Failed) {
        QMessageBox::warning(nullptr, QCoreApplication::translate("main", "Switchboard"),
                             QCoreApplication::translate("main", "The database cannot be used:\n\n%1\n\n"
                                                                 "Switchboard starts without recording this session.")
                                 .arg(session.storeError()));
    }

    Orchestrator orchestrator;
    session.setUpDashboard(orchestrator, options.maxParallel());
    // Someone is watching: a goal or the run crossing its budget asks in the inbox before anything is stopped.
    orchestrator.setAskBeforeBudgetStop(true);
    // Once the database has passed its check, an unfinished run comes back on the board with the profiles and
    // limits it was started with; its interrupted agents start again unless workflow.auto_resume is off (then they
    // wait for a click). It is read on a worker thread while the window comes up, saying so on its board. A
    // database that fails the check is not used: the window says why (a damaged one gets the storage banner with
    // the way to recover it) and the session goes on without recording.
    StartupRestorer restorer(&orchestrator, session.recordingStore());
    restorer.setEndLeftoverJobs(true);
    const bool restoring = restorer.start(options.maxParallel(), session.config().workflow.autoResume);

    MainWindow window(&orchestrator, session.config());
    if (config.recovered)
        window.configBanner()->showRecovery(config.summary());
    restorer.attach(&window);
    // Review and the start-up look for leftover worktrees come once the run is back on the board, so that its own
    // worktrees are never taken for leftovers.
    const auto enableReview = [&window, &orchestrator] { window.setReviewController(orchestrator.review()); };
    if (restoring)
        QObject::connect(&restorer, &StartupRestorer::finished, &window, enableReview);
    else
        enableReview();
    window.show();
    if (!options.planFile().isEmpty())
        window.openPlanFile(options.planFile()); // waits for the check and the restore, if there is one
    return QApplication::exec();
}
