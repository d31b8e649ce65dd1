#pragma once

#include <QString>

#include <optional>

namespace switchboard {

// How urgent a goal is; the scheduler runs higher priorities first.
enum class Priority
{
    Low = 0,
    Medium = 1,
    High = 2,
    Critical = 3,
};

QString priorityToString(Priority priority);
std::optional<Priority> priorityFromString(const QString &text);

} // namespace switchboard
