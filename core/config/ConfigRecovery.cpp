#include "ConfigRecovery.h"

#include "ConfigLoader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace switchboard {

namespace {
bool writeAtomically(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return true;
    if (error)
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
    return false;
}
} // namespace

QString ConfigRecovery::Result::summary() const
{
    if (!recovered)
        return {};
    QString first =
        QCoreApplication::translate("ConfigRecovery", "The configuration did not load: %1").arg(error.toString());
    if (!first.endsWith(u'.'))
        first += u'.'; // the parser's message ends without one; the next sentence follows on the same line
    QStringList parts{first};
    if (!corruptPath.isEmpty())
        parts << QCoreApplication::translate("ConfigRecovery", "The broken file was moved to %1.").arg(corruptPath);
    else if (!moveError.isEmpty())
        parts
            << QCoreApplication::translate("ConfigRecovery", "The broken file stays where it is (%1).").arg(moveError);
    parts << (usedLastGood
                  ? QCoreApplication::translate("ConfigRecovery", "Using the last configuration that loaded (%1).")
                        .arg(lastGoodPath)
                  : QCoreApplication::translate("ConfigRecovery", "Using the built-in defaults."));
    return parts.join(QLatin1Char(' '));
}

QString ConfigRecovery::lastGoodPath(const QString &configPath)
{
    return configPath + QStringLiteral(".last-good");
}

QString ConfigRecovery::corruptPath(const QString &configPath, const QDateTime &when)
{
    const QString base = configPath + QStringLiteral(".corrupt-") + when.toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString candidate = base;
    // Two failed starts within a second must not overwrite the first broken file.
    for (int n = 2; QFileInfo::exists(candidate); ++n)
        candidate = base + QStringLiteral("-%1").arg(n);
    return candidate;
}

bool ConfigRecovery::saveLastGood(const QString &configPath, QString *error)
{
    QFile source(configPath);
    if (!source.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(configPath, source.errorString());
        return false;
    }
    return writeAtomically(lastGoodPath(configPath), source.readAll(), error);
}

ConfigRecovery::Result ConfigRecovery::load(const QString &configPath, const QDateTime &when)
{
    Result result;
    std::optional<Config> config = ConfigLoader::loadFile(configPath, &result.error);
    if (config) {
        result.loaded = true;
        result.config = std::move(*config);
        // A failure to keep the copy costs only a future recovery: the start goes on.
        saveLastGood(configPath);
        return result;
    }
    result.recovered = true;
    const QString lastGood = lastGoodPath(configPath);

    if (QFileInfo::exists(configPath)) {
        const QString target = corruptPath(configPath, when);
        QFile file(configPath);
        if (file.rename(target))
            result.corruptPath = target;
        else
            result.moveError = file.errorString();
    }

    ConfigError lastGoodError;
    if (QFileInfo::exists(lastGood)) {
        if (std::optional<Config> previous = ConfigLoader::loadFile(lastGood, &lastGoodError)) {
            result.config = std::move(*previous);
            result.usedLastGood = true;
            result.lastGoodPath = lastGood;
            // Only over a file that was moved aside: the broken one is never overwritten.
            if (!result.corruptPath.isEmpty() || !QFileInfo::exists(configPath)) {
                QFile copy(lastGood);
                if (copy.open(QIODevice::ReadOnly))
                    writeAtomically(configPath, copy.readAll(), nullptr);
            }
            return result;
        }
    }
    result.config = ConfigLoader::defaults();
    return result;
}

} // namespace switchboard
