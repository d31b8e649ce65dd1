#pragma once

#include <QString>

namespace switchboard {

// The secret values (API keys) this process has read, so every text Switchboard writes can leave them out:
// log lines, error and result texts on their way to the database, console output. Process-wide and
// thread-safe; redacting costs one atomic load while nothing is remembered.
class Secrets final
{
public:
    // Remembers value (trimmed) from now on; values shorter than MinimumLength are ignored (they would
    // redact ordinary words).
    static void remember(const QString &value);
    // text with every remembered value replaced by "[redacted]".
    static QString redact(const QString &text);
    static bool isEmpty();

    static constexpr int MinimumLength = 8;
};

} // namespace switchboard
