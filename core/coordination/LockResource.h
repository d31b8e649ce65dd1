#pragma once

#include <QString>
#include <QStringList>

namespace switchboard {

// The names of lockable things and how they relate: workspace-relative paths, cleaned, that cover everything
// below them, and named resources "<prefix>:<name>" matched exactly. Pure functions, no state.
//
//  - paths: "./src/../src/a.py" is "src/a.py"; "src" conflicts with "src/a.py", "." (the whole workspace)
//    with every path; absolute paths are accepted only inside the workspace and made relative.
//  - named resources: a prefix of two or more letters, digits, '_', '-', '.', '+' starting with a letter
//    ("ui:#submit", "db:schema"), kept verbatim.
class LockResource final
{
public:
    LockResource() = delete;

    // Canonical form of one resource, or an empty string and *error set. workspace: absolute paths inside it
    // are accepted and made relative; empty = absolute paths rejected.
    static QString normalize(const QString &resource, const QString &workspace = {}, QString *error = nullptr);
    static bool isNamed(const QString &normalized);
    // Whether two normalised resources conflict (equal, or one path contains the other).
    static bool overlaps(const QString &a, const QString &b);
    // Whether any resource of a conflicts with any of b.
    static bool overlapsAny(const QStringList &a, const QStringList &b);
    // Whether holding outer also holds inner (equal, or inner is a path below outer).
    static bool covers(const QString &outer, const QString &inner);
};

} // namespace switchboard
