#include "MainWindowDocks.h"

#include "MainWindow.h"
#include "board/AgentDetailPane.h"
#include "inbox/InboxDock.h"
#include "locks/LocksDock.h"
#include "metrics/MetricsDock.h"
#include "scratchpad/ScratchpadDock.h"
#include "style/ThemedIcons.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>

#include <memory>

namespace switchboard {

MainWindowDocks::MainWindowDocks(MainWindow *window, Orchestrator *orchestrator, AgentBoardModel *model,
                                 const Config &config, QMenu *viewMenu)
    : m_detailDock(new QDockWidget(window))
{
    m_detailDock->setObjectName(QStringLiteral("detailDock"));
    m_detailDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea | Qt::BottomDockWidgetArea);
    m_detailPane = new AgentDetailPane(orchestrator, model, m_detailDock);
    m_detailPane->setMinimumWidth(320);
    m_detailDock->setWidget(m_detailPane);
    window->addDockWidget(Qt::RightDockWidgetArea, m_detailDock);
    viewMenu->addAction(m_detailDock->toggleViewAction());
    m_detailDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));

    // Below the board, tabbed: the inbox in front, since a question blocks an agent and a lock does not.
    m_inbox = new InboxDock(orchestrator, window);
    m_locks = new LocksDock(orchestrator, window);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_inbox);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_locks);
    window->tabifyDockWidget(m_inbox, m_locks);
    // The run's shared notes: a third tab, since agents write there while they work.
    m_scratchpad = new ScratchpadDock(orchestrator, window);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_scratchpad);
    window->tabifyDockWidget(m_locks, m_scratchpad);
    m_inbox->raise();
    viewMenu->addAction(m_inbox->toggleViewAction());
    m_inbox->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    viewMenu->addAction(m_locks->toggleViewAction());
    m_locks->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    viewMenu->addAction(m_scratchpad->toggleViewAction());
    m_scratchpad->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));

    // With the others below the board; hidden until the person opens it (View > Metrics).
    m_metrics = new MetricsDock(orchestrator, config.metrics, window);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_metrics);
    window->tabifyDockWidget(m_locks, m_metrics);
    viewMenu->addAction(m_metrics->toggleViewAction());
    m_metrics->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));

    for (QDockWidget *dock : {static_cast<QDockWidget *>(m_inbox), static_cast<QDockWidget *>(m_locks),
                              static_cast<QDockWidget *>(m_scratchpad), static_cast<QDockWidget *>(m_metrics)})
        bringToFrontBeforeHiding(dock);
}

void MainWindowDocks::bringToFrontBeforeHiding(QDockWidget *dock)
{
    // Ctrl+L on the Locks tab behind the inbox must show the locks, not hide a view the person never saw, and a dock
    // shown again comes in front: a dock
    // tabbed behind another is visible as far as its toggle knows. visibilityChanged() tells whether it is in
    // front; a hide by the toggle itself (isHidden() already true) leaves that knowledge as it was, so the
    // toggle's handler (connected after the dock's own, which has hidden it) can tell the two cases apart.
    auto inFront = std::make_shared<bool>(false);
    QObject::connect(dock, &QDockWidget::visibilityChanged, dock, [dock, inFront](bool visible) {
        if (!dock->isHidden())
            *inFront = visible;
    });
    QObject::connect(dock->toggleViewAction(), &QAction::triggered, dock, [dock, inFront](bool checked) {
        if (checked) { // shown: in front, even when its tab was not the current one when it was hidden
            dock->raise();
            return;
        }
        if (*inFront || dock->isFloating())
            return;
        dock->show();
        dock->raise();
    });
}

void MainWindowDocks::resizeToDefaults(MainWindow *window)
{
    window->resizeDocks({m_detailDock}, {380}, Qt::Horizontal);
    window->resizeDocks({m_inbox}, {230}, Qt::Vertical);
}

void MainWindowDocks::hideUntilNeeded()
{
    // A question opens the inbox; a saved layout that has any of them brings it back as it was.
    m_inbox->hide();
    m_locks->hide();
    m_metrics->hide();
    m_scratchpad->hide();
}

void MainWindowDocks::retranslate()
{
    m_detailDock->setWindowTitle(tr("Agent details"));
    m_detailDock->toggleViewAction()->setText(tr("Agent &details"));
    m_inbox->toggleViewAction()->setText(tr("&Inbox"));
    m_locks->toggleViewAction()->setText(tr("&Locks"));
    m_scratchpad->toggleViewAction()->setText(tr("&Scratchpad"));
    m_metrics->toggleViewAction()->setText(tr("&Metrics"));
}

void MainWindowDocks::updateIcons(const QPalette &palette)
{
    m_detailDock->toggleViewAction()->setIcon(ThemedIcons::icon(QStringLiteral("details"), palette));
    m_inbox->toggleViewAction()->setIcon(ThemedIcons::icon(QStringLiteral("state-escalated"), palette));
    m_locks->toggleViewAction()->setIcon(ThemedIcons::icon(QStringLiteral("state-waiting-lock"), palette));
    m_scratchpad->toggleViewAction()->setIcon(ThemedIcons::icon(QStringLiteral("details"), palette));
    m_metrics->toggleViewAction()->setIcon(ThemedIcons::icon(QStringLiteral("metrics"), palette));
}

} // namespace switchboard
