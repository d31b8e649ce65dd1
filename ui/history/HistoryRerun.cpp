#include "history/HistoryRerun.h"

#include "dialogs/RunPlanDialog.h"
#include "history/HistoryGoalModel.h"
#include "orchestration/GoalRerun.h"
#include "orchestration/Orchestrator.h"

#include <QDir>
#include <QFileInfo>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

namespace switchboard {

namespace {
constexpr int kStatusMessageMs = 5000;
} // namespace

HistoryRerun::HistoryRerun(Orchestrator *orchestrator, Config config, const HistoryGoalModel *goals,
                           QMainWindow *window)
    : QObject(window)
    , m_orchestrator(orchestrator)
    , m_config(std::move(config))
    , m_goals(goals)
    , m_window(window)
{}

void HistoryRerun::rerunGoal(const Goal &past)
{
    if (!m_orchestrator)
        return;
    QString error;
    const QString agentId = m_orchestrator->spawn(GoalRerun::alone(past), &error);
    if (agentId.isEmpty()) {
        Q_EMIT failed(tr("Re-run goal"), tr("“%1” could not be queued again.").arg(past.title), error);
        return;
    }
    m_window->statusBar()->showMessage(tr("Queued “%1” on the board as %2").arg(past.title, agentId), kStatusMessageMs);
    Q_EMIT agentsSpawned({agentId});
}

void HistoryRerun::rerunRun(const RunRecord &run)
{
    if (!m_orchestrator)
        return;
    if (!run.planFile.isEmpty() && QFileInfo::exists(run.planFile)) {
        auto *dialog = new RunPlanDialog(m_orchestrator, m_config, m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->loadPlan(run.planFile); // shows what is wrong with the file if it no longer loads
        connect(dialog, &RunPlanDialog::planStarted, this, [this, dialog](const QString &name) {
            m_window->statusBar()->showMessage(tr("Started plan “%1” again: %n goal(s) queued", nullptr,
                                                  static_cast<int>(dialog->startedAgentIds().size()))
                                                   .arg(name),
                                               kStatusMessageMs);
            Q_EMIT planStarted(name);
            Q_EMIT agentsSpawned(dialog->startedAgentIds());
        });
        dialog->open();
        return;
    }
    const std::shared_ptr<const HistorySnapshot> snapshot = m_goals->snapshot();
    if (snapshot->runId != run.id || snapshot->rows.isEmpty())
        return;
    const int count = static_cast<int>(snapshot->rows.size());
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Re-run plan"),
        tr("Queue the %n goal(s) of “%1” again?", nullptr, count).arg(run.name.isEmpty() ? run.id : run.name),
        QMessageBox::NoButton, m_window);
    box->setObjectName(QStringLiteral("rerunPlanConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(run.planFile.isEmpty()
                                ? tr("The run had no plan file: its goals are queued as they were recorded, with "
                                     "the dependencies between them.")
                                : tr("Its plan file “%1” is gone: the goals are queued as they were recorded, with "
                                     "the dependencies between them.")
                                      .arg(QDir::toNativeSeparators(run.planFile)));
    QPushButton *confirm = box->addButton(tr("Queue %n goal(s)", nullptr, count), QMessageBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("confirmRerunPlanButton"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(confirm);
    box->setEscapeButton(cancel);
    const QString runId = run.id;
    connect(box, &QMessageBox::buttonClicked, this, [this, confirm, runId](QAbstractButton *button) {
        // The goals shown when the person confirms, if that is still the run asked about.
        if (button == confirm && m_goals->snapshot()->runId == runId)
            spawnRunGoals();
    });
    box->open();
}

void HistoryRerun::spawnRunGoals()
{
    if (!m_orchestrator)
        return;
    const std::shared_ptr<const HistorySnapshot> snapshot = m_goals->snapshot();
    QList<Goal> goals;
    goals.reserve(snapshot->rows.size());
    for (int row = 0; row < snapshot->rows.size(); ++row)
        goals << snapshot->goalAt(row).goal;
    // Ids the board already uses get a fresh suffix ("schema-2"), the same for every goal of the run.
    const Orchestrator *orchestrator = m_orchestrator.data();
    goals = GoalRerun::run(std::move(goals),
                           [orchestrator](const QString &id) { return orchestrator->goal(id).has_value(); });
    QString error;
    const QStringList agentIds = m_orchestrator->spawnParallel(goals, &error);
    if (agentIds.isEmpty()) {
        Q_EMIT failed(tr("Re-run plan"), tr("The goals of this run could not be queued again."), error);
        return;
    }
    m_window->statusBar()->showMessage(tr("Queued %n goal(s) on the board", nullptr, static_cast<int>(agentIds.size())),
                                       kStatusMessageMs);
    Q_EMIT agentsSpawned(agentIds);
}

} // namespace switchboard
