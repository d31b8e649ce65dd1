#include "AgentLaunch.h"

#include "AgentContext.h"
#include "execution/Executors.h"
#include "model/ErrorKind.h"
#include "model/InputLimits.h"

#include <QTimer>

#include <climits>

namespace switchboard {

using namespace Qt::StringLiterals;

QProcessEnvironment AgentLaunch::environment(const AgentContext &context, const QString &workspace)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const auto set = [&environment](const QString &name, const QString &value) {
        environment.insert(name, InputLimits::cutToBytes(value));
    };
    set(u"SWITCHBOARD_GOAL_ID"_s, context.goal().id);
    set(u"SWITCHBOARD_GOAL_TITLE"_s, context.goal().title);
    set(u"SWITCHBOARD_WORKSPACE"_s, workspace);
    set(u"SWITCHBOARD_AGENT_ID"_s, context.agentId());
    set(u"SWITCHBOARD_ATTEMPT"_s, QString::number(context.attempt()));
    set(u"SWITCHBOARD_PROFILE"_s, context.profile().name);
    return environment;
}

QProcessEnvironment AgentLaunch::environmentWithModel(const AgentContext &context, const QString &workspace)
{
    QProcessEnvironment result = environment(context, workspace);
    result.insert(u"SWITCHBOARD_MODEL"_s, InputLimits::cutToBytes(context.profile().model));
    return result;
}

QString AgentLaunch::programWorkspace(const AgentContext &context)
{
    return Executors::programDirectory(context.profile().executor, context.workspace());
}

std::unique_ptr<ExecutionChannel> AgentLaunch::makeChannel(const AgentContext &context, qsizetype maxLineBytes,
                                                           AgentResult *failed)
{
    const ExecutorSpec &executor = context.profile().executor;
    std::unique_ptr<ExecutionChannel> channel = Executors::makeChannel(executor, maxLineBytes);
    if (!channel && failed)
        *failed = AgentResult::failed(
            u"profile \"%1\": this build cannot run programs on %2"_s.arg(context.profile().name, executor.describe()),
            -1, errorKindName(ErrorKind::Invalid));
    return channel;
}

std::optional<AgentResult> AgentLaunch::start(ExecutionChannel &channel, const ExecutionChannel::Launch &given,
                                              AgentContext &context, const std::function<void(const QString &)> &note)
{
    ExecutionChannel::Launch launch = given;
    if (launch.jobName.isEmpty())
        launch.jobName = Executors::jobName(context.jobScope(), context.runId(), context.goal().id, context.attempt());
    const ExecutorSpec &executor = context.profile().executor;
    if (!executor.isLocal()) {
        if (!context.recordExecutor(executor, launch.jobName)) {
            const QString why =
                u"could not record %1 job %2 in the database: not submitting it, since after a crash "
                u"nothing could end it and the goal might run twice"_s.arg(executor.describe(), launch.jobName);
            note(why);
            return AgentResult::failed(why, -1, errorKindName(ErrorKind::Spawn));
        }
        // The channel lives on this thread and dies before the context: the connections go with it.
        QObject::connect(&channel, &ExecutionChannel::externalIdKnown, &channel,
                         [&context](const QString &id) { context.recordExternalId(id); });
        QObject::connect(&channel, &ExecutionChannel::externalStateChanged, &channel, [&context](const QString &state) {
            context.setStep(state);
            context.heartbeat(); // a job waiting in the queue is not a hung agent
        });
        QObject::connect(&channel, &ExecutionChannel::queueChanged, &channel,
                         [&context](bool waiting) { context.setExternallyQueued(waiting); });
    }
    QString error;
    if (!channel.start(launch, &error)) {
        note(error);
        return AgentResult::failed(error, -1, errorKindName(ErrorKind::Spawn));
    }
    if (const ProcessGroupRecord group = channel.processGroupRecord(); group.isValid()) {
        if (!context.recordProcessGroup(group))
            note(u"could not record %1 in the database: if Switchboard crashes, what it starts is not ended on "
                 u"resume"_s.arg(channel.description()));
    }
    return std::nullopt;
}

void AgentLaunch::holdWhileQueued(ExecutionChannel &channel, QTimer &timeout)
{
    // The time left when the job entered the queue; -1 while it is not held.
    auto left = std::make_shared<int>(-1);
    QObject::connect(&channel, &ExecutionChannel::queueChanged, &timeout, [&timeout, left](bool waiting) {
        if (waiting && timeout.isActive()) {
            *left = qMax(0, timeout.remainingTime());
            timeout.stop();
        } else if (!waiting && *left >= 0) {
            timeout.start(*left);
            *left = -1;
        }
    });
}

std::optional<AgentResult> AgentLaunch::connectionLostResult(const ExecutionChannel &channel, const QString &stderrTail)
{
    const QString lost = channel.connectionLost();
    if (lost.isEmpty())
        return std::nullopt;
    return AgentResult::failed(lost + stderrTail, channel.exitCode(), errorKindName(ErrorKind::Exit));
}

int AgentLaunch::killGraceMs(const QVariantMap &settings, int fallback)
{
    bool ok = false;
    const int ms = settings.value(u"kill_grace_ms"_s).toInt(&ok);
    return ok && ms >= 0 ? ms : fallback;
}

int AgentLaunch::timeoutMs(int timeoutS)
{
    return static_cast<int>(qMin<qint64>(qint64(timeoutS) * 1000, INT_MAX));
}

} // namespace switchboard
