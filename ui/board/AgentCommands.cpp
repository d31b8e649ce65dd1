#include "board/AgentCommands.h"

#include "board/AgentBoardModel.h"
#include "board/AgentBoardView.h"
#include "orchestration/Orchestrator.h"
#include "style/AgentStateStyle.h"

#include "UiSettings.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>

namespace switchboard {

namespace {
QString confirmCancelKey()
{
    return QStringLiteral("confirm/cancel_selected");
}
} // namespace

namespace {
constexpr int kStatusMessageMs = 4000;
} // namespace

AgentCommands::AgentCommands(Orchestrator *orchestrator, AgentBoardModel *model, AgentBoardView *view,
                             QMainWindow *window)
    : QObject(window)
    , m_orchestrator(orchestrator)
    , m_model(model)
    , m_view(view)
    , m_window(window)
{}

QStringList AgentCommands::cancellable(const QStringList &agentIds) const
{
    QStringList result;
    for (const QString &agentId : agentIds) {
        const int row = m_model->rowForAgent(agentId);
        if (row >= 0 && AgentStateStyle::isCancellable(m_model->statusAt(row).state))
            result << agentId;
    }
    return result;
}

QStringList AgentCommands::interrupted(const QStringList &agentIds) const
{
    QStringList result;
    for (const QString &agentId : agentIds) {
        const int row = m_model->rowForAgent(agentId);
        if (row >= 0 && m_model->statusAt(row).state == AgentState::Interrupted)
            result << agentId;
    }
    return result;
}

bool AgentCommands::anyInterrupted() const
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->statusAt(row).state == AgentState::Interrupted)
            return true;
    }
    return false;
}

QStringList AgentCommands::rateLimitedProfiles(const QStringList &agentIds) const
{
    if (!m_orchestrator)
        return {};
    const QStringList paused = m_orchestrator->progress().rateLimitedProfiles;
    QStringList result;
    for (const QString &agentId : agentIds) {
        const int row = m_model->rowForAgent(agentId);
        if (row < 0)
            continue;
        const AgentStatus &status = m_model->statusAt(row);
        if (paused.contains(status.profile) && !result.contains(status.profile))
            result << status.profile;
    }
    result.sort();
    return result;
}

void AgentCommands::resumeRateLimitedSelected()
{
    const QStringList profiles = rateLimitedProfiles(m_view->selectedAgentIds());
    if (profiles.isEmpty()) {
        showMessage(tr("No selected agent waits out a rate limit."));
        return;
    }
    for (const QString &profile : profiles)
        m_orchestrator->resumeRateLimited(profile);
    showMessage(tr("Resumed dispatch for %1").arg(profiles.join(QStringLiteral(", "))));
    Q_EMIT commandIssued();
}

void AgentCommands::showMessage(const QString &text)
{
    m_window->statusBar()->showMessage(text, kStatusMessageMs);
}

void AgentCommands::cancel(const QStringList &agentIds)
{
    if (!m_orchestrator)
        return;
    int cancelled = 0;
    for (const QString &agentId : agentIds) {
        if (m_orchestrator->cancel(agentId))
            ++cancelled;
    }
    if (cancelled > 0)
        showMessage(tr("Cancelling %n agent(s)", nullptr, cancelled));
    Q_EMIT commandIssued();
}

void AgentCommands::cancelSelected()
{
    const QStringList agents = cancellable(m_view->selectedAgentIds());
    if (agents.isEmpty()) {
        showMessage(tr("Select the agents to cancel on the board first."));
        return;
    }
    cancel(agents);
}

bool AgentCommands::asksBeforeCancel()
{
    return QSettings(UiSettings::filePath(), QSettings::IniFormat).value(confirmCancelKey(), true).toBool();
}

void AgentCommands::setAsksBeforeCancel(bool ask)
{
    QSettings settings(UiSettings::writableFilePath(), QSettings::IniFormat);
    settings.setValue(confirmCancelKey(), ask);
}

void AgentCommands::confirmCancelSelected()
{
    const QStringList agents = cancellable(m_view->selectedAgentIds());
    if (agents.isEmpty()) {
        showMessage(tr("Select the agents to cancel on the board first."));
        return;
    }
    // A stray Del must not end an agent's work: the question names what is at stake, and "keep" is the default.
    // Someone who cancels a lot may switch the question off (ui.ini confirm/cancel_selected; the toolbar's Cancel
    // and the card menu never asked).
    if (!asksBeforeCancel()) {
        cancel(agents);
        return;
    }
    const QString what = agents.size() == 1
                             ? tr("Cancel agent %1?").arg(agents.constFirst())
                             : tr("Cancel the %n selected agent(s)?", nullptr, static_cast<int>(agents.size()));
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Cancel agents"), what, QMessageBox::NoButton, m_window);
    box->setObjectName(QStringLiteral("cancelSelectedConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("A running agent is told to stop at once; a queued one will not start."));
    QPushButton *confirm = box->addButton(tr("Cancel agents"), QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirmCancelSelectedButton"));
    QPushButton *keep = box->addButton(tr("Keep running"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepRunningButton"));
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    auto *dontAsk = new QCheckBox(tr("Do not ask again when I press Del"), box);
    dontAsk->setObjectName(QStringLiteral("dontAskAgainCheck"));
    box->setCheckBox(dontAsk);
    connect(box, &QMessageBox::buttonClicked, this, [this, confirm, agents, dontAsk](QAbstractButton *button) {
        if (button != confirm)
            return; // "keep" never switches the question off: the box was a useful stop
        if (dontAsk->isChecked())
            setAsksBeforeCancel(false);
        cancel(agents);
    });
    box->open();
}

void AgentCommands::confirmCancelAll()
{
    if (!m_orchestrator)
        return;
    const Orchestrator::Progress progress = m_orchestrator->progress();
    const int unfinished = progress.pending + progress.inProgress;
    if (unfinished <= 0) {
        showMessage(tr("No agent is queued or running."));
        return;
    }
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Cancel all agents"),
                        tr("Cancel all %n unfinished agent(s)?", nullptr, unfinished), QMessageBox::NoButton, m_window);
    box->setObjectName(QStringLiteral("cancelAllConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("Running agents are told to stop at once; queued agents will not start. "
                               "Finished agents stay on the board."));
    QPushButton *confirm = box->addButton(tr("Cancel all agents"), QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirmCancelAllButton"));
    QPushButton *keep = box->addButton(tr("Keep running"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepRunningButton"));
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    connect(box, &QMessageBox::buttonClicked, this, [this, confirm](QAbstractButton *button) {
        if (button != confirm || !m_orchestrator)
            return;
        const int cancelled = m_orchestrator->cancelAll();
        showMessage(tr("Cancelling %n agent(s)", nullptr, cancelled));
        Q_EMIT commandIssued();
    });
    box->open();
}

void AgentCommands::resume(const QStringList &agentIds)
{
    if (!m_orchestrator)
        return;
    const int resumed = m_orchestrator->resumeInterrupted(agentIds);
    if (resumed > 0)
        showMessage(tr("Resuming %n agent(s), each with a new attempt", nullptr, resumed));
    Q_EMIT commandIssued();
}

void AgentCommands::resumeSelected()
{
    const QStringList agents = interrupted(m_view->selectedAgentIds());
    if (agents.isEmpty()) {
        showMessage(tr("Select the interrupted agents to resume on the board first."));
        return;
    }
    resume(agents);
}

void AgentCommands::resumeAllInterrupted()
{
    QStringList agents;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const AgentStatus &status = m_model->statusAt(row);
        if (status.state == AgentState::Interrupted)
            agents << status.agentId;
    }
    if (agents.isEmpty()) {
        showMessage(tr("No agent is waiting to be resumed."));
        return;
    }
    resume(agents);
}

void AgentCommands::cleanupFinished()
{
    if (!m_orchestrator)
        return;
    const int removed = m_orchestrator->cleanup();
    showMessage(removed > 0 ? tr("Removed %n finished agent(s) from the board", nullptr, removed)
                            : tr("No finished agents to remove."));
    Q_EMIT commandIssued();
}

void AgentCommands::copySelectedIds()
{
    const QStringList ids = m_view->selectedAgentIds();
    if (ids.isEmpty())
        return;
    QApplication::clipboard()->setText(ids.join(QLatin1Char('\n')));
    showMessage(tr("Copied %n agent id(s)", nullptr, static_cast<int>(ids.size())));
}

} // namespace switchboard
