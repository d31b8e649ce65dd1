#pragma once

#include <QString>

namespace switchboard {

// How long a rate limit pauses a profile, made from what a backend asked for. Bounded, so that no hint (a
// server's "retry after 3000 s", an agent's 2^31) parks a profile for the whole run, and nonsense (negative,
// not a number) is refused instead of read as some other pause.
class RateLimitPause final
{
public:
    static constexpr int MaxS = 600;    // the longest pause; longer hints are cut to this (README "Rate limits")
    static constexpr int MinS = 1;      // a hint of 0 still pauses this long: the server did say "slow down"
    static constexpr int DefaultS = 60; // a rate limit without a hint: a minute, like most APIs

    // From a backend's hint in seconds: invalid when negative or not finite; cut to [MinS, MaxS].
    static RateLimitPause fromSeconds(double seconds);

    bool isValid() const { return m_valid; }
    // The pause to apply (0 when invalid).
    int seconds() const { return m_seconds; }
    // The hint was longer than MaxS.
    bool isCut() const { return m_cut; }
    // For the log: why the hint was refused, or how it was cut; empty when taken as it was.
    QString note() const { return m_note; }

private:
    bool m_valid = false;
    bool m_cut = false;
    int m_seconds = 0;
    QString m_note;
};

} // namespace switchboard
