#pragma once

#include "ToolResult.h"
#include "llm/ModelTypes.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace switchboard {

class AgentContext;
struct Goal;

// The agent protocol's verbs as a model's tools: ask_human, update_progress, add_note, read_notes, finish and,
// for a team's planner, delegate. They run through the same AgentActions table as the process protocol's messages, so
// both kinds of agent are checked and treated alike; ask_human blocks this agent (not its run slot) until the human
// answers. Runs on the attempt's thread.
class ProtocolTools final
{
    Q_DISABLE_COPY_MOVE(ProtocolTools)

public:
    explicit ProtocolTools(AgentContext &context);

    static QList<llm::ToolSpec> specs();
    // specs(), plus `delegate` for a team's planner (issue 16): its workers are the only values `worker` takes.
    static QList<llm::ToolSpec> specs(const Goal &goal);
    static bool handles(const QString &name);
    // Unknown names and bad arguments are error results.
    ToolResult call(const QString &name, const QJsonObject &arguments);

    // finish was called: the attempt is done with this summary.
    bool isFinished() const { return m_finished; }
    const QString &summary() const { return m_summary; }

    ToolResult askHuman(const QJsonObject &arguments);

private:
    static QList<llm::ToolSpec> build();
    // Runs AgentActions' `action` with these arguments; the replies it sends come back in *replies.
    QString invoke(const QString &action, const QJsonObject &arguments, QList<QJsonObject> *replies,
                   bool *hasResult = nullptr, QString *summary = nullptr);

    AgentContext &m_context;
    bool m_finished = false;
    QString m_summary;
};

} // namespace switchboard
