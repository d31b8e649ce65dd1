#include "CodingAgentDetector.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QStandardPaths>

#include <memory>
#include <vector>

namespace switchboard {

using namespace Qt::StringLiterals;

CodingAgentDetector::CodingAgentDetector(QStringList searchPaths)
    : m_searchPaths(std::move(searchPaths))
{}

QList<CodingAgentDetector::Known> CodingAgentDetector::knownAgents()
{
    return {
        {u"claude"_s, u"claude-code"_s, u"Claude Code"_s, {}},
        {u"codex"_s, u"codex"_s, u"Codex CLI"_s, {}},
        {u"gemini"_s, u"gemini"_s, u"Gemini CLI"_s, {}},
        {u"aider"_s, u"aider"_s, u"Aider"_s, {}},
        // Agents that speak the Agent Client Protocol over stdio (backend "acp").
        {u"goose"_s, u"acp"_s, u"Goose (ACP)"_s, {u"acp"_s}},
        {u"opencode"_s, u"acp"_s, u"OpenCode (ACP)"_s, {u"acp"_s}},
    };
}

QList<CodingAgentDetector::Detected> CodingAgentDetector::detect(std::chrono::milliseconds versionTimeout) const
{
    QList<Detected> found;
    for (const Known &agent : knownAgents()) {
        const QString path = m_searchPaths.isEmpty() ? QStandardPaths::findExecutable(agent.program)
                                                     : QStandardPaths::findExecutable(agent.program, m_searchPaths);
        if (path.isEmpty())
            continue;
        Detected detected;
        detected.agent = agent;
        detected.path = path;
        AgentProfile &profile = detected.profile;
        profile.name = agent.backend == u"acp" ? agent.program : agent.backend;
        profile.backend = agent.backend;
        profile.capabilities = {u"code"_s};
        // A binary found on PATH runs as the adapter's default; one found elsewhere is named by its path.
        if (!m_searchPaths.isEmpty() || !agent.commandTail.isEmpty())
            profile.command = QStringList{m_searchPaths.isEmpty() ? agent.program : path} + agent.commandTail;
        found.append(detected);
    }

    // All at once, so a slow one costs its timeout once, not once per agent.
    std::vector<std::unique_ptr<QProcess>> processes;
    for (const Detected &detected : std::as_const(found)) {
        auto process = std::make_unique<QProcess>();
        process->setStandardInputFile(QProcess::nullDevice());
        process->start(detected.path, {u"--version"_s});
        processes.push_back(std::move(process));
    }
    const QDeadlineTimer deadline(versionTimeout);
    for (qsizetype i = 0; i < found.size(); ++i) {
        QProcess &process = *processes[size_t(i)];
        Detected &detected = found[i];
        if (!process.waitForStarted(int(qMax<qint64>(0, deadline.remainingTime())))) {
            detected.versionError = process.errorString();
            continue;
        }
        if (!process.waitForFinished(int(qMax<qint64>(0, deadline.remainingTime())))) {
            process.kill();
            process.waitForFinished(1000);
            detected.versionError = u"--version did not answer within %1 ms"_s.arg(versionTimeout.count());
            continue;
        }
        QString text = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
        if (text.isEmpty())
            text = QString::fromUtf8(process.readAllStandardError()).trimmed();
        detected.version = text.section(u'\n', 0, 0).trimmed().left(100);
        if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
            detected.versionError = u"--version failed (exit code %1)"_s.arg(process.exitCode());
    }
    return found;
}

} // namespace switchboard
