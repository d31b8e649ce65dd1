#include "LockResource.h"

#include <QDir>

namespace switchboard {

QString LockResource::normalize(const QString &resource, const QString &workspace, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return QString();
    };

    const QString trimmed = resource.trimmed();
    if (trimmed.isEmpty())
        return fail(QStringLiteral("empty lock resource"));

    if (isNamed(trimmed)) {
        if (trimmed.section(QLatin1Char(':'), 1).isEmpty())
            return fail(QStringLiteral("lock resource \"%1\" names no resource after the colon").arg(trimmed));
        return trimmed;
    }

    QString path = QDir::cleanPath(trimmed);
    if (QDir::isAbsolutePath(path)) {
        if (workspace.isEmpty())
            return fail(QStringLiteral("lock resource \"%1\" is an absolute path; use a path relative to the workspace")
                            .arg(trimmed));
        const QString root = QDir::cleanPath(workspace);
        if (path == root)
            return QStringLiteral(".");
        const QString prefix = root.endsWith(QLatin1Char('/')) ? root : root + QLatin1Char('/');
        if (!path.startsWith(prefix))
            return fail(QStringLiteral("lock resource \"%1\" is outside the workspace %2").arg(trimmed, root));
        path = path.mid(prefix.size());
    }
    while (path.startsWith(QLatin1String("./")))
        path.remove(0, 2);
    if (path.isEmpty())
        path = QStringLiteral(".");
    if (path == QLatin1String("..") || path.startsWith(QLatin1String("../")))
        return fail(QStringLiteral("lock resource \"%1\" escapes the workspace").arg(trimmed));
    return path;
}

bool LockResource::isNamed(const QString &normalized)
{
    // "<prefix>:" with a prefix of two or more [A-Za-z0-9_.+-] starting with a letter; two at least, so a
    // drive letter ("C:/x") is never taken for a prefix. Hand-written: this runs in every overlap test.
    const qsizetype colon = normalized.indexOf(QLatin1Char(':'));
    if (colon < 2)
        return false;
    auto isLetter = [](char16_t c) { return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'); };
    if (!isLetter(normalized.at(0).unicode()))
        return false;
    for (qsizetype i = 1; i < colon; ++i) {
        const char16_t c = normalized.at(i).unicode();
        if (!isLetter(c) && !(c >= u'0' && c <= u'9') && c != u'_' && c != u'.' && c != u'+' && c != u'-')
            return false;
    }
    return true;
}

bool LockResource::covers(const QString &outer, const QString &inner)
{
    if (outer == inner)
        return true;
    if (isNamed(outer) || isNamed(inner))
        return false;
    return outer == u"." || (inner.startsWith(outer) && inner.at(outer.size()) == QLatin1Char('/'));
}

bool LockResource::overlaps(const QString &a, const QString &b)
{
    return covers(a, b) || covers(b, a);
}

bool LockResource::overlapsAny(const QStringList &a, const QStringList &b)
{
    for (const QString &x : a) {
        for (const QString &y : b) {
            if (overlaps(x, y))
                return true;
        }
    }
    return false;
}

} // namespace switchboard
