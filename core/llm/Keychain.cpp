#include "Keychain.h"

#include "Secrets.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusReply>
#include <QHash>
#include <QLibrary>
#include <QMutex>
#include <QPromise>
#include <QThread>

#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <utility>

namespace switchboard::llm {

namespace {

enum class Operation
{
    Store,
    Read,
    Remove,
    Probe
};

using Sink = std::function<void(const Keychain::Result &)>;

Keychain::Result result(Keychain::Status status, const QString &error = {}, const QString &key = {})
{
    Keychain::Result r;
    r.status = status;
    r.error = error;
    r.key = key;
    return r;
}

// The thread every QtKeychain job runs on (see Keychain.h), with a plain QObject on it to post work to.
struct KeychainThread
{
    QMutex mutex;
    QThread *thread = nullptr;
    QObject *worker = nullptr;
    bool stopped = false; // the application is gone: no new thread
};

KeychainThread &keychainThread()
{
    static KeychainThread instance;
    return instance;
}

// A post routine: runs in ~QCoreApplication, after which no event loop would ever deliver a job's answer.
void stopKeychainThread()
{
    KeychainThread &k = keychainThread();
    QThread *thread = nullptr;
    {
        const QMutexLocker locker(&k.mutex);
        k.stopped = true;
        thread = std::exchange(k.thread, nullptr);
        k.worker = nullptr; // deleted by the thread's finished()
    }
    if (!thread)
        return;
    thread->quit();
    // Jobs are asynchronous, so the loop ends at once; only a D-Bus call stuck in the probe could hold it, and
    // deleting a running QThread would abort the process: leave it then.
    if (thread->wait(10000))
        delete thread;
}

bool onKeychainThread()
{
    KeychainThread &k = keychainThread();
    const QMutexLocker locker(&k.mutex);
    return k.thread && QThread::currentThread() == k.thread;
}

// Runs work on the keychain thread; false when there is no application (before it, or after it is gone).
bool post(std::function<void()> work)
{
    KeychainThread &k = keychainThread();
    const QMutexLocker locker(&k.mutex);
    if (k.stopped || !QCoreApplication::instance())
        return false;
    if (!k.thread) {
        k.thread = new QThread;
        k.thread->setObjectName(QStringLiteral("switchboard-keychain"));
        k.worker = new QObject;
        k.worker->moveToThread(k.thread);
        QObject::connect(k.thread, &QThread::finished, k.worker, &QObject::deleteLater);
        k.thread->start();
        qAddPostRoutine(stopKeychainThread);
    }
    return QMetaObject::invokeMethod(k.worker, std::move(work), Qt::QueuedConnection);
}

// On the keychain thread. QtKeychain finds the Secret Service through libsecret, which it loads at run time
// (libqt6keychain1 does not depend on it): without it every job would fail with "Unknown error".
std::optional<Keychain::Result> unavailable()
{
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return result(Keychain::Status::Unavailable, Keychain::unavailableMessage());
    const QString service = QStringLiteral("org.freedesktop.secrets");
    const QDBusReply<bool> registered = bus.interface()->isServiceRegistered(service);
    bool found = registered.isValid() && registered.value();
    if (!found) {
        // Not running yet, but the bus starts it on the first call (as gnome-keyring is on many desktops).
        const QDBusReply<QStringList> activatable = bus.interface()->activatableServiceNames();
        found = activatable.isValid() && activatable.value().contains(service);
    }
    if (!found)
        return result(Keychain::Status::Unavailable, Keychain::unavailableMessage());
    QLibrary libsecret(QStringLiteral("secret-1"), 0);
    if (!libsecret.load()) {
        return result(Keychain::Status::Unavailable,
                      QStringLiteral("libsecret (libsecret-1.so.0) is not installed, so the keychain cannot be "
                                     "reached: install it or set api_key_env instead"));
    }
    return std::nullopt;
}

Keychain::Result finished(Operation operation, QKeychain::Job *job)
{
    switch (job->error()) {
    case QKeychain::NoError:
        if (operation == Operation::Read) {
            const QString key = static_cast<QKeychain::ReadPasswordJob *>(job)->textData().trimmed();
            if (key.isEmpty())
                return result(Keychain::Status::NotFound, QStringLiteral("the keychain entry is empty"));
            return result(Keychain::Status::Ok, {}, key);
        }
        return result(Keychain::Status::Ok);
    case QKeychain::EntryNotFound:
        return result(Keychain::Status::NotFound, QStringLiteral("no key in the keychain for this profile"));
    case QKeychain::NoBackendAvailable:
        return result(Keychain::Status::Unavailable, Keychain::unavailableMessage());
    default:
        return result(Keychain::Status::Failed, QStringLiteral("the keychain refused: %1").arg(job->errorString()));
    }
}

// On the keychain thread: one QtKeychain job, its answer to sink (called exactly once, on this thread).
void runJob(Operation operation, const QString &profile, const QString &key, const Sink &sink)
{
    if (const std::optional<Keychain::Result> missing = unavailable()) {
        sink(*missing);
        return;
    }
    if (operation == Operation::Probe) {
        sink(result(Keychain::Status::Ok));
        return;
    }
    QKeychain::Job *job = nullptr;
    if (operation == Operation::Store) {
        auto *write = new QKeychain::WritePasswordJob(Keychain::serviceName());
        write->setTextData(key);
        job = write;
    } else if (operation == Operation::Read) {
        job = new QKeychain::ReadPasswordJob(Keychain::serviceName());
    } else {
        job = new QKeychain::DeletePasswordJob(Keychain::serviceName());
    }
    job->setAutoDelete(true); // deleteLater() right after finished
    job->setInsecureFallback(false);
    job->setKey(Keychain::entryName(profile));
    QObject::connect(job, &QKeychain::Job::finished, job,
                     [operation, sink](QKeychain::Job *done) { sink(finished(operation, done)); });
    job->start();
}

// What resolveEndpoint reads, per profile: the key, or an empty string for an entry found missing.
struct KeyCache
{
    QMutex mutex;
    QHash<QString, QString> keys;
};

KeyCache &keyCache()
{
    static KeyCache instance;
    return instance;
}

void cache(Operation operation, const QString &profile, const Keychain::Result &r)
{
    KeyCache &c = keyCache();
    const QMutexLocker locker(&c.mutex);
    if (operation == Operation::Remove && r.ok())
        c.keys.insert(profile, QString());
    else if (operation == Operation::Read && (r.ok() || r.status == Keychain::Status::NotFound))
        c.keys.insert(profile, r.key);
}

// Secrets and the cache learn a key before anyone sees the result.
Sink recording(Operation operation, const QString &profile, const QString &key, Sink sink)
{
    return [operation, profile, key, sink = std::move(sink)](const Keychain::Result &r) {
        if (r.ok() && !r.key.isEmpty())
            Secrets::remember(r.key);
        if (operation == Operation::Store && r.ok()) {
            KeyCache &c = keyCache();
            const QMutexLocker locker(&c.mutex);
            c.keys.insert(profile, key);
        } else {
            cache(operation, profile, r);
        }
        sink(r);
    };
}

std::optional<Keychain::Result> refused(Operation operation, const QString &profile, const QString &key)
{
    if (operation != Operation::Probe && profile.trimmed().isEmpty())
        return result(Keychain::Status::Failed, QStringLiteral("a keychain entry needs a profile name"));
    if (operation == Operation::Store && key.isEmpty())
        return result(Keychain::Status::Failed, QStringLiteral("the key is empty"));
    return std::nullopt;
}

QFuture<Keychain::Result> start(Operation operation, const QString &profile, const QString &rawKey)
{
    const QString key = rawKey.trimmed();
    if (operation == Operation::Store)
        Secrets::remember(key); // from the moment it is typed in, not only once it is stored
    auto promise = std::make_shared<QPromise<Keychain::Result>>();
    QFuture<Keychain::Result> future = promise->future();
    promise->start();
    const auto deliver = [promise](const Keychain::Result &r) {
        promise->addResult(r);
        promise->finish();
    };
    if (const std::optional<Keychain::Result> refusal = refused(operation, profile, key)) {
        deliver(*refusal);
        return future;
    }
    const Sink sink = recording(operation, profile, key, deliver);
    if (!post([operation, profile, key, sink] { runJob(operation, profile, key, sink); }))
        deliver(result(Keychain::Status::Failed, QStringLiteral("the keychain is not reachable without a running "
                                                                "application")));
    return future;
}

Keychain::Result wait(Operation operation, const QString &profile, const QString &rawKey, int timeoutMs)
{
    const QCoreApplication *app = QCoreApplication::instance();
    if (app && app->inherits("QGuiApplication") && QThread::currentThread() == app->thread()) {
        return result(Keychain::Status::Failed, QStringLiteral("the keychain is not waited for on the window's "
                                                               "thread (it would freeze); ask it asynchronously"));
    }
    if (onKeychainThread())
        return result(Keychain::Status::Failed, QStringLiteral("the keychain's own thread cannot wait for itself"));
    const QString key = rawKey.trimmed();
    if (operation == Operation::Store)
        Secrets::remember(key);
    if (const std::optional<Keychain::Result> refusal = refused(operation, profile, key))
        return *refusal;
    // A std::promise, not a QFuture: this thread waits with a timeout, which QFuture cannot in Qt 6.4.
    auto promise = std::make_shared<std::promise<Keychain::Result>>();
    std::future<Keychain::Result> answer = promise->get_future();
    const Sink sink =
        recording(operation, profile, key, [promise](const Keychain::Result &r) { promise->set_value(r); });
    if (!post([operation, profile, key, sink] { runJob(operation, profile, key, sink); }))
        return result(Keychain::Status::Failed, QStringLiteral("the keychain is not reachable without a running "
                                                               "application"));
    if (answer.wait_for(std::chrono::milliseconds(qMax(0, timeoutMs))) != std::future_status::ready) {
        return result(Keychain::Status::Failed,
                      QStringLiteral("the keychain did not answer within %1 s (is the keyring locked, waiting for its "
                                     "password?)")
                          .arg(qMax(0, timeoutMs) / 1000));
    }
    try {
        return answer.get();
    } catch (const std::future_error &) { // the keychain's thread stopped with the job in flight
        return result(Keychain::Status::Failed, QStringLiteral("the keychain stopped before it answered"));
    }
}

} // namespace

QString Keychain::serviceName()
{
    return QStringLiteral("switchboard");
}

QString Keychain::entryName(const QString &profile)
{
    return QStringLiteral("profile/%1/api_key").arg(profile);
}

QString Keychain::unavailableMessage()
{
    return QStringLiteral("no keychain service (org.freedesktop.secrets) on the session bus: set api_key_env instead");
}

QFuture<Keychain::Result> Keychain::storeKey(const QString &profile, const QString &key)
{
    return start(Operation::Store, profile, key);
}

QFuture<Keychain::Result> Keychain::readKey(const QString &profile)
{
    return start(Operation::Read, profile, {});
}

QFuture<Keychain::Result> Keychain::removeKey(const QString &profile)
{
    return start(Operation::Remove, profile, {});
}

QFuture<Keychain::Result> Keychain::checkAvailable()
{
    return start(Operation::Probe, {}, {});
}

Keychain::Result Keychain::storeKeyBlocking(const QString &profile, const QString &key, int timeoutMs)
{
    return wait(Operation::Store, profile, key, timeoutMs);
}

Keychain::Result Keychain::readKeyBlocking(const QString &profile, int timeoutMs)
{
    return wait(Operation::Read, profile, {}, timeoutMs);
}

Keychain::Result Keychain::removeKeyBlocking(const QString &profile, int timeoutMs)
{
    return wait(Operation::Remove, profile, {}, timeoutMs);
}

bool Keychain::isAvailable(QString *error, int timeoutMs)
{
    const Result r = wait(Operation::Probe, {}, {}, timeoutMs);
    if (error)
        *error = r.error;
    return r.ok();
}

Keychain::Result Keychain::profileKey(const QString &profile)
{
    {
        KeyCache &c = keyCache();
        const QMutexLocker locker(&c.mutex);
        const auto known = c.keys.constFind(profile);
        if (known != c.keys.cend()) {
            return known->isEmpty()
                       ? result(Status::NotFound, QStringLiteral("no key in the keychain for this profile"))
                       : result(Status::Ok, {}, *known);
        }
    }
    return readKeyBlocking(profile);
}

bool Keychain::isEnabled()
{
    const QString value = qEnvironmentVariable("SWITCHBOARD_NO_KEYCHAIN");
    return value.isEmpty() || value == u"0";
}

} // namespace switchboard::llm
