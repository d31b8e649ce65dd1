#include "ConnectionTest.h"

#include "llm/EndpointResolver.h"
#include "llm/ModelClient.h"

#include <QtConcurrent>

#include <variant>

namespace switchboard {

namespace {
constexpr int kTimeoutMs = 15000;
} // namespace

ConnectionTest::ConnectionTest(QProcessEnvironment environment, QObject *parent)
    : QObject(parent)
    , m_environment(std::move(environment))
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, [this] {
        if (!m_watcher.isCanceled())
            Q_EMIT finished(m_watcher.result());
    });
}

// A test still running when the dialog closes finishes on its own (it holds copies of what it needs), so closing
// never waits for a server that does not answer.
ConnectionTest::~ConnectionTest() = default;

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
    // A person is waiting for the answer: a server that has not answered in 15 s is reported, not waited for.
    llm::ModelEndpoint quick = *endpoint;
    quick.connectTimeoutMs = qMin(quick.connectTimeoutMs, kTimeoutMs);
    quick.idleTimeoutMs = qMin(quick.idleTimeoutMs, kTimeoutMs);
    llm::ModelClient client(quick);
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
