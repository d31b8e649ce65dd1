#pragma once

#include "config/Config.h"
#include "config/Plan.h"

#include <QDialog>
#include <QPointer>
#include <QStringList>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTreeWidget;

namespace switchboard {

class Orchestrator;

// Picks a plan (an embedded template or a YAML file), previews it as phases of goals, and starts it:
// the plan's profiles and max_parallel go to the orchestrator, then its goals are spawned in phase order.
// Errors in the file are shown with file, line and column; warnings are listed.
class RunPlanDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunPlanDialog)

public:
    RunPlanDialog(Orchestrator *orchestrator, Config baseConfig, QWidget *parent = nullptr);

    // Reads a plan file or template (":/plans/x.yaml") and previews it; false (error shown) if it is invalid.
    bool loadPlan(const QString &path);
    // Selects a template in the list by its file's base name ("full_stack"); false if there is none.
    bool selectTemplate(const QString &name);
    const std::optional<Plan> &plan() const { return m_plan; }
    // The plan's name, or its file's base name when it has none.
    QString planName() const;
    QStringList startedAgentIds() const { return m_startedAgentIds; }
    // The execution mode the plan will run in ("dependency", "parallel", ...): the plan's workflow.mode
    // unless the person picked another one.
    QString selectedMode() const;
    bool selectMode(const QString &mode);

    // The goals ordered phase by phase (Scheduler::phases), file order inside a phase.
    static QList<Goal> goalsInPhaseOrder(const QList<Goal> &goals);
    // Starts a plan as Start does: its profiles, limits and mode (empty: the plan's own) onto the orchestrator,
    // its goals spawned in phase order, the plan recorded with the run. The agents' ids; empty with *error when
    // the goals were refused, and the orchestrator is as it was.
    static QStringList startPlan(Orchestrator &orchestrator, const Plan &plan, const QString &mode, QString *error);

public Q_SLOTS:
    void accept() override;

Q_SIGNALS:
    void planStarted(const QString &name);

protected:
    void changeEvent(QEvent *event) override;

private:
    void openFileDialog();
    void showPreview();
    void showError(const QString &message);
    void updateModeWarning();
    void retranslate();

    QPointer<Orchestrator> m_orchestrator;
    Config m_baseConfig;
    std::optional<Plan> m_plan;
    QString m_loadedPath;
    QStringList m_startedAgentIds;

    QLabel *m_templatesHeading;
    QListWidget *m_templates;
    QPushButton *m_openFile;
    QLabel *m_planName;
    QLabel *m_description;
    QLabel *m_source;
    QLabel *m_summary;
    QLabel *m_modeLabel;
    QComboBox *m_mode;
    QLabel *m_modeWarning;
    QTreeWidget *m_preview;
    QLabel *m_error;
    QLabel *m_warningsHeading;
    QListWidget *m_warnings;
    QDialogButtonBox *m_buttons;
};

} // namespace switchboard
