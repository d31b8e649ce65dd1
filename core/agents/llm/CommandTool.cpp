#include "CommandTool.h"

#include "ToolSchema.h"
#include "agents/AgentContext.h"
#include "agents/ProcessGroup.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTimer>

namespace switchboard {

namespace {

// The command's output as the model sees it: the first MaxHeadBytes, then only the last MaxTailBytes,
// and how much was left out between them.
class OutputCollector final
{
public:
    void add(const QString &prefix, const ProcessLineReader::Line &line)
    {
        QString text = prefix + QString::fromUtf8(line.bytes);
        if (text.size() > CommandTool::MaxLineChars || line.isTruncated()) {
            const qint64 more = qMax<qint64>(0, text.size() - CommandTool::MaxLineChars) + line.droppedBytes;
            text = text.left(CommandTool::MaxLineChars) + QStringLiteral(" … [%1 more characters]").arg(more);
        }
        const qsizetype bytes = text.size() + 1;
        if (m_tail.isEmpty() && m_headBytes + bytes <= CommandTool::MaxHeadBytes) {
            m_head << text;
            m_headBytes += bytes;
            return;
        }
        m_tail << text;
        m_tailBytes += bytes;
        while (m_tailBytes > CommandTool::MaxTailBytes && m_tail.size() > 1) {
            m_tailBytes -= m_tail.takeFirst().size() + 1;
            ++m_omittedLines;
        }
    }

    QString text() const
    {
        QStringList lines = m_head;
        if (m_omittedLines > 0)
            lines << QStringLiteral("… [%1 lines of output left out] …").arg(m_omittedLines);
        lines << m_tail;
        return lines.join(u'\n');
    }

private:
    QStringList m_head;
    QStringList m_tail;
    qsizetype m_headBytes = 0;
    qsizetype m_tailBytes = 0;
    qint64 m_omittedLines = 0;
};

} // namespace

CommandTool::CommandTool(AgentContext &context, const ModelSettings &settings)
    : m_context(context)
    , m_allow(settings.runCommandAllow)
    , m_timeoutS(qMax(1, settings.runCommandTimeoutS))
{
    m_allow.removeAll(QString());
    m_hiddenVariables << QStringLiteral("OPENAI_API_KEY") << QStringLiteral("ANTHROPIC_API_KEY");
    if (!settings.apiKeyEnv.isEmpty())
        m_hiddenVariables << settings.apiKeyEnv;
}

llm::ToolSpec CommandTool::spec() const
{
    return {QStringLiteral("run_command"),
            QStringLiteral("Run a program in the workspace (no shell: argv is passed as is) and get its exit code "
                           "and output. Allowed programs: %1. It is killed after %2 s.")
                .arg(m_allow.join(QStringLiteral(", ")))
                .arg(m_timeoutS),
            ToolSchema::object(
                {{QStringLiteral("argv"),
                  ToolSchema::stringList(QStringLiteral("the program and its arguments, e.g. [\"make\", \"test\"]"))}},
                {QStringLiteral("argv")})};
}

QString CommandTool::allowedProgram(const QString &argv0, QString *error) const
{
    const auto refuse = [&](const QString &why) {
        if (error)
            *error = why;
        return QString();
    };
    if (!m_allow.contains(argv0)) {
        return refuse(QStringLiteral("\"%1\" is not an allowed program (allowed: %2)")
                          .arg(argv0, m_allow.join(QStringLiteral(", "))));
    }
    if (argv0.contains(u'/'))
        return argv0;
    const QString found = QStandardPaths::findExecutable(argv0);
    if (found.isEmpty())
        return refuse(QStringLiteral("\"%1\" was not found in PATH").arg(argv0));
    return found;
}

ToolResult CommandTool::run(const QJsonObject &arguments)
{
    if (!isEnabled())
        return ToolResult::error(QStringLiteral("run_command is not enabled for this agent"));
    const QJsonValue argvValue = arguments.value(u"argv");
    if (!argvValue.isArray() || argvValue.toArray().isEmpty())
        return ToolResult::error(QStringLiteral("run_command needs \"argv\": a non-empty list of strings"));
    QStringList argv;
    for (const QJsonValue &item : argvValue.toArray()) {
        if (!item.isString())
            return ToolResult::error(QStringLiteral("run_command: argv must be a list of strings"));
        argv << item.toString();
    }
    QString error;
    const QString program = allowedProgram(argv.first(), &error);
    if (program.isEmpty())
        return ToolResult::error(error);

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : m_hiddenVariables)
        environment.remove(name);
    ExecutionChannel::Launch launch;
    launch.program = program;
    launch.arguments = argv.mid(1);
    launch.workingDirectory = m_context.workspace();
    launch.environment = environment;
    launch.killGraceMs = KillGraceMs;

    ProcessGroup group;
    OutputCollector output;
    QEventLoop loop;
    bool timedOut = false;
    bool cancelled = false;
    QObject::connect(&group, &ExecutionChannel::stdoutLineReceived, &loop,
                     [&output](const ProcessLineReader::Line &line) { output.add(QString(), line); });
    QObject::connect(&group, &ExecutionChannel::stderrLineReceived, &loop,
                     [&output](const ProcessLineReader::Line &line) { output.add(QStringLiteral("[stderr] "), line); });
    QObject::connect(&group, &ExecutionChannel::finished, &loop, &QEventLoop::quit);

    if (m_context.isCancelled())
        return ToolResult::error(QStringLiteral("cancelled"));
    if (!group.start(launch, &error))
        return ToolResult::error(error);
    group.closeInput();
    // Recorded with the attempt, so that a Switchboard after a crash ends what the command left running.
    if (!m_context.recordProcessGroup(group.processGroupRecord()))
        m_context.log(QStringLiteral("run_command: could not record %1 in the database").arg(group.description()));

    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        group.terminate(QStringLiteral("timed out"));
    });
    deadline.start(m_timeoutS * 1000);
    // The attempt's cancel handler belongs to the model call; a cheap poll keeps cancel prompt here too, and
    // proves the agent alive while a long command runs silently.
    QElapsedTimer sinceHeartbeat;
    sinceHeartbeat.start();
    QTimer cancelPoll;
    QObject::connect(&cancelPoll, &QTimer::timeout, &loop, [&] {
        if (!cancelled && m_context.isCancelled()) {
            cancelled = true;
            group.terminate(QStringLiteral("cancelled"));
        }
        if (sinceHeartbeat.elapsed() >= HeartbeatMs) {
            m_context.heartbeat();
            sinceHeartbeat.restart();
        }
    });
    cancelPoll.start(CancelPollMs);
    loop.exec();

    const QString text = output.text();
    QString status;
    bool failed = true;
    if (cancelled) {
        status = QStringLiteral("cancelled: the command was killed");
    } else if (timedOut) {
        status = QStringLiteral("timed out after %1 s: the command and its children were killed").arg(m_timeoutS);
    } else if (group.crashed()) {
        status = ProcessGroup::signalText(group.exitCode());
    } else {
        status = QStringLiteral("exit code %1").arg(group.exitCode());
        failed = group.exitCode() != 0;
    }
    const QString body = text.isEmpty() ? QStringLiteral("(no output)") : text;
    return {status + u'\n' + body, failed};
}

} // namespace switchboard
