#include "QualityMonitor.h"

#include <QCryptographicHash>

namespace switchboard {

namespace {
constexpr int kLongestCycle = 4; // cycles of up to this many iterations are detected
}

QualityMonitor::QualityMonitor(QualityPolicy policy)
    : m_policy(policy)
{}

std::optional<QString> QualityMonitor::addIteration(const QString &output)
{
    ++m_iterations;
    m_hashes << QCryptographicHash::hash(output.toUtf8(), QCryptographicHash::Sha1);
    if (m_hashes.size() > 2 * kLongestCycle)
        m_hashes.removeFirst();

    if (m_policy.detectLoops) {
        const qsizetype n = m_hashes.size();
        // A cycle of length k: the last k outputs equal the k before them.
        for (int k = 1; k <= kLongestCycle && 2 * k <= n; ++k) {
            bool same = true;
            for (int i = 0; i < k && same; ++i)
                same = m_hashes.at(n - 1 - i) == m_hashes.at(n - 1 - k - i);
            if (same) {
                if (k == 1)
                    return QStringLiteral("loop detected: iteration %1 repeated the previous output").arg(m_iterations);
                return QStringLiteral("loop detected: the last %1 iterations repeat the %1 before them").arg(k);
            }
        }
    }
    if (m_policy.maxIterations > 0 && m_iterations >= m_policy.maxIterations)
        return QStringLiteral("reached max_iterations (%1)").arg(m_policy.maxIterations);
    return std::nullopt;
}

std::optional<QString> QualityMonitor::addScore(double value)
{
    if (!m_best || value >= *m_best + m_policy.minImprovement) {
        m_best = value;
        m_sinceImprovement = 0;
        return std::nullopt;
    }
    ++m_sinceImprovement;
    if (m_policy.maxIterationsWithoutImprovement > 0 && m_sinceImprovement >= m_policy.maxIterationsWithoutImprovement)
        return QStringLiteral("no improvement for %1 iterations (best score %2, needs +%3)")
            .arg(m_sinceImprovement)
            .arg(*m_best)
            .arg(m_policy.minImprovement);
    return std::nullopt;
}

} // namespace switchboard
