#include "CodingAgentsOffer.h"

#include "SessionProfiles.h"
#include "dialogs/CodingAgentsDialog.h"
#include "orchestration/Orchestrator.h"

#include <QAction>
#include <QEvent>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QStatusBar>
#include <QtConcurrent>

namespace switchboard {

CodingAgentsOffer::CodingAgentsOffer(Orchestrator *orchestrator, QMenu *menu, QMainWindow *window,
                                     QStringList searchPaths)
    : QObject(window)
    , m_orchestrator(orchestrator)
    , m_window(window)
    , m_action(new QAction(this))
    , m_searchPaths(std::move(searchPaths))
{
    m_action->setObjectName(QStringLiteral("actionCodingAgents"));
    if (menu)
        menu->addAction(m_action);
    connect(m_action, &QAction::triggered, this, [this] {
        auto *dialog = new CodingAgentsDialog(this, m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &CodingAgentsOffer::handleFinished);
    window->installEventFilter(this);
    retranslate();
    search();
}

CodingAgentsOffer::~CodingAgentsOffer()
{
    // The search must not outlive the application: a probe still running when QApplication is gone hung the
    // process at exit (its QEventLoop and QNetworkAccessManager need the application). It ends within its timeout,
    // and at once when nothing answers on this machine, so waiting here costs nothing but at a quit within seconds
    // of the start.
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

void CodingAgentsOffer::search()
{
    if (m_searching)
        return;
    m_searching = true;
    // detect() runs each CLI's --version and waits: never on the GUI thread.
    m_watcher.setFuture(QtConcurrent::run([paths = m_searchPaths] { return CodingAgentDetector(paths).detect(); }));
    Q_EMIT searchStarted();
}

void CodingAgentsOffer::handleFinished()
{
    m_detected = m_watcher.result();
    m_searching = false;
    QStringList names;
    for (const CodingAgentDetector::Detected &d : std::as_const(m_detected)) {
        // Announced only when no profile runs it yet, whatever that profile is called.
        if (!hasProfile(d.profile.name) && !isConfigured(d.profile))
            names << d.agent.label;
    }
    if (!names.isEmpty() && m_window->statusBar()) {
        //: Status bar, briefly; %1 names coding-agent CLIs ("Claude Code, Aider")
        m_window->statusBar()->showMessage(
            tr("Found %1: add it from Agents ▸ Coding agents…").arg(names.join(QStringLiteral(", "))), 15000);
    }
    Q_EMIT searchFinished();
}

bool CodingAgentsOffer::isConfigured(const AgentProfile &detected) const
{
    if (!m_orchestrator)
        return false;
    const QString program = detected.command.isEmpty() ? QString() : QFileInfo(detected.command.first()).fileName();
    for (const AgentProfile &profile : m_orchestrator->profiles()) {
        if (profile.backend != detected.backend)
            continue;
        // acp runs many agents: the same backend is not enough, the program must match too.
        if (detected.backend != u"acp" ||
            (!profile.command.isEmpty() && QFileInfo(profile.command.first()).fileName() == program))
            return true;
    }
    return false;
}

bool CodingAgentsOffer::hasProfile(const QString &name) const
{
    return SessionProfiles::has(m_orchestrator, name);
}

bool CodingAgentsOffer::addProfile(const AgentProfile &profile)
{
    return SessionProfiles::add(m_orchestrator, profile);
}

bool CodingAgentsOffer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void CodingAgentsOffer::retranslate()
{
    m_action->setText(tr("&Coding agents…"));
    m_action->setStatusTip(tr("Coding-agent programs installed here (Claude Code, Codex, Gemini, Aider, ACP agents)"));
}

} // namespace switchboard
