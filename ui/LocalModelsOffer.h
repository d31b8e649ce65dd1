#pragma once

#include "llm/LocalModelDiscovery.h"

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QPointer>

class QAction;
class QMainWindow;
class QMenu;

namespace switchboard {

class Orchestrator;

// Looks for model servers on this machine at start-up, off the GUI thread, and offers their models: the
// Agents ▸ Local models… entry opens LocalModelsDialog, and the status bar says when some were found.
// Where to look: LocalModelDiscovery's default ports, or SWITCHBOARD_DISCOVERY_PORTS.
class LocalModelsOffer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalModelsOffer)

public:
    LocalModelsOffer(Orchestrator *orchestrator, QMenu *menu, QMainWindow *window);
    ~LocalModelsOffer() override;

    QAction *action() const { return m_action; }
    // From search() until its result is in servers().
    bool isSearching() const { return m_searching; }
    const QList<llm::LocalModelServer> &servers() const { return m_servers; }
    // "11434, 8080, 1234, 8000"
    QString portList() const;
    // Looks again (the dialog's "Search again"); nothing happens while a search runs.
    void search();
    // Adds the profile to the session's (SessionProfiles::add), unless one of that name is there. False when not added.
    bool addProfile(const AgentProfile &profile);
    bool hasProfile(const QString &name) const;

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
    QList<llm::LocalModelDiscovery::Candidate> m_candidates;
    QList<llm::LocalModelServer> m_servers;
    QFutureWatcher<QList<llm::LocalModelServer>> m_watcher;
    bool m_searching = false;
};

} // namespace switchboard
