#include "QtHttpTransfer.h"

#include <QNetworkReply>

namespace switchboard::llm {

QtHttpTransfer::QtHttpTransfer(QNetworkReply *reply)
    : m_reply(reply)
{
    QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [this] {
        if (headersArrived)
            headersArrived();
    });
    QObject::connect(reply, &QNetworkReply::readyRead, reply, [this] {
        if (bytesArrived)
            bytesArrived();
    });
    QObject::connect(reply, &QNetworkReply::finished, reply, [this] {
        if (finished)
            finished();
    });
}

QtHttpTransfer::~QtHttpTransfer()
{
    abort();
}

int QtHttpTransfer::status() const
{
    return m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

QByteArray QtHttpTransfer::header(QByteArrayView name) const
{
    return m_reply->rawHeader(name.toByteArray());
}

QByteArray QtHttpTransfer::readAll()
{
    return m_reply->readAll();
}

bool QtHttpTransfer::isFinished() const
{
    return m_reply->isFinished();
}

HttpTransfer::Failure QtHttpTransfer::failure() const
{
    switch (m_reply->error()) {
    case QNetworkReply::NoError:
        return Failure::None;
    case QNetworkReply::ProtocolFailure:
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::UnknownContentError:
        // With a status these also stand for HTTP error statuses (429 is UnknownContentError): what matters then
        // is the status, and a reply cut after it came is a network failure.
        return status() == 0 ? Failure::Protocol : Failure::Network;
    default:
        return Failure::Network;
    }
}

QString QtHttpTransfer::errorString() const
{
    return m_reply->errorString();
}

void QtHttpTransfer::abort()
{
    if (m_reply->isFinished())
        return;
    m_reply->disconnect();
    m_reply->abort();
}

} // namespace switchboard::llm
