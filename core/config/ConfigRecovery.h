#pragma once

#include "Config.h"
#include "ConfigError.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace switchboard {

// The dashboard's start-up answer to a config that does not load: the broken file is moved aside (never
// deleted), the last config that loaded (kept as "<file>.last-good") is put back, or the built-in defaults are
// used, and the caller is told all of it for a banner. The headless commands never use it: they fail as before.
class ConfigRecovery final
{
public:
    struct Result
    {
        Config config;
        bool loaded = false;       // the file loaded as it is: nothing below applies
        bool recovered = false;    // it did not load: the rest says what was done
        ConfigError error;         // why it did not load (file:line:column)
        QString corruptPath;       // where the broken file went; empty when it could not be moved (see moveError)
        QString moveError;         // why it stayed in place
        bool usedLastGood = false; // else the built-in defaults
        QString lastGoodPath;      // the copy that was used

        // One paragraph for the banner and the log: the error, where the file went, what is used instead.
        QString summary() const;
    };

    // "<path>.last-good"
    static QString lastGoodPath(const QString &configPath);
    // "<path>.corrupt-<yyyyMMdd-HHmmss>" (a "-2", "-3" … suffix when that name is taken).
    static QString corruptPath(const QString &configPath, const QDateTime &when);

    // Loads configPath. When it loads, a copy of it is written atomically to lastGoodPath(). When it does not
    // and the file is there, it is moved to corruptPath(when); the last-good copy, when it loads, is used and
    // written back to configPath (so the next start is a normal one), else the built-in defaults are used.
    static Result load(const QString &configPath, const QDateTime &when = QDateTime::currentDateTime());

    // Writes configPath's bytes to lastGoodPath() with QSaveFile. False (and *error) on I/O failure.
    static bool saveLastGood(const QString &configPath, QString *error = nullptr);
};

} // namespace switchboard
