#pragma once

#include <QString>

namespace switchboard {

// Where the dashboard keeps its own settings: ui.ini under AppConfigLocation (the windows' layouts, the
// board's filter, the export folder). Tests redirect it with QStandardPaths::setTestModeEnabled().
class UiSettings final
{
public:
    UiSettings() = delete;

    static QString filePath();
    // filePath(), with its folder made first: for writing.
    static QString writableFilePath();
};

} // namespace switchboard
