#include "AcpFileAccess.h"

#include "AcpMessage.h"
#include "agents/AgentContext.h"
#include "agents/llm/WorkspacePath.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace switchboard {

namespace {

AcpFileAccess::Answer failure(int code, const QString &message)
{
    return {QJsonValue(), code, message};
}

} // namespace

AcpFileAccess::AcpFileAccess(AgentContext &context, QString workspace, QObject *receiver,
                             std::chrono::milliseconds lockTimeout, QString programWorkspace)
    : m_context(context)
    , m_workspace(std::move(workspace))
    , m_programWorkspace(std::move(programWorkspace))
    , m_receiver(receiver)
    , m_lockTimeout(lockTimeout)
{}

QString AcpFileAccess::localPath(const QString &path) const
{
    if (m_programWorkspace.isEmpty() || m_programWorkspace == m_workspace)
        return path;
    const QString clean = QDir::cleanPath(path);
    if (clean == m_programWorkspace)
        return m_workspace;
    if (clean.startsWith(m_programWorkspace + u'/'))
        return m_workspace + clean.mid(m_programWorkspace.size());
    return path; // relative, or outside: WorkspacePath judges it as given
}

AcpFileAccess::Answer AcpFileAccess::read(const QJsonObject &params) const
{
    if (!params.value(u"path").isString())
        return failure(AcpMessage::InvalidParams, QStringLiteral("fs/read_text_file needs \"path\""));
    QString why;
    const auto file = WorkspacePath::resolve(m_workspace, localPath(params.value(u"path").toString()), &why);
    if (!file)
        return failure(AcpMessage::InvalidParams, why);
    const QFileInfo info(file->absolute);
    if (!info.isFile())
        return failure(AcpMessage::ResourceNotFound,
                       QStringLiteral("no file \"%1\" in the workspace").arg(file->relative));
    if (info.size() > MaxReadBytes)
        return failure(AcpMessage::InvalidParams,
                       QStringLiteral("\"%1\" is %2 bytes, more than the %3 bytes read at once")
                           .arg(file->relative)
                           .arg(info.size())
                           .arg(MaxReadBytes));
    QFile in(file->absolute);
    if (!in.open(QIODevice::ReadOnly))
        return failure(AcpMessage::InternalError,
                       QStringLiteral("cannot read \"%1\": %2").arg(file->relative, in.errorString()));
    QString content = QString::fromUtf8(in.readAll());

    // line is 1-based; limit counts lines from there.
    const qint64 line = params.value(u"line").toInteger(0);
    const qint64 limit = params.value(u"limit").toInteger(-1);
    if (line > 1 || limit >= 0) {
        qsizetype start = 0;
        for (qint64 n = 1; n < line && start >= 0; ++n) {
            start = content.indexOf(u'\n', start);
            if (start >= 0)
                ++start;
        }
        if (start < 0) {
            content.clear();
        } else {
            qsizetype end = start;
            for (qint64 n = 0; limit >= 0 && n < limit && end >= 0; ++n) {
                end = content.indexOf(u'\n', end);
                if (end >= 0)
                    ++end;
            }
            content = limit >= 0 && end >= 0 ? content.mid(start, end - start) : content.mid(start);
        }
    }
    return {QJsonObject{{QStringLiteral("content"), content}}, 0, {}};
}

void AcpFileAccess::write(const QJsonObject &params, Reply reply)
{
    if (!params.value(u"path").isString() || !params.value(u"content").isString()) {
        reply(failure(AcpMessage::InvalidParams, QStringLiteral("fs/write_text_file needs \"path\" and \"content\"")));
        return;
    }
    QString why;
    const auto file = WorkspacePath::resolve(m_workspace, localPath(params.value(u"path").toString()), &why);
    if (!file) {
        reply(failure(AcpMessage::InvalidParams, why));
        return;
    }
    if (QFileInfo(file->absolute).isDir()) {
        reply(failure(AcpMessage::InvalidParams, QStringLiteral("\"%1\" is a directory").arg(file->relative)));
        return;
    }
    const QByteArray content = params.value(u"content").toString().toUtf8();
    const QString absolute = file->absolute;
    const QString relative = file->relative;
    m_context.requestLocks(
        {relative}, m_lockTimeout, m_receiver,
        [this, absolute, relative, content, reply](const LockManager::Result &lock) {
            if (!lock.ok()) {
                reply(
                    failure(AcpMessage::InternalError,
                            QStringLiteral("\"%1\" could not be locked for the write: %2").arg(relative, lock.error)));
                return;
            }
            const Answer answer = writeLocked(absolute, relative, content, lock.token);
            // Only what this write newly locked goes back: the goal's own locks stay held.
            if (!lock.resources.isEmpty())
                m_context.releaseLocks(lock.resources);
            reply(answer);
        });
}

AcpFileAccess::Answer AcpFileAccess::writeLocked(const QString &absolute, const QString &relative,
                                                 const QByteArray &content, quint64 token)
{
    const Answer lost = failure(AcpMessage::InternalError,
                                QStringLiteral("the lock on \"%1\" was lost before the write (it expired or a human "
                                               "took it away): nothing was written")
                                    .arg(relative));
    // Fencing: a lock that expired or was taken meanwhile means someone else may write this file now.
    if (!m_context.holdsLock(relative, token))
        return lost;
    if (!QDir().mkpath(QFileInfo(absolute).path()))
        return failure(AcpMessage::InternalError,
                       QStringLiteral("cannot create the directory of \"%1\"").arg(relative));
    QSaveFile out(absolute);
    if (!out.open(QIODevice::WriteOnly))
        return failure(AcpMessage::InternalError,
                       QStringLiteral("cannot write \"%1\": %2").arg(relative, out.errorString()));
    out.write(content);
    if (!m_context.holdsLock(relative, token)) {
        out.cancelWriting();
        return lost;
    }
    if (!out.commit())
        return failure(AcpMessage::InternalError,
                       QStringLiteral("writing \"%1\" failed: %2").arg(relative, out.errorString()));
    return {QJsonObject(), 0, {}};
}

} // namespace switchboard
