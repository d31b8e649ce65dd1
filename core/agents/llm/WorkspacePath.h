#pragma once

#include <QString>

#include <optional>

namespace switchboard {

// Confines a path a model names to the run's workspace: relative paths are taken from the workspace, and a
// path is refused when it leaves it, lexically ("..", an absolute path elsewhere) or physically (a symbolic
// link, of the file or of a directory on the way, that points outside). Paths that do not exist yet are
// judged by their nearest existing parent, so a new file is never created through a link to the outside.
class WorkspacePath final
{
public:
    struct Resolved
    {
        QString absolute; // canonical: links resolved, inside the workspace's canonical path
        QString relative; // to the workspace, '/'-separated; "." for the workspace itself (the lock resource)
    };

    // nullopt with *error (for the model: which path and why) when the path is empty, malformed or leaves
    // the workspace, or the workspace does not exist.
    static std::optional<Resolved> resolve(const QString &workspace, const QString &path, QString *error);
};

} // namespace switchboard
