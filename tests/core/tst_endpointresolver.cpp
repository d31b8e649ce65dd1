// resolveEndpoint: where an LLM profile's requests go, with which key, headers and timeouts, and the message
// that says which variable to set when the key is missing.
#include "llm/EndpointResolver.h"

#include <QTest>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {

AgentProfile llmProfile(const QString &backend, const QString &model = u"m-1"_s)
{
    AgentProfile p;
    p.name = u"coder"_s;
    p.backend = backend;
    p.model = model;
    return p;
}

QProcessEnvironment env(const QList<std::pair<QString, QString>> &vars)
{
    QProcessEnvironment e;
    for (const auto &[name, value] : vars)
        e.insert(name, value);
    return e;
}

} // namespace

class TestEndpointResolver final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void baseUrls_data();
    void baseUrls();
    void missingKey_data();
    void missingKey();
    void localServersNeedNoKey();
    void profileFields();
    void notAnLlmProfile();
};

void TestEndpointResolver::defaults()
{
    QString error;
    const auto openai = llm::resolveEndpoint(llmProfile(u"openai"_s, u"gpt-4o"_s),
                                             env({{u"OPENAI_API_KEY"_s, u" sk-openai-key-1 "_s}}), &error);
    QVERIFY2(openai, qPrintable(error));
    QCOMPARE(openai->api, llm::ApiKind::OpenAi);
    QCOMPARE(openai->baseUrl, QUrl(u"https://api.openai.com/v1"_s));
    QCOMPARE(openai->model, u"gpt-4o"_s);
    QCOMPARE(openai->apiKey, u"sk-openai-key-1"_s);
    QVERIFY(openai->stream);
    QCOMPARE(openai->connectTimeoutMs, 30'000);
    QCOMPARE(openai->idleTimeoutMs, 60'000);
    QVERIFY(!openai->temperature);
    QCOMPARE(openai->maxTokens, 0);

    const auto claude = llm::resolveEndpoint(
        llmProfile(u"anthropic"_s, u"claude-3-5-sonnet-latest"_s),
        env({{u"ANTHROPIC_API_KEY"_s, u"sk-ant-key-12345"_s}, {u"OPENAI_BASE_URL"_s, u"http://elsewhere/v1"_s}}),
        &error);
    QVERIFY2(claude, qPrintable(error));
    QCOMPARE(claude->api, llm::ApiKind::Anthropic);
    QCOMPARE(claude->baseUrl, QUrl(u"https://api.anthropic.com/v1"_s)); // OPENAI_BASE_URL is openai's only
    QCOMPARE(claude->apiKey, u"sk-ant-key-12345"_s);
}

void TestEndpointResolver::baseUrls_data()
{
    QTest::addColumn<QString>("profileUrl");
    QTest::addColumn<QString>("envUrl");
    QTest::addColumn<QString>("expected");

    QTest::newRow("vendor") << QString() << QString() << u"https://api.openai.com/v1"_s;
    QTest::newRow("OPENAI_BASE_URL") << QString() << u"https://openrouter.ai/api/v1/"_s
                                     << u"https://openrouter.ai/api/v1"_s;
    QTest::newRow("profile wins") << u"http://10.0.0.5:8000/v1"_s << u"https://openrouter.ai/api/v1"_s
                                  << u"http://10.0.0.5:8000/v1"_s;
}

void TestEndpointResolver::baseUrls()
{
    QFETCH(QString, profileUrl);
    QFETCH(QString, envUrl);
    QFETCH(QString, expected);
    AgentProfile p = llmProfile(u"openai"_s);
    p.llm.baseUrl = profileUrl;
    QProcessEnvironment e = env({{u"OPENAI_API_KEY"_s, u"sk-some-key-123"_s}});
    if (!envUrl.isEmpty())
        e.insert(u"OPENAI_BASE_URL"_s, envUrl);
    QString error;
    const auto endpoint = llm::resolveEndpoint(p, e, &error);
    QVERIFY2(endpoint, qPrintable(error));
    QCOMPARE(endpoint->baseUrl, QUrl(expected));
}

void TestEndpointResolver::missingKey_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("apiKeyEnv");
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("error");

    QTest::newRow("openai") << u"openai"_s << QString() << QString()
                            << u"profile 'coder' needs an API key: set the environment variable OPENAI_API_KEY (or "
                               u"name another with api_key_env)"_s;
    QTest::newRow("anthropic") << u"anthropic"_s << QString() << QString()
                               << u"profile 'coder' needs an API key: set the environment variable ANTHROPIC_API_KEY "
                                  u"(or name another with api_key_env)"_s;
    QTest::newRow("named variable") << u"openai"_s << u"OPENROUTER_KEY"_s << u"https://openrouter.ai/api/v1"_s
                                    << u"profile 'coder' needs an API key: set the environment variable "
                                       u"OPENROUTER_KEY (named by api_key_env)"_s;
    QTest::newRow("loopback with a named variable still needs it")
        << u"openai"_s << u"VLLM_KEY"_s << u"http://127.0.0.1:8000/v1"_s
        << u"profile 'coder' needs an API key: set the environment variable VLLM_KEY (named by api_key_env)"_s;
    QTest::newRow("not loopback") << u"openai"_s << QString() << u"http://192.168.1.20:11434/v1"_s
                                  << u"profile 'coder' needs an API key: set the environment variable OPENAI_API_KEY "
                                     u"(or name another with api_key_env)"_s;
}

void TestEndpointResolver::missingKey()
{
    QFETCH(QString, backend);
    QFETCH(QString, apiKeyEnv);
    QFETCH(QString, baseUrl);
    QFETCH(QString, error);
    AgentProfile p = llmProfile(backend);
    p.llm.apiKeyEnv = apiKeyEnv;
    p.llm.baseUrl = baseUrl;
    QString why;
    // An empty variable counts as missing.
    QVERIFY(!llm::resolveEndpoint(p, env({{apiKeyEnv.isEmpty() ? u"X"_s : apiKeyEnv, u"  "_s}}), &why));
    QCOMPARE(why, error);
}

void TestEndpointResolver::localServersNeedNoKey()
{
    for (const QString &url : {u"http://127.0.0.1:11434/v1"_s, u"http://localhost:8080/v1"_s, u"http://[::1]:1234/v1"_s,
                               u"http://127.1.2.3:8000/v1"_s}) {
        AgentProfile p = llmProfile(u"openai"_s, u"llama3.2"_s);
        p.llm.baseUrl = url;
        QString error;
        // A real OpenAI key in the environment is not sent to whatever listens locally.
        const auto endpoint = llm::resolveEndpoint(p, env({{u"OPENAI_API_KEY"_s, u"sk-real-openai-key"_s}}), &error);
        QVERIFY2(endpoint, qPrintable(url + u": "_s + error));
        QVERIFY2(endpoint->apiKey.isEmpty(), qPrintable(url));
        QCOMPARE(endpoint->baseUrl, QUrl(url));
    }
    // Via OPENAI_BASE_URL too.
    QString error;
    const auto endpoint = llm::resolveEndpoint(llmProfile(u"openai"_s),
                                               env({{u"OPENAI_BASE_URL"_s, u"http://localhost:11434/v1"_s}}), &error);
    QVERIFY2(endpoint, qPrintable(error));
    QVERIFY(endpoint->apiKey.isEmpty());
}

void TestEndpointResolver::profileFields()
{
    AgentProfile p = llmProfile(u"openai"_s, u" gpt-4o-mini "_s);
    p.llm.baseUrl = u"https://openrouter.ai/api/v1"_s;
    p.llm.apiKeyEnv = u"OPENROUTER_API_KEY"_s;
    p.llm.temperature = 0.3;
    p.llm.maxTokens = 1000;
    p.llm.stream = false;
    p.llm.connectTimeoutS = 5;
    p.llm.idleTimeoutS = 9;
    p.llm.headers = {{u"HTTP-Referer"_s, u"https://example.org"_s}, {u"X-Title"_s, u"Switchboard"_s}};
    QString error;
    const auto endpoint = llm::resolveEndpoint(p, env({{u"OPENROUTER_API_KEY"_s, u"sk-or-v1-abcdef"_s}}), &error);
    QVERIFY2(endpoint, qPrintable(error));
    QCOMPARE(endpoint->model, u"gpt-4o-mini"_s);
    QCOMPARE(endpoint->apiKey, u"sk-or-v1-abcdef"_s);
    QCOMPARE(endpoint->temperature, std::optional<double>(0.3));
    QCOMPARE(endpoint->maxTokens, 1000);
    QCOMPARE(endpoint->stream, false);
    QCOMPARE(endpoint->connectTimeoutMs, 5000);
    QCOMPARE(endpoint->idleTimeoutMs, 9000);
    QCOMPARE(endpoint->headers, (QList<QPair<QByteArray, QByteArray>>{{"HTTP-Referer", "https://example.org"},
                                                                      {"X-Title", "Switchboard"}}));
}

void TestEndpointResolver::notAnLlmProfile()
{
    QString error;
    QVERIFY(!llm::resolveEndpoint(llmProfile(u"demo"_s), {}, &error));
    QCOMPARE(error, u"profile 'coder': backend 'demo' does not reach a model server"_s);
    AgentProfile bad = llmProfile(u"openai"_s);
    bad.llm.baseUrl = u"ftp://host/v1"_s;
    QVERIFY(!llm::resolveEndpoint(bad, env({{u"OPENAI_API_KEY"_s, u"sk-some-key-123"_s}}), &error));
    QCOMPARE(error, u"profile 'coder': base_url 'ftp://host/v1' is not an http(s) URL"_s);
    QVERIFY(!llm::resolveEndpoint(llmProfile(u"openai"_s, u" "_s), {}, &error));
    QCOMPARE(error, u"profile 'coder' names no model"_s);
}

QTEST_GUILESS_MAIN(TestEndpointResolver)
#include "tst_endpointresolver.moc"
