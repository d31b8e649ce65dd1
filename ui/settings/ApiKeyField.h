#pragma once

#include "llm/Keychain.h"

#include <QFutureWatcher>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace switchboard {

// The API key of an HTTP profile, kept in the OS keychain (Keychain::storeKey): a password field and Store, and a
// line saying whether a key is stored, never the key itself (its last four characters at most). Where no keychain
// service runs (or SWITCHBOARD_NO_KEYCHAIN switches it off) it says so and offers the api_key_env field instead.
class ApiKeyField final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiKeyField)

public:
    explicit ApiKeyField(QWidget *parent = nullptr);
    ~ApiKeyField() override;

    // The profile whose entry is shown and stored ("profile/<name>/api_key").
    void setProfileName(const QString &name);
    // Whether the keychain can be used here; nullopt while that is being found out.
    std::optional<bool> isAvailable() const { return m_available; }
    QString statusText() const;

Q_SIGNALS:
    // "Use an environment variable": the editor focuses api_key_env.
    void environmentRequested();
    void availabilityKnown();

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class State
    {
        Checking,
        Unavailable,
        Disabled,
        Reading,
        Stored,
        NotStored,
        Storing,
        Failed,
    };

    void handleAvailability(const llm::Keychain::Result &result);
    void readStored();
    void store();
    void remove();
    void setState(State state, const QString &detail = {});
    void retranslate();

    QLabel *m_status;
    QLineEdit *m_edit;
    QPushButton *m_store;
    QPushButton *m_remove;
    QPushButton *m_useEnvironment;
    QString m_profile;
    std::optional<bool> m_available;
    State m_state = State::Checking;
    QString m_detail; // the stored key's last characters, or the keychain's error
    QFutureWatcher<llm::Keychain::Result> m_check;
    QFutureWatcher<llm::Keychain::Result> m_job;
    QString m_jobProfile;
    bool m_storing = false; // m_job stores a key (then it is read back)
};

} // namespace switchboard
