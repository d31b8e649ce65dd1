#include "ProcessAgent.h"

#include "AgentContext.h"
#include "AgentLaunch.h"
#include "ProcessSession.h"
#include "model/ErrorKind.h"
#include "model/InputLimits.h"

#include <QDir>
#include <QFileInfo>

namespace switchboard {

namespace {

std::optional<QString> placeholderValue(QStringView name, const AgentContext &context, ProcessAgent::PathSide side)
{
    if (name == u"goal.id")
        return context.goal().id;
    if (name == u"goal.title")
        return context.goal().title;
    if (name == u"goal.description")
        return context.goal().description;
    if (name == u"agent.id")
        return context.agentId();
    if (name == u"attempt")
        return QString::number(context.attempt());
    if (name == u"workspace") {
        return side == ProcessAgent::PathSide::Program ? AgentLaunch::programWorkspace(context) : context.workspace();
    }
    if (name == u"profile")
        return context.profile().name;
    if (name == u"model")
        return context.profile().model;
    return std::nullopt;
}

} // namespace

QList<BackendRegistry::ProfileError> ProcessAgent::validate(const AgentProfile &profile)
{
    if (profile.command.isEmpty())
        return {{QStringLiteral("command"), QStringLiteral("backend 'process' needs a non-empty 'command' list")}};
    return {};
}

QJsonObject ProcessAgent::settingsSchema()
{
    const auto property = [](const char *type, const char *description) {
        return QJsonObject{{QStringLiteral("type"), QLatin1String(type)},
                           {QStringLiteral("description"), QLatin1String(description)}};
    };
    return {{QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("properties"),
             QJsonObject{{QStringLiteral("kill_grace_ms"),
                          property("integer", "ms between SIGTERM and SIGKILL to the process group (default 3000)")},
                         {QStringLiteral("close_stdin"),
                          property("boolean", "close stdin after the goal line (for programs that read to EOF)")}}}};
}

ProcessAgent::ProcessAgent(AgentProfile profile)
    : m_profile(std::move(profile))
{}

ProcessAgent::~ProcessAgent() = default;

QString ProcessAgent::expandPlaceholders(const QString &text, const AgentContext &context, PathSide side)
{
    QString out;
    out.reserve(text.size());
    qsizetype pos = 0;
    while (pos < text.size()) {
        const qsizetype open = text.indexOf(u'{', pos);
        if (open < 0)
            break;
        const qsizetype close = text.indexOf(u'}', open + 1);
        if (close < 0)
            break;
        out += QStringView(text).sliced(pos, open - pos);
        const QStringView name = QStringView(text).sliced(open + 1, close - open - 1);
        if (const std::optional<QString> value = placeholderValue(name, context, side)) {
            // Cut, so a long description cannot make execve fail with E2BIG (the whole goal is on stdin).
            out += InputLimits::cutToBytes(*value);
            pos = close + 1;
        } else {
            // Not ours (e.g. JSON in an argument): keep the brace and look again right after it.
            out += u'{';
            pos = open + 1;
        }
    }
    out += QStringView(text).sliced(pos);
    return out;
}

QStringList ProcessAgent::expandCommand(const QStringList &command, const AgentContext &context)
{
    QStringList argv;
    argv.reserve(command.size());
    for (const QString &argument : command)
        argv << expandPlaceholders(argument, context, PathSide::Program);
    return argv;
}

bool ProcessAgent::sendMessage(const QString &agentId, const QJsonObject &message)
{
    const QMutexLocker locker(&m_sessionsMutex);
    ProcessSession *session = m_sessions.value(agentId);
    if (!session)
        return false;
    // Posting under the lock: run() unregisters the session (under the same lock) before destroying it.
    session->postMessage(message);
    return true;
}

bool ProcessAgent::isRunning(const QString &agentId) const
{
    const QMutexLocker locker(&m_sessionsMutex);
    return m_sessions.contains(agentId);
}

AgentResult ProcessAgent::run(AgentContext &context)
{
    if (context.isCancelled())
        return AgentResult::cancelled();

    const QStringList argv = expandCommand(m_profile.command, context);
    if (argv.isEmpty() || argv.first().isEmpty()) {
        return AgentResult::failed(
            QStringLiteral("profile \"%1\" has no command to run (set \"command\" for the process backend)")
                .arg(m_profile.name),
            -1, errorKindName(ErrorKind::Invalid));
    }

    ProcessSession::Options options;
    options.program = argv.first();
    options.arguments = argv.mid(1);
    if (!m_profile.workingDirectory.isEmpty()) {
        QString directory = expandPlaceholders(m_profile.workingDirectory, context);
        if (QDir::isRelativePath(directory) && !context.workspace().isEmpty())
            directory = QDir(context.workspace()).filePath(directory);
        if (!QFileInfo(directory).isDir())
            return AgentResult::failed(QStringLiteral("working directory \"%1\" does not exist").arg(directory), -1,
                                       errorKindName(ErrorKind::Spawn));
        options.workingDirectory = directory;
    } else if (!context.workspace().isEmpty() && QFileInfo(context.workspace()).isDir()) {
        options.workingDirectory = context.workspace();
    }

    options.environment = AgentLaunch::environmentWithModel(context, context.workspace());
    options.timeoutS = qMax(0, m_profile.timeoutS);
    options.killGraceMs = AgentLaunch::killGraceMs(m_profile.settings, DefaultKillGraceMs);
    options.closeStdin = m_profile.settings.value(QStringLiteral("close_stdin")).toBool();

    AgentResult noChannel;
    std::unique_ptr<ExecutionChannel> channel =
        AgentLaunch::makeChannel(context, ProcessLineReader::DefaultMaxLineBytes, &noChannel);
    if (!channel)
        return noChannel;
    ProcessSession session(context, std::move(options), std::move(channel));
    {
        const QMutexLocker locker(&m_sessionsMutex);
        m_sessions.insert(context.agentId(), &session);
    }
    // Runs on the cancelling thread: only posts to this one, which owns the QProcess.
    context.setCancelHandler([&session] { session.requestCancel(); });

    const AgentResult result = session.run();

    // Both wait for a call in flight, so nothing reaches the session once it is destroyed.
    context.setCancelHandler({});
    {
        const QMutexLocker locker(&m_sessionsMutex);
        if (m_sessions.value(context.agentId()) == &session)
            m_sessions.remove(context.agentId());
    }
    return result;
}

} // namespace switchboard
