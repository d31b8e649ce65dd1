#pragma once

#include "HttpTransfer.h"

#include <memory>

class QNetworkReply;

namespace switchboard::llm {

// An HttpTransfer carried by QNetworkAccessManager: https, proxies, and every request when
// SWITCHBOARD_HTTP_CLIENT=qt. Owns the reply; a reply not finished when this goes is aborted.
class QtHttpTransfer final : public HttpTransfer
{
    Q_DISABLE_COPY_MOVE(QtHttpTransfer)

public:
    explicit QtHttpTransfer(QNetworkReply *reply);
    ~QtHttpTransfer() override;

    int status() const override;
    QByteArray header(QByteArrayView name) const override;
    QByteArray readAll() override;
    bool isFinished() const override;
    Failure failure() const override;
    QString errorString() const override;
    void abort() override;

private:
    std::unique_ptr<QNetworkReply> m_reply;
};

} // namespace switchboard::llm
