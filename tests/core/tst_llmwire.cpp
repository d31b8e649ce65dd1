// The wire formats without the network: what a server's bytes mean (including the shapes real servers send that
// the API reference does not show), how failures map to retryable or not, Retry-After, the key kept out of
// messages, and the request rules the test server enforces (so a malformed request cannot slip through it).
#include "llm/AnthropicWire.h"
#include "llm/JsonText.h"
#include "llm/OpenAiWire.h"
#include "llm/WireErrors.h"
#include "support/ModelRequestRules.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRandomGenerator>
#include <QTest>

using namespace switchboard;
using namespace switchboard::llm;
using namespace Qt::StringLiterals;

namespace {

SseEvent data(const QString &json)
{
    return SseEvent{u"message"_s, json};
}

SseEvent named(const QString &name, const QString &json)
{
    return SseEvent{name, json};
}

// Feeds the events; the first error, if any.
std::optional<ModelError> feed(WireFormat &wire, const QList<SseEvent> &events, QString *text = nullptr)
{
    for (const SseEvent &event : events)
        if (auto error = wire.handleEvent(event, text))
            return error;
    return std::nullopt;
}

test::RecordedRequest post(ApiKind api, const QJsonObject &body)
{
    test::RecordedRequest request;
    request.method = "POST";
    request.path = api == ApiKind::OpenAi ? "/v1/chat/completions" : "/v1/messages";
    request.headers = {{"content-type", "application/json"}};
    if (api == ApiKind::Anthropic)
        request.headers.append(qMakePair(QByteArray("anthropic-version"), QByteArray("2023-06-01")));
    request.json = body;
    request.body = QJsonDocument(body).toJson();
    return request;
}

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

} // namespace

class TestLlmWire : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesRoundTrip();
    void openAiToolCallsWithoutIndex();
    void openAiInterleavedParallelCalls();
    void openAiIgnoresWhatFollowsDone();
    void openAiWholeReplyErrors_data();
    void openAiWholeReplyErrors();
    void anthropicStreamOrder_data();
    void anthropicStreamOrder();
    void anthropicToolUseWithoutDeltasAndThinking();
    void retryAfter_data();
    void retryAfter();
    void httpStatusKinds_data();
    void httpStatusKinds();
    void messagesAreCutAndRedacted();
    void rulesCatchMalformedRequests_data();
    void rulesCatchMalformedRequests();
    void rulesAcceptWhatTheClientBuilds_data();
    void rulesAcceptWhatTheClientBuilds();
    void requestBodyIsBuildRequest_data();
    void requestBodyIsBuildRequest();
    void usualReplyReadsAsTheDocumentDoes_data();
    void usualReplyReadsAsTheDocumentDoes();
    void mangledRepliesReadAsTheDocumentDoes();
    void valueTextReadsBackTheSame();
    void streamChunksReadAsTheDocumentDoes();
};

void TestLlmWire::namesRoundTrip()
{
    for (ApiKind api : {ApiKind::OpenAi, ApiKind::Anthropic})
        QCOMPARE(apiKindFromName(apiKindName(api)), std::optional<ApiKind>(api));
    QCOMPARE(apiKindFromName(u"Anthropic"), std::optional<ApiKind>(ApiKind::Anthropic));
    QVERIFY(!apiKindFromName(u"demo").has_value());
    QSet<QString> names;
    for (int i = 0; i <= int(ModelError::Kind::Cancelled); ++i)
        names.insert(modelErrorKindName(ModelError::Kind(i)));
    QCOMPARE(names.size(), int(ModelError::Kind::Cancelled) + 1);
    QCOMPARE(modelErrorKindName(ModelError::Kind::StreamCut), u"stream_cut"_s);
}

void TestLlmWire::openAiToolCallsWithoutIndex()
{
    // Some OpenAI-compatible servers send each call whole, without "index".
    OpenAiWire wire;
    QVERIFY(!feed(
        wire,
        {data(
             uR"({"choices":[{"index":0,"delta":{"tool_calls":[{"id":"a","type":"function","function":{"name":"read_file","arguments":"{\"path\":\"x\"}"}}]}}]})"_s),
         data(
             uR"({"choices":[{"index":0,"delta":{"tool_calls":[{"id":"b","type":"function","function":{"name":"list_files","arguments":"{}"}}]}}]})"_s),
         data(uR"({"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]})"_s), data(u"[DONE]"_s)}));
    QVERIFY(wire.streamComplete());
    const ModelReply reply = wire.streamReply();
    QCOMPARE(reply.toolCalls.size(), 2);
    QCOMPARE(reply.toolCalls[0], (ToolCall{u"a"_s, u"read_file"_s, u"{\"path\":\"x\"}"_s}));
    QCOMPARE(reply.toolCalls[1], (ToolCall{u"b"_s, u"list_files"_s, u"{}"_s}));
    // "stop" with tool calls (Ollama): the calls decide.
    QCOMPARE(reply.stop, ModelReply::Stop::ToolCalls);

    // A whole reply whose calls have no ids gets ids, and a usage chunk without "choices" is fine.
    const auto whole = OpenAiWire().parseReply(
        R"({"choices":[{"message":{"content":null,"tool_calls":[{"function":{"name":"f","arguments":"{}"}}]},"finish_reason":"tool_calls"}]})");
    QVERIFY(std::holds_alternative<ModelReply>(whole));
    QCOMPARE(std::get<ModelReply>(whole).toolCalls[0].id, u"call_0"_s);
    OpenAiWire usageOnly;
    QVERIFY(!usageOnly.handleEvent(data(uR"({"usage":{"prompt_tokens":3,"completion_tokens":2}})"_s), nullptr));
    QCOMPARE(usageOnly.streamReply().usage, (Usage{3, 2}));
}

void TestLlmWire::openAiInterleavedParallelCalls()
{
    OpenAiWire wire;
    QString text;
    QVERIFY(!feed(
        wire,
        {data(uR"({"model":"gpt-x","choices":[{"index":0,"delta":{"role":"assistant","content":"Hi"}}]})"_s),
         data(
             uR"({"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"c0","function":{"name":"f","arguments":"{\"a\""}}]}}]})"_s),
         data(
             uR"({"choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"id":"c1","function":{"name":"g","arguments":"{\"b\":"}}]}}]})"_s),
         data(uR"({"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":":1}"}}]}}]})"_s),
         data(uR"({"choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"function":{"arguments":"2}"}}]}}]})"_s),
         data(uR"({"choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]})"_s),
         data(uR"({"choices":[],"usage":{"prompt_tokens":11,"completion_tokens":4,"total_tokens":15}})"_s)},
        &text));
    QVERIFY(!wire.streamComplete()); // no [DONE] yet
    QVERIFY(!wire.handleEvent(data(u"[DONE]"_s), nullptr));
    const ModelReply reply = wire.streamReply();
    QCOMPARE(text, u"Hi"_s);
    QCOMPARE(reply.model, u"gpt-x"_s);
    QCOMPARE(reply.toolCalls, (QList<ToolCall>{{u"c0"_s, u"f"_s, u"{\"a\":1}"_s}, {u"c1"_s, u"g"_s, u"{\"b\":2}"_s}}));
    QCOMPARE(reply.usage, (Usage{11, 4}));
    QCOMPARE(reply.stop, ModelReply::Stop::ToolCalls);
}

void TestLlmWire::openAiIgnoresWhatFollowsDone()
{
    OpenAiWire wire;
    QVERIFY(
        !feed(wire, {data(uR"({"choices":[{"index":0,"delta":{"content":"x"},"finish_reason":"content_filter"}]})"_s),
                     data(u"[DONE]"_s), data(u"not json at all"_s)}));
    QCOMPARE(wire.streamReply().stop, ModelReply::Stop::Other);
    QCOMPARE(wire.streamReply().stopReason, u"content_filter"_s);
}

void TestLlmWire::openAiWholeReplyErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("not json") << QByteArray("{\"choices\": [}") << u"reply is not JSON at byte 14"_s;
    QTest::newRow("array") << QByteArray("[1, 2]") << u"reply is not a JSON object"_s;
    QTest::newRow("no choices") << QByteArray("{\"id\": \"x\"}") << u"reply has no 'choices' array"_s;
    QTest::newRow("empty choices") << QByteArray("{\"choices\": []}") << u"reply has an empty 'choices' array"_s;
    QTest::newRow("no message") << QByteArray("{\"choices\": [{\"index\": 0}]}")
                                << u"reply's choices[0] has no 'message' object"_s;
    QTest::newRow("content a number") << QByteArray("{\"choices\": [{\"message\": {\"content\": 5}}]}")
                                      << u"content is neither a string nor null"_s;
    QTest::newRow("error in a 200") << QByteArray(
                                           "{\"error\": {\"message\": \"model melted\", \"type\": \"server_error\"}}")
                                    << u"model melted"_s;
}

void TestLlmWire::openAiWholeReplyErrors()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    const auto result = OpenAiWire().parseReply(body);
    QVERIFY(std::holds_alternative<ModelError>(result));
    QVERIFY2(std::get<ModelError>(result).message.contains(message), qPrintable(std::get<ModelError>(result).message));
}

void TestLlmWire::anthropicStreamOrder_data()
{
    QTest::addColumn<QList<SseEvent>>("events");
    QTest::addColumn<QString>("message");
    const SseEvent start =
        named(u"message_start"_s, uR"({"type":"message_start","message":{"model":"m","usage":{"input_tokens":5}}})"_s);
    QTest::newRow("delta before start") << QList<SseEvent>{named(
                                               u"content_block_delta"_s,
                                               uR"({"index":0,"delta":{"type":"text_delta","text":"x"}})"_s)}
                                        << u"event 'content_block_delta' before 'message_start'"_s;
    QTest::newRow("delta for a block never started")
        << QList<SseEvent>{start, named(u"content_block_delta"_s,
                                        uR"({"index":3,"delta":{"type":"text_delta","text":"x"}})"_s)}
        << u"block 3, which was never started"_s;
    QTest::newRow("delta after stop")
        << QList<SseEvent>{start,
                           named(u"content_block_start"_s,
                                 uR"({"index":0,"content_block":{"type":"text","text":""}})"_s),
                           named(u"content_block_stop"_s, uR"({"index":0})"_s),
                           named(u"content_block_delta"_s,
                                 uR"({"index":0,"delta":{"type":"text_delta","text":"x"}})"_s)}
        << u"after its 'content_block_stop'"_s;
    QTest::newRow("second message_start") << QList<SseEvent>{start, start} << u"a second 'message_start'"_s;
    QTest::newRow("tool_use without name")
        << QList<SseEvent>{start, named(u"content_block_start"_s,
                                        uR"({"index":0,"content_block":{"type":"tool_use","id":"t"}})"_s)}
        << u"tool_use block 0 has no name"_s;
    QTest::newRow("data not json") << QList<SseEvent>{named(u"message_start"_s, u"{oops"_s)}
                                   << u"event 'message_start' is not JSON at byte"_s;
}

void TestLlmWire::anthropicStreamOrder()
{
    QFETCH(QList<SseEvent>, events);
    QFETCH(QString, message);
    AnthropicWire wire;
    const auto error = feed(wire, events);
    QVERIFY(error.has_value());
    QCOMPARE(error->kind, ModelError::Kind::Protocol);
    QVERIFY2(error->message.contains(message), qPrintable(error->message));
}

void TestLlmWire::anthropicToolUseWithoutDeltasAndThinking()
{
    AnthropicWire wire;
    QString text;
    QVERIFY(!feed(
        wire,
        {named(u"message_start"_s,
               uR"({"message":{"model":"claude-x","usage":{"input_tokens":40,"output_tokens":1}}})"_s),
         named(u"ping"_s, uR"({"type":"ping"})"_s),
         named(u"content_block_start"_s, uR"({"index":0,"content_block":{"type":"thinking","thinking":""}})"_s),
         named(u"content_block_delta"_s, uR"({"index":0,"delta":{"type":"thinking_delta","thinking":"hmm"}})"_s),
         named(u"content_block_stop"_s, uR"({"index":0})"_s),
         named(u"content_block_start"_s,
               uR"({"index":1,"content_block":{"type":"tool_use","id":"toolu_1","name":"list_files","input":{}}})"_s),
         named(u"content_block_stop"_s, uR"({"index":1})"_s), named(u"some_future_event"_s, uR"({"x":1})"_s),
         named(u"message_delta"_s, uR"({"delta":{"stop_reason":"tool_use"},"usage":{"output_tokens":17}})"_s)},
        &text));
    QVERIFY(!wire.streamComplete());
    QVERIFY(!wire.handleEvent(named(u"message_stop"_s, uR"({"type":"message_stop"})"_s), nullptr));
    QVERIFY(wire.streamComplete());
    const ModelReply reply = wire.streamReply();
    QVERIFY(text.isEmpty()); // thinking is not the answer
    QCOMPARE(reply.toolCalls, (QList<ToolCall>{{u"toolu_1"_s, u"list_files"_s, u"{}"_s}}));
    QCOMPARE(reply.usage, (Usage{40, 17}));
    QCOMPARE(reply.stop, ModelReply::Stop::ToolCalls);
    QCOMPARE(reply.model, u"claude-x"_s);
}

void TestLlmWire::retryAfter_data()
{
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<QByteArray>("retryAfterMs");
    QTest::addColumn<int>("seconds");
    QTest::newRow("seconds") << QByteArray("30") << QByteArray() << 30;
    QTest::newRow("fractional seconds round up") << QByteArray("1.2") << QByteArray() << 2;
    QTest::newRow("milliseconds win") << QByteArray("30") << QByteArray("2500") << 3;
    QTest::newRow("http date") << QByteArray("Fri, 02 Jan 2026 10:01:30 GMT") << QByteArray() << 90;
    QTest::newRow("http date in the past") << QByteArray("Fri, 02 Jan 2026 09:00:00 GMT") << QByteArray() << 0;
    QTest::newRow("garbage") << QByteArray("soon") << QByteArray() << -1;
    QTest::newRow("negative") << QByteArray("-5") << QByteArray() << -1;
    QTest::newRow("absent") << QByteArray() << QByteArray() << -1;
}

void TestLlmWire::retryAfter()
{
    QFETCH(QByteArray, retryAfter);
    QFETCH(QByteArray, retryAfterMs);
    QFETCH(int, seconds);
    const QDateTime now = QDateTime(QDate(2026, 1, 2), QTime(10, 0, 0), Qt::UTC);
    QCOMPARE(wire::parseRetryAfter(retryAfter, retryAfterMs, now), seconds);
}

void TestLlmWire::httpStatusKinds_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("kind");
    using Kind = ModelError::Kind;
    QTest::newRow("429") << 429 << QByteArray() << int(Kind::RateLimited);
    QTest::newRow("529") << 529 << QByteArray() << int(Kind::Overloaded);
    QTest::newRow("503 overloaded_error")
        << 503 << QByteArray(R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})")
        << int(Kind::Overloaded);
    QTest::newRow("500") << 500 << QByteArray("<html>oops</html>") << int(Kind::Server);
    QTest::newRow("401") << 401 << QByteArray() << int(Kind::Auth);
    QTest::newRow("403") << 403 << QByteArray() << int(Kind::Auth);
    QTest::newRow("400") << 400 << QByteArray() << int(Kind::BadRequest);
    QTest::newRow("404") << 404 << QByteArray() << int(Kind::BadRequest);
    QTest::newRow("413") << 413 << QByteArray() << int(Kind::BadRequest);
    QTest::newRow("422") << 422 << QByteArray() << int(Kind::BadRequest);
}

void TestLlmWire::httpStatusKinds()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, kind);
    const ModelError error = wire::httpError(status, body, 12);
    QCOMPARE(int(error.kind), kind);
    QCOMPARE(error.httpStatus, status);
    const bool paused = error.kind == ModelError::Kind::RateLimited || error.kind == ModelError::Kind::Overloaded;
    QCOMPARE(error.retryAfterS, paused ? 12 : -1);
    QVERIFY(error.message.startsWith(u"HTTP %1"_s.arg(status)));
}

void TestLlmWire::messagesAreCutAndRedacted()
{
    const QByteArray longBody = "{\"error\":{\"message\":\"" + QByteArray(5000, 'm') + "\"}}";
    const ModelError error = wire::httpError(400, longBody, -1);
    QVERIFY(error.message.size() < wire::maxQuotedChars + 40);
    QVERIFY(error.message.endsWith(u"…"_s));
    QCOMPARE(wire::serverMessage(R"({"error":"plain string"})"), u"plain string"_s);
    QCOMPARE(wire::serverMessage(R"({"detail":"fastapi style"})"), u"fastapi style"_s);
    QCOMPARE(wire::serverMessage("\xff\xfe binary"), QString());
    QCOMPARE(wire::redact(u"key sk-abc123456 leaked, sk-abc123456 again"_s, u"sk-abc123456"_s),
             u"key [redacted] leaked, [redacted] again"_s);
    QCOMPARE(wire::redact(u"the end"_s, u"e"_s), u"the end"_s); // too short to be a key
    // A cut never splits a surrogate pair.
    const QString emoji = QString(wire::maxQuotedChars - 1, u'a') + u"😀😀"_s;
    QVERIFY(!wire::cut(emoji).at(wire::maxQuotedChars - 1).isHighSurrogate());
}

void TestLlmWire::rulesCatchMalformedRequests_data()
{
    QTest::addColumn<QString>("api");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("violation");
    QTest::newRow("openai tool result for an unknown call")
        << u"openai"_s
        << parse(
               R"({"model":"m","messages":[{"role":"user","content":"hi"},{"role":"tool","tool_call_id":"nope","content":"x"}]})")
        << u"answers tool call 'nope'"_s;
    QTest::newRow("openai call left unanswered")
        << u"openai"_s
        << parse(
               R"({"model":"m","messages":[{"role":"user","content":"hi"},{"role":"assistant","content":null,"tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"{}"}}]},{"role":"user","content":"next"}]})")
        << u"comes before the results of tool calls c"_s;
    QTest::newRow("openai arguments as object")
        << u"openai"_s
        << parse(
               R"({"model":"m","messages":[{"role":"user","content":"hi"},{"role":"assistant","content":null,"tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":{}}}]},{"role":"tool","tool_call_id":"c","content":"r"}]})")
        << u"arguments is an object, not a string"_s;
    QTest::newRow("openai tool without description")
        << u"openai"_s
        << parse(
               R"({"model":"m","messages":[{"role":"user","content":"hi"}],"tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object"}}}]})")
        << u"has no description"_s;
    QTest::newRow("openai schema not an object type")
        << u"openai"_s
        << parse(
               R"({"model":"m","messages":[{"role":"user","content":"hi"}],"tools":[{"type":"function","function":{"name":"f","description":"d","parameters":{"type":"string"}}}]})")
        << u"has type 'string', not 'object'"_s;
    QTest::newRow("openai stream_options without stream")
        << u"openai"_s
        << parse(R"({"model":"m","messages":[{"role":"user","content":"hi"}],"stream_options":{"include_usage":true}})")
        << u"stream_options is only allowed when stream is true"_s;
    QTest::newRow("openai no model") << u"openai"_s << parse(R"({"messages":[{"role":"user","content":"hi"}]})")
                                     << u"model is missing"_s;
    QTest::newRow("anthropic no max_tokens")
        << u"anthropic"_s << parse(R"({"model":"m","messages":[{"role":"user","content":"hi"}]})")
        << u"max_tokens is missing"_s;
    QTest::newRow("anthropic system role")
        << u"anthropic"_s
        << parse(
               R"({"model":"m","max_tokens":10,"messages":[{"role":"system","content":"be nice"},{"role":"user","content":"hi"}]})")
        << u"has role 'system'"_s;
    QTest::newRow("anthropic roles not alternating")
        << u"anthropic"_s
        << parse(
               R"({"model":"m","max_tokens":10,"messages":[{"role":"user","content":"a"},{"role":"user","content":"b"}]})")
        << u"a second user turn in a row"_s;
    QTest::newRow("anthropic tool_result not answering the previous turn")
        << u"anthropic"_s
        << parse(
               R"({"model":"m","max_tokens":10,"messages":[{"role":"user","content":"a"},{"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"f","input":{}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"t2","content":"r"}]}]})")
        << u"answers tool_use 't2'"_s;
    QTest::newRow("anthropic tool_result after text")
        << u"anthropic"_s
        << parse(
               R"({"model":"m","max_tokens":10,"messages":[{"role":"user","content":"a"},{"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"f","input":{}}]},{"role":"user","content":[{"type":"text","text":"x"},{"type":"tool_result","tool_use_id":"t1","content":"r"}]}]})")
        << u"tool results must come first"_s;
    QTest::newRow("anthropic empty text block")
        << u"anthropic"_s
        << parse(R"({"model":"m","max_tokens":10,"messages":[{"role":"user","content":[{"type":"text","text":""}]}]})")
        << u"empty text blocks are refused"_s;
    QTest::newRow("anthropic tools in the openai shape")
        << u"anthropic"_s
        << parse(
               R"({"model":"m","max_tokens":10,"messages":[{"role":"user","content":"a"}],"tools":[{"type":"function","function":{"name":"f","description":"d","parameters":{"type":"object"}}}]})")
        << u"OpenAI shape"_s;
}

void TestLlmWire::rulesCatchMalformedRequests()
{
    QFETCH(QString, api);
    QFETCH(QJsonObject, body);
    QFETCH(QString, violation);
    const QStringList violations =
        test::checkCompletionRequest(*apiKindFromName(api), {}, post(*apiKindFromName(api), body));
    QVERIFY2(violations.join(u'\n').contains(violation), qPrintable(violations.join(u'\n')));
}

void TestLlmWire::rulesAcceptWhatTheClientBuilds_data()
{
    QTest::addColumn<QString>("api");
    QTest::newRow("openai") << u"openai"_s;
    QTest::newRow("anthropic") << u"anthropic"_s;
}

void TestLlmWire::rulesAcceptWhatTheClientBuilds()
{
    QFETCH(QString, api);
    const ApiKind kind = *apiKindFromName(api);
    using Role = ChatMessage::Role;
    ChatRequest request;
    request.system = u"sys"_s;
    request.tools = {ToolSpec{u"f"_s, u"does f"_s, parse(R"({"type":"object","properties":{}})")}};
    request.messages = {
        ChatMessage{Role::User, u"go"_s, {}, {}, false},
        ChatMessage{
            Role::Assistant, {}, {ToolCall{u"c1"_s, u"f"_s, u"{}"_s}, ToolCall{u"c2"_s, u"f"_s, u"{}"_s}}, {}, false},
        ChatMessage{Role::Tool, u"r1"_s, {}, u"c1"_s, false},
        ChatMessage{Role::Tool, u"r2"_s, {}, u"c2"_s, true},
        ChatMessage{Role::Assistant, u"done"_s, {}, {}, false},
        ChatMessage{Role::User, u"thanks"_s, {}, {}, false},
    };
    ModelEndpoint endpoint;
    endpoint.api = kind;
    endpoint.model = u"m"_s;
    const std::unique_ptr<WireFormat> wire = WireFormat::create(kind);
    const QJsonObject body = wire->buildRequest(request, endpoint);
    const QStringList violations = test::checkCompletionRequest(kind, {}, post(kind, body));
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
}

void TestLlmWire::requestBodyIsBuildRequest_data()
{
    QTest::addColumn<QString>("api");
    QTest::addColumn<bool>("cachedTools");
    QTest::newRow("openai") << u"openai"_s << false;
    QTest::newRow("openai, cached tools") << u"openai"_s << true;
    QTest::newRow("anthropic") << u"anthropic"_s << false;
    QTest::newRow("anthropic, cached tools") << u"anthropic"_s << true;
}

// The body a call sends (written as text for OpenAI) is buildRequest's object, whatever the strings hold:
// quotes, backslashes, every control character, non-ASCII and a surrogate pair, and a lone surrogate, which is
// sent as U+FFFD (QJsonDocument sent "\\ud800", which is not valid Unicode). The turns cover consecutive tool
// results, an assistant's text with a call, botched arguments, an empty assistant text and a user after tools.
void TestLlmWire::requestBodyIsBuildRequest()
{
    QFETCH(QString, api);
    QFETCH(bool, cachedTools);
    const ApiKind kind = *apiKindFromName(api);
    using Role = ChatMessage::Role;
    QString awkward = u"say \"hi\" \\ back/slash "_s;
    for (char16_t c = 0; c < 0x20; ++c)
        awkward += QChar(c);
    awkward += u"\u007f caf\u00e9 \u20ac \u4e2d\u6587 "_s + QString::fromUcs4(U"\U0001F600") + u" end"_s;
    const QString lone = u"a"_s + QChar(0xd800) + u"b"_s + QChar(0xdc00);
    ChatRequest request;
    request.system = awkward;
    request.tools = {ToolSpec{u"f"_s, awkward, parse(R"({"type":"object","properties":{"p":{"type":"string"}}})")},
                     ToolSpec{u"g"_s, u"does g"_s, parse(R"({"type":"object","properties":{}})")}};
    request.messages = {
        ChatMessage{Role::User, awkward, {}, {}, false},
        ChatMessage{Role::Assistant, {}, {ToolCall{u"c1"_s, u"f"_s, uR"({"p":"\n\"x\""})"_s}}, {}, false},
        ChatMessage{Role::Tool, awkward, {}, u"c1"_s, false},
        ChatMessage{Role::Assistant, u"thinking"_s, {ToolCall{u"c2"_s, u"g"_s, u"{}"_s}}, {}, false},
        ChatMessage{Role::Tool, lone, {}, u"c2"_s, true},
        ChatMessage{Role::Assistant,
                    u""_s,
                    {ToolCall{u"c3"_s, u"g"_s, u"{not json"_s}, ToolCall{u"c4"_s, u"f"_s, u"{}"_s}},
                    {},
                    false},
        ChatMessage{Role::Tool, u"r3"_s, {}, u"c3"_s, true},
        ChatMessage{Role::Tool, u"r4"_s, {}, u"c4"_s, false},
        ChatMessage{Role::User, u""_s, {}, {}, false},
        ChatMessage{Role::Assistant, u""_s, {}, {}, false},
        ChatMessage{Role::User, u"thanks"_s, {}, {}, false},
    };
    const std::unique_ptr<WireFormat> wire = WireFormat::create(kind);
    for (const bool stream : {true, false}) {
        for (const std::optional<double> temperature : {std::optional<double>(), std::optional<double>(0.2),
                                                        std::optional<double>(1.0), std::optional<double>(1e-7)}) {
            ModelEndpoint endpoint;
            endpoint.api = kind;
            endpoint.model = u"m\u00e9\"1"_s;
            endpoint.stream = stream;
            endpoint.temperature = temperature;
            endpoint.maxTokens = temperature ? 512 : 0;
            const QByteArray tools = cachedTools ? wire->toolsJson(request.tools, endpoint) : QByteArray();
            const QByteArray body = wire->requestBody(request, endpoint, tools);
            QJsonParseError error;
            const QJsonDocument sent = QJsonDocument::fromJson(body, &error);
            QVERIFY2(error.error == QJsonParseError::NoError,
                     qPrintable(error.errorString() + u": "_s + QString::fromUtf8(body)));
            ChatRequest replaced = request;
            replaced.messages[4].text = u"a\ufffdb\ufffd"_s;
            const QJsonObject expected =
                QJsonDocument::fromJson(QJsonDocument(wire->buildRequest(replaced, endpoint)).toJson()).object();
            QCOMPARE(sent.object(), expected);
            const QStringList violations = test::checkCompletionRequest(kind, {}, post(kind, sent.object()));
            QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
        }
    }
}

namespace {

// Both readers' results as one comparable text: the reply's fields, or the error's kind and message.
QString outcome(const std::variant<ModelReply, ModelError> &result)
{
    if (const auto *error = std::get_if<ModelError>(&result))
        return u"error %1: %2"_s.arg(modelErrorKindName(error->kind), error->message);
    const ModelReply &reply = std::get<ModelReply>(result);
    QString text = u"text=[%1] stop=%2 reason=[%3] usage=%4/%5 model=[%6]"_s.arg(reply.text)
                       .arg(int(reply.stop))
                       .arg(reply.stopReason)
                       .arg(reply.usage.inputTokens)
                       .arg(reply.usage.outputTokens)
                       .arg(reply.model);
    for (const ToolCall &call : reply.toolCalls)
        text += u" call=[%1|%2|%3]"_s.arg(call.id, call.name, call.arguments);
    return text;
}

} // namespace

// The replies real servers send: read straight from the text (the fast path is taken, so this test fails if it
// silently never is), and to exactly what QJsonDocument's reading gives.
void TestLlmWire::usualReplyReadsAsTheDocumentDoes_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("plain") << QByteArray(
        R"({"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"ack 3","refusal":null},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":2,"total_tokens":14},"system_fingerprint":"fp"})");
    QTest::newRow("tool calls") << QByteArray(
        R"({"model":"gpt","choices":[{"message":{"content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"read_file","arguments":"{\"path\":\"a b\\\\c\"}"}},{"type":"function","function":{"name":"finish","arguments":"{}"}}]},"finish_reason":"tool_calls"}]})");
    QTest::newRow("escapes and unicode") << QByteArray(
        "{\"choices\":[{\"message\":{\"content\":\"line\\n\\ttab \\\"q\\\" \\\\ \\/ \\b\\f\\r \\u00e9 \\u4e2d "
        "\\ud83d\\ude00 "
        "\xc3\xa9 \xe4\xb8\xad \xf0\x9f\x98\x80 \x7f\"},\"finish_reason\":\"length\"}],\"usage\":{\"prompt_tokens\":0,"
        "\"completion_tokens\":9007199254740992}}");
    QTest::newRow("whitespace everywhere") << QByteArray(
        " \r\n\t{ \"choices\" : [ { \"message\" : { \"content\" : \"x\" } , \"finish_reason\" : null } , "
        "{ \"message\" : { \"content\" : [ 1 , -2.5e+3 , true , false , null , { } , [ ] ] } } ] , \"usage\" : null , "
        "\"error\" : null , \"extra\" : { \"a\" : [ -0 , 0.5 , 1E9 ] } } \n");
    QTest::newRow("other finish") << QByteArray(
        R"({"choices":[{"finish_reason":"content_filter","message":{"content":""}}],"model":"local/q4"})");
    QTest::newRow("calls with stop") << QByteArray(
        R"({"choices":[{"message":{"content":"thinking","tool_calls":[{"id":"a","function":{"name":"list_files"}}]},"finish_reason":"stop"}]})");
}

void TestLlmWire::usualReplyReadsAsTheDocumentDoes()
{
    QFETCH(QByteArray, body);
    const std::optional<ModelReply> fast = OpenAiWire::readUsualReply(body);
    QVERIFY2(fast.has_value(), "the usual reply must not need QJsonDocument");
    const auto reference = OpenAiWire::parseReplyDocument(body);
    QVERIFY2(std::holds_alternative<ModelReply>(reference), qPrintable(outcome(reference)));
    QCOMPARE(outcome(*fast), outcome(reference));
    QCOMPARE(outcome(OpenAiWire().parseReply(body)), outcome(reference));
}

// Replies that are not the usual shape or not JSON at all, and thousands of random byte edits of usual ones:
// parseReply (fast path, else QJsonDocument) always says exactly what QJsonDocument's reading says, errors
// included, and the fast path never accepts what QJsonDocument refuses.
void TestLlmWire::mangledRepliesReadAsTheDocumentDoes()
{
    QList<QByteArray> bodies{
        "",
        "null",
        "[]",
        R"({"choices":[]})",
        R"({"choices":[1]})",
        R"({"choices":[{"message":"x"}]})",
        R"({"choices":[{"message":{"content":1}}]})",
        R"({"choices":[{"message":{"content":"a"}}],})",
        R"({"choices":[{"message":{"content":"a",}}]})",
        R"({"choices":[{"message":{"content":"a"}}]} x)",
        R"({"choices":[{"message":{"content":"a"}}],"choices":[{"message":{"content":"b"}}]})",
        R"({"error":{"message":"boom","type":"server_error"},"choices":[{"message":{"content":"a"}}]})",
        R"({"choices":[{"message":{"content":"\ud800"}}]})",
        R"({"choices":[{"message":{"content":"\udc00\ud800"}}]})",
        R"({"choices":[{"message":{"content":"\x"}}]})",
        R"({"choices":[{"message":{"content":"a"}}],"usage":{"prompt_tokens":1.5}})",
        R"({"choices":[{"message":{"content":"a"}}],"usage":{"prompt_tokens":99999999999999999999}})",
        R"({"choices":[{"message":{"content":"a","tool_calls":[{"function":{"name":"","arguments":"{}"}}]}}]})",
        R"({"choices":[{"message":{"content":"a","tool_calls":[{"function":{"name":"f","arguments":{"k":1}}}]}}]})",
        R"({"choices":[{"message":{"content":"a","tool_calls":{}}}]})",
        R"({"choices":[{"message":{"content":"a"}}],"model":null})",
        R"({"ch\u006fices":[{"message":{"content":"a"}}]})",
        "{\"choices\":[{\"message\":{\"content\":\"\xc0\xaf\"}}]}",
        "{\"choices\":[{\"message\":{\"content\":\"\xed\xa0\x80\"}}]}",
        "{\"choices\":[{\"message\":{\"content\":\"\xf4\x90\x80\x80\"}}]}",
        "{\"choices\":[{\"message\":{\"content\":\"\xe4\xb8\"}}]}",
        "{\"choices\":[{\"message\":{\"content\":\"a\x01\"}}]}",
        QByteArray(600, '[') + QByteArray(600, ']'),
        "{\"choices\":[{\"message\":{\"content\":\"a\"}}],\"deep\":" + QByteArray(700, '[') + QByteArray(700, ']') +
            "}",
    };
    const QList<QByteArray> usual{
        R"({"id":"c","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"ack \"3\" \u00e9","tool_calls":[{"id":"x","function":{"name":"f","arguments":"{\"a\":[1,2.5e3,true,null]}"}}]},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":12,"completion_tokens":-2}})",
        "{\"choices\":[{\"message\":{\"content\":\"\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80\\ud83d\\ude00\"},\"finish_"
        "reason\":null}]}",
    };
    QRandomGenerator random(20261207);
    const QByteArray alphabet =
        QByteArrayLiteral("{}[]\",:\\/ 0123456789-+.eEtrufalsn\x80\xbf\xc3\xe4\xed\xf0\xf4\x01u");
    for (const QByteArray &base : usual) {
        bodies << base;
        for (int i = 0; i < 3000; ++i) {
            QByteArray body = base;
            for (int edits = 1 + random.bounded(3); edits > 0; --edits) {
                const int at = random.bounded(int(body.size()) + 1);
                const char c = alphabet.at(random.bounded(int(alphabet.size())));
                switch (random.bounded(3)) {
                case 0:
                    body.insert(at, c);
                    break;
                case 1:
                    if (at < body.size())
                        body.remove(at, 1);
                    break;
                default:
                    if (at < body.size())
                        body[at] = c;
                    break;
                }
            }
            bodies << body;
        }
    }
    int fast = 0;
    for (const QByteArray &body : std::as_const(bodies)) {
        const QString reference = outcome(OpenAiWire::parseReplyDocument(body));
        if (const std::optional<ModelReply> reply = OpenAiWire::readUsualReply(body)) {
            ++fast;
            QVERIFY2(!reference.startsWith(u"error"_s), qPrintable(u"fast path took what QJsonDocument refuses: "_s +
                                                                   QString::fromLatin1(body.toPercentEncoding())));
            QCOMPARE(outcome(*reply), reference);
        }
        QCOMPARE(outcome(OpenAiWire().parseReply(body)), reference);
    }
    QVERIFY2(fast > 100, qPrintable(u"only %1 bodies took the fast path"_s.arg(fast)));
}

// json::appendValue (a goal's inputs in the prompt, Anthropic's tool inputs) reads back to the value it wrote,
// as QJsonDocument's compact text does, for every kind of value and number.
void TestLlmWire::valueTextReadsBackTheSame()
{
    const QJsonObject object{
        {u"text"_s, u"quote \" backslash \\ ctrl \x01\n é 中 😀"_s},
        {u"numbers"_s, QJsonArray{0, -1, 42, 1.5, -2.25e-7, 1e300, qint64(9007199254740993LL), 123456789012345678LL}},
        {u"flags"_s, QJsonArray{true, false, QJsonValue::Null}},
        {u"nested"_s, QJsonObject{{u"a"_s, QJsonArray{}}, {u"b"_s, QJsonObject{}}, {u"é key"_s, u""_s}}},
    };
    for (const QJsonValue &value : {QJsonValue(object), QJsonValue(object.value(u"numbers"_s))}) {
        QByteArray text;
        json::appendValue(text, value);
        QJsonParseError error;
        const QJsonDocument back = QJsonDocument::fromJson(text, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, text.constData());
        QCOMPARE(back.isObject() ? QJsonValue(back.object()) : QJsonValue(back.array()), value);
        const QByteArray reference = value.isObject() ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
                                                      : QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
        QCOMPARE(QJsonDocument::fromJson(reference), back);
    }
}

// Random streams of the chunks servers send (text, tool calls with and without index or id, finish, usage-only,
// other choices, errors, [DONE]), some with bytes edited: a wire reading chunks in place and one reading every
// chunk through QJsonDocument report the same deltas and errors at every event and end with the same reply.
void TestLlmWire::streamChunksReadAsTheDocumentDoes()
{
    QRandomGenerator random(7122026);
    const QStringList texts{u"ack"_s,      u" \"quoted\" \\ back"_s, u"line\nnext\ttab"_s, u"é 中 😀"_s, u""_s,
                            u"{\"a\":1}"_s};
    const auto pick = [&](const QStringList &list) { return list.at(random.bounded(int(list.size()))); };
    const auto chunk = [&]() -> QByteArray {
        QJsonObject delta;
        QJsonObject choice{{u"index"_s, random.bounded(8) == 0 ? 1 : 0},
                           {u"logprobs"_s, QJsonValue::Null},
                           {u"finish_reason"_s, QJsonValue::Null}};
        QJsonObject object{{u"id"_s, u"chatcmpl-1"_s}, {u"object"_s, u"chat.completion.chunk"_s}, {u"model"_s, u"m"_s}};
        switch (random.bounded(8)) {
        case 0:
            delta = {{u"role"_s, u"assistant"_s}, {u"content"_s, u""_s}};
            break;
        case 1: {
            QJsonObject call{
                {u"type"_s, u"function"_s},
                {u"function"_s, QJsonObject{{u"name"_s, pick({u"f"_s, u"g"_s})}, {u"arguments"_s, u""_s}}}};
            if (random.bounded(3) > 0)
                call.insert(u"index"_s, random.bounded(3));
            if (random.bounded(3) > 0)
                call.insert(u"id"_s, u"call_%1"_s.arg(random.bounded(3)));
            delta = {{u"tool_calls"_s, QJsonArray{call}}};
            break;
        }
        case 2: {
            QJsonObject call{{u"function"_s, QJsonObject{{u"arguments"_s, pick(texts)}}}};
            if (random.bounded(3) > 0)
                call.insert(u"index"_s, random.bounded(3));
            delta = {{u"tool_calls"_s, QJsonArray{call}}};
            break;
        }
        case 3:
            choice.insert(u"finish_reason"_s, pick({u"stop"_s, u"tool_calls"_s, u"length"_s, u"content_filter"_s}));
            break;
        case 4:
            return random.bounded(2) ? R"({"choices":[],"usage":{"prompt_tokens":7,"completion_tokens":3}})"
                                     : R"({"usage":{"prompt_tokens":5,"completion_tokens":1,"total_tokens":6}})";
        case 5:
            return random.bounded(2) ? R"({"error":{"message":"overloaded","type":"server_error"}})" : "[DONE]";
        default:
            delta = {{u"content"_s, pick(texts)}};
            break;
        }
        choice.insert(u"delta"_s, delta);
        object.insert(u"choices"_s, QJsonArray{choice});
        return QJsonDocument(object).toJson(random.bounded(2) ? QJsonDocument::Compact : QJsonDocument::Indented);
    };
    const QByteArray alphabet = QByteArrayLiteral("{}[]\",:\\ 0123456789-.eEnulltrue\xc3\xa9");
    int inPlace = 0;
    for (int stream = 0; stream < 1500; ++stream) {
        OpenAiWire fast;
        OpenAiWire reference;
        reference.readChunksThroughDocument();
        for (int i = 0, n = 3 + random.bounded(10); i < n; ++i) {
            QByteArray text = chunk();
            if (random.bounded(4) == 0) {
                const int at = random.bounded(int(text.size()));
                text[at] = alphabet.at(random.bounded(int(alphabet.size())));
            } else {
                ++inPlace;
            }
            const SseEvent event{u"message"_s, QString::fromUtf8(text)};
            QString fastDelta;
            QString referenceDelta;
            const std::optional<ModelError> fastError = fast.handleEvent(event, &fastDelta);
            const std::optional<ModelError> referenceError = reference.handleEvent(event, &referenceDelta);
            const auto said = [](const std::optional<ModelError> &error, const QString &delta) {
                return error ? outcome(*error) : u"delta [%1]"_s.arg(delta);
            };
            QCOMPARE(said(fastError, fastDelta), said(referenceError, referenceDelta));
            if (fastError)
                break;
        }
        QCOMPARE(fast.streamComplete(), reference.streamComplete());
        QCOMPARE(outcome(fast.streamReply()), outcome(reference.streamReply()));
    }
    QVERIFY(inPlace > 1000);
}

QTEST_GUILESS_MAIN(TestLlmWire)
#include "tst_llmwire.moc"
