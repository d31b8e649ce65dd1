#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace switchboard {

// One JSON-RPC 2.0 message of the Agent Client Protocol, one line of an agent's stdout (parse) or stdin (the
// builders): a request, a notification, a response or an error response; or a line that is none of those.
struct AcpMessage
{
    enum class Kind
    {
        Request,       // id, method, params
        Notification,  // method, params
        Response,      // id, result
        ErrorResponse, // id, errorCode, errorMessage
        Malformed,     // problem says why; id is kept when the line had one (the sender waits for an answer)
    };

    // JSON-RPC 2.0's codes.
    static constexpr int ParseError = -32700;
    static constexpr int InvalidRequest = -32600;
    static constexpr int MethodNotFound = -32601;
    static constexpr int InvalidParams = -32602;
    static constexpr int InternalError = -32603;
    // ACP's own: the agent needs the user to authenticate first; a file or session that does not exist.
    static constexpr int AuthRequired = -32000;
    static constexpr int ResourceNotFound = -32002;

    Kind kind = Kind::Malformed;
    QJsonValue id; // a number or a string (undefined: none)
    QString method;
    QJsonObject params;
    QJsonValue result;
    int errorCode = 0;
    QString errorMessage;
    QString problem;

    bool hasId() const { return !id.isUndefined() && !id.isNull(); }

    static AcpMessage parse(QByteArrayView line);

    static QByteArray request(qint64 id, const QString &method, const QJsonObject &params);
    static QByteArray notification(const QString &method, const QJsonObject &params);
    static QByteArray response(const QJsonValue &id, const QJsonValue &result);
    static QByteArray error(const QJsonValue &id, int code, const QString &message);
};

} // namespace switchboard
