#pragma once

#include "model/AgentProfile.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>

namespace switchboard {

// Finds the coding-agent CLIs installed on this machine (claude, codex, gemini, aider, and the ACP agents goose and
// opencode) and suggests a ready profile for each, for `switchboard agents --detect` and the GUI's offers.
// detect() blocks (it runs each binary's --version): call it on a worker thread (QtConcurrent::run), never on the
// GUI thread. The object is a value; detect() is const and thread-safe.
class CodingAgentDetector final
{
public:
    struct Known
    {
        QString program;         // the binary looked up: "claude"
        QString backend;         // the profile backend: "claude-code", "acp"
        QString label;           // "Claude Code"
        QStringList commandTail; // arguments the profile's command needs after the binary ("acp" for goose)
    };

    struct Detected
    {
        Known agent;
        QString path;         // absolute path of the binary found
        QString version;      // the first line --version printed; empty when it printed nothing in time
        QString versionError; // why there is no version ("timed out after 3000 ms", "exit code 1")
        AgentProfile profile; // ready to use: name, backend, capabilities ["code"], command when needed
    };

    static constexpr std::chrono::milliseconds DefaultVersionTimeout{3000};

    // searchPaths empty: the PATH of this process. Otherwise only these directories are searched, and profiles
    // name the binary by its absolute path.
    explicit CodingAgentDetector(QStringList searchPaths = {});

    static QList<Known> knownAgents();
    // The agents whose binary is found, in knownAgents() order, each with its version (all --version calls run
    // at once; each is killed after the timeout).
    QList<Detected> detect(std::chrono::milliseconds versionTimeout = DefaultVersionTimeout) const;

private:
    QStringList m_searchPaths;
};

} // namespace switchboard
