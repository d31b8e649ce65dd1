#include "AgentProfile.h"

namespace switchboard {

bool AgentProfile::hasCapabilities(const QStringList &required) const
{
    for (const QString &cap : required) {
        if (!capabilities.contains(cap, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

QStringList AgentProfile::missingCapabilities(const QStringList &required) const
{
    QStringList missing;
    for (const QString &cap : required) {
        if (!capabilities.contains(cap, Qt::CaseInsensitive))
            missing << cap;
    }
    return missing;
}

} // namespace switchboard
