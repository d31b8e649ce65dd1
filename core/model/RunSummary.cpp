#include "RunSummary.h"

#include <QCoreApplication>

namespace switchboard {

namespace {
QString formatDuration(qint64 ms)
{
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    const double s = double(ms) / 1000.0;
    if (s < 120)
        return QStringLiteral("%1 s").arg(s, 0, 'f', 1);
    return QStringLiteral("%1 min %2 s").arg(ms / 60000).arg((ms / 1000) % 60);
}
} // namespace

QJsonObject RunSummary::toJson() const
{
    QJsonObject o;
    o.insert(u"wall_ms", wallMs);
    o.insert(u"agent_time_ms", agentTimeMs);
    o.insert(u"time_saved_ms", timeSavedMs());
    o.insert(u"efficiency", speedup());
    o.insert(u"phases", phases);
    o.insert(u"max_parallel_reached", maxParallelReached);
    o.insert(u"total", total);
    o.insert(u"completed", completed);
    o.insert(u"failed", failed);
    o.insert(u"cancelled", cancelled);
    o.insert(u"blocked", blocked);
    o.insert(u"skipped", skipped);
    if (inReview > 0)
        o.insert(u"in_review", inReview);
    if (tolerated > 0)
        o.insert(u"tolerated", tolerated);
    o.insert(u"input_tokens", inputTokens);
    o.insert(u"output_tokens", outputTokens);
    o.insert(u"cost_usd", costUsd);
    return o;
}

QString RunSummary::toText() const
{
    QString text;
    text += QCoreApplication::translate("RunSummary", "Wall time:            %1\n").arg(formatDuration(wallMs));
    text += QCoreApplication::translate("RunSummary", "Agent time (sum):     %1\n").arg(formatDuration(agentTimeMs));
    text += QCoreApplication::translate("RunSummary", "Time saved:           %1\n").arg(formatDuration(timeSavedMs()));
    text += QCoreApplication::translate("RunSummary", "Efficiency:           %1x the sequential run\n")
                .arg(speedup(), 0, 'f', 2);
    text += QCoreApplication::translate("RunSummary", "Phases:               %1\n").arg(phases);
    text += QCoreApplication::translate("RunSummary", "Max parallel reached: %1\n").arg(maxParallelReached);
    text += QCoreApplication::translate("RunSummary",
                                        "Goals:                %1 total, %2 completed, %3 failed, %4 cancelled, "
                                        "%5 blocked\n")
                .arg(total)
                .arg(completed)
                .arg(failed)
                .arg(cancelled)
                .arg(blocked);
    if (skipped > 0)
        text += QCoreApplication::translate("RunSummary", "Skipped:              %1 (their condition was false)\n")
                    .arg(skipped);
    if (tolerated > 0)
        text += QCoreApplication::translate("RunSummary", "Tolerated:            %1 (team members that failed while "
                                                          "their team completed)\n")
                    .arg(tolerated);
    if (inReview > 0)
        text += QCoreApplication::translate("RunSummary", "In review:            %1 (merge or discard them: "
                                                          "switchboard review)\n")
                    .arg(inReview);
    if (inputTokens > 0 || outputTokens > 0) {
        text += QCoreApplication::translate("RunSummary", "Tokens:               %1 in, %2 out\n")
                    .arg(inputTokens)
                    .arg(outputTokens);
    }
    if (costUsd > 0)
        text += QCoreApplication::translate("RunSummary", "Cost:                 $%1\n").arg(costUsd, 0, 'f', 4);
    return text;
}

} // namespace switchboard
