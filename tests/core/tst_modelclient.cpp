// ModelClient against a local server speaking the real wire formats: what a user relies on is that answers,
// tool calls and usage arrive intact from both APIs, streamed or not, that every failure a server or network can
// produce becomes the right ModelError (retryable or not, with the server's own words and never the key), and
// that cancel stops a call at once. The server checks every request the client sends against the API's rules.
#include "llm/ModelClient.h"
#include "support/ScriptedModelServer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTest>
#include <QThread>

#include <thread>

using namespace switchboard;
using namespace switchboard::test;
using namespace Qt::StringLiterals;

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
    void plainText_data() { addApiRows(); }
    void plainText();
    void toolCalls_data();
    void toolCalls();
    void conversationWithToolResults_data() { addApiRows(); }
    void conversationWithToolResults();
    void truncated_data() { addApiRows(); }
    void truncated();
};

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

QTEST_GUILESS_MAIN(TestModelClient)
#include "tst_modelclient.moc"
