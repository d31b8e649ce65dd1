#pragma once

#include <QString>

#include <functional>

namespace switchboard {

class Orchestrator;
class Store;
struct RunOptions;

// Drives a run or a resume to its end without a window: events on stdout (text or JSON), questions answered from
// stdin or by --auto-answer, SIGINT/SIGTERM cancelling the agents first; then the summary and the exit code.
class HeadlessRun final
{
public:
    // note: the line printed before the events (text output only). start() spawns or restores the goals; when it
    // fails (message printed) the exit code is Cli::InvalidInput.
    static int exec(Orchestrator &orchestrator, Store &store, const RunOptions &options, const QString &note,
                    const std::function<bool()> &start);
};

} // namespace switchboard
