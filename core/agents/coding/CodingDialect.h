#pragma once

#include "model/AgentResult.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace switchboard {

class CodingSession;

// What one coding CLI (Claude Code, Codex, Gemini CLI, Aider) says and understands: the arguments it runs with,
// what goes to its stdin, how each stdout line turns into card updates, and how its exit reads as a result.
// One object per attempt (it keeps the attempt's parse state); called on the session's thread only.
class CodingDialect
{
public:
    // What the arguments are built from.
    struct Request
    {
        QString prompt;          // the goal as text (CodingPrompt)
        QString model;           // the profile's model; empty: the CLI's default
        QString resumeSessionId; // empty: a new session
        QStringList extraArgs;   // the profile's `args`
    };

    virtual ~CodingDialect() = default;

    // How the card and the log name the program ("Claude Code").
    virtual QString displayName() const = 0;
    // The binary when the profile gives no `command`.
    virtual QString defaultProgram() const = 0;
    // The arguments after the program (and after the profile's own command words).
    virtual QStringList arguments(const Request &request) const = 0;
    // True: stdin is /dev/null from the start (CLIs that otherwise wait for stdin to end).
    virtual bool stdinFromNull() const { return false; }
    // Right after the program started (and its process group was recorded): the first stdin lines.
    virtual void started(CodingSession &session, const Request &request)
    {
        Q_UNUSED(session)
        Q_UNUSED(request)
    }
    // One complete stdout line (never a cut one: the session logs those itself).
    virtual void handleLine(const QByteArray &line, CodingSession &session) = 0;
    // The program exited normally with this code (crashes, cancels and timeouts the session answers itself).
    virtual AgentResult finish(int exitCode, CodingSession &session) = 0;

protected:
    CodingDialect() = default;
    Q_DISABLE_COPY_MOVE(CodingDialect)
};

} // namespace switchboard
