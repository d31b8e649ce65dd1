#include "Metrics.h"

namespace switchboard {

const ProfileMetrics *Metrics::profile(const QString &name) const
{
    for (const ProfileMetrics &metrics : profiles) {
        if (metrics.profile == name)
            return &metrics;
    }
    return nullptr;
}

} // namespace switchboard
