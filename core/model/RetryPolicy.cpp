#include "RetryPolicy.h"

#include <QString>

namespace switchboard {

const QList<double> &RetryPolicy::defaultBackoffS()
{
    static const QList<double> steps{60, 300, 900};
    return steps;
}

double RetryPolicy::backoffFor(int retry) const
{
    if (backoffS.isEmpty() || retry < 1)
        return 0.0;
    return backoffS.at(qMin<qsizetype>(retry, backoffS.size()) - 1);
}

double RetryPolicy::backoffFor(int retry, double unit) const
{
    const double base = backoffFor(retry);
    const double spread = base * qBound(0.0, jitter, 1.0);
    return qMax(0.0, base - spread + 2.0 * spread * unit);
}

QString Budget::exceededBy(qint64 tokens, double costUsd) const
{
    if (maxTokens > 0 && tokens > maxTokens)
        return QStringLiteral("%1 tokens > budget %2").arg(tokens).arg(maxTokens);
    if (maxCostUsd > 0.0 && costUsd > maxCostUsd)
        return QStringLiteral("$%1 > budget $%2").arg(costUsd, 0, 'f', 4).arg(maxCostUsd, 0, 'f', 4);
    return {};
}

} // namespace switchboard
