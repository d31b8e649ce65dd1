#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTcpServer>

namespace switchboard::test {

// A tiny HTTP server on 127.0.0.1 (ephemeral port) that pretends to be a local model server for discovery
// tests: it answers GET on one path with a fixed status and body, 404 elsewhere, or never answers (silent).
// Lives on the thread that created it; the code under test must let that thread's event loop run.
class ModelListServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelListServer)

public:
    ModelListServer(QByteArray path, QByteArray body, int status = 200, QObject *parent = nullptr);
    // Accepts connections and reads requests, but never replies.
    static ModelListServer *silent(QObject *parent = nullptr);

    // Ollama's GET /api/tags and the OpenAI-compatible GET /v1/models listing these models.
    static QByteArray ollamaTags(const QStringList &models);
    static QByteArray openAiModels(const QStringList &models);

    quint16 port() const { return m_server.serverPort(); }
    // The request lines received ("GET /api/tags HTTP/1.1").
    const QList<QByteArray> &requests() const { return m_requests; }

private:
    void handleConnection();

    QTcpServer m_server;
    QByteArray m_path;
    QByteArray m_body;
    int m_status;
    bool m_silent = false;
    QList<QByteArray> m_requests;
};

} // namespace switchboard::test
