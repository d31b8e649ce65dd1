#include "WorkspacePath.h"

#include <QDir>
#include <QFileInfo>
#include <QStringList>

namespace switchboard {

namespace {

bool isInside(const QString &root, const QString &path)
{
    return path == root || path.startsWith(root.endsWith(u'/') ? root : root + u'/');
}

std::optional<WorkspacePath::Resolved> refuse(QString *error, const QString &why)
{
    if (error)
        *error = why;
    return std::nullopt;
}

} // namespace

std::optional<WorkspacePath::Resolved> WorkspacePath::resolve(const QString &workspace, const QString &path,
                                                              QString *error)
{
    const QString root = QFileInfo(workspace).canonicalFilePath();
    if (workspace.isEmpty() || root.isEmpty() || !QFileInfo(root).isDir())
        return refuse(error, QStringLiteral("the workspace \"%1\" does not exist").arg(workspace));
    if (path.trimmed().isEmpty())
        return refuse(error, QStringLiteral("the path is empty"));
    if (path.contains(QChar(u'\0')))
        return refuse(error, QStringLiteral("the path contains a NUL character"));

    const QString outside = QStringLiteral("\"%1\" is outside the workspace: paths must stay inside it").arg(path);
    // cleanPath folds ".." lexically; every later step works on this cleaned path, so a "link/.." the OS
    // would resolve differently is never used as given.
    const QString candidate = QDir::cleanPath(QDir::isAbsolutePath(path) ? path : root + u'/' + path);
    if (!isInside(root, candidate) && !isInside(QDir::cleanPath(workspace), candidate))
        return refuse(error, outside);

    // The nearest part of the path that exists (or is a link, even a dangling one) decides where it leads.
    QString existing = candidate;
    QStringList missing;
    while (!QFileInfo::exists(existing) && !QFileInfo(existing).isSymLink()) {
        const QString parent = QFileInfo(existing).path();
        if (parent == existing)
            return refuse(error, outside);
        missing.prepend(QFileInfo(existing).fileName());
        existing = parent;
    }
    const QString canonicalExisting = QFileInfo(existing).canonicalFilePath();
    if (canonicalExisting.isEmpty())
        return refuse(error, QStringLiteral("\"%1\" goes through a symbolic link that points nowhere").arg(path));
    if (!missing.isEmpty() && !QFileInfo(canonicalExisting).isDir())
        return refuse(error, QStringLiteral("\"%1\": \"%2\" is not a directory")
                                 .arg(path, QDir(root).relativeFilePath(canonicalExisting)));
    const QString absolute =
        missing.isEmpty() ? canonicalExisting : QDir::cleanPath(canonicalExisting + u'/' + missing.join(u'/'));
    if (!isInside(root, absolute))
        return refuse(error, QStringLiteral("\"%1\" leads outside the workspace (through a symbolic link)").arg(path));

    const QString relative = QDir(root).relativeFilePath(absolute);
    return Resolved{absolute, relative.isEmpty() ? QStringLiteral(".") : relative};
}

} // namespace switchboard
