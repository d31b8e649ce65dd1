#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace switchboard::test {

// A real git repository in a temporary directory, on branch main with one commit (README.md), for tests of
// worktrees, merges and rebases. Its own identity is configured, so commits work on any machine.
class GitRepository final
{
    Q_DISABLE_COPY_MOVE(GitRepository)

public:
    GitRepository();

    bool isValid() const { return m_valid; }
    QString path() const { return m_dir.path(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }
    // git args... in the repository; its stdout trimmed (empty when it failed).
    QString git(const QStringList &args) const;
    // Writes a file and commits it on the current branch.
    bool commitFile(const QString &name, const QString &content, const QString &message);
    QString readFile(const QString &name) const;
    QStringList branches() const;

private:
    QTemporaryDir m_dir;
    bool m_valid = false;
};

} // namespace switchboard::test
