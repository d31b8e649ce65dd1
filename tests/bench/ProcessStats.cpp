#include "ProcessStats.h"

#include <QFile>

#include <sys/resource.h>

#include <ctime>

#include <algorithm>
#include <cmath>
#include <limits>

namespace switchboard::bench {

double ProcessStats::peakRssMb()
{
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) != 0)
        return std::numeric_limits<double>::quiet_NaN();
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // Linux: kilobytes
}

double ProcessStats::currentRssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return std::numeric_limits<double>::quiet_NaN();
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').constFirst().toDouble() / 1024.0; // kB
    }
    return std::numeric_limits<double>::quiet_NaN();
}

double ProcessStats::cpuMs()
{
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) != 0)
        return std::numeric_limits<double>::quiet_NaN();
    const auto ms = [](const timeval &tv) {
        return static_cast<double>(tv.tv_sec) * 1000.0 + static_cast<double>(tv.tv_usec) / 1000.0;
    };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

double ProcessStats::threadCpuMs()
{
    timespec ts{};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
        return std::numeric_limits<double>::quiet_NaN();
    return static_cast<double>(ts.tv_sec) * 1000.0 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double Sample::percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return std::numeric_limits<double>::quiet_NaN();
    std::sort(values.begin(), values.end());
    const auto n = static_cast<double>(values.size());
    const auto rank = static_cast<qsizetype>(std::ceil(p / 100.0 * n));
    return values.at(std::clamp<qsizetype>(rank - 1, 0, values.size() - 1));
}

double Sample::minimum(const QList<double> &values)
{
    if (values.isEmpty())
        return std::numeric_limits<double>::quiet_NaN();
    return *std::min_element(values.cbegin(), values.cend());
}

} // namespace switchboard::bench
