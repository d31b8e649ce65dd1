#include "AcpAgent.h"

#include "AcpSession.h"
#include "agents/AgentContext.h"
#include "agents/AgentLaunch.h"
#include "agents/ProcessAgent.h"
#include "execution/Executors.h"
#include "model/ErrorKind.h"

#include <QDir>
#include <QFileInfo>

namespace switchboard {

namespace {

struct IntegerSetting
{
    const char *key;
    const char *description;
    int defaultValue;
};

const IntegerSetting kSettings[] = {
    {"kill_grace_ms", "ms between SIGTERM and SIGKILL to the process group (default 3000)", 3000},
    {"cancel_grace_ms",
     "ms the agent gets after session/cancel to end its turn before its process group is ended "
     "(default 2000)",
     AcpSession::DefaultCancelGraceMs},
    {"exit_grace_ms", "ms the agent gets to exit on its own after its turn (default 1000)",
     AcpSession::DefaultExitGraceMs},
    {"write_lock_timeout_ms",
     "ms an fs/write_text_file waits for the file's lock held by another agent (default 30000)",
     static_cast<int>(AcpFileAccess::DefaultLockTimeout.count())},
};

// The setting when it is a non-negative integer, else nullopt (validate() says why).
std::optional<int> integerSetting(const QVariantMap &settings, const char *key)
{
    const QVariant value = settings.value(QLatin1String(key));
    bool ok = false;
    const int number = value.toInt(&ok);
    if (!ok || number < 0 || value.typeId() == QMetaType::Bool)
        return std::nullopt;
    return number;
}

int setting(const QVariantMap &settings, const IntegerSetting &entry)
{
    if (!settings.contains(QLatin1String(entry.key)))
        return entry.defaultValue;
    return integerSetting(settings, entry.key).value_or(entry.defaultValue);
}

} // namespace

AcpAgent::AcpAgent(AgentProfile profile)
    : m_profile(std::move(profile))
{}

QList<BackendRegistry::ProfileError> AcpAgent::validate(const AgentProfile &profile)
{
    QList<BackendRegistry::ProfileError> errors;
    if (profile.command.isEmpty() || profile.command.first().isEmpty())
        errors.append({QStringLiteral("command"),
                       QStringLiteral("backend 'acp' needs a 'command' list that starts the agent in ACP mode, e.g. "
                                      "[gemini, --experimental-acp]")});
    for (const IntegerSetting &entry : kSettings) {
        if (profile.settings.contains(QLatin1String(entry.key)) && !integerSetting(profile.settings, entry.key))
            errors.append({QStringLiteral("settings.") + QLatin1String(entry.key),
                           QStringLiteral("settings.%1 must be a whole number of milliseconds, 0 or more")
                               .arg(QLatin1String(entry.key))});
    }
    return errors;
}

QJsonObject AcpAgent::settingsSchema()
{
    QJsonObject properties;
    for (const IntegerSetting &entry : kSettings)
        properties.insert(QLatin1String(entry.key),
                          QJsonObject{{QStringLiteral("type"), QStringLiteral("integer")},
                                      {QStringLiteral("minimum"), 0},
                                      {QStringLiteral("description"), QLatin1String(entry.description)}});
    return {{QStringLiteral("type"), QStringLiteral("object")}, {QStringLiteral("properties"), properties}};
}

AgentResult AcpAgent::run(AgentContext &context)
{
    if (context.isCancelled())
        return AgentResult::cancelled();

    const QStringList argv = ProcessAgent::expandCommand(m_profile.command + m_profile.args, context);
    if (m_profile.command.isEmpty() || argv.first().isEmpty()) {
        return AgentResult::failed(
            QStringLiteral("profile \"%1\" has no command to run (set \"command\" for the acp backend)")
                .arg(m_profile.name),
            -1, errorKindName(ErrorKind::Invalid));
    }

    // ACP wants an absolute cwd, and the fs/* methods are confined to an existing directory.
    const QString workspace =
        QFileInfo(context.workspace().isEmpty() ? QDir::currentPath() : context.workspace()).absoluteFilePath();
    if (!QFileInfo(workspace).isDir())
        return AgentResult::failed(QStringLiteral("workspace \"%1\" does not exist").arg(workspace), -1,
                                   errorKindName(ErrorKind::Workspace));

    AcpSession::Options options;
    options.program = argv.first();
    options.arguments = argv.mid(1);
    options.workspace = QDir::cleanPath(workspace);
    options.programWorkspace = Executors::programDirectory(context.profile().executor, options.workspace);
    options.environment = AgentLaunch::environmentWithModel(context, options.workspace);
    options.timeoutS = qMax(0, m_profile.timeoutS);
    options.killGraceMs = setting(m_profile.settings, kSettings[0]);
    options.cancelGraceMs = setting(m_profile.settings, kSettings[1]);
    options.exitGraceMs = setting(m_profile.settings, kSettings[2]);
    options.lockTimeout = std::chrono::milliseconds(setting(m_profile.settings, kSettings[3]));

    AgentResult noChannel;
    std::unique_ptr<ExecutionChannel> channel = AgentLaunch::makeChannel(context, AcpSession::MaxLineBytes, &noChannel);
    if (!channel)
        return noChannel;
    AcpSession session(context, std::move(options), std::move(channel));
    // Runs on the cancelling thread: only posts to this one, which owns the process.
    context.setCancelHandler([&session] { session.requestCancel(); });
    const AgentResult result = session.run();
    // Waits for a call in flight, so nothing reaches the session once it is destroyed.
    context.setCancelHandler({});
    return result;
}

} // namespace switchboard
