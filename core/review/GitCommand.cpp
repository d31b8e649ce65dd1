#include "GitCommand.h"

#include <QProcess>
#include <QProcessEnvironment>

namespace switchboard {

QString GitCommand::Result::message() const
{
    if (!error.isEmpty())
        return error;
    const QString text = QString::fromUtf8(err).trimmed();
    return text.isEmpty() ? QString::fromUtf8(out).trimmed() : text;
}

namespace {
GitCommand::Result runProcess(const QString &dir, const QString &program, const QStringList &args, int timeoutMs,
                              bool plainGit)
{
    GitCommand::Result result;
    QProcess process;
    process.setWorkingDirectory(dir);
    if (plainGit) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // Parsed output must not be translated, and git must never wait for a password or an editor.
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
        env.insert(QStringLiteral("GIT_TERMINAL_PROMPT"), QStringLiteral("0"));
        env.insert(QStringLiteral("GIT_EDITOR"), QStringLiteral("true"));
        env.insert(QStringLiteral("GIT_MERGE_AUTOEDIT"), QStringLiteral("no"));
        process.setProcessEnvironment(env);
    }
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(program, args);
    if (!process.waitForStarted()) {
        result.error = QStringLiteral("cannot run %1: %2").arg(program, process.errorString());
        return result;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.error = QStringLiteral("%1 did not finish in time").arg(program);
        return result;
    }
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    if (process.exitStatus() != QProcess::NormalExit)
        result.error = QStringLiteral("%1 crashed").arg(program);
    return result;
}
} // namespace

GitCommand::Result GitCommand::run(const QString &dir, const QStringList &args, int timeoutMs)
{
    return runProcess(dir, QStringLiteral("git"), QStringList{QStringLiteral("-C"), dir} + args, timeoutMs, true);
}

GitCommand::Result GitCommand::runProgram(const QString &dir, const QStringList &argv, int timeoutMs)
{
    if (argv.isEmpty()) {
        Result result;
        result.error = QStringLiteral("empty command");
        return result;
    }
    return runProcess(dir, argv.first(), argv.mid(1), timeoutMs, false);
}

} // namespace switchboard
