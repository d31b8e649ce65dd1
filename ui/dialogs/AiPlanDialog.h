#pragma once

#include "config/Config.h"
#include "planning/AiPlanResult.h"

#include <QDialog>
#include <QPointer>
#include <QProcessEnvironment>
#include <QStringList>

#include <memory>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;
template<typename T> class QFutureWatcher;

namespace switchboard {

class AiPlanner;
class Orchestrator;
class PlanGoalsModel;

// "Plan with AI": an objective and an LLM profile in, a plan out. The model's goals are shown in an editable
// table, checked by the plan rules as the person edits (offending rows marked, each problem with its reason),
// and then saved as a plan file or run like any plan (RunPlanDialog::startPlan). The model is asked off the
// GUI thread; Cancel aborts the call. Without an LLM profile it explains how to add one.
class AiPlanDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AiPlanDialog)

public:
    AiPlanDialog(Orchestrator *orchestrator, Config config, QWidget *parent = nullptr,
                 QProcessEnvironment environment = QProcessEnvironment::systemEnvironment());
    ~AiPlanDialog() override;

    void setObjective(const QString &objective);
    bool selectProfile(const QString &name);
    bool isGenerating() const;
    // The goals as edited, and their problems now.
    QList<Goal> goals() const;
    QList<GoalProblem> problems() const;
    const AiPlanResult &lastResult() const { return m_result; }
    // The plan file's text for the goals as they are (PlanWriter).
    QByteArray planYaml() const;
    QString planName() const;
    // Writes the plan atomically; false with the reason shown when it cannot.
    bool saveTo(const QString &path);
    QStringList startedAgentIds() const { return m_startedAgentIds; }
    // Shows what a planning call gave: the goals to edit and their problems, or why there is none. Generate
    // ends here; a plan made elsewhere (the command line) can be shown the same way.
    void showResult(const AiPlanResult &result);

public Q_SLOTS:
    // Asks the model for a plan (Retry: again, telling it what was wrong with its last answer).
    void generate();
    void retry();
    void cancelGeneration();
    // Starts the goals on the orchestrator as the Run plan dialog does.
    void run();
    void reject() override;

Q_SIGNALS:
    void planStarted(const QString &name);
    // A plan came back from the model (valid or not), or the call failed: the preview shows it.
    void resultShown();

protected:
    void changeEvent(QEvent *event) override;

private:
    void ask(bool retrying);
    void recheck();
    void showProblems();
    void updateState();
    void updateProblemLook();
    void openSaveDialog();
    void showError(const QString &message);
    void selectProblem(int row);
    void retranslate();

    QPointer<Orchestrator> m_orchestrator;
    Config m_config;
    QProcessEnvironment m_environment;
    QList<AgentProfile> m_planners;
    AiPlanResult m_result;
    QString m_askedObjective;
    std::shared_ptr<AiPlanner> m_planner; // while asking; shared with the worker, which may outlive the dialog
    QFutureWatcher<AiPlanResult> *m_watcher;
    QStringList m_startedAgentIds;
    QString m_status;

    QLabel *m_objectiveLabel;
    QPlainTextEdit *m_objective;
    QLabel *m_profileLabel;
    QComboBox *m_profile;
    QPushButton *m_generate;
    QPushButton *m_retry;
    QProgressBar *m_busy;
    QPushButton *m_cancelGeneration;
    QLabel *m_statusLabel;
    QLabel *m_error;
    QStackedWidget *m_pages;
    QLabel *m_emptyState;
    QLabel *m_hint;
    QWidget *m_previewPage;
    QLabel *m_summary;
    QPushButton *m_addGoal;
    QPushButton *m_removeGoal;
    PlanGoalsModel *m_model;
    QTableView *m_table;
    QLabel *m_problemsHeading;
    QListWidget *m_problems;
    QDialogButtonBox *m_buttons;
    QPushButton *m_save;
    QPushButton *m_run;
};

} // namespace switchboard
