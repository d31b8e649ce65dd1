#pragma once

#include "persistence/Metrics.h"
#include "persistence/RunHistory.h"

#include <QDateTime>
#include <QList>
#include <QPointF>

#include <array>

namespace switchboard {

// The recent past of the dashboard's key metrics, for the Metrics dock's sparklines: one sample per refresh,
// kept for the last hour, and seeded from the run's recorded transitions, attempts, escalations and lock
// events, so the lines have a past the moment the dock opens. Pure data; safe to build on any thread.
class MetricsTimeline final
{
public:
    enum class Series
    {
        InProgress,
        Completions,
        SuccessRate, // fraction
        Utilisation, // fraction
        CostUsd,
        EscalationRate,   // fraction
        LockConflictRate, // fraction
        AverageCompletionMinutes,
    };
    static constexpr int kSeriesCount = 8;
    static constexpr qint64 kSpanMs = 60 * 60 * 1000; // the last hour

    struct Sample
    {
        QDateTime at; // UTC
        std::array<double, kSeriesCount> values{};
        // False while there is nothing to measure (no finished goal for the success rate, no lock request...).
        std::array<bool, kSeriesCount> valid{};

        double value(Series series) const { return values[std::size_t(series)]; }
        bool hasValue(Series series) const { return valid[std::size_t(series)]; }
        void set(Series series, double value, bool isValid = true)
        {
            values[std::size_t(series)] = value;
            valid[std::size_t(series)] = isValid;
        }
    };

    // The live numbers, with MetricsCalculator's definitions.
    static Sample fromMetrics(const Metrics &metrics, const QDateTime &at);
    // `points` samples evenly spread over [from, to) (to itself excluded: the live sample goes there), each
    // what MetricsCalculator would have said at that time, rebuilt in one pass over the recorded rows.
    // An attempt's cost counts from when it ended (an unfinished one's only at `to`). runSlots as in
    // MetricsCalculator::Options (0 = the largest RunRecord::maxParallel).
    static QList<Sample> seed(const RunHistory &history, int runSlots, const QDateTime &from, const QDateTime &to,
                              int points);

    void clear() { m_samples.clear(); }
    // Replaces every sample (a seed); they must be in time order.
    void setSamples(QList<Sample> samples);
    // Adds the newest sample, dropping those an hour older than it and any at or after its time.
    void append(const Sample &sample);
    const QList<Sample> &samples() const { return m_samples; }
    bool isEmpty() const { return m_samples.isEmpty(); }
    QDateTime lastSampleAt() const { return m_samples.isEmpty() ? QDateTime() : m_samples.constLast().at; }
    // (msecs since the epoch, value) of one series, leaving out samples without a value.
    QList<QPointF> points(Series series) const;

private:
    void prune();

    QList<Sample> m_samples;
};

} // namespace switchboard
