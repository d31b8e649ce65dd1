#pragma once

#include <QFuture>
#include <QString>

namespace switchboard::llm {

// The API keys of profiles in the OS keychain: the freedesktop Secret Service (gnome-keyring, KeePassXC, ...)
// through QtKeychain, under service "switchboard", entry "profile/<name>/api_key". Every key read or stored is
// remembered by Secrets, so it is redacted from everything Switchboard writes.
//
// QtKeychain is not thread-safe: its jobs queue in one global executor (no lock) that lives on the thread of the
// first job and needs that thread's event loop to run the next one. So every QtKeychain job runs on one thread of
// our own, started on first use and stopped when the QCoreApplication goes. Callers never run an event loop for
// it: the GUI gets a QFuture (watch it with a QFutureWatcher, the window never waits), worker threads and the
// command line wait with a timeout (a locked keyring can wait for a password no one types). resolveEndpoint reads
// a profile's key once and keeps it in memory (never on disk); storeKey and removeKey update that copy.
class Keychain final
{
public:
    Keychain() = delete;

    enum class Status
    {
        Ok,          // done; a read found the key
        NotFound,    // a read found no entry for the profile
        Unavailable, // no Secret Service on the session bus (or no libsecret to reach it)
        Failed,      // the keychain refused or did not answer (error says why)
    };
    struct Result
    {
        Status status = Status::Failed;
        QString key;   // readKey: the key when Ok
        QString error; // one sentence unless Ok
        bool ok() const { return status == Status::Ok; }
    };

    static constexpr int DefaultTimeoutMs = 60000;

    static QString serviceName();                     // "switchboard"
    static QString entryName(const QString &profile); // "profile/<name>/api_key"
    // "no keychain service (org.freedesktop.secrets) on the session bus: set api_key_env instead"
    static QString unavailableMessage();

    // Asynchronous, for the GUI thread. The future gets one Result; it is cancelled without one only when the
    // application quits first. A key that is empty after trimming is refused (Failed), not stored.
    static QFuture<Result> storeKey(const QString &profile, const QString &key);
    static QFuture<Result> readKey(const QString &profile);
    // Removing an entry that does not exist succeeds.
    static QFuture<Result> removeKey(const QString &profile);
    // Ok when a Secret Service is on the session bus (running or activatable), else Unavailable.
    static QFuture<Result> checkAvailable();

    // Blocking, for worker threads and the command line: waits up to timeoutMs for the keychain's thread.
    // Refused (Failed) on the main thread of a GUI application, which must not freeze.
    static Result storeKeyBlocking(const QString &profile, const QString &key, int timeoutMs = DefaultTimeoutMs);
    static Result readKeyBlocking(const QString &profile, int timeoutMs = DefaultTimeoutMs);
    static Result removeKeyBlocking(const QString &profile, int timeoutMs = DefaultTimeoutMs);
    static bool isAvailable(QString *error = nullptr, int timeoutMs = DefaultTimeoutMs);

    // The profile's key for resolveEndpoint: the copy in memory, else readKeyBlocking (an entry found, or found
    // missing, is kept; a failure is not, so the next attempt asks again).
    static Result profileKey(const QString &profile);
    // Whether resolveEndpoint consults the keychain: yes unless SWITCHBOARD_NO_KEYCHAIN is set to anything but
    // "0" (for machines whose keyring must not be touched; the test suite sets it).
    static bool isEnabled();
};

} // namespace switchboard::llm
