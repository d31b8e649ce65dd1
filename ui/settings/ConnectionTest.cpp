#include "ConnectionTest.h"

#include "llm/EndpointResolver.h"
#include "llm/ModelClient.h"

#include <QtConcurrent>

#include <variant>

namespace switchboard {

ConnectionTest::ConnectionTest(QProcessEnvironment environment, QObject *parent)
    : QObject(parent)
    , m_environment(std::move(environment))
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, [this] {
        if (!m_watcher.isCanceled())
            Q_EMIT finished(m_watcher.result());
    });
}

ConnectionTest::~ConnectionTest()
{
    // The request ends within its connect timeout; the watcher must not outlive the future it watches.
    m_watcher.waitForFinished();
}

void ConnectionTest::start(const AgentProfile &profile)
{
    if (isRunning())
        return;
    m_watcher.setFuture(
        QtConcurrent::run([profile, environment = m_environment] { return run(profile, environment); }));
}

ConnectionTest::Outcome ConnectionTest::run(const AgentProfile &profile, const QProcessEnvironment &environment)
{
    Outcome outcome;
    QString error;
    const std::optional<llm::ModelEndpoint> endpoint = llm::resolveEndpoint(profile, environment, &error);
    if (!endpoint) {
        outcome.error = error;
        return outcome;
    }
    llm::ModelClient client(*endpoint);
    const std::variant<QStringList, llm::ModelError> listed = client.listModels();
    if (const auto *error = std::get_if<llm::ModelError>(&listed)) {
        outcome.error = QStringLiteral("%1: %2").arg(endpoint->baseUrl.toString(), error->message);
        return outcome;
    }
    outcome.ok = true;
    outcome.models = std::get<QStringList>(listed);
    return outcome;
}

} // namespace switchboard
