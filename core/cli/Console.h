#pragma once

#include "config/ConfigError.h"

#include <QList>
#include <QString>

namespace switchboard {

// Where the headless commands put errors, warnings and hints: stderr, one line at a time and flushed at once,
// so stdout carries nothing but results and events.
class Console final
{
public:
    // text and a newline on stderr.
    static void printError(const QString &text);
    // "warning: file:line:column: message", one line each.
    static void printWarnings(const QList<ConfigError> &warnings);
};

} // namespace switchboard
