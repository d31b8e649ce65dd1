#include "BackendRegistry.h"

#include "DemoAgent.h"
#include "ProcessAgent.h"

namespace switchboard {

BackendRegistry BackendRegistry::withBuiltins()
{
    BackendRegistry registry;
    registry.add(QStringLiteral("demo"),
                 [](const AgentProfile &profile) { return std::make_unique<DemoAgent>(profile); });
    registry.add(QStringLiteral("process"),
                 [](const AgentProfile &profile) { return std::make_unique<ProcessAgent>(profile); });
    return registry;
}

QStringList BackendRegistry::builtinNames()
{
    return {QStringLiteral("demo"), QStringLiteral("process")};
}

void BackendRegistry::add(const QString &name, Factory factory)
{
    m_factories.insert(name, std::move(factory));
}

bool BackendRegistry::contains(const QString &name) const
{
    return m_factories.contains(name);
}

QStringList BackendRegistry::names() const
{
    QStringList names = m_factories.keys();
    names.sort();
    return names;
}

std::unique_ptr<AgentBackend> BackendRegistry::create(const AgentProfile &profile) const
{
    const auto it = m_factories.constFind(profile.backend);
    if (it == m_factories.constEnd())
        return nullptr;
    return (*it)(profile);
}

} // namespace switchboard
