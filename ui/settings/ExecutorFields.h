#pragma once

#include "execution/ExecutorRules.h"
#include "execution/ExecutorSpec.h"

#include <QHash>
#include <QList>
#include <QWidget>

#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace switchboard {

// "Runs on": where a process-based agent runs (issue 19) — this machine, a Slurm cluster or an SSH host — and the
// fields of the chosen kind, as rows of a form without a frame. The Settings profile editor shows it in its "Runs on"
// group for a profile's executor, the New goal dialog among its rows for a goal's override (with "As its profile"
// first). The values are checked by ExecutorRules, the checks the config reader makes, each problem under its field.
class ExecutorFields final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExecutorFields)

public:
    enum class Mode
    {
        Profile,      // Local, Slurm, SSH
        GoalOverride, // "As its profile", then the same
    };

    explicit ExecutorFields(Mode mode, QWidget *parent = nullptr);
    ~ExecutorFields() override;

    // nullopt: "As its profile" (GoalOverride), Local (Profile).
    void setExecutor(const std::optional<ExecutorSpec> &spec);
    // What the fields say; nullopt only for "As its profile".
    std::optional<ExecutorSpec> executor() const;
    // Each problem's field is the config key ("host", "port", ...); its message starts with that key.
    QList<ExecutorRules::Problem> problems() const;
    // Shows the problems under their fields (none: clears them). Returns whether there were any.
    bool showProblems();
    void clearProblems();
    // The input of a config key ("host", "kind"); nullptr for an unknown one.
    QWidget *fieldWidget(const QString &key) const;
    // The form's labels, so a page can give all its groups one label column.
    QList<QLabel *> labels() const;

Q_SIGNALS:
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Field
    {
        QWidget *input = nullptr;
        QLabel *error = nullptr;
        QLabel *label = nullptr;
        QWidget *cell = nullptr;
    };

    void addRow(const QString &key, QWidget *input, QWidget *extra = nullptr);
    void updateVisibility();
    void browseIdentity();
    void retranslate();

    Mode m_mode;
    bool m_loading = false;
    QFormLayout *m_form;
    QHash<QString, Field> m_fields;
    QStringList m_order; // keys in the order of the rows
    QComboBox *m_kind;
    QLineEdit *m_partition;
    QLineEdit *m_account;
    QLineEdit *m_qos;
    QLineEdit *m_timeLimit;
    QSpinBox *m_cpus;
    QLineEdit *m_mem;
    QLineEdit *m_gres;
    QLineEdit *m_extraArgs;
    QLineEdit *m_host;
    QLineEdit *m_user;
    QLineEdit *m_port;
    QLineEdit *m_identityFile;
    QPushButton *m_browse;
    QLineEdit *m_workdir;
    QLineEdit *m_extraOptions;
};

} // namespace switchboard
