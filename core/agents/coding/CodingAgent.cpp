#include "CodingAgent.h"

#include "AiderDialect.h"
#include "ClaudeCodeDialect.h"
#include "CodexDialect.h"
#include "CodingMemory.h"
#include "CodingPrompt.h"
#include "CodingSession.h"
#include "GeminiDialect.h"
#include "agents/AgentContext.h"
#include "agents/AgentLaunch.h"
#include "agents/ProcessAgent.h"
#include "model/ErrorKind.h"

#include <QDir>
#include <QFileInfo>

namespace switchboard {

using namespace Qt::StringLiterals;

CodingAgent::CodingAgent(Kind kind, AgentProfile profile, std::shared_ptr<CodingMemory> memory)
    : m_kind(kind)
    , m_profile(std::move(profile))
    , m_memory(memory ? std::move(memory) : std::make_shared<CodingMemory>())
{}

CodingAgent::~CodingAgent() = default;

QString CodingAgent::backendName(Kind kind)
{
    switch (kind) {
    case Kind::ClaudeCode:
        return u"claude-code"_s;
    case Kind::Codex:
        return u"codex"_s;
    case Kind::Gemini:
        return u"gemini"_s;
    case Kind::Aider:
        return u"aider"_s;
    }
    return {};
}

QList<CodingAgent::Kind> CodingAgent::kinds()
{
    return {Kind::ClaudeCode, Kind::Codex, Kind::Gemini, Kind::Aider};
}

std::unique_ptr<CodingDialect> CodingAgent::makeDialect(Kind kind)
{
    switch (kind) {
    case Kind::ClaudeCode:
        return std::make_unique<ClaudeCodeDialect>();
    case Kind::Codex:
        return std::make_unique<CodexDialect>();
    case Kind::Gemini:
        return std::make_unique<GeminiDialect>();
    case Kind::Aider:
        return std::make_unique<AiderDialect>();
    }
    return nullptr;
}

QList<BackendRegistry::ProfileError> CodingAgent::validate(const AgentProfile &profile)
{
    QList<BackendRegistry::ProfileError> errors;
    if (!profile.command.isEmpty() && profile.command.first().trimmed().isEmpty())
        errors.append({u"command"_s, u"backend '%1': 'command' must start with the program to run (leave it out "
                                     u"for the default)"_s.arg(profile.backend)});
    for (qsizetype i = 0; i < profile.args.size(); ++i) {
        if (profile.args.at(i).isEmpty())
            errors.append({u"args"_s, u"backend '%1': 'args' item %2 is empty"_s.arg(profile.backend).arg(i + 1)});
    }
    const QVariant grace = profile.settings.value(u"kill_grace_ms"_s);
    if (grace.isValid()) {
        bool ok = false;
        const int ms = grace.toInt(&ok);
        if (!ok || ms < 0)
            errors.append({u"settings.kill_grace_ms"_s,
                           u"backend '%1': settings.kill_grace_ms must be a whole number of ms, at least 0"_s.arg(
                               profile.backend)});
    }
    return errors;
}

QJsonObject CodingAgent::settingsSchema()
{
    return {
        {u"type"_s, u"object"_s},
        {u"properties"_s,
         QJsonObject{{u"kill_grace_ms"_s,
                      QJsonObject{{u"type"_s, u"integer"_s},
                                  {u"minimum"_s, 0},
                                  {u"description"_s,
                                   u"ms between SIGTERM and SIGKILL to the CLI's process group (default 3000)"_s}}}}}};
}

QList<BackendRegistry::Backend> CodingAgent::registryEntries()
{
    const auto memory = std::make_shared<CodingMemory>();
    QList<BackendRegistry::Backend> entries;
    for (const Kind kind : kinds()) {
        entries.append({backendName(kind),
                        [kind, memory](const AgentProfile &profile) {
                            return std::make_unique<CodingAgent>(kind, profile, memory);
                        },
                        &CodingAgent::validate, settingsSchema()});
    }
    return entries;
}

AgentResult CodingAgent::run(AgentContext &context)
{
    if (context.isCancelled())
        return AgentResult::cancelled();
    const std::unique_ptr<CodingDialect> dialect = makeDialect(m_kind);

    CodingDialect::Request request;
    request.prompt = CodingPrompt::build(context);
    request.model = m_profile.model;
    request.resumeSessionId = context.resumeSessionId();
    // A retry goes on with the conversation the failed attempt had (the orchestrator may know it from the store;
    // this registry knows it from the earlier attempt in this process).
    if (request.resumeSessionId.isEmpty() && context.attempt() > 1)
        request.resumeSessionId = m_memory->session(context.goal().id);
    for (const QString &argument : m_profile.args)
        request.extraArgs << ProcessAgent::expandPlaceholders(argument, context, ProcessAgent::PathSide::Program);

    CodingSession::Options options;
    const QStringList command = ProcessAgent::expandCommand(m_profile.command, context);
    options.program = command.isEmpty() ? dialect->defaultProgram() : command.first();
    options.arguments = command.mid(1) + dialect->arguments(request);
    options.request = request;
    options.stdinFromNull = dialect->stdinFromNull();
    options.timeoutS = qMax(0, m_profile.timeoutS);
    options.idleTimeoutS = qMax(0, m_profile.idleTimeoutS);
    options.killGraceMs = AgentLaunch::killGraceMs(m_profile.settings, DefaultKillGraceMs);
    const QString workspace = context.workspace();
    if (!workspace.isEmpty()) {
        if (!QFileInfo(workspace).isDir())
            return AgentResult::failed(u"workspace \"%1\" does not exist"_s.arg(workspace), -1,
                                       errorKindName(ErrorKind::Workspace));
        options.workingDirectory = workspace;
    }
    options.environment = AgentLaunch::environment(context, workspace);

    context.setStep(u"starting %1"_s.arg(dialect->displayName()));
    if (!request.resumeSessionId.isEmpty())
        context.log(
            u"[%1] resuming %2 session %3"_s.arg(context.agentId(), dialect->displayName(), request.resumeSessionId));
    AgentResult noChannel;
    std::unique_ptr<ExecutionChannel> channel =
        AgentLaunch::makeChannel(context, ProcessLineReader::DefaultMaxLineBytes, &noChannel);
    if (!channel)
        return noChannel;
    CodingSession session(context, *dialect, *m_memory, std::move(options), std::move(channel));
    // Runs on the cancelling thread: only posts to this one, which owns the process.
    context.setCancelHandler([&session] { session.requestCancel(); });
    AgentResult result = session.run();
    // Waits for a call in flight, so nothing reaches the session once it is destroyed.
    context.setCancelHandler({});
    return result;
}

} // namespace switchboard
