#include "ModelListServer.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

namespace switchboard::test {

ModelListServer::ModelListServer(QByteArray path, QByteArray body, int status, QObject *parent)
    : QObject(parent)
    , m_path(std::move(path))
    , m_body(std::move(body))
    , m_status(status)
{
    connect(&m_server, &QTcpServer::newConnection, this, &ModelListServer::handleConnection);
    if (!m_server.listen(QHostAddress::LocalHost, 0))
        qWarning("ModelListServer: cannot listen: %s", qPrintable(m_server.errorString()));
}

ModelListServer *ModelListServer::silent(QObject *parent)
{
    auto *server = new ModelListServer({}, {}, 200, parent);
    server->m_silent = true;
    return server;
}

QByteArray ModelListServer::ollamaTags(const QStringList &models)
{
    QJsonArray list;
    for (const QString &model : models)
        list.append(QJsonObject{
            {QStringLiteral("name"), model}, {QStringLiteral("model"), model}, {QStringLiteral("size"), 2019393189}});
    return QJsonDocument(QJsonObject{{QStringLiteral("models"), list}}).toJson(QJsonDocument::Compact);
}

QByteArray ModelListServer::openAiModels(const QStringList &models)
{
    QJsonArray list;
    for (const QString &model : models)
        list.append(QJsonObject{{QStringLiteral("id"), model},
                                {QStringLiteral("object"), QStringLiteral("model")},
                                {QStringLiteral("owned_by"), QStringLiteral("llamacpp")}});
    return QJsonDocument(
               QJsonObject{{QStringLiteral("object"), QStringLiteral("list")}, {QStringLiteral("data"), list}})
        .toJson(QJsonDocument::Compact);
}

void ModelListServer::handleConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            const QByteArray head = socket->peek(64 * 1024);
            if (!head.contains("\r\n\r\n"))
                return; // the whole request head first
            socket->readAll();
            const QByteArray requestLine = head.left(head.indexOf("\r\n"));
            m_requests.append(requestLine);
            if (m_silent)
                return;
            const QList<QByteArray> parts = requestLine.split(' ');
            const bool match = parts.size() >= 2 && parts.at(0) == "GET" && parts.at(1) == m_path;
            const int status = match ? m_status : 404;
            const QByteArray body = match ? m_body : QByteArray("not found");
            QByteArray reply =
                "HTTP/1.1 " + QByteArray::number(status) + (status == 200 ? " OK" : " Error") +
                "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
                "\r\nConnection: close\r\n\r\n" + body;
            socket->write(reply);
            socket->disconnectFromHost();
        });
    }
}

} // namespace switchboard::test
