#include "style/DisplayFormat.h"

#include <QLocale>

namespace switchboard {

QString DisplayFormat::clock(qint64 ms)
{
    const qint64 totalSeconds = qMax<qint64>(0, ms) / 1000;
    const qint64 hours = totalSeconds / 3600;
    const qint64 minutes = (totalSeconds / 60) % 60;
    const qint64 seconds = totalSeconds % 60;
    if (hours > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(hours)
            .arg(minutes, 2, 10, QLatin1Char('0'))
            .arg(seconds, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(minutes).arg(seconds, 2, 10, QLatin1Char('0'));
}

QString DisplayFormat::duration(qint64 ms)
{
    if (ms < 1000)
        return tr("%1 ms").arg(qMax<qint64>(0, ms));
    const qint64 totalSeconds = ms / 1000;
    const qint64 hours = totalSeconds / 3600;
    const qint64 minutes = (totalSeconds / 60) % 60;
    const qint64 seconds = totalSeconds % 60;
    if (hours > 0)
        return tr("%1 h %2 min").arg(hours).arg(minutes);
    if (minutes > 0)
        return tr("%1 min %2 s").arg(minutes).arg(seconds);
    return tr("%1 s").arg(seconds);
}

QString DisplayFormat::tokens(qint64 tokens)
{
    const QLocale locale;
    if (tokens < 10000)
        return tr("%1 tokens").arg(locale.toString(tokens));
    if (tokens < 1000000)
        return tr("%1k tokens").arg(locale.toString(double(tokens) / 1000.0, 'f', 1));
    return tr("%1M tokens").arg(locale.toString(double(tokens) / 1000000.0, 'f', 1));
}

QString DisplayFormat::cost(double usd)
{
    const QLocale locale;
    if (usd <= 0.0)
        return tr("$%1").arg(locale.toString(0.0, 'f', 2));
    if (usd < 0.01)
        return tr("<$%1").arg(locale.toString(0.01, 'f', 2));
    return tr("$%1").arg(locale.toString(usd, 'f', 2));
}

QString DisplayFormat::dateTime(const QDateTime &when)
{
    if (!when.isValid())
        return QStringLiteral("\u2014");
    return QLocale().toString(when.toLocalTime(), QLocale::ShortFormat);
}

} // namespace switchboard
