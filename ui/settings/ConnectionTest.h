#pragma once

#include "model/AgentProfile.h"

#include <QFutureWatcher>
#include <QObject>
#include <QProcessEnvironment>
#include <QStringList>

namespace switchboard {

// "Test connection" of an HTTP profile (backend openai or anthropic): resolves its endpoint as an agent would
// (base URL, the key from api_key_env, the keychain or the default variable) and lists the server's models
// (ModelClient::listModels, as `switchboard models` reads them), on a worker thread, so the dialog never waits.
class ConnectionTest final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionTest)

public:
    struct Outcome
    {
        bool ok = false;
        QStringList models;
        QString error; // one sentence naming the URL or the variable when !ok
    };

    explicit ConnectionTest(QProcessEnvironment environment, QObject *parent = nullptr);
    ~ConnectionTest() override;

    // Ignored while a test runs.
    void start(const AgentProfile &profile);
    bool isRunning() const { return m_watcher.isRunning(); }

    // Blocking: what start() does on its worker thread.
    static Outcome run(const AgentProfile &profile, const QProcessEnvironment &environment);

Q_SIGNALS:
    void finished(const switchboard::ConnectionTest::Outcome &outcome);

private:
    QProcessEnvironment m_environment;
    QFutureWatcher<Outcome> m_watcher;
};

} // namespace switchboard
