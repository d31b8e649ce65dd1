#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

class QMainWindow;

namespace switchboard {

class AgentBoardModel;
class AgentBoardView;
class Orchestrator;

// What a person does to agents on the board (menus, toolbar, cards, keys): cancel them (all of them only
// after asking), resume interrupted ones, clean up finished ones, copy their ids. Says so in the status bar.
class AgentCommands final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentCommands)

public:
    // Messages go to window's status bar and the confirmation opens on it; view says what is selected.
    AgentCommands(Orchestrator *orchestrator, AgentBoardModel *model, AgentBoardView *view, QMainWindow *window);

    // Whether Del asks before it cancels (ui.ini; its question has "Do not ask again", Settings › Appearance turns
    // it back on).
    static bool asksBeforeCancel();
    static void setAsksBeforeCancel(bool ask);

    // Of these agents, those that can still be cancelled / that wait to be resumed.
    QStringList cancellable(const QStringList &agentIds) const;
    QStringList interrupted(const QStringList &agentIds) const;
    bool anyInterrupted() const;
    // The profiles of these agents that a rate limit pauses now (sorted, each once).
    QStringList rateLimitedProfiles(const QStringList &agentIds) const;

    void cancel(const QStringList &agentIds);
    void cancelSelected();
    // Asks first (without blocking; the Del key and the Cancel action): cancels the selected agents on yes.
    void confirmCancelSelected();
    // Asks first (without blocking); cancels every queued and running agent on yes.
    void confirmCancelAll();
    // Each starts a new attempt.
    void resume(const QStringList &agentIds);
    void resumeSelected();
    void resumeAllInterrupted();
    // "Resume now": ends the rate-limit pause of the selected agents' profiles.
    void resumeRateLimitedSelected();
    void cleanupFinished();
    void copySelectedIds();

Q_SIGNALS:
    // A command went to the orchestrator: what the window offers may have changed.
    void commandIssued();

private:
    void showMessage(const QString &text);

    QPointer<Orchestrator> m_orchestrator;
    AgentBoardModel *m_model;
    AgentBoardView *m_view;
    QMainWindow *m_window;
};

} // namespace switchboard
