#pragma once

#include "AgentBackend.h"
#include "model/AgentProfile.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace switchboard {

// Maps a profile's backend name to a factory, so new backends never touch the orchestrator.
class BackendRegistry final
{
public:
    using Factory = std::function<std::unique_ptr<AgentBackend>(const AgentProfile &)>;

    // The backends that ship with Switchboard: "demo" and "process".
    static BackendRegistry withBuiltins();
    static QStringList builtinNames();

    void add(const QString &name, Factory factory);
    bool contains(const QString &name) const;
    QStringList names() const;
    std::unique_ptr<AgentBackend> create(const AgentProfile &profile) const;

private:
    QHash<QString, Factory> m_factories;
};

} // namespace switchboard
