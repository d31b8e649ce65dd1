#pragma once

#include "model/Goal.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QTimer;

namespace switchboard {

class ConditionField;
class ExecutorFields;
class IsolationSection;
class Orchestrator;
class StringListEditor;
class TeamSection;

// The form for one goal: title, description, priority, deadline, success criteria, profile or required
// capabilities, where its agent runs (the profile's executor or its own, issue 19), dependencies on existing goals and
// a condition on one of them, resources, isolation (a git worktree of its own), and a team of agents to work on it
// instead of one (issue 16). Problems are
// shown next to the field they concern, and what the orchestrator would refuse (a cycle, an unknown profile) is shown
// before submitting. Accepting spawns the goal.
class NewGoalDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewGoalDialog)

public:
    explicit NewGoalDialog(Orchestrator *orchestrator, QWidget *parent = nullptr);

    // The goal as the form describes it now.
    Goal goal() const;
    IsolationSection *isolationSection() const { return m_isolation; }
    TeamSection *teamSection() const { return m_team; }
    ConditionField *conditionField() const { return m_condition; }
    ExecutorFields *executorFields() const { return m_executor; }
    // The agent started by the last successful submit.
    QString spawnedAgentId() const { return m_spawnedAgentId; }

public Q_SLOTS:
    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void populateChoices();
    void updateCapabilityState();
    void updateIsolationProfile();
    void updateExecutorState();
    void updateConditionDependencies();
    void validateLive();
    bool checkFields();
    // A title, or a description to take the title from (Goal::defaultTitle).
    bool hasTitleOrDescription() const;
    void showProblems(const QStringList &problems);
    void retranslate();

    QPointer<Orchestrator> m_orchestrator;
    QString m_spawnedAgentId;

    QLineEdit *m_title;
    QLabel *m_titleError;
    QLineEdit *m_goalId;
    QPlainTextEdit *m_description;
    QComboBox *m_priority;
    QCheckBox *m_hasDeadline;
    QDateTimeEdit *m_deadline;
    QLabel *m_deadlineError;
    StringListEditor *m_criteria;
    QComboBox *m_profile;
    ExecutorFields *m_executor;
    QListWidget *m_capabilities;
    QLineEdit *m_dependencyFilter;
    QListWidget *m_dependsOn;
    QPlainTextEdit *m_resources;
    IsolationSection *m_isolation;
    TeamSection *m_team;
    ConditionField *m_condition;
    bool m_submitTried = false;       // the team's and the condition's messages show from the first submit on
    bool m_submitWhenChecked = false; // submit pressed while the repository was being checked
    QLabel *m_problems;
    QDialogButtonBox *m_buttons;
    QTimer *m_validateDelay;

    QLabel *m_titleLabel;
    QLabel *m_idLabel;
    QLabel *m_descriptionLabel;
    QLabel *m_priorityLabel;
    QLabel *m_criteriaLabel;
    QLabel *m_profileLabel;
    QLabel *m_capabilitiesLabel;
    QLabel *m_dependsOnLabel;
    QLabel *m_resourcesLabel;
    QLabel *m_conditionLabel;
};

} // namespace switchboard
