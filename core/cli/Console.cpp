#include "Console.h"

#include "llm/Secrets.h"

#include <QTextStream>

#include <cstdio>

namespace switchboard {

void Console::printError(const QString &text)
{
    QTextStream err(stderr);
    err << Secrets::redact(text) << '\n';
}

void Console::printWarnings(const QList<ConfigError> &warnings)
{
    for (const ConfigError &w : warnings)
        printError(QStringLiteral("warning: %1").arg(w.toString()));
}

} // namespace switchboard
