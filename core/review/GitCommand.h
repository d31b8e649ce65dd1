#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace switchboard {

// One git command line run to completion (QProcess with an argv list, never a shell string). Blocks the calling
// thread: call it from a pool thread, the CLI or a test, never from the GUI or orchestrator thread.
class GitCommand final
{
public:
    struct Result
    {
        int exitCode = -1; // -1: git did not start or did not finish in time
        QByteArray out;
        QByteArray err;
        QString error; // why it did not run

        bool ok() const { return exitCode == 0; }
        QString outText() const { return QString::fromUtf8(out); }
        // stderr (else stdout) trimmed, for messages.
        QString message() const;
    };

    // git -C dir args...; output in the C locale so it can be parsed. timeoutMs < 0 waits without limit.
    static Result run(const QString &dir, const QStringList &args, int timeoutMs = 300000);
    // Runs any argv (a worktree's setup command) in dir; out and err as they came.
    static Result runProgram(const QString &dir, const QStringList &argv, int timeoutMs = -1);
};

} // namespace switchboard
