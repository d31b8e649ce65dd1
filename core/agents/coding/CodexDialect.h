#pragma once

#include "CodingDialect.h"

#include <QJsonObject>

namespace switchboard {

// Codex CLI non-interactive (`codex exec --json PROMPT`, stdin /dev/null): thread.started gives the session to
// resume (`codex exec --json resume ID PROMPT`), item events give steps and log lines, turn.completed the usage
// (priced with the profile's pricing: Codex reports no cost), turn.failed and error the failure.
class CodexDialect final : public CodingDialect
{
public:
    CodexDialect() = default;

    QString displayName() const override;
    QString defaultProgram() const override;
    QStringList arguments(const Request &request) const override;
    bool stdinFromNull() const override { return true; }
    void handleLine(const QByteArray &line, CodingSession &session) override;
    AgentResult finish(int exitCode, CodingSession &session) override;

private:
    void handleItem(const QString &event, const QJsonObject &item, CodingSession &session);

    int m_turns = 0;
    bool m_turnFailed = false;
    QString m_failure;           // turn.failed's message, else the last error event's
    bool m_errorPending = false; // an error event with no completed turn after it
    QString m_lastMessage;
};

} // namespace switchboard
