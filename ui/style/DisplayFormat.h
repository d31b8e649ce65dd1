#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace switchboard {

// How the dashboard writes times, durations, token counts and money: short, locale-aware, translated.
class DisplayFormat final
{
    Q_DECLARE_TR_FUNCTIONS(DisplayFormat)

public:
    DisplayFormat() = delete;

    // A running clock: "0:07", "12:34", "1:02:03".
    static QString clock(qint64 ms);
    // A duration in words: "45 s", "2 min 13 s", "1 h 5 min".
    static QString duration(qint64 ms);
    // "12,345 tokens" / "12.3k tokens" / "1.2M tokens".
    static QString tokens(qint64 tokens);
    // "$0.04", "$12.50", "<$0.01".
    static QString cost(double usd);
    // A local date and time, short format; "—" when invalid.
    static QString dateTime(const QDateTime &when);
};

} // namespace switchboard
