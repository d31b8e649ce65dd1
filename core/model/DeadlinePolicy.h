#pragma once

#include <QStringView>

#include <optional>

namespace switchboard {

// What happens when a goal's deadline passes (workflow.on_deadline).
enum class DeadlinePolicy
{
    Fail,
    Escalate, // ask the human (needs the escalation inbox; falls back to Fail without one)
};

// "fail" or "escalate"; nullopt for anything else.
inline std::optional<DeadlinePolicy> deadlinePolicyFromString(QStringView name)
{
    if (name == u"fail")
        return DeadlinePolicy::Fail;
    if (name == u"escalate")
        return DeadlinePolicy::Escalate;
    return std::nullopt;
}

} // namespace switchboard
