#pragma once

#include "model/RetryPolicy.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace switchboard {

// Watches an agent's iterations (seed design "quality monitor"): identical output twice in a row or
// a repeating cycle is a loop; a score that stops improving for N iterations is a stall. Pure logic.
class QualityMonitor final
{
public:
    explicit QualityMonitor(QualityPolicy policy = {});

    // Each returns why the agent should stop, or nothing.
    std::optional<QString> addIteration(const QString &output);
    std::optional<QString> addScore(double value);
    int iterations() const { return m_iterations; }
    std::optional<double> bestScore() const { return m_best; }

private:
    QualityPolicy m_policy;
    QList<QByteArray> m_hashes; // the last few iteration outputs, hashed
    int m_iterations = 0;
    std::optional<double> m_best;
    int m_sinceImprovement = 0;
};

} // namespace switchboard
