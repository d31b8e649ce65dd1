#pragma once

#include "model/AgentProfile.h"
#include "model/Team.h"

#include <QList>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QListWidget;
class QSpinBox;
class QToolButton;

namespace switchboard {

// The New goal form's "Team" part (issue 16), folded away until opened: whether the goal is worked on by a team
// of agents (parallel answers, a supervisor with workers, a debate) and with which profiles. Only the fields of
// the chosen pattern show; what is wrong is said under the field it concerns.
class TeamSection final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TeamSection)

public:
    explicit TeamSection(QWidget *parent = nullptr);

    // The profiles a team may use (the known ones), in the order they are offered.
    void setProfiles(const QList<AgentProfile> &profiles);
    // nullopt: no team (the goal runs one agent of its own).
    std::optional<TeamPattern> pattern() const;
    // Shows each problem under its field (and opens the section when there is one); true when there is none.
    bool validate();
    // Clears the messages (the pattern changed; they are shown again by the next validate()).
    void clearProblems();
    bool hasProblems() const;
    bool isExpanded() const;
    void setExpanded(bool expanded);
    // Focuses the first field with a problem.
    void focusProblem();

    QComboBox *kindCombo() const { return m_kind; }
    QListWidget *profilesList() const { return m_profiles; }
    QComboBox *plannerCombo() const { return m_planner; }
    QListWidget *workersList() const { return m_workers; }
    QComboBox *modeCombo() const { return m_mode; }
    QSpinBox *maxIterationsSpin() const { return m_maxIterations; }
    QSpinBox *maxWorkersPerStepSpin() const { return m_maxWorkersPerStep; }
    QSpinBox *roundsSpin() const { return m_rounds; }
    QComboBox *judgeCombo() const { return m_judge; }
    QCheckBox *minSuccessfulCheck() const { return m_hasMinSuccessful; }
    QSpinBox *minSuccessfulSpin() const { return m_minSuccessful; }
    QComboBox *formatCombo() const { return m_format; }
    // The message under a field (hidden when it has none).
    QLabel *profilesError() const { return m_profilesError; }
    QLabel *plannerError() const { return m_plannerError; }
    QLabel *workersError() const { return m_workersError; }
    QLabel *judgeError() const { return m_judgeError; }
    QLabel *minSuccessfulError() const { return m_minSuccessfulError; }
    QLabel *patternError() const { return m_patternError; }

Q_SIGNALS:
    void settingsChanged();
    void expandedChanged(bool expanded);

protected:
    void changeEvent(QEvent *event) override;

private:
    std::optional<TeamKind> kind() const;
    static QStringList checkedProfiles(const QListWidget *list);
    void updateVisibleFields();
    void updateSummary();
    void retranslate();

    QStringList m_known; // profile names
    QToolButton *m_header;
    QLabel *m_summary;
    QWidget *m_body;
    QFormLayout *m_form;
    QComboBox *m_kind;
    QLabel *m_kindHint;
    QListWidget *m_profiles;
    QLabel *m_profilesError;
    QComboBox *m_planner;
    QLabel *m_plannerError;
    QListWidget *m_workers;
    QLabel *m_workersError;
    QComboBox *m_mode;
    QSpinBox *m_maxIterations;
    QSpinBox *m_maxWorkersPerStep;
    QSpinBox *m_rounds;
    QComboBox *m_judge;
    QLabel *m_judgeError;
    QCheckBox *m_hasMinSuccessful;
    QSpinBox *m_minSuccessful;
    QLabel *m_minSuccessfulError;
    QComboBox *m_format;
    QLabel *m_patternError;

    QLabel *m_kindLabel;
    QLabel *m_profilesLabel;
    QLabel *m_plannerLabel;
    QLabel *m_workersLabel;
    QLabel *m_modeLabel;
    QLabel *m_maxIterationsLabel;
    QLabel *m_maxWorkersPerStepLabel;
    QLabel *m_roundsLabel;
    QLabel *m_judgeLabel;
    QLabel *m_minSuccessfulLabel;
    QLabel *m_formatLabel;
};

} // namespace switchboard
