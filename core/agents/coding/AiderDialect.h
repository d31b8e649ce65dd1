#pragma once

#include "CodingDialect.h"

#include <QStringList>

#include <optional>

namespace switchboard {

// Aider with one message (`aider --message PROMPT --yes-always --no-stream`, stdin /dev/null): plain text, every
// line logged; "Applied edit to", "Commit" and "Running" lines become steps, and each "Tokens: … Cost: $…" line adds
// its tokens and the message's cost as Aider reports them.
class AiderDialect final : public CodingDialect
{
public:
    struct Usage
    {
        qint64 inputTokens = 0;
        qint64 outputTokens = 0;
        double costUsd = 0;
    };

    AiderDialect() = default;

    QString displayName() const override;
    QString defaultProgram() const override;
    QStringList arguments(const Request &request) const override;
    bool stdinFromNull() const override { return true; }
    void handleLine(const QByteArray &line, CodingSession &session) override;
    AgentResult finish(int exitCode, CodingSession &session) override;

    // "Tokens: 2.3k sent, 156 received. Cost: $0.0082 message, $0.0082 session." (cache write/hit counts are input
    // too); nullopt for any other line.
    static std::optional<Usage> parseTokens(const QString &line);

private:
    QStringList m_edited;
    QStringList m_commits;
    QString m_lastLine;
};

} // namespace switchboard
