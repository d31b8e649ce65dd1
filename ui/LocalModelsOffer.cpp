#include "LocalModelsOffer.h"

#include "SessionProfiles.h"
#include "dialogs/LocalModelsDialog.h"
#include "orchestration/Orchestrator.h"

#include <QAction>
#include <QEvent>
#include <QMainWindow>
#include <QMenu>
#include <QProcessEnvironment>
#include <QStatusBar>

namespace switchboard {

using llm::LocalModelDiscovery;

LocalModelsOffer::LocalModelsOffer(Orchestrator *orchestrator, QMenu *menu, QMainWindow *window)
    : QObject(window)
    , m_orchestrator(orchestrator)
    , m_window(window)
    , m_action(new QAction(this))
    , m_candidates(LocalModelDiscovery::candidatesFromEnvironment(QProcessEnvironment::systemEnvironment()))
{
    m_action->setObjectName(QStringLiteral("actionLocalModels"));
    if (menu) {
        menu->addSeparator();
        menu->addAction(m_action);
    }
    connect(m_action, &QAction::triggered, this, [this] {
        auto *dialog = new LocalModelsDialog(m_orchestrator, this, m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &LocalModelsOffer::handleFinished);
    window->installEventFilter(this);
    retranslate();
    search();
}

LocalModelsOffer::~LocalModelsOffer()
{
    // The search must not outlive the application: a probe still running when QApplication is gone hung the
    // process at exit (its QEventLoop and QNetworkAccessManager need the application). It ends within its timeout,
    // and at once when nothing answers on this machine, so waiting here costs nothing but at a quit within seconds
    // of the start.
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

QString LocalModelsOffer::portList() const
{
    return LocalModelDiscovery::portList(m_candidates);
}

void LocalModelsOffer::search()
{
    if (m_searching)
        return;
    m_searching = true;
    m_watcher.setFuture(LocalModelDiscovery(m_candidates).discoverAsync());
    Q_EMIT searchStarted();
}

void LocalModelsOffer::handleFinished()
{
    m_servers = m_watcher.result();
    m_searching = false;
    qsizetype models = 0;
    for (const llm::LocalModelServer &server : std::as_const(m_servers))
        models += server.models.size();
    if (models > 0 && m_window->statusBar()) {
        m_window->statusBar()->showMessage(
            tr("Found %n local model(s): Agents ▸ Local models… makes them profiles", nullptr, int(models)), 15000);
    }
    Q_EMIT searchFinished();
}

bool LocalModelsOffer::hasProfile(const QString &name) const
{
    return SessionProfiles::has(m_orchestrator, name);
}

bool LocalModelsOffer::addProfile(const AgentProfile &profile)
{
    return SessionProfiles::add(m_orchestrator, profile);
}

bool LocalModelsOffer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void LocalModelsOffer::retranslate()
{
    m_action->setText(tr("&Local models…"));
    m_action->setStatusTip(tr("Models served on this computer (Ollama, llama.cpp, LM Studio, vLLM)"));
}

} // namespace switchboard
