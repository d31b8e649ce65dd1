#include "shell/ShutdownController.h"

#include "orchestration/Orchestrator.h"

#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QShortcut>
#include <QSystemTrayIcon>
#include <QWidget>

namespace switchboard {

ShutdownController::ShutdownController(Orchestrator *orchestrator, QWidget *window)
    : QObject(window)
    , m_orchestrator(orchestrator)
    , m_window(window)
    , m_trayAvailable(QSystemTrayIcon::isSystemTrayAvailable())
{
    if (!m_orchestrator)
        return;
    // The counts follow the orchestrator's published batches; allFinished is the moment to quit.
    connect(m_orchestrator, &Orchestrator::agentsUpdated, this, &ShutdownController::updateProgress);
    connect(m_orchestrator, &Orchestrator::allFinished, this, &ShutdownController::updateProgress);
}

ShutdownController::~ShutdownController() = default;

QMessageBox *ShutdownController::dialog() const
{
    return m_dialog;
}

QProgressDialog *ShutdownController::progressDialog() const
{
    return m_progress;
}

int ShutdownController::activeAgents() const
{
    if (!m_orchestrator)
        return 0;
    const Orchestrator::Progress p = m_orchestrator->progress();
    return p.pending + p.inProgress;
}

bool ShutdownController::mayClose()
{
    switch (m_phase) {
    case Phase::Quitting:
        return true;
    case Phase::Cancelling:
        // A second quit while the agents wind down: do not wait for them. What still runs is stopped by the
        // Orchestrator's destructor, which ends every process group and waits for every runner. The window is
        // closing already: no quitReady().
        m_phase = Phase::Quitting;
        closeProgress();
        return true;
    case Phase::Waiting:
        // Asked again while waiting: the person may now prefer to cancel.
        stopWaiting();
        break;
    case Phase::Working:
        break;
    }
    if (!m_orchestrator || m_orchestrator->isIdle()) {
        m_phase = Phase::Quitting;
        return true;
    }
    ask();
    return false;
}

void ShutdownController::ask()
{
    if (m_dialog) {
        m_dialog->raise();
        return;
    }
    const bool recorded = m_orchestrator->store() && !m_orchestrator->isStorageFailed();
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Quit Switchboard"),
                        tr("%n agent(s) still at work.", nullptr, activeAgents()), QMessageBox::NoButton, m_window);
    box->setObjectName(QStringLiteral("shutdownDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(
        recorded ? tr("Cancelled agents are recorded: the next time Switchboard starts, they start again as a new "
                      "attempt and queued goals go on.")
                 : tr("Without a database nothing of this session is kept: cancelled agents and queued goals are "
                      "lost."));
    QPushButton *keep = box->addButton(tr("Keep running in the tray"), QMessageBox::AcceptRole);
    keep->setObjectName(QStringLiteral("keepRunningInTrayButton"));
    if (!m_trayAvailable) {
        keep->setEnabled(false);
        keep->setToolTip(tr("This desktop has no system tray to keep Switchboard in."));
    }
    QPushButton *cancel = box->addButton(tr("Cancel all and quit"), QMessageBox::DestructiveRole);
    cancel->setObjectName(QStringLiteral("cancelAllAndQuitButton"));
    QPushButton *wait = box->addButton(tr("Wait for them"), QMessageBox::AcceptRole);
    wait->setObjectName(QStringLiteral("waitForAgentsButton"));
    QPushButton *stay = box->addButton(QMessageBox::Cancel);
    stay->setObjectName(QStringLiteral("dontQuitButton"));
    box->setDefaultButton(m_trayAvailable ? keep : wait);
    box->setEscapeButton(stay);
    connect(box, &QMessageBox::buttonClicked, this, [this, keep, cancel, wait](QAbstractButton *button) {
        if (button == keep)
            choose(Choice::KeepRunning);
        else if (button == cancel)
            choose(Choice::CancelAndQuit);
        else if (button == wait)
            choose(Choice::Wait);
    });
    m_dialog = box;
    box->open();
}

bool ShutdownController::choose(Choice choice)
{
    if (choice == Choice::KeepRunning && !m_trayAvailable)
        return false;
    if (m_dialog)
        m_dialog->close();
    stopWaiting();
    switch (choice) {
    case Choice::KeepRunning:
        m_phase = Phase::Working;
        Q_EMIT hideRequested();
        return true;
    case Choice::CancelAndQuit:
        m_phase = Phase::Cancelling;
        if (m_orchestrator)
            m_orchestrator->cancelAll();
        // Its cancel button is the second quit: it does not wait for the agents.
        showProgress(tr("Quit now"));
        break;
    case Choice::Wait:
        m_phase = Phase::Waiting;
        showProgress(tr("Stop waiting"));
        break;
    }
    updateProgress();
    return true;
}

void ShutdownController::showProgress(const QString &cancelText)
{
    m_startCount = qMax(1, activeAgents());
    auto *progress = new QProgressDialog(m_window);
    progress->setObjectName(QStringLiteral("shutdownProgress"));
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setWindowTitle(tr("Quit Switchboard"));
    progress->setCancelButtonText(cancelText);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setMinimumDuration(0);
    progress->setRange(0, m_startCount);
    connect(progress, &QProgressDialog::canceled, this, [this] {
        if (m_phase == Phase::Cancelling)
            QMetaObject::invokeMethod(m_window, &QWidget::close, Qt::QueuedConnection); // the forced quit
        else if (m_phase == Phase::Waiting)
            stopWaiting();
    });
    // The progress dialog is window-modal: the window's own Quit shortcut cannot reach it. Quit here is the second
    // quit (forcing while cancelling; asking again while waiting).
    auto *quit = new QShortcut(QKeySequence::Quit, progress);
    connect(quit, &QShortcut::activated, m_window, &QWidget::close, Qt::QueuedConnection);
    m_progress = progress;
    progress->open();
}

void ShutdownController::updateProgress()
{
    if (m_phase != Phase::Cancelling && m_phase != Phase::Waiting)
        return;
    if (!m_orchestrator || m_orchestrator->isIdle()) {
        quitNow();
        return;
    }
    if (!m_progress)
        return;
    const int active = activeAgents();
    m_progress->setLabelText(m_phase == Phase::Cancelling
                                 ? tr("Cancelling: %n agent(s) still winding down…", nullptr, active)
                                 : tr("Waiting: %n agent(s) still at work…", nullptr, active));
    m_progress->setValue(qBound(0, m_startCount - active, m_startCount));
}

void ShutdownController::stopWaiting()
{
    if (m_phase == Phase::Waiting)
        m_phase = Phase::Working;
    closeProgress();
}

void ShutdownController::closeProgress()
{
    if (m_progress) {
        const QSignalBlocker blocker(m_progress.data()); // closing it is not the person's cancel
        m_progress->close();
    }
}

void ShutdownController::quitNow()
{
    if (m_phase == Phase::Quitting)
        return;
    m_phase = Phase::Quitting;
    closeProgress();
    Q_EMIT quitReady();
}

} // namespace switchboard
