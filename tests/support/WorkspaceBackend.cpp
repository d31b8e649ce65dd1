#include "WorkspaceBackend.h"

#include "agents/AgentContext.h"
#include "review/GitCommand.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace switchboard::test {

namespace {
bool writeText(const QString &path, const QByteArray &text, bool append)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (!file.open(append ? QIODevice::Append : QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(text) == text.size();
}
} // namespace

AgentResult WorkspaceBackend::run(AgentContext &context)
{
    QStringList notes;
    const QDir workspace(context.workspace());
    for (const QString &line : context.goal().description.split(u'\n', Qt::SkipEmptyParts)) {
        const QString command = line.section(u' ', 0, 0);
        const QString arg = line.section(u' ', 1, 1);
        const QString rest = line.section(u' ', 2);
        if (command == u"write" || command == u"append") {
            if (!writeText(workspace.filePath(arg), rest.toUtf8() + '\n', command == u"append"))
                return AgentResult::failed(QStringLiteral("cannot write %1").arg(arg));
        } else if (command == u"read") {
            QFile file(workspace.filePath(arg));
            notes << arg + u'=' +
                         (file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).trimmed()
                                                         : QStringLiteral("missing"));
        } else if (command == u"commit") {
            GitCommand::run(context.workspace(), {QStringLiteral("add"), QStringLiteral("--all")});
            const GitCommand::Result r =
                GitCommand::run(context.workspace(), {QStringLiteral("commit"), QStringLiteral("-q"),
                                                      QStringLiteral("-m"), line.section(u' ', 1)});
            if (!r.ok())
                return AgentResult::failed(QStringLiteral("commit failed: %1").arg(r.message()));
        } else if (command == u"touch") {
            writeText(arg, QByteArray(), true);
        } else if (command == u"wait-file") {
            while (!QFileInfo::exists(arg)) {
                if (!context.sleepFor(std::chrono::milliseconds(10)))
                    return AgentResult::cancelled();
            }
        } else if (command == u"session") {
            context.recordAgentSession(arg);
        } else if (command == u"resumed") {
            notes << QStringLiteral("resume=") + context.resumeSessionId();
        } else if (command == u"workspace") {
            notes << QStringLiteral("workspace=") + context.workspace();
        } else if (command == u"fail-first") {
            if (context.attempt() == 1)
                return AgentResult::failed(line.section(u' ', 1), 1, QStringLiteral("exit"));
        } else {
            return AgentResult::failed(QStringLiteral("unknown command: %1").arg(line));
        }
    }
    return AgentResult::completed(notes.isEmpty() ? QStringLiteral("done") : notes.join(QStringLiteral("; ")));
}

BackendRegistry WorkspaceBackend::registry()
{
    BackendRegistry registry = BackendRegistry::withBuiltins();
    registry.add(QStringLiteral("workspace"),
                 [](const AgentProfile &) { return std::make_unique<WorkspaceBackend>(); });
    return registry;
}

AgentProfile WorkspaceBackend::profile(const QString &name, int maxRetries)
{
    AgentProfile p;
    p.name = name;
    p.backend = QStringLiteral("workspace");
    p.retry.maxRetries = maxRetries;
    p.retry.backoffS = {0.0};
    return p;
}

} // namespace switchboard::test
