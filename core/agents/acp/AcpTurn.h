#pragma once

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QString>

namespace switchboard {

class AgentContext;

// What an ACP agent reports during its prompt turn (session/update notifications), turned into what the card,
// the log and the transcript show: message and thought chunks become log lines (and the message the summary),
// tool calls the step, the plan the progress, usage_update the cost. Lives on the attempt's thread.
class AcpTurn final
{
    Q_DISABLE_COPY_MOVE(AcpTurn)

public:
    // The summary keeps the end of a longer message (its conclusion).
    static constexpr qsizetype MaxSummaryChars = 8000;

    explicit AcpTurn(AgentContext &context);

    // session/load replays the earlier conversation as updates: not this turn's, so they are only counted.
    void setReplaying(bool replaying);
    // One session/update's `update` object. False with *problem when it is not one this reader understands.
    bool apply(const QJsonObject &update, QString *problem);
    // The turn ended: the partial lines are logged and the last message goes to the transcript.
    void finish();

    // The agent's message text of this turn (every agent_message_chunk), cut to MaxSummaryChars.
    QString summary() const;
    // USD the agent reported in usage_update so far (cumulative for the session).
    double reportedCostUsd() const { return m_costUsd; }
    int replayedUpdates() const { return m_replayed; }
    // The title a tool_call gave this call id (empty when unknown).
    QString toolTitle(const QString &toolCallId) const { return m_tools.value(toolCallId).title; }

    // The text of a content block (text, or a placeholder naming an image, a resource, a diff, a terminal).
    static QString contentText(const QJsonObject &block);

private:
    struct Tool
    {
        QString title;
        QString kind;
        QString status;
    };

    void applyMessageChunk(const QString &text);
    void applyThoughtChunk(const QString &text);
    void applyToolCall(const QJsonObject &update, bool isNew);
    void applyPlan(const QJsonObject &update);
    void applyUsage(const QJsonObject &update);
    // Logs the complete lines of buffer (with the prefix), keeping the unfinished last one.
    void logLines(QString &buffer, const QString &prefix, bool all);
    void flushMessage();
    void flushThought();
    static QString toolContentText(const QJsonValue &content);

    AgentContext &m_context;
    bool m_replaying = false;
    int m_replayed = 0;
    QString m_message;     // all of this turn's message text
    QString m_segment;     // the message since the last tool call or plan (one transcript step)
    QString m_messageLine; // not yet logged
    QString m_thoughtLine;
    QHash<QString, Tool> m_tools;
    QString m_planText;
    QSet<QString> m_unknownKinds;
    double m_costUsd = 0;
    bool m_currencyNoted = false;
};

} // namespace switchboard
