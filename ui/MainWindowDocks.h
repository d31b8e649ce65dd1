#pragma once

#include <QCoreApplication>

class QDockWidget;
class QMenu;
class QPalette;

namespace switchboard {

class AgentBoardModel;
class AgentDetailPane;
class InboxDock;
class LocksDock;
class MainWindow;
class MetricsDock;
class Orchestrator;
class ScratchpadDock;
struct Config;

// The main window's docks: the selected agent's details on the right, the inbox, locks, scratchpad and
// metrics tabbed below the board, each with its View menu entry. Texts stay in the window's translation context.
class MainWindowDocks final
{
    Q_DECLARE_TR_FUNCTIONS(switchboard::MainWindow)
    Q_DISABLE_COPY_MOVE(MainWindowDocks)

public:
    // Adds the docks to window (which owns them) and their toggles to viewMenu.
    MainWindowDocks(MainWindow *window, Orchestrator *orchestrator, AgentBoardModel *model, const Config &config,
                    QMenu *viewMenu);

    QDockWidget *detailDock() const { return m_detailDock; }
    AgentDetailPane *detailPane() const { return m_detailPane; }
    InboxDock *inbox() const { return m_inbox; }
    LocksDock *locks() const { return m_locks; }
    ScratchpadDock *scratchpad() const { return m_scratchpad; }
    MetricsDock *metrics() const { return m_metrics; }

    // The sizes of a first start, before any saved layout.
    void resizeToDefaults(MainWindow *window);
    // The docks below the board stay out of the way until they have something to show or are asked for.
    void hideUntilNeeded();
    void retranslate();
    void updateIcons(const QPalette &palette);

private:
    static void bringToFrontBeforeHiding(QDockWidget *dock);

    QDockWidget *m_detailDock;
    AgentDetailPane *m_detailPane;
    InboxDock *m_inbox;
    LocksDock *m_locks;
    ScratchpadDock *m_scratchpad;
    MetricsDock *m_metrics;
};

} // namespace switchboard
