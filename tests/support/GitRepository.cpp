#include "GitRepository.h"

#include "review/GitCommand.h"

#include <QDir>
#include <QFile>

namespace switchboard::test {

GitRepository::GitRepository()
{
    // Resolved: worktree paths git reports are canonical (/tmp may be a link).
    const GitCommand::Result init = GitCommand::run(
        m_dir.path(), {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main")});
    m_valid = init.ok();
    git({QStringLiteral("config"), QStringLiteral("user.name"), QStringLiteral("Test")});
    git({QStringLiteral("config"), QStringLiteral("user.email"), QStringLiteral("test@example.com")});
    m_valid = m_valid && commitFile(QStringLiteral("README.md"), QStringLiteral("line one\nline two\n"),
                                    QStringLiteral("initial"));
}

QString GitRepository::git(const QStringList &args) const
{
    const GitCommand::Result r = GitCommand::run(m_dir.path(), args);
    return r.ok() ? r.outText().trimmed() : QString();
}

bool GitRepository::commitFile(const QString &name, const QString &content, const QString &message)
{
    QFile file(m_dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content.toUtf8()) < 0)
        return false;
    file.close();
    return GitCommand::run(m_dir.path(), {QStringLiteral("add"), name}).ok() &&
           GitCommand::run(m_dir.path(),
                           {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), message})
               .ok();
}

QString GitRepository::readFile(const QString &name) const
{
    QFile file(m_dir.filePath(name));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QStringList GitRepository::branches() const
{
    return git({QStringLiteral("branch"), QStringLiteral("--format=%(refname:short)")})
        .split(u'\n', Qt::SkipEmptyParts);
}

} // namespace switchboard::test
