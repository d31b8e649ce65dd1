#pragma once

#include "config/Config.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace switchboard {

// The Workflow page of the Settings dialog: the keys ConfigLoader reads under "workflow:" that decide how goals
// run (max parallel, mode, what a passed deadline does, the lock lease, resume after a crash, the run's budget,
// the workspace). Keys it does not show (the quality limits) keep their values.
class WorkflowPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkflowPage)

public:
    explicit WorkflowPage(QWidget *parent = nullptr);

    void setSettings(const WorkflowSettings &settings);
    WorkflowSettings settings() const;

Q_SIGNALS:
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    WorkflowSettings m_settings;
    bool m_loading = false;
    QFormLayout *m_form;
    QSpinBox *m_maxParallel;
    QComboBox *m_mode;
    QLabel *m_modeHelp;
    QComboBox *m_onDeadline;
    QSpinBox *m_lockTtl;
    QCheckBox *m_autoResume;
    QSpinBox *m_budgetTokens;
    QDoubleSpinBox *m_budgetCost;
    QLineEdit *m_workspace;
    QPushButton *m_browse;
    QLabel *m_retryNote;
};

} // namespace switchboard
