#pragma once

#include "CodingDialect.h"

#include <QJsonObject>

namespace switchboard {

// Claude Code in print mode with stream-json in and out: the goal goes in as the first user message, its `system`,
// `assistant`, `user` and `result` events drive the card, and each `can_use_tool` control request becomes a
// permission question in the inbox whose answer goes back as a control_response.
class ClaudeCodeDialect final : public CodingDialect
{
public:
    // The longest escalation context a permission question shows (a Write of a big file is cut, with a note).
    static constexpr qsizetype MaxPermissionContextChars = 16 * 1024;

    ClaudeCodeDialect() = default;

    QString displayName() const override;
    QString defaultProgram() const override;
    QStringList arguments(const Request &request) const override;
    void started(CodingSession &session, const Request &request) override;
    void handleLine(const QByteArray &line, CodingSession &session) override;
    AgentResult finish(int exitCode, CodingSession &session) override;

    // "Bash: npm test", "Edit: src/a.cpp": what the card shows as the step for a tool call.
    static QString describeTool(const QString &tool, const QJsonObject &input, const QString &workspace = {});
    // What the human reads before allowing a tool: the command, or the file and a diff of the change.
    static QString permissionContext(const QString &tool, const QJsonObject &input);

private:
    void handleSystem(const QJsonObject &event, CodingSession &session);
    void handleAssistant(const QJsonObject &event, CodingSession &session);
    void handleUser(const QJsonObject &event, CodingSession &session);
    void handleResult(const QJsonObject &event, CodingSession &session);
    void handleControlRequest(const QJsonObject &event, CodingSession &session);
    void askPermission(const QString &requestId, const QString &tool, const QJsonObject &input, CodingSession &session);
    static void replyPermission(CodingSession &session, const QString &requestId, bool allow, const QJsonObject &input,
                                const QString &message);

    bool m_hasResult = false;
    QString m_subtype;
    bool m_isError = false;
    int m_numTurns = 0;
    QString m_resultText;
    QString m_lastText; // the last assistant text, for a result without one
};

} // namespace switchboard
