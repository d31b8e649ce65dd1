#include "Config.h"

namespace switchboard {

const AgentProfile *Config::profile(const QString &name) const
{
    for (const AgentProfile &p : profiles) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

} // namespace switchboard
