#pragma once

#include "session/RunSession.h"

#include <QCommandLineOption>
#include <QList>
#include <QString>

#include <optional>

class QCommandLineParser;

namespace switchboard {

// The options run and resume share (--json, --config, --db, --max-parallel, --workspace, --mode, --auto-answer),
// declared and checked in one place for both commands.
struct RunOptions
{
    bool json = false;
    int maxParallel = 0; // 0: the config's (or the stored run's)
    QString mode;
    std::optional<QString> workspace;
    QString autoAnswer; // empty, "first" or "fail"

    static QList<QCommandLineOption> options();
    // The options as given; nullopt with the error printed when one is invalid.
    static std::optional<RunOptions> fromParser(const QCommandLineParser &parser);
    // What they put over the config's workflow settings.
    RunSession::Overrides overrides() const;
};

} // namespace switchboard
