#include "ProfileBuilder.h"

namespace switchboard::test {

ProfileBuilder::ProfileBuilder(const QString &name, const QString &backend)
{
    m_profile.name = name;
    m_profile.backend = backend;
    m_profile.retry.maxRetries = 0;
}

ProfileBuilder ProfileBuilder::demo(const QString &name, int durationMs)
{
    ProfileBuilder builder(name, QStringLiteral("demo"));
    builder.setting(QStringLiteral("duration_ms"), durationMs);
    return builder;
}

ProfileBuilder ProfileBuilder::scripted(const QString &name)
{
    return ProfileBuilder(name, QStringLiteral("scripted"));
}

ProfileBuilder &ProfileBuilder::retries(int maxRetries, const QList<double> &backoffS)
{
    m_profile.retry.maxRetries = maxRetries;
    m_profile.retry.backoffS = backoffS;
    m_profile.retry.jitter = 0.0;
    return *this;
}

ProfileBuilder &ProfileBuilder::maxConcurrent(int maxConcurrent)
{
    m_profile.maxConcurrent = maxConcurrent;
    return *this;
}

ProfileBuilder &ProfileBuilder::capabilities(const QStringList &capabilities)
{
    m_profile.capabilities = capabilities;
    return *this;
}

ProfileBuilder &ProfileBuilder::command(const QStringList &argv)
{
    m_profile.command = argv;
    return *this;
}

ProfileBuilder &ProfileBuilder::setting(const QString &key, const QVariant &value)
{
    m_profile.settings.insert(key, value);
    return *this;
}

ProfileBuilder &ProfileBuilder::steps(const QStringList &steps)
{
    return setting(QStringLiteral("steps"), steps);
}

ProfileBuilder &ProfileBuilder::failing()
{
    return setting(QStringLiteral("fail"), true);
}

} // namespace switchboard::test
