#include "Secrets.h"

#include <QReadWriteLock>
#include <QStringList>

#include <algorithm>
#include <atomic>

namespace switchboard {

namespace {

struct SecretList
{
    QReadWriteLock lock;
    QStringList values; // longest first, so a key that contains another is replaced whole
    std::atomic<bool> empty{true};
};

SecretList &secrets()
{
    static SecretList instance;
    return instance;
}

} // namespace

void Secrets::remember(const QString &value)
{
    const QString secret = value.trimmed();
    if (secret.size() < MinimumLength)
        return;
    SecretList &s = secrets();
    const QWriteLocker locker(&s.lock);
    if (s.values.contains(secret))
        return;
    s.values.append(secret);
    std::stable_sort(s.values.begin(), s.values.end(),
                     [](const QString &a, const QString &b) { return a.size() > b.size(); });
    s.empty.store(false, std::memory_order_release);
}

QString Secrets::redact(const QString &text)
{
    SecretList &s = secrets();
    if (s.empty.load(std::memory_order_acquire) || text.size() < MinimumLength)
        return text;
    const QReadLocker locker(&s.lock);
    QString out = text;
    for (const QString &secret : std::as_const(s.values)) {
        if (out.contains(secret))
            out.replace(secret, QStringLiteral("[redacted]"));
    }
    return out;
}

bool Secrets::isEmpty()
{
    return secrets().empty.load(std::memory_order_acquire);
}

} // namespace switchboard
