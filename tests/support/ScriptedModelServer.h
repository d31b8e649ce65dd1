#pragma once

#include "ModelRequestRules.h"
#include "ScriptedReply.h"
#include "llm/ModelTypes.h"

#include <QMutex>
#include <QStringList>
#include <QThread>
#include <QUrl>

#include <deque>
#include <functional>
#include <optional>

namespace switchboard::test {

// A model server for tests: HTTP/1.1 on 127.0.0.1 (an ephemeral port) speaking the OpenAI Chat Completions or
// the Anthropic Messages API, answering each request with the next queued ScriptedReply, and checking every
// request against the real API's rules (method, path, auth headers, JSON shape, tool schema, tool results that
// answer earlier calls) so a malformed request fails the test. It runs on its own thread, so a client that blocks
// the test's thread (ModelClient::complete) and clients on pool threads are served alike. Usage:
//
//     ScriptedModelServer server(llm::ApiKind::OpenAi, u"sk-test"_s); // expects "Authorization: Bearer sk-test"
//     server.enqueue(ScriptedReply::toolCalls({{u"call_1"_s, u"read_file"_s, u"{\"path\":\"a.txt\"}"_s}}));
//     server.enqueue(ScriptedReply::text(u"Done."_s).usage(120, 8).chunkBytes(3));
//     llm::ModelClient client(server.endpoint());                  // streams by default
//     ... run the code under test ...
//     QVERIFY2(server.ok(), qPrintable(server.report()));          // no request broke an API rule
//     QCOMPARE(server.requestCount(), 2);
//     QCOMPARE(server.request(1).json[u"messages"_s].toArray().size(), 4);
//
// A request with no reply left gets HTTP 500 and counts as a violation.
class ScriptedModelServer final
{
    Q_DISABLE_COPY_MOVE(ScriptedModelServer)

public:
    // apiKey empty: the server expects no auth header (a local server).
    explicit ScriptedModelServer(llm::ApiKind api, const QString &apiKey = {});
    ~ScriptedModelServer();

    llm::ApiKind api() const { return m_api; }
    // http://127.0.0.1:<port>/v1
    QUrl baseUrl() const;
    quint16 port() const { return m_port; }
    // An endpoint for this server: its API, base URL, the key, this model, streaming.
    llm::ModelEndpoint endpoint(const QString &model = QStringLiteral("test-model")) const;

    // Replies are served in order, one per completion request.
    void enqueue(const ScriptedReply &reply);
    void enqueue(const QList<ScriptedReply> &replies);
    int pendingReplies() const;
    // Answers the completion requests that find the queue empty, for tests whose requests come in an order
    // they cannot know (many agents at once). Runs on the server's thread; nullopt: no reply (HTTP 500 and a
    // violation, as without a responder).
    using Responder = std::function<std::optional<ScriptedReply>(const RecordedRequest &request)>;
    void setResponder(Responder responder);
    // GET /v1/models lists these (default "test-model"); or, when set, answers with this reply instead.
    void setModels(const QStringList &ids);
    void setModelsReply(const std::optional<ScriptedReply> &reply);

    // Every request received (completions and model lists), in order.
    QList<RecordedRequest> requests() const;
    RecordedRequest request(int index) const;
    RecordedRequest lastRequest() const;
    int requestCount() const;
    // Connections accepted so far (a client that keeps its connection alive makes one for many requests).
    int connectionCount() const;

    // The API rules the requests broke, each prefixed with the request's number ("request 2: ...").
    QStringList violations() const;
    bool ok() const { return violations().isEmpty(); }
    // The violations as one text, for QVERIFY2(server.ok(), qPrintable(server.report())).
    QString report() const;
    // Forget requests and violations (the queue stays).
    void clearRecords();

private:
    class Worker;
    friend class Worker;

    std::optional<ScriptedReply> takeReply(const RecordedRequest &request);
    void record(const RecordedRequest &request, const QStringList &violations);

    const llm::ApiKind m_api;
    const QString m_apiKey;
    quint16 m_port = 0;
    QThread m_thread;
    Worker *m_worker = nullptr; // lives on m_thread

    mutable QMutex m_mutex; // guards what follows: the test's thread and the server's thread both use it
    std::deque<ScriptedReply> m_replies;
    QStringList m_models{QStringLiteral("test-model")};
    std::optional<ScriptedReply> m_modelsReply;
    Responder m_responder;
    QList<RecordedRequest> m_requests;
    QStringList m_violations;
    int m_connections = 0;
};

} // namespace switchboard::test
