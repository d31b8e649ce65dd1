#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <functional>

namespace switchboard::llm {

// One HTTP request in flight as ModelClient sees it, whichever transport carries it (QtHttpTransfer over
// QNetworkAccessManager, LeanHttpTransfer over a pooled plain socket). The callbacks run on the calling thread.
class HttpTransfer
{
    Q_DISABLE_COPY_MOVE(HttpTransfer)

public:
    enum class Failure
    {
        None,
        Network,  // refused, reset, closed before the reply was whole, host not found
        Protocol, // the peer does not speak HTTP/1.x as we read it
    };

    HttpTransfer() = default;
    virtual ~HttpTransfer() = default;

    virtual int status() const = 0; // 0 until the status line and headers came
    virtual QByteArray header(QByteArrayView name) const = 0;
    virtual QByteArray readAll() = 0; // the body bytes received and not read yet (de-chunked)
    virtual bool isFinished() const = 0;
    virtual Failure failure() const = 0;
    virtual QString errorString() const = 0;
    // Stops the request; no callback runs after it. A connection in the middle of a reply is closed, not reused.
    virtual void abort() = 0;

    std::function<void()> headersArrived;
    std::function<void()> bytesArrived;
    std::function<void()> finished;
};

} // namespace switchboard::llm
