// LocalModelDiscovery against real HTTP on loopback: servers that speak like Ollama and llama.cpp on ephemeral
// ports, a dead port, a port where something else answers and one that never answers.
#include "config/LlmProfileRules.h"
#include "llm/EndpointResolver.h"
#include "llm/LocalModelDiscovery.h"
#include "support/ModelListServer.h"

#include <QFutureWatcher>
#include <QHostAddress>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace switchboard;
using namespace Qt::StringLiterals;
using llm::LocalModelDiscovery;
using llm::LocalModelServer;
using test::ModelListServer;

namespace {

// A port nothing listens on: bound, then closed again.
quint16 deadPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace

class TestLocalModelDiscovery final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsServersAndSkipsTheRest();
    void runsOffTheCallingThread();
    void readyProfiles();
    void candidatesFromEnvironment();
    void nothingFound();
};

void TestLocalModelDiscovery::findsServersAndSkipsTheRest()
{
    ModelListServer ollama("/api/tags", ModelListServer::ollamaTags({u"llama3.2:latest"_s, u"qwen2.5:7b"_s}));
    ModelListServer llamaCpp("/v1/models", ModelListServer::openAiModels({u"/models/Phi-3-mini.Q4_K_M.gguf"_s}));
    ModelListServer webApp("/v1/models", "<html>not a model server</html>");
    ModelListServer *hanging = ModelListServer::silent(this);
    const quint16 dead = deadPort();
    QVERIFY(ollama.port() && llamaCpp.port() && webApp.port() && hanging->port() && dead);

    const LocalModelDiscovery discovery({{u"ollama"_s, ollama.port()},
                                         {u"vllm"_s, dead},
                                         {u"llama.cpp"_s, llamaCpp.port()},
                                         {u"lmstudio"_s, webApp.port()},
                                         {u"vllm"_s, hanging->port()}},
                                        1000);
    // On this thread: discover() runs its own event loop, which serves these servers too.
    const QList<LocalModelServer> servers = discovery.discover();
    QCOMPARE(servers.size(), 2);
    QCOMPARE(servers.at(0).kind, u"ollama"_s);
    QCOMPARE(servers.at(0).baseUrl, QUrl(u"http://127.0.0.1:%1/v1"_s.arg(ollama.port())));
    QCOMPARE(servers.at(0).models, QStringList({u"llama3.2:latest"_s, u"qwen2.5:7b"_s}));
    QCOMPARE(servers.at(1).kind, u"llama.cpp"_s);
    QCOMPARE(servers.at(1).baseUrl, QUrl(u"http://127.0.0.1:%1/v1"_s.arg(llamaCpp.port())));
    QCOMPARE(servers.at(1).models, QStringList{u"/models/Phi-3-mini.Q4_K_M.gguf"_s});

    // Each kind was asked on its own path.
    QCOMPARE(ollama.requests(), QList<QByteArray>{"GET /api/tags HTTP/1.1"});
    QCOMPARE(llamaCpp.requests(), QList<QByteArray>{"GET /v1/models HTTP/1.1"});
    QCOMPARE(webApp.requests(), QList<QByteArray>{"GET /v1/models HTTP/1.1"});
    QCOMPARE(hanging->requests().size(), 1);
}

void TestLocalModelDiscovery::runsOffTheCallingThread()
{
    ModelListServer ollama("/api/tags", ModelListServer::ollamaTags({u"mistral:latest"_s}));
    const LocalModelDiscovery discovery({{u"ollama"_s, ollama.port()}, {u"llama.cpp"_s, deadPort()}}, 1000);
    QFutureWatcher<QList<LocalModelServer>> watcher;
    QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
    watcher.setFuture(discovery.discoverAsync());
    // This thread stays free (it serves the fake server meanwhile).
    QVERIFY(finished.wait(15000));
    const QList<LocalModelServer> servers = watcher.result();
    QCOMPARE(servers.size(), 1);
    QCOMPARE(servers.first().models, QStringList{u"mistral:latest"_s});
}

void TestLocalModelDiscovery::readyProfiles()
{
    const LocalModelServer ollama{
        u"ollama"_s, QUrl(u"http://127.0.0.1:11434/v1"_s), {u"llama3.2:latest"_s, u"qwen2.5:7b"_s}};
    const LocalModelServer llamaCpp{
        u"llama.cpp"_s, QUrl(u"http://127.0.0.1:8080/v1"_s), {u"/models/Phi-3-mini.Q4_K_M.gguf"_s}};
    const LocalModelServer otherOllama{u"ollama"_s, QUrl(u"http://127.0.0.1:11500/v1"_s), {u"llama3.2:latest"_s}};
    const QList<AgentProfile> profiles = LocalModelDiscovery::profilesFor({ollama, llamaCpp, otherOllama});
    QStringList names;
    for (const AgentProfile &p : profiles)
        names << p.name;
    QCOMPARE(names, QStringList({u"ollama-llama3.2"_s, u"ollama-qwen2.5-7b"_s, u"llamacpp-Phi-3-mini.Q4_K_M"_s,
                                 u"ollama-llama3.2-11500"_s}));

    const AgentProfile &p = profiles.first();
    QCOMPARE(p.backend, u"openai"_s);
    QCOMPARE(p.model, u"llama3.2:latest"_s); // as the server names it
    QCOMPARE(p.llm.baseUrl, u"http://127.0.0.1:11434/v1"_s);
    QVERIFY(p.llm.apiKeyEnv.isEmpty());
    QVERIFY(LlmProfileRules::validate(p).isEmpty());
    // Ready to run: no key is needed on loopback, even with none in the environment.
    QString error;
    const std::optional<llm::ModelEndpoint> endpoint = llm::resolveEndpoint(p, QProcessEnvironment(), &error);
    QVERIFY2(endpoint, qPrintable(error));
    QVERIFY(endpoint->apiKey.isEmpty());
    QCOMPARE(endpoint->baseUrl, QUrl(u"http://127.0.0.1:11434/v1"_s));
}

void TestLocalModelDiscovery::candidatesFromEnvironment()
{
    QProcessEnvironment env;
    QString error;
    const auto defaults = LocalModelDiscovery::candidatesFromEnvironment(env, &error);
    QVERIFY(error.isEmpty());
    QCOMPARE(LocalModelDiscovery::portList(defaults), u"11434, 8080, 1234, 8000"_s);

    env.insert(u"SWITCHBOARD_DISCOVERY_PORTS"_s, u"ollama=4000, llama.cpp=4001"_s);
    const auto custom = LocalModelDiscovery::candidatesFromEnvironment(env, &error);
    QVERIFY(error.isEmpty());
    QCOMPARE(custom.size(), 2);
    QCOMPARE(custom.at(0).kind, u"ollama"_s);
    QCOMPARE(custom.at(0).port, quint16(4000));
    QCOMPARE(custom.at(1).kind, u"llama.cpp"_s);
    QCOMPARE(custom.at(1).port, quint16(4001));

    env.insert(u"SWITCHBOARD_DISCOVERY_PORTS"_s, u"ollama=4000,gpt=1"_s);
    QCOMPARE(LocalModelDiscovery::portList(LocalModelDiscovery::candidatesFromEnvironment(env, &error)),
             u"11434, 8080, 1234, 8000"_s);
    QVERIFY2(error.contains(u"'gpt=1'"_s), qPrintable(error));
}

void TestLocalModelDiscovery::nothingFound()
{
    QCOMPARE(LocalModelDiscovery({{u"ollama"_s, deadPort()}, {u"vllm"_s, deadPort()}}, 1000).discover(),
             QList<LocalModelServer>());
    QCOMPARE(LocalModelDiscovery({}, 1000).discover(), QList<LocalModelServer>());
}

QTEST_GUILESS_MAIN(TestLocalModelDiscovery)
#include "tst_localmodeldiscovery.moc"
