// MainWindow's life on the desktop beside the board: the tray icon, desktop notifications and what closing the
// window does while agents work. A part of MainWindow (MainWindow.cpp had grown past 800 lines).
#include "MainWindow.h"

#include "MainWindowActions.h"
#include "inbox/InboxDock.h"
#include "notify/DesktopNotificationSink.h"
#include "notify/DesktopNotifier.h"
#include "orchestration/Orchestrator.h"
#include "shell/ShutdownController.h"
#include "style/ThemedIcons.h"

#include <QCloseEvent>
#include <QMenu>
#include <QSystemTrayIcon>

namespace switchboard {

void MainWindow::createTrayIcon()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(ThemedIcons::appIcon(), this);
    m_tray->setObjectName(QStringLiteral("trayIcon"));
    m_tray->setToolTip(tr("Switchboard"));
    connect(m_tray, &QSystemTrayIcon::activated, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    // The way back from "Keep running in the tray", and out: quitting asks again if agents still work.
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("trayMenu"));
    m_trayShow = menu->addAction(QString());
    connect(m_trayShow, &QAction::triggered, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    m_trayQuit = menu->addAction(QString());
    connect(m_trayQuit, &QAction::triggered, this, [this] {
        showNormal();
        close();
    });
    m_tray->setContextMenu(menu);
    m_tray->show();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    // Agents at work: the shutdown controller asks (without blocking) and closes the window again once decided.
    if (!m_shutdown->mayClose()) {
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::createNotifier()
{
    m_notificationSink = new DesktopNotificationSink(m_tray, this);
    m_notifier = new DesktopNotifier(m_orchestrator, m_notificationSink, this);
    // In front, the window shows it all: the desktop is told only what happens behind the person's back.
    m_notifier->setQuietWhile([this] { return isActiveWindow(); });
    m_notificationsMenu = m_actions->viewMenu()->addMenu(QString());
    m_notificationsMenu->setObjectName(QStringLiteral("notificationsMenu"));
    m_notifier->populateMenu(m_notificationsMenu);
    connect(m_notificationSink, &DesktopNotificationSink::agentActivated, this, [this](const QString &agentId) {
        showNormal();
        raise();
        activateWindow();
        if (agentId.isEmpty())
            return;
        showAgentOnBoard(agentId);
        // "Needs input": the click is for answering, as on the card itself.
        if (m_orchestrator) {
            if (const std::optional<AgentStatus> status = m_orchestrator->status(agentId);
                status && !status->openEscalation.isEmpty())
                m_inboxDock->showEscalation(status->openEscalation);
        }
    });
    if (m_orchestrator)
        connect(m_orchestrator, &Orchestrator::agentsUpdated, this, &MainWindow::updateTrayToolTip);
}

void MainWindow::updateTrayToolTip()
{
    if (!m_tray)
        return;
    const int questions = m_inboxDock->openCount();
    const int running = m_orchestrator ? m_orchestrator->progress().inProgress : 0;
    m_tray->setToolTip(questions + running == 0 ? tr("Switchboard")
                                                : tr("Switchboard: %1, %2")
                                                      .arg(tr("%n question(s) waiting", nullptr, questions),
                                                           tr("%n agent(s) running", nullptr, running)));
}

void MainWindow::createShutdownController()
{
    m_shutdown = new ShutdownController(m_orchestrator, this);
    connect(m_shutdown, &ShutdownController::quitReady, this, &QWidget::close, Qt::QueuedConnection);
    connect(m_shutdown, &ShutdownController::hideRequested, this, &QWidget::hide);
}

} // namespace switchboard
