#include "UiSettings.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace switchboard {

QString UiSettings::filePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)).filePath(QStringLiteral("ui.ini"));
}

QString UiSettings::writableFilePath()
{
    const QString path = filePath();
    QDir().mkpath(QFileInfo(path).absolutePath());
    return path;
}

} // namespace switchboard
