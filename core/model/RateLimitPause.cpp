#include "RateLimitPause.h"

#include <cmath>

namespace switchboard {

RateLimitPause RateLimitPause::fromSeconds(double seconds)
{
    RateLimitPause pause;
    // 'g' keeps 1e12 and 2147483648 readable in the log line; a cast of them to int is what overflowed to 1 s.
    const QString given = QString::number(seconds, 'g', 12);
    if (!std::isfinite(seconds)) {
        pause.m_note = QStringLiteral("retry_after_s %1 is not a number of seconds").arg(given);
        return pause;
    }
    if (seconds < 0) {
        pause.m_note = QStringLiteral("retry_after_s %1 is negative").arg(given);
        return pause;
    }
    pause.m_valid = true;
    if (seconds > MaxS) {
        pause.m_cut = true;
        pause.m_seconds = MaxS;
        pause.m_note = QStringLiteral("retry_after_s %1 is longer than the maximum of %2 s").arg(given).arg(MaxS);
        return pause;
    }
    pause.m_seconds = qMax(MinS, static_cast<int>(std::ceil(seconds)));
    return pause;
}

} // namespace switchboard
