#pragma once

#include "agents/coding/CodingAgentDetector.h"

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QAction;
class QMainWindow;
class QMenu;

namespace switchboard {

class Orchestrator;

// Looks for coding-agent CLIs (Claude Code, Codex, Gemini, Aider, ACP agents) at start-up, off the GUI
// thread, and offers them: Agents ▸ Coding agents… lists what was found with a ready profile for each, and
// the status bar says when some were found. Nothing is added without a click.
class CodingAgentsOffer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodingAgentsOffer)

public:
    // searchPaths empty: this process's PATH (tests give a folder of stand-ins).
    CodingAgentsOffer(Orchestrator *orchestrator, QMenu *menu, QMainWindow *window, QStringList searchPaths = {});
    ~CodingAgentsOffer() override;

    QAction *action() const { return m_action; }
    bool isSearching() const { return m_searching; }
    const QList<CodingAgentDetector::Detected> &detected() const { return m_detected; }
    void search();
    // Adds the profile to the session's (SessionProfiles::add), unless one of that name is there. False when not added.
    bool addProfile(const AgentProfile &profile);
    bool hasProfile(const QString &name) const;
    // A profile of the session already runs this agent's program (same backend; for acp, the same command).
    bool isConfigured(const AgentProfile &detected) const;

Q_SIGNALS:
    void searchStarted();
    void searchFinished();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void handleFinished();
    void retranslate();

    QPointer<Orchestrator> m_orchestrator;
    QMainWindow *m_window;
    QAction *m_action;
    QStringList m_searchPaths;
    QList<CodingAgentDetector::Detected> m_detected;
    QFutureWatcher<QList<CodingAgentDetector::Detected>> m_watcher;
    bool m_searching = false;
};

} // namespace switchboard
