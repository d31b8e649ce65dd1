#pragma once

#include <QString>

namespace switchboard {

// A problem in a YAML file, located so a person can jump to it: "plan.yaml:12:5: unknown profile 'x'".
struct ConfigError
{
    QString file;
    int line = 0;   // 1-based; 0 = unknown
    int column = 0; // 1-based; 0 = unknown
    QString message;

    QString toString() const;
};

} // namespace switchboard
