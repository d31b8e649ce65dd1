// ModelClient against a local server speaking the real wire formats: what a user relies on is that answers,
// tool calls and usage arrive intact from both APIs, streamed or not, that every failure a server or network can
// produce becomes the right ModelError (retryable or not, with the server's own words and never the key), and
// that cancel stops a call at once. The server checks every request the client sends against the API's rules.
#include "llm/LeanHttpPool.h"
#include "llm/ModelClient.h"
#include "support/ScriptedModelServer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QTcpServer>
#include <QTest>
#include <QThread>

#include <atomic>
#include <thread>

using namespace switchboard;
using namespace switchboard::test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(switchboard::test::ScriptedReply)

namespace {

QString describe(const llm::ModelResult &result)
{
    if (const auto *error = std::get_if<llm::ModelError>(&result))
        return u"error %1 (HTTP %2): %3"_s.arg(llm::modelErrorKindName(error->kind))
            .arg(error->httpStatus)
            .arg(error->message);
    const auto &reply = std::get<llm::ModelReply>(result);
    return u"reply '%1' with %2 tool calls"_s.arg(reply.text).arg(reply.toolCalls.size());
}

llm::ApiKind apiOf(const QString &name)
{
    return llm::apiKindFromName(name).value();
}

llm::ChatRequest hello()
{
    llm::ChatRequest request;
    request.system = u"You are terse."_s;
    request.messages.append(llm::ChatMessage{llm::ChatMessage::Role::User, u"Say hello."_s, {}, {}, false});
    return request;
}

QJsonObject objectSchema(const QStringList &properties)
{
    QJsonObject props;
    for (const QString &property : properties)
        props.insert(property, QJsonObject{{u"type"_s, u"string"_s}});
    return QJsonObject{
        {u"type"_s, u"object"_s}, {u"properties"_s, props}, {u"required"_s, QJsonArray::fromStringList(properties)}};
}

QList<llm::ToolSpec> tools()
{
    return {
        llm::ToolSpec{u"read_file"_s, u"Reads a file of the workspace."_s, objectSchema({u"path"_s})},
        llm::ToolSpec{u"write_file"_s, u"Writes a file of the workspace."_s, objectSchema({u"path"_s, u"content"_s})}};
}

// Columns api (openai|anthropic) x stream, one row each.
void addApiRows()
{
    QTest::addColumn<QString>("api");
    QTest::addColumn<bool>("stream");
    for (const QString &api : {u"openai"_s, u"anthropic"_s})
        for (bool stream : {false, true})
            QTest::addRow("%s-%s", qPrintable(api), stream ? "stream" : "whole") << api << stream;
}

} // namespace

class TestModelClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void transportFollowsTheSwitch();
    void plainText_data() { addApiRows(); }
    void plainText();
    void toolCalls_data();
    void toolCalls();
    void toolsChangeBetweenCalls_data();
    void toolsChangeBetweenCalls();
    void conversationWithToolResults_data() { addApiRows(); }
    void conversationWithToolResults();
    void truncated_data() { addApiRows(); }
    void truncated();
    void streamCut_data();
    void streamCut();
    void httpErrors_data();
    void httpErrors();
    void keyNeverInErrors_data() { addApiRows(); }
    void keyNeverInErrors();
    void protocolErrors_data();
    void protocolErrors();
    void errorEventsInTheStream_data();
    void errorEventsInTheStream();
    void connectTimeout_data() { addApiRows(); }
    void connectTimeout();
    void idleTimeout_data() { addApiRows(); }
    void idleTimeout();
    void utf8SplitAcrossChunks_data();
    void utf8SplitAcrossChunks();
    void abortFromAnotherThread_data() { addApiRows(); }
    void abortFromAnotherThread();
    void abortFromTheSinkMidStream();
    void abortBeforeTheCall();
    void connectionRefused();
    void connectionClosedWithoutAnswer();
    void notHttpAtAll();
    void keepsTheConnectionAlive_data() { addApiRows(); }
    void keepsTheConnectionAlive();
    void baseUrlWithTrailingSlashAndExtraHeaders_data() { addApiRows(); }
    void baseUrlWithTrailingSlashAndExtraHeaders();
    void listModels_data();
    void listModels();
    void listModelsError();
    void clientsOnPoolThreads();
    void serverFlagsWhatTheRealApiWouldRefuse();
};

void TestModelClient::transportFollowsTheSwitch()
{
    // This suite runs twice (tests/CMakeLists.txt): over the lean transport, and with SWITCHBOARD_HTTP_CLIENT=qt
    // over QNetworkAccessManager. The calls take the transport the switch says, and only that one.
    const bool qt = qgetenv("SWITCHBOARD_HTTP_CLIENT") == "qt";
    ScriptedModelServer server(llm::ApiKind::OpenAi);
    server.enqueue(ScriptedReply::text(u"over whichever"_s));
    QCOMPARE(llm::ModelClient::transportFor(server.endpoint()),
             qt ? llm::ModelClient::Transport::QtNetwork : llm::ModelClient::Transport::Lean);
    const int opened = llm::LeanHttpPool::forThisThread().counters().opened;
    llm::ModelClient client(server.endpoint());
    QVERIFY(std::holds_alternative<llm::ModelReply>(client.complete(hello())));
    QCOMPARE(llm::LeanHttpPool::forThisThread().counters().opened - opened, qt ? 0 : 1);
}

void TestModelClient::plainText()
{
    QFETCH(QString, api);
    QFETCH(bool, stream);
    ScriptedModelServer server(apiOf(api), u"sk-test-0123456789"_s);
    server.enqueue(ScriptedReply::text(u"Hello there, friend."_s).usage(21, 7).textPieces(3));
    llm::ModelEndpoint endpoint = server.endpoint(u"model-x"_s);
    endpoint.stream = stream;
    endpoint.temperature = 0.5;
    endpoint.maxTokens = 300;
    llm::ModelClient client(endpoint);

    QString live;
    int heartbeats = 0;
    const llm::ModelResult result =
        client.complete(hello(), llm::StreamSink{[&](const QString &delta) { live += delta; }, [&] { ++heartbeats; }});
    QVERIFY2(std::holds_alternative<llm::ModelReply>(result), qPrintable(describe(result)));
    const auto &reply = std::get<llm::ModelReply>(result);
    QCOMPARE(reply.text, u"Hello there, friend."_s);
    QCOMPARE(live, reply.text);
    QVERIFY(heartbeats > 0);
    QCOMPARE(reply.stop, llm::ModelReply::Stop::Done);
    QCOMPARE(reply.stopReason, apiOf(api) == llm::ApiKind::OpenAi ? u"stop"_s : u"end_turn"_s);
    QCOMPARE(reply.usage, (llm::Usage{21, 7}));
    QCOMPARE(reply.model, u"model-x"_s);
    QVERIFY(reply.toolCalls.isEmpty());

    QVERIFY2(server.ok(), qPrintable(server.report()));
    QCOMPARE(server.requestCount(), 1);
    const RecordedRequest request = server.lastRequest();
    QCOMPARE(request.json.value(u"model"_s).toString(), u"model-x"_s);
    QCOMPARE(request.json.value(u"temperature"_s).toDouble(), 0.5);
    QCOMPARE(request.json.value(u"max_tokens"_s).toInt(), 300);
    QCOMPARE(request.streamed(), stream);
    QCOMPARE(request.header("accept"), stream ? QByteArray("text/event-stream") : QByteArray("application/json"));
    const QJsonArray messages = request.json.value(u"messages"_s).toArray();
    if (apiOf(api) == llm::ApiKind::OpenAi) {
        QCOMPARE(request.header("authorization"), QByteArray("Bearer sk-test-0123456789"));
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages[0].toObject(), (QJsonObject{{u"role"_s, u"system"_s}, {u"content"_s, u"You are terse."_s}}));
        QCOMPARE(messages[1].toObject(), (QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"Say hello."_s}}));
        QCOMPARE(request.json.value(u"stream_options"_s).toObject().value(u"include_usage"_s).toBool(), stream);
    } else {
        QCOMPARE(request.header("x-api-key"), QByteArray("sk-test-0123456789"));
        QCOMPARE(request.header("anthropic-version"), QByteArray("2023-06-01"));
        QCOMPARE(request.json.value(u"system"_s).toString(), u"You are terse."_s);
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages[0][u"role"_s].toString(), u"user"_s);
        QCOMPARE(messages[0][u"content"_s].toArray().first()[u"text"_s].toString(), u"Say hello."_s);
    }
}

void TestModelClient::toolCalls_data()
{
    QTest::addColumn<QString>("api");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<int>("calls");
    QTest::addColumn<int>("argumentPieces");
    for (const QString &api : {u"openai"_s, u"anthropic"_s}) {
        QTest::addRow("%s-whole-single", qPrintable(api)) << api << false << 1 << 4;
        QTest::addRow("%s-whole-parallel", qPrintable(api)) << api << false << 3 << 4;
        QTest::addRow("%s-stream-single", qPrintable(api)) << api << true << 1 << 1000;
        QTest::addRow("%s-stream-split-arguments", qPrintable(api)) << api << true << 1 << 2;
        QTest::addRow("%s-stream-parallel-split", qPrintable(api)) << api << true << 3 << 3;
    }
}

void TestModelClient::toolCalls()
{
    QFETCH(QString, api);
    QFETCH(bool, stream);
    QFETCH(int, calls);
    QFETCH(int, argumentPieces);
    ScriptedModelServer server(apiOf(api));
    QList<llm::ToolCall> expected;
    for (int i = 0; i < calls; ++i)
        expected.append(llm::ToolCall{u"id_%1"_s.arg(i), i % 2 ? u"write_file"_s : u"read_file"_s,
                                      u"{\"path\":\"dir/f%1.txt\",\"content\":\"é ü — \\\"quoted\\\"\"}"_s.arg(i)});
    server.enqueue(ScriptedReply::toolCalls(expected, u"Let me look."_s).argumentPieces(argumentPieces));
    llm::ModelEndpoint endpoint = server.endpoint();
    endpoint.stream = stream;
    llm::ModelClient client(endpoint);
    llm::ChatRequest request = hello();
    request.tools = tools();

    QString live;
    const llm::ModelResult result = client.complete(request, {[&](const QString &delta) { live += delta; }, {}});
    QVERIFY2(std::holds_alternative<llm::ModelReply>(result), qPrintable(describe(result)));
    const auto &reply = std::get<llm::ModelReply>(result);
    QCOMPARE(reply.stop, llm::ModelReply::Stop::ToolCalls);
    QCOMPARE(reply.text, u"Let me look."_s);
    QCOMPARE(live, u"Let me look."_s); // arguments are not text
    QCOMPARE(reply.toolCalls.size(), expected.size());
    for (int i = 0; i < calls; ++i) {
        QCOMPARE(reply.toolCalls[i].id, expected[i].id);
        QCOMPARE(reply.toolCalls[i].name, expected[i].name);
        // Anthropic hands back an object: compare as JSON; OpenAI's text comes back as sent.
        QCOMPARE(QJsonDocument::fromJson(reply.toolCalls[i].arguments.toUtf8()).object(),
                 QJsonDocument::fromJson(expected[i].arguments.toUtf8()).object());
        QVERIFY(!QJsonDocument::fromJson(reply.toolCalls[i].arguments.toUtf8()).object().isEmpty());
    }
    QVERIFY2(server.ok(), qPrintable(server.report()));
    const QJsonArray sentTools = server.lastRequest().json.value(u"tools"_s).toArray();
    QCOMPARE(sentTools.size(), 2);
    if (apiOf(api) == llm::ApiKind::OpenAi)
        QCOMPARE(
            sentTools[1].toObject(),
            (QJsonObject{{u"type"_s, u"function"_s},
                         {u"function"_s, QJsonObject{{u"name"_s, u"write_file"_s},
                                                     {u"description"_s, u"Writes a file of the workspace."_s},
                                                     {u"parameters"_s, objectSchema({u"path"_s, u"content"_s})}}}}));
    else
        QCOMPARE(sentTools[1].toObject(), (QJsonObject{{u"name"_s, u"write_file"_s},
                                                       {u"description"_s, u"Writes a file of the workspace."_s},
                                                       {u"input_schema"_s, objectSchema({u"path"_s, u"content"_s})}}));
}

void TestModelClient::conversationWithToolResults()
{
    QFETCH(QString, api);
    QFETCH(bool, stream);
    ScriptedModelServer server(apiOf(api), u"key-abcdefgh"_s);
    server.enqueue(ScriptedReply::text(u"All done."_s));
    llm::ModelEndpoint endpoint = server.endpoint();
    endpoint.stream = stream;
    llm::ModelClient client(endpoint);

    using Role = llm::ChatMessage::Role;
    llm::ChatRequest request = hello();
    request.tools = tools();
    request.messages.append(llm::ChatMessage{Role::Assistant,
                                             {},
                                             {llm::ToolCall{u"c1"_s, u"read_file"_s, u"{\"path\":\"a\"}"_s},
                                              llm::ToolCall{u"c2"_s, u"read_file"_s, u"{\"path\":\"b\"}"_s}},
                                             {},
                                             false});
    request.messages.append(llm::ChatMessage{Role::Tool, u"contents of a"_s, {}, u"c1"_s, false});
    request.messages.append(llm::ChatMessage{Role::Tool, u"no such file: b"_s, {}, u"c2"_s, true});
    request.messages.append(llm::ChatMessage{
        Role::Assistant, u"Writing."_s, {llm::ToolCall{u"c3"_s, u"write_file"_s, u"{\"path\":"_s}}, {}, false});
    request.messages.append(llm::ChatMessage{Role::Tool, u"arguments are not valid JSON"_s, {}, u"c3"_s, true});
    request.messages.append(llm::ChatMessage{Role::User, u"Please finish."_s, {}, {}, false});

    const llm::ModelResult result = client.complete(request);
    QVERIFY2(std::holds_alternative<llm::ModelReply>(result), qPrintable(describe(result)));
    QVERIFY2(server.ok(), qPrintable(server.report()));
    const QJsonArray messages = server.lastRequest().json.value(u"messages"_s).toArray();
    if (apiOf(api) == llm::ApiKind::OpenAi) {
        QCOMPARE(messages.size(), 8); // system, user, assistant, tool, tool, assistant, tool, user
        QCOMPARE(messages[2][u"content"_s].type(), QJsonValue::Null);
        QCOMPARE(messages[2][u"tool_calls"_s][1][u"function"_s][u"arguments"_s].toString(), u"{\"path\":\"b\"}"_s);
        QCOMPARE(
            messages[4].toObject(),
            (QJsonObject{{u"role"_s, u"tool"_s}, {u"tool_call_id"_s, u"c2"_s}, {u"content"_s, u"no such file: b"_s}}));
        QCOMPARE(messages[5][u"content"_s].toString(), u"Writing."_s);
        QCOMPARE(messages[5][u"tool_calls"_s][0][u"function"_s][u"arguments"_s].toString(), u"{\"path\":"_s);
    } else {
        QCOMPARE(messages.size(), 5); // user, assistant, user (2 results), assistant, user (result + text)
        const QJsonArray results = messages[2][u"content"_s].toArray();
        QCOMPARE(results.size(), 2);
        QCOMPARE(results[1].toObject(), (QJsonObject{{u"type"_s, u"tool_result"_s},
                                                     {u"tool_use_id"_s, u"c2"_s},
                                                     {u"content"_s, u"no such file: b"_s},
                                                     {u"is_error"_s, true}}));
        QCOMPARE(messages[1][u"content"_s][0][u"input"_s].toObject(), (QJsonObject{{u"path"_s, u"a"_s}}));
        // Arguments that were not JSON go back as an empty object: the conversation stays valid.
        QCOMPARE(messages[3][u"content"_s][1][u"input"_s].toObject(), QJsonObject());
        const QJsonArray last = messages[4][u"content"_s].toArray();
        QCOMPARE(last.size(), 2);
        QCOMPARE(last[0][u"type"_s].toString(), u"tool_result"_s);
        QCOMPARE(last[1][u"text"_s].toString(), u"Please finish."_s);
        QCOMPARE(server.lastRequest().json.value(u"max_tokens"_s).toInt(), 4096);
    }
}

void TestModelClient::toolsChangeBetweenCalls_data()
{
    QTest::addColumn<QString>("api");
    QTest::newRow("openai") << u"openai"_s;
    QTest::newRow("anthropic") << u"anthropic"_s;
}

void TestModelClient::toolsChangeBetweenCalls()
{
    // The tools' JSON is kept between calls on a thread: every call still sends the tools it was given, whether
    // its list is the same one again, one changed in place, or a shorter one.
    QFETCH(QString, api);
    ScriptedModelServer server(apiOf(api));
    for (int i = 0; i < 4; ++i)
        server.enqueue(ScriptedReply::text(u"ok"_s));
    const auto sentTools = [&](int index) {
        QStringList described;
        for (const QJsonValue &tool : server.request(index).json.value(u"tools"_s).toArray()) {
            const QJsonObject object = tool.toObject();
            const QJsonObject spec = object.contains(u"function"_s) ? object[u"function"_s].toObject() : object;
            const QJsonObject schema =
                (spec.contains(u"parameters"_s) ? spec[u"parameters"_s] : spec[u"input_schema"_s]).toObject();
            described << spec[u"name"_s].toString() + u':' + spec[u"description"_s].toString() + u':' +
                             QStringList(schema[u"properties"_s].toObject().keys()).join(u',');
        }
        return described;
    };
    llm::ModelEndpoint endpoint = server.endpoint();
    endpoint.stream = false;
    llm::ModelClient client(endpoint);
    llm::ChatRequest request = hello();
    request.tools = tools();
    QVERIFY(std::holds_alternative<llm::ModelReply>(client.complete(request)));
    QVERIFY(std::holds_alternative<llm::ModelReply>(client.complete(request)));
    request.tools[1].description = u"Writes a file, changed."_s; // in place: the list detaches
    request.tools[1].parameters = objectSchema({u"path"_s, u"text"_s});
    QVERIFY(std::holds_alternative<llm::ModelReply>(client.complete(request)));
    request.tools.removeFirst();
    QVERIFY(std::holds_alternative<llm::ModelReply>(client.complete(request)));
    const QStringList first{u"read_file:Reads a file of the workspace.:path"_s,
                            u"write_file:Writes a file of the workspace.:content,path"_s};
    QCOMPARE(sentTools(0), first);
    QCOMPARE(sentTools(1), first);
    QCOMPARE(sentTools(2), (QStringList{u"read_file:Reads a file of the workspace.:path"_s,
                                        u"write_file:Writes a file, changed.:path,text"_s}));
    QCOMPARE(sentTools(3), QStringList{u"write_file:Writes a file, changed.:path,text"_s});
    QVERIFY2(server.ok(), qPrintable(server.report()));
}

void TestModelClient::truncated()
{
    QFETCH(QString, api);
    QFETCH(bool, stream);
    ScriptedModelServer server(apiOf(api));
    server.enqueue(
        ScriptedReply::toolCalls({llm::ToolCall{u"t1"_s, u"write_file"_s, u"{\"path\": \"a\", \"con"_s}}).truncated());
    llm::ModelEndpoint endpoint = server.endpoint();
    endpoint.stream = stream;
    llm::ModelClient client(endpoint);
    llm::ChatRequest request = hello();
    request.tools = tools();
    const llm::ModelResult result = client.complete(request);
    QVERIFY2(std::holds_alternative<llm::ModelReply>(result), qPrintable(describe(result)));
    const auto &reply = std::get<llm::ModelReply>(result);
    QCOMPARE(reply.stop, llm::ModelReply::Stop::Truncated);
    QCOMPARE(reply.stopReason, apiOf(api) == llm::ApiKind::OpenAi ? u"length"_s : u"max_tokens"_s);
    QCOMPARE(reply.toolCalls.size(), 1);
    if (stream) // the cut-off arguments come as they were sent, for the loop to refuse
        QCOMPARE(reply.toolCalls[0].arguments, u"{\"path\": \"a\", \"con"_s);
    QVERIFY2(server.ok(), qPrintable(server.report()));
}

void TestModelClient::streamCut_data()
{
    QTest::addColumn<QString>("api");
    QTest::addColumn<bool>("cutConnection");
    for (const QString &api : {u"openai"_s, u"anthropic"_s}) {
        QTest::addRow("%s-connection-cut", qPrintable(api)) << api << true;
        QTest::addRow("%s-ends-without-terminal", qPrintable(api)) << api << false;
    }
}

void TestModelClient::streamCut()
{
    QFETCH(QString, api);
    QFETCH(bool, cutConnection);
    ScriptedModelServer server(apiOf(api));
    ScriptedReply reply = ScriptedReply::text(u"This answer never ends properly."_s);
    if (cutConnection)
        reply.cutAfterEvents(4);
    else
        reply.withoutTerminal();
    server.enqueue(reply);
    llm::ModelClient client(server.endpoint());
    QString live;
    const llm::ModelResult result = client.complete(hello(), {[&](const QString &delta) { live += delta; }, {}});
    QVERIFY2(std::holds_alternative<llm::ModelError>(result), qPrintable(describe(result)));
    const auto &error = std::get<llm::ModelError>(result);
    QCOMPARE(error.kind, llm::ModelError::Kind::StreamCut);
    QVERIFY(error.isRetryable());
    QVERIFY2(error.message.contains(apiOf(api) == llm::ApiKind::OpenAi ? u"[DONE]"_s : u"message_stop"_s),
             qPrintable(error.message));
    QVERIFY(!live.isEmpty()); // the text shown live before the cut
    QVERIFY2(server.ok(), qPrintable(server.report()));
}

void TestModelClient::httpErrors_data()
{
    QTest::addColumn<QString>("api");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("errorType");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("headerValue");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("retryAfterS");
    using Kind = llm::ModelError::Kind;
    const QByteArray inAMinute =
        QLocale::c()
            .toString(QDateTime::currentDateTimeUtc().addSecs(60), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s)
            .toLatin1();
    for (const QString &api : {u"openai"_s, u"anthropic"_s}) {
        const QByteArray a = api.toLatin1();
        QTest::addRow("%s-429-retry-after-seconds", a.data())
            << api << 429 << QString() << QByteArray("Retry-After") << QByteArray("7") << int(Kind::RateLimited) << 7;
        QTest::addRow("%s-429-retry-after-ms", a.data()) << api << 429 << QString() << QByteArray("retry-after-ms")
                                                         << QByteArray("1500") << int(Kind::RateLimited) << 2;
        QTest::addRow("%s-429-retry-after-date", a.data())
            << api << 429 << QString() << QByteArray("Retry-After") << inAMinute << int(Kind::RateLimited) << 60;
        QTest::addRow("%s-429-no-retry-after", a.data())
            << api << 429 << QString() << QByteArray("X-Other") << QByteArray("1") << int(Kind::RateLimited) << -1;
        QTest::addRow("%s-529", a.data())
            << api << 529 << QString() << QByteArray("Retry-After") << QByteArray("3") << int(Kind::Overloaded) << 3;
        QTest::addRow("%s-500", a.data())
            << api << 500 << QString() << QByteArray("X-Other") << QByteArray("1") << int(Kind::Server) << -1;
        QTest::addRow("%s-503", a.data())
            << api << 503 << QString() << QByteArray("X-Other") << QByteArray("1") << int(Kind::Server) << -1;
        QTest::addRow("%s-401", a.data())
            << api << 401 << QString() << QByteArray("X-Other") << QByteArray("1") << int(Kind::Auth) << -1;
        QTest::addRow("%s-403", a.data())
            << api << 403 << QString() << QByteArray("X-Other") << QByteArray("1") << int(Kind::Auth) << -1;
        QTest::addRow("%s-400", a.data())
            << api << 400 << QString() << QByteArray("X-Other") << QByteArray("1") << int(Kind::BadRequest) << -1;
        QTest::addRow("%s-404", a.data())
            << api << 404 << QString() << QByteArray("X-Other") << QByteArray("1") << int(Kind::BadRequest) << -1;
    }
    // Anthropic may say "overloaded" with another status.
    QTest::addRow("anthropic-overloaded_error-as-500")
        << u"anthropic"_s << 500 << u"overloaded_error"_s << QByteArray("Retry-After") << QByteArray("5")
        << int(Kind::Overloaded) << 5;
}

void TestModelClient::httpErrors()
{
    QFETCH(QString, api);
    QFETCH(int, status);
    QFETCH(QString, errorType);
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, headerValue);
    QFETCH(int, kind);
    QFETCH(int, retryAfterS);
    for (bool stream : {true, false}) {
        ScriptedModelServer server(apiOf(api), u"sk-live-abcdef123456"_s);
        server.enqueue(ScriptedReply::httpError(status, u"The server says no (%1)."_s.arg(status), errorType)
                           .header(header, headerValue));
        llm::ModelEndpoint endpoint = server.endpoint();
        endpoint.stream = stream;
        llm::ModelClient client(endpoint);
        const llm::ModelResult result = client.complete(hello());
        QVERIFY2(std::holds_alternative<llm::ModelError>(result), qPrintable(describe(result)));
        const auto &error = std::get<llm::ModelError>(result);
        QCOMPARE(int(error.kind), kind);
        QCOMPARE(error.httpStatus, status);
        if (retryAfterS == 60) // an HTTP date: whole seconds, and the clock moved on a little
            QVERIFY2(error.retryAfterS >= 55 && error.retryAfterS <= 60,
                     qPrintable(QString::number(error.retryAfterS)));
        else
            QCOMPARE(error.retryAfterS, retryAfterS);
        QVERIFY2(error.message.contains(QString::number(status)), qPrintable(error.message));
        QVERIFY2(error.message.contains(u"The server says no (%1)."_s.arg(status)), qPrintable(error.message));
        QCOMPARE(error.isRetryable(), status == 429 || status >= 500);
        QVERIFY2(server.ok(), qPrintable(server.report()));
    }
}

void TestModelClient::keyNeverInErrors()
{
    QFETCH(QString, api);
    QFETCH(bool, stream);
    const QString key = u"sk-proj-SECRET0123456789abcdef"_s;
    ScriptedModelServer server(apiOf(api), key);
    server.enqueue(ScriptedReply::httpError(401, u"Incorrect API key provided: %1. Find your key at ..."_s.arg(key)));
    server.enqueue(
        ScriptedReply::body(502, "text/html", "<html><body>bad gateway for " + key.toUtf8() + "</body></html>"));
    llm::ModelEndpoint endpoint = server.endpoint();
    endpoint.stream = stream;
    llm::ModelClient client(endpoint);
    for (int i = 0; i < 2; ++i) {
        const llm::ModelResult result = client.complete(hello());
        QVERIFY2(std::holds_alternative<llm::ModelError>(result), qPrintable(describe(result)));
        const auto &error = std::get<llm::ModelError>(result);
        QVERIFY2(!error.message.contains(key), qPrintable(error.message));
        QVERIFY2(!error.message.contains(u"SECRET"_s), qPrintable(error.message));
        QVERIFY2(error.message.contains(u"[redacted]"_s), qPrintable(error.message));
    }
    QVERIFY2(server.ok(), qPrintable(server.report()));
}

void TestModelClient::protocolErrors_data()
{
    QTest::addColumn<QString>("api");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<ScriptedReply>("reply");
    QTest::addColumn<QString>("messagePart");
    for (const QString &api : {u"openai"_s, u"anthropic"_s}) {
        const QByteArray a = api.toLatin1();
        for (bool stream : {false, true}) {
            const char *mode = stream ? "stream" : "whole";
            QTest::addRow("%s-%s-garbage-json", a.data(), mode)
                << api << stream << ScriptedReply::garbage() << u"not JSON at byte"_s;
            QTest::addRow("%s-%s-wrong-content-type", a.data(), mode)
                << api << stream << ScriptedReply::body(200, "text/html", "<html>hello</html>")
                << u"content type 'text/html'"_s;
            QTest::addRow("%s-%s-huge-body", a.data(), mode)
                << api << stream << ScriptedReply::huge(20 * 1024 * 1024) << u"exceeded 16 MiB"_s;
            QTest::addRow("%s-%s-wrong-shape", a.data(), mode)
                << api << stream << ScriptedReply::json(QJsonObject{{u"hello"_s, u"world"_s}})
                << (api == u"openai" ? u"reply has no 'choices' array"_s : u"reply has no 'content' array"_s);
        }
        QTest::addRow("%s-stream-huge-event", a.data())
            << api << true << ScriptedReply::huge(10 * 1024 * 1024, true).chunkBytes(1024 * 1024)
            << u"stream event exceeded"_s;
        QTest::addRow("%s-stream-event-not-json", a.data())
            << api << true
            << ScriptedReply::events({{api == u"openai" ? QString() : u"message_start"_s, u"{not json"_s}})
            << u"not JSON at byte"_s;
    }
    QTest::addRow("anthropic-delta-before-message_start")
        << u"anthropic"_s << true
        << ScriptedReply::events(
               {{u"content_block_delta"_s,
                 u"{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"hi\"}}"_s}})
        << u"event 'content_block_delta' before 'message_start'"_s;
    QTest::addRow("openai-chunk-without-choices")
        << u"openai"_s << true << ScriptedReply::events({{QString(), u"{\"id\":\"x\"}"_s}, {QString(), u"[DONE]"_s}})
        << u"stream chunk 1 has no 'choices' array"_s;
}

void TestModelClient::protocolErrors()
{
    QFETCH(QString, api);
    QFETCH(bool, stream);
    QFETCH(ScriptedReply, reply);
    QFETCH(QString, messagePart);
    ScriptedModelServer server(apiOf(api));
    server.enqueue(reply);
    server.enqueue(ScriptedReply::text(u"still fine"_s));
    llm::ModelEndpoint endpoint = server.endpoint();
    endpoint.stream = stream;
    llm::ModelClient client(endpoint);
    const llm::ModelResult result = client.complete(hello());
    QVERIFY2(std::holds_alternative<llm::ModelError>(result), qPrintable(describe(result)));
    const auto &error = std::get<llm::ModelError>(result);
    QCOMPARE(error.kind, llm::ModelError::Kind::Protocol);
    QVERIFY2(error.message.contains(messagePart), qPrintable(error.message));
    QVERIFY(!error.isRetryable());
    // The client is still usable after whatever the server sent.
    const llm::ModelResult next = client.complete(hello());
    QVERIFY2(std::holds_alternative<llm::ModelReply>(next), qPrintable(describe(next)));
    QCOMPARE(std::get<llm::ModelReply>(next).text, u"still fine"_s);
    QVERIFY2(server.ok(), qPrintable(server.report()));
}

void TestModelClient::errorEventsInTheStream_data()
{
    QTest::addColumn<QString>("api");
    QTest::addColumn<ScriptedReply>("reply");
    QTest::addColumn<int>("kind");
    const QString start =
        u"{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"type\":\"message\",\"role\":"
        "\"assistant\",\"content\":[],\"model\":\"x\",\"usage\":{\"input_tokens\":3,\"output_tokens\":1}}}"_s;
    QTest::addRow("anthropic-overloaded")
        << u"anthropic"_s
        << ScriptedReply::events({{u"message_start"_s, start},
                                  {u"error"_s, u"{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
                                               "\"message\":\"Overloaded\"}}"_s}})
        << int(llm::ModelError::Kind::Overloaded);
    QTest::addRow("anthropic-api_error")
        << u"anthropic"_s
        << ScriptedReply::events(
               {{u"error"_s, u"{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal\"}}"_s}})
        << int(llm::ModelError::Kind::Server);
    QTest::addRow("openai-error-chunk")
        << u"openai"_s
        << ScriptedReply::events({{QString(), u"{\"error\":{\"message\":\"upstream failed\",\"code\":502}}"_s}})
        << int(llm::ModelError::Kind::Server);
}

void TestModelClient::errorEventsInTheStream()
{
    QFETCH(QString, api);
    QFETCH(ScriptedReply, reply);
    QFETCH(int, kind);
    ScriptedModelServer server(apiOf(api));
    server.enqueue(reply);
    llm::ModelClient client(server.endpoint());
    const llm::ModelResult result = client.complete(hello());
    QVERIFY2(std::holds_alternative<llm::ModelError>(result), qPrintable(describe(result)));
    QCOMPARE(int(std::get<llm::ModelError>(result).kind), kind);
    QVERIFY(std::get<llm::ModelError>(result).isRetryable());
    QVERIFY2(server.ok(), qPrintable(server.report()));
}

void TestModelClient::connectTimeout()
{
    QFETCH(QString, api);
    QFETCH(bool, stream);
    ScriptedModelServer server(apiOf(api));
    // The reply would come after the test timed out: only the client's timeout ends the call.
    server.enqueue(ScriptedReply::text(u"too late"_s).firstByteDelay(10 * 60 * 1000));
    llm::ModelEndpoint endpoint = server.endpoint();
    endpoint.stream = stream;
    endpoint.connectTimeoutMs = 200;
    llm::ModelClient client(endpoint);
    const llm::ModelResult result = client.complete(hello());
    QVERIFY2(std::holds_alternative<llm::ModelError>(result), qPrintable(describe(result)));
    const auto &error = std::get<llm::ModelError>(result);
    QCOMPARE(error.kind, llm::ModelError::Kind::Timeout);
    QVERIFY(error.isRetryable());
    QVERIFY2(error.message.contains(u"no response"_s), qPrintable(error.message));
}

void TestModelClient::idleTimeout()
{
    QFETCH(QString, api);
    QFETCH(bool, stream);
    ScriptedModelServer server(apiOf(api));
    // Streamed: silence after five events (some text among them); whole: after the first piece of the body.
    server.enqueue(ScriptedReply::text(u"a long answer that stops half way"_s)
                       .pauseAfterEvents(5, 10 * 60 * 1000)
                       .chunkBytes(stream ? 0 : 40)
                       .chunkInterval(stream ? 0 : 10 * 60 * 1000));
    llm::ModelEndpoint endpoint = server.endpoint();
    endpoint.stream = stream;
    endpoint.idleTimeoutMs = 300;
    llm::ModelClient client(endpoint);
    QString live;
    const llm::ModelResult result = client.complete(hello(), {[&](const QString &delta) { live += delta; }, {}});
    QVERIFY2(std::holds_alternative<llm::ModelError>(result), qPrintable(describe(result)));
    const auto &error = std::get<llm::ModelError>(result);
    QCOMPARE(error.kind, llm::ModelError::Kind::Timeout);
    QVERIFY2(error.message.contains(u"silent"_s), qPrintable(error.message));
    if (stream)
        QVERIFY(!live.isEmpty());
}

void TestModelClient::utf8SplitAcrossChunks_data()
{
    QTest::addColumn<QString>("api");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<int>("chunkBytes");
    for (const QString &api : {u"openai"_s, u"anthropic"_s})
        for (bool stream : {true, false})
            for (int bytes : {1, 2, 3, 5})
                QTest::addRow("%s-%s-%d", qPrintable(api), stream ? "stream" : "whole", bytes)
                    << api << stream << bytes;
}

void TestModelClient::utf8SplitAcrossChunks()
{
    QFETCH(QString, api);
    QFETCH(bool, stream);
    QFETCH(int, chunkBytes);
    const QString text = u"Grüße, 世界! ✓ 😀 — naïve café"_s;
    ScriptedModelServer server(apiOf(api));
    server.enqueue(
        ScriptedReply::toolCalls(
            {llm::ToolCall{u"u1"_s, u"write_file"_s, u"{\"path\":\"ü.txt\",\"content\":\"日本語 😀\"}"_s}}, text)
            .textPieces(5)
            .argumentPieces(3)
            .chunkBytes(chunkBytes));
    llm::ModelEndpoint endpoint = server.endpoint();
    endpoint.stream = stream;
    llm::ModelClient client(endpoint);
    QString live;
    const llm::ModelResult result = client.complete(hello(), {[&](const QString &delta) { live += delta; }, {}});
    QVERIFY2(std::holds_alternative<llm::ModelReply>(result), qPrintable(describe(result)));
    const auto &reply = std::get<llm::ModelReply>(result);
    QCOMPARE(reply.text, text);
    QCOMPARE(live, text);
    QCOMPARE(reply.toolCalls.size(), 1);
    QCOMPARE(QJsonDocument::fromJson(reply.toolCalls[0].arguments.toUtf8()).object().value(u"content"_s).toString(),
             u"日本語 😀"_s);
    QVERIFY2(server.ok(), qPrintable(server.report()));
}

void TestModelClient::abortFromAnotherThread()
{
    QFETCH(QString, api);
    QFETCH(bool, stream);
    ScriptedModelServer server(apiOf(api));
    // Streamed: text arrives, then silence; whole: nothing arrives. Only abort() can end the call in time.
    if (stream)
        server.enqueue(ScriptedReply::text(u"thinking about it"_s).pauseAfterEvents(2, 10 * 60 * 1000));
    else
        server.enqueue(ScriptedReply::text(u"too late"_s).firstByteDelay(10 * 60 * 1000));
    llm::ModelEndpoint endpoint = server.endpoint();
    endpoint.stream = stream;
    llm::ModelClient client(endpoint);
    std::atomic<bool> stop{false};
    std::thread canceller([&] {
        // Cancel once the request is in flight (the server saw it), as the GUI's Cancel button would.
        while (!stop && server.requestCount() == 0)
            QThread::msleep(5);
        client.abort();
    });
    const llm::ModelResult result = client.complete(hello());
    stop = true;
    canceller.join();
    QVERIFY2(std::holds_alternative<llm::ModelError>(result), qPrintable(describe(result)));
    QCOMPARE(std::get<llm::ModelError>(result).kind, llm::ModelError::Kind::Cancelled);
    QVERIFY(!std::get<llm::ModelError>(result).isRetryable());
    // The cancel sticks: a call after it does not reach the server.
    const llm::ModelResult after = client.complete(hello());
    QCOMPARE(std::get<llm::ModelError>(after).kind, llm::ModelError::Kind::Cancelled);
    QCOMPARE(server.requestCount(), 1);
}

void TestModelClient::abortFromTheSinkMidStream()
{
    ScriptedModelServer server(llm::ApiKind::Anthropic);
    // message_start, ping, content_block_start, the first delta; then silence only abort() can end.
    server.enqueue(
        ScriptedReply::text(u"one two three four five six"_s).textPieces(4).pauseAfterEvents(4, 10 * 60 * 1000));
    llm::ModelClient client(server.endpoint());
    QString live;
    const llm::ModelResult result = client.complete(hello(), {[&](const QString &delta) {
                                                                  live += delta;
                                                                  client.abort();
                                                              },
                                                              {}});
    QVERIFY2(std::holds_alternative<llm::ModelError>(result), qPrintable(describe(result)));
    QCOMPARE(std::get<llm::ModelError>(result).kind, llm::ModelError::Kind::Cancelled);
    QCOMPARE(live, u"one "_s);
}

void TestModelClient::abortBeforeTheCall()
{
    ScriptedModelServer server(llm::ApiKind::OpenAi);
    llm::ModelClient client(server.endpoint());
    client.abort();
    const llm::ModelResult result = client.complete(hello());
    QCOMPARE(std::get<llm::ModelError>(result).kind, llm::ModelError::Kind::Cancelled);
    const auto models = client.listModels();
    QCOMPARE(std::get<llm::ModelError>(models).kind, llm::ModelError::Kind::Cancelled);
    QCOMPARE(server.requestCount(), 0);
}

void TestModelClient::connectionRefused()
{
    // A port nobody listens on: take one, then let it go.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    llm::ModelEndpoint endpoint;
    endpoint.baseUrl = QUrl(u"http://127.0.0.1:%1/v1"_s.arg(port));
    endpoint.model = u"m"_s;
    llm::ModelClient client(endpoint);
    const llm::ModelResult result = client.complete(hello());
    QVERIFY2(std::holds_alternative<llm::ModelError>(result), qPrintable(describe(result)));
    QCOMPARE(std::get<llm::ModelError>(result).kind, llm::ModelError::Kind::Network);
    QVERIFY(std::get<llm::ModelError>(result).isRetryable());
    // The words the README's troubleshooting section quotes, on either transport.
    const QString message = std::get<llm::ModelError>(result).message;
    QVERIFY2(message.contains(u"Connection refused from http://127.0.0.1:%1/v1"_s.arg(port)), qPrintable(message));
}

void TestModelClient::connectionClosedWithoutAnswer()
{
    // Either transport may send a request again whose reused connection closed before any byte of an answer
    // (a stale keep-alive connection; Qt does a few times): a server that always hangs up is a network error.
    ScriptedModelServer server(llm::ApiKind::OpenAi);
    for (int i = 0; i < 6; ++i)
        server.enqueue(ScriptedReply::closeConnection());
    llm::ModelClient client(server.endpoint());
    const llm::ModelResult closed = client.complete(hello());
    QVERIFY2(std::holds_alternative<llm::ModelError>(closed), qPrintable(describe(closed)));
    QCOMPARE(std::get<llm::ModelError>(closed).kind, llm::ModelError::Kind::Network);
    QVERIFY(std::get<llm::ModelError>(closed).isRetryable());
    QVERIFY2(server.ok(), qPrintable(server.report()));
}

void TestModelClient::notHttpAtAll()
{
    ScriptedModelServer server(llm::ApiKind::OpenAi);
    for (int i = 0; i < 6; ++i)
        server.enqueue(ScriptedReply::raw("SSH-2.0-OpenSSH_9.2\r\n\r\n"));
    llm::ModelClient client(server.endpoint());
    const llm::ModelResult result = client.complete(hello());
    QVERIFY2(std::holds_alternative<llm::ModelError>(result), qPrintable(describe(result)));
    // Qt's HTTP layer reads a status line it cannot parse as a closed connection.
    const llm::ModelError::Kind kind = std::get<llm::ModelError>(result).kind;
    QVERIFY2(kind == llm::ModelError::Kind::Network || kind == llm::ModelError::Kind::Protocol,
             qPrintable(describe(result)));
}

void TestModelClient::keepsTheConnectionAlive()
{
    QFETCH(QString, api);
    QFETCH(bool, stream);
    ScriptedModelServer server(apiOf(api));
    for (int i = 0; i < 3; ++i)
        server.enqueue(ScriptedReply::text(u"answer %1"_s.arg(i)));
    llm::ModelEndpoint endpoint = server.endpoint();
    endpoint.stream = stream;
    llm::ModelClient client(endpoint);
    for (int i = 0; i < 3; ++i) {
        const llm::ModelResult result = client.complete(hello());
        QVERIFY2(std::holds_alternative<llm::ModelReply>(result), qPrintable(describe(result)));
        QCOMPARE(std::get<llm::ModelReply>(result).text, u"answer %1"_s.arg(i));
    }
    // One connection for the three calls: no connect per call.
    QCOMPARE(server.connectionCount(), 1);
    QVERIFY2(server.ok(), qPrintable(server.report()));
}

void TestModelClient::baseUrlWithTrailingSlashAndExtraHeaders()
{
    QFETCH(QString, api);
    QFETCH(bool, stream);
    ScriptedModelServer server(apiOf(api), u"k-1234567"_s);
    server.enqueue(ScriptedReply::text(u"ok"_s));
    llm::ModelEndpoint endpoint = server.endpoint();
    endpoint.stream = stream;
    endpoint.baseUrl = QUrl(server.baseUrl().toString() + u"/"_s);
    endpoint.headers = {{"HTTP-Referer", "https://switchboard.example"}, {"X-Title", "Switchboard"}};
    endpoint.anthropicVersion = "2023-06-01";
    llm::ModelClient client(endpoint);
    const llm::ModelResult result = client.complete(hello());
    QVERIFY2(std::holds_alternative<llm::ModelReply>(result), qPrintable(describe(result)));
    QVERIFY2(server.ok(), qPrintable(server.report())); // the path is checked there
    QCOMPARE(server.lastRequest().header("http-referer"), QByteArray("https://switchboard.example"));
    QCOMPARE(server.lastRequest().header("x-title"), QByteArray("Switchboard"));
}

void TestModelClient::listModels_data()
{
    QTest::addColumn<QString>("api");
    QTest::newRow("openai") << u"openai"_s;
    QTest::newRow("anthropic") << u"anthropic"_s;
}

void TestModelClient::listModels()
{
    QFETCH(QString, api);
    ScriptedModelServer server(apiOf(api), u"key-for-models"_s);
    server.setModels({u"alpha"_s, u"beta-2"_s});
    llm::ModelClient client(server.endpoint());
    const auto result = client.listModels();
    QVERIFY(std::holds_alternative<QStringList>(result));
    QCOMPARE(std::get<QStringList>(result), (QStringList{u"alpha"_s, u"beta-2"_s}));
    QCOMPARE(server.lastRequest().method, QByteArray("GET"));
    QCOMPARE(server.lastRequest().path, QByteArray("/v1/models"));
    QVERIFY2(server.ok(), qPrintable(server.report()));
}

void TestModelClient::listModelsError()
{
    ScriptedModelServer server(llm::ApiKind::OpenAi, u"key-for-models"_s);
    server.setModelsReply(ScriptedReply::httpError(401, u"bad key"_s));
    llm::ModelClient client(server.endpoint());
    const auto result = client.listModels();
    QVERIFY(std::holds_alternative<llm::ModelError>(result));
    QCOMPARE(std::get<llm::ModelError>(result).kind, llm::ModelError::Kind::Auth);
    QVERIFY(std::get<llm::ModelError>(result).message.contains(u"bad key"_s));
    server.setModelsReply(ScriptedReply::json(QJsonObject{{u"object"_s, u"list"_s}}));
    const auto shapeless = client.listModels();
    QVERIFY(std::holds_alternative<llm::ModelError>(shapeless));
    QCOMPARE(std::get<llm::ModelError>(shapeless).kind, llm::ModelError::Kind::Protocol);
}

void TestModelClient::clientsOnPoolThreads()
{
    // Many agents at once, each with its own client on its own thread, against one server.
    ScriptedModelServer server(llm::ApiKind::OpenAi, u"sk-pool-0000000"_s);
    constexpr int agents = 6;
    constexpr int calls = 3;
    // Which agent asks first is up to the threads: a responder answers each with its own question.
    server.setResponder([](const RecordedRequest &request) -> std::optional<ScriptedReply> {
        const QString question = request.json[u"messages"_s].toArray().last()[u"content"_s].toString();
        return ScriptedReply::text(u"re: "_s + question).usage(1, 1).chunkBytes(7);
    });
    std::atomic<int> replies{0};
    QList<QThread *> threads;
    for (int a = 0; a < agents; ++a) {
        threads.append(QThread::create([&, a] {
            llm::ModelClient client(server.endpoint());
            for (int c = 0; c < calls; ++c) {
                llm::ChatRequest request = hello();
                request.messages[0].text = u"agent %1 call %2"_s.arg(a).arg(c);
                const llm::ModelResult result = client.complete(request);
                if (const auto *reply = std::get_if<llm::ModelReply>(&result);
                    reply && reply->text == u"re: agent %1 call %2"_s.arg(a).arg(c))
                    ++replies;
            }
        }));
        threads.last()->start();
    }
    for (QThread *thread : threads) {
        QVERIFY(thread->wait(120'000));
        delete thread;
    }
    QCOMPARE(replies.load(), agents * calls);
    QCOMPARE(server.requestCount(), agents * calls);
    QVERIFY2(server.ok(), qPrintable(server.report()));
}

void TestModelClient::serverFlagsWhatTheRealApiWouldRefuse()
{
    // The checks are only worth something if a wrong request fails them: a wrong key, the other API's
    // request, and a request with no reply scripted for it.
    ScriptedModelServer server(llm::ApiKind::Anthropic, u"right-key-123"_s);
    server.enqueue(ScriptedReply::text(u"a"_s));
    server.enqueue(ScriptedReply::text(u"b"_s));
    llm::ModelEndpoint wrongKey = server.endpoint();
    wrongKey.apiKey = u"wrong-key-456"_s;
    QVERIFY(std::holds_alternative<llm::ModelReply>(llm::ModelClient(wrongKey).complete(hello())));
    QVERIFY(server.violations().join(u'\n').contains(u"the x-api-key header is not the key"_s));

    server.clearRecords();
    llm::ModelEndpoint otherApi = server.endpoint();
    otherApi.api = llm::ApiKind::OpenAi;
    llm::ModelClient(otherApi).complete(hello());
    const QString report = server.report();
    QVERIFY2(report.contains(u"path '/v1/chat/completions', not '/v1/messages'"_s), qPrintable(report));
    QVERIFY2(report.contains(u"no x-api-key header"_s), qPrintable(report));
    QVERIFY2(report.contains(u"max_tokens is missing"_s), qPrintable(report));

    server.clearRecords();
    const llm::ModelResult unscripted = llm::ModelClient(server.endpoint()).complete(hello());
    QCOMPARE(std::get<llm::ModelError>(unscripted).kind, llm::ModelError::Kind::Server);
    QVERIFY(!server.ok());
    QVERIFY2(server.report().contains(u"no scripted reply left"_s), qPrintable(server.report()));
}

QTEST_GUILESS_MAIN(TestModelClient)
#include "tst_modelclient.moc"
