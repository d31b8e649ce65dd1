#pragma once

#include "agents/BackendRegistry.h"
#include "model/AgentProfile.h"

#include <QHash>
#include <QProcessEnvironment>
#include <QStringList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace switchboard {

class ApiKeyField;
class ConnectionTest;
class ExecutorFields;

// The form of one agent profile in the Settings dialog: what every backend has (name, backend, model,
// capabilities, limits, retry), the connection of an HTTP profile (base URL, key variable, the key in the keychain,
// Test connection), the command of a process or coding-agent profile and where that program runs (ExecutorFields);
// rows a backend does not read are hidden.
// Its problems are the BackendRegistry's own checks of the profile (the ones ConfigLoader makes), each shown under
// the field it names.
class ProfileEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileEditor)

public:
    explicit ProfileEditor(QProcessEnvironment environment, QWidget *parent = nullptr);
    ~ProfileEditor() override;

    // Fills the form; keys the form does not show (settings, pricing, isolation, ...) are kept as they are.
    void setProfile(const AgentProfile &profile);
    AgentProfile profile() const;
    // The names of the other profiles: a name may not repeat one.
    void setOtherNames(const QStringList &names);

    // Every problem of the profile as the form has it, each with the field it is about ("name", "command",
    // "base_url", "retry", ...); the message starts with that field.
    QList<BackendRegistry::ProfileError> problems() const;
    // "OpenAI-compatible API (openai)": how the backend chooser and the Add menu name a backend.
    static QString backendLabel(const QString &backend);
    // The same checks of a profile that is not in the form.
    static QList<BackendRegistry::ProfileError> problemsOf(const AgentProfile &profile, const QStringList &otherNames);
    // Shows the problems under their fields (none: clears them). Returns whether there were any.
    bool showProblems();
    // The input of a field ("command"), for focusing it; nullptr for one the form does not show.
    QWidget *fieldWidget(const QString &field) const;
    ApiKeyField *apiKeyField() const { return m_apiKey; }
    ConnectionTest *connectionTest() const { return m_test; }
    ExecutorFields *executorFields() const { return m_executor; }

Q_SIGNALS:
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Field
    {
        QWidget *input = nullptr;
        QLabel *error = nullptr;
    };

    QWidget *addRow(QFormLayout *form, const QString &key, QWidget *input);
    void updateVisibility();
    void runConnectionTest();
    void retranslate();
    QStringList backoffSeconds(QString *error) const;

    AgentProfile m_profile;
    QStringList m_otherNames;
    bool m_loading = false;
    QHash<QString, Field> m_fields;
    QHash<QString, QLabel *> m_labels; // the form's label of each field
    QLabel *m_generalError;

    QGroupBox *m_identity;
    QFormLayout *m_identityForm;
    QLineEdit *m_name;
    QComboBox *m_backend;
    QLineEdit *m_model;
    QLineEdit *m_capabilities;

    QGroupBox *m_connection;
    QFormLayout *m_connectionForm;
    QLineEdit *m_baseUrl;
    QLineEdit *m_keyVariable;
    ApiKeyField *m_apiKey;
    QPushButton *m_testButton;
    QLabel *m_testResult;
    ConnectionTest *m_test;

    QGroupBox *m_commandGroup;
    QFormLayout *m_commandForm;
    QLineEdit *m_command;
    QLineEdit *m_args;
    QLineEdit *m_workingDirectory;

    QGroupBox *m_executorGroup;
    ExecutorFields *m_executor;

    QGroupBox *m_limits;
    QFormLayout *m_limitsForm;
    QSpinBox *m_maxConcurrent;
    QSpinBox *m_timeout;
    QSpinBox *m_idleTimeout;
    QSpinBox *m_connectTimeout;
    QSpinBox *m_streamIdleTimeout;
    QSpinBox *m_maxRetries;
    QLineEdit *m_backoff;
    QDoubleSpinBox *m_jitter;
};

} // namespace switchboard
