#include "Executors.h"

#include "SlurmChannel.h"
#include "SshChannel.h"
#include "SshRemote.h"
#include "agents/ProcessGroup.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QSysInfo>

namespace switchboard {

using namespace Qt::StringLiterals;

namespace {

QString sanitized(const QString &text)
{
    QString result = text;
    for (QChar &c : result) {
        const bool plain = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
                           c == u'-' || c == u'.' || c == u'_';
        if (!plain)
            c = u'_';
    }
    return result;
}

} // namespace

std::unique_ptr<ExecutionChannel> Executors::makeChannel(const ExecutorSpec &spec, qsizetype maxLineBytes)
{
    switch (spec.kind) {
    case ExecutorSpec::Kind::Local:
        return std::make_unique<ProcessGroup>(maxLineBytes);
    case ExecutorSpec::Kind::Slurm:
        return std::make_unique<SlurmChannel>(spec.slurm, maxLineBytes);
    case ExecutorSpec::Kind::Ssh:
        return std::make_unique<SshChannel>(spec.ssh, maxLineBytes);
    }
    return nullptr;
}

int Executors::cancelLeftovers(const ExecutorSpec &spec, const QString &jobName, QString *error)
{
    switch (spec.kind) {
    case ExecutorSpec::Kind::Local:
        return 0; // local process groups are OrphanReaper's
    case ExecutorSpec::Kind::Slurm:
        return SlurmChannel::cancelLeftovers(jobName, error);
    case ExecutorSpec::Kind::Ssh:
        return SshChannel::cancelLeftovers(spec.ssh, jobName, error);
    }
    return -1;
}

QString Executors::programDirectory(const ExecutorSpec &spec, const QString &localDirectory)
{
    if (spec.kind != ExecutorSpec::Kind::Ssh || spec.ssh.workdir.isEmpty())
        return localDirectory;
    return SshRemote::remoteDirectory(spec.ssh.workdir, localDirectory);
}

QString Executors::jobScope(const QString &databasePath)
{
    if (databasePath.isEmpty()) {
        static const QString process =
            QString::number(QRandomGenerator::system()->bounded(0x1000000), 16).rightJustified(6, u'0');
        return process;
    }
    const QByteArray key = (QSysInfo::machineHostName() + u'\n' + databasePath).toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex().left(6));
}

QString Executors::jobName(const QString &scope, const QString &runId, const QString &goalId, int attempt)
{
    const QString run =
        (scope.isEmpty() ? QString() : sanitized(scope) + u'-') + sanitized(runId.isEmpty() ? u"run"_s : runId);
    QString goal = sanitized(goalId);
    const QString tail = u"-%1"_s.arg(attempt);
    const qsizetype room = MaxJobName - 3 /* "sb-" */ - run.size() - 1 - tail.size();
    if (goal.size() > room) {
        // Two long goal ids that share a prefix must still get different names.
        const QString hash =
            QString::fromLatin1(QCryptographicHash::hash(goalId.toUtf8(), QCryptographicHash::Sha1).toHex().left(8));
        goal = goal.left(qMax<qsizetype>(0, room - hash.size() - 1)) + u'-' + hash;
    }
    const QString name = u"sb-"_s + run + u'-' + goal + tail;
    return name.left(MaxJobName);
}

} // namespace switchboard
