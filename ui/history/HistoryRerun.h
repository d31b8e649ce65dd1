#pragma once

#include "config/Config.h"
#include "persistence/RunRecord.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

class QMainWindow;

namespace switchboard {

class HistoryGoalModel;
class Orchestrator;
struct Goal;

// Queuing recorded work again from the History window: one goal as a copy on its own, or a whole run through
// the Run plan dialog while its plan file is there, else its recorded goals (after asking) under fresh ids.
class HistoryRerun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryRerun)

public:
    // The dialogs open on window and what was queued shows in its status bar; the goals queued for a run
    // are those goals shows when the person confirms.
    HistoryRerun(Orchestrator *orchestrator, Config config, const HistoryGoalModel *goals, QMainWindow *window);

    void rerunGoal(const Goal &past);
    void rerunRun(const RunRecord &run);

Q_SIGNALS:
    // Goals re-run from here are on the board under these agent ids.
    void agentsSpawned(const QStringList &agentIds);
    // A plan was started through the Run plan dialog.
    void planStarted(const QString &name);
    // Something could not be queued: details says why.
    void failed(const QString &title, const QString &text, const QString &details);

private:
    void spawnRunGoals();

    QPointer<Orchestrator> m_orchestrator;
    Config m_config;
    const HistoryGoalModel *m_goals;
    QMainWindow *m_window;
};

} // namespace switchboard
