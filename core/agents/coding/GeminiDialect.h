#pragma once

#include "CodingDialect.h"

#include <QJsonObject>

namespace switchboard {

// Gemini CLI headless (`gemini -p PROMPT --output-format stream-json`, stdin /dev/null): init gives the session,
// message/tool_use/tool_result/error drive the card, result gives the status and the token stats. Exit code 42
// (bad input) and 53 (turn limit exceeded) are named in the error.
class GeminiDialect final : public CodingDialect
{
public:
    static constexpr int ExitBadInput = 42;
    static constexpr int ExitTurnLimit = 53;

    GeminiDialect() = default;

    QString displayName() const override;
    QString defaultProgram() const override;
    QStringList arguments(const Request &request) const override;
    bool stdinFromNull() const override { return true; }
    void handleLine(const QByteArray &line, CodingSession &session) override;
    AgentResult finish(int exitCode, CodingSession &session) override;

private:
    void flushText(CodingSession &session);

    QString m_text;      // assistant text since the last tool call (deltas joined)
    QString m_lastText;  // the last flushed assistant text: the summary
    QString m_lastError; // the last error event's or failed result's message
    bool m_hasResult = false;
    bool m_resultOk = false;
};

} // namespace switchboard
