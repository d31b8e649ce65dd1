#pragma once

#include "Command.h"

namespace switchboard {

struct RunSettings;

// `switchboard resume`: continues an interrupted run (--run, else the latest) headless until done, on the
// profiles and limits it was started with; owns the database for recording while it runs.
class ResumeCommand final : public Command
{
public:
    ResumeCommand();

    // The config the run continues on, put into session; false with the error printed. (Also used by the review
    // commands, which put a stored run back to merge or discard its goals.)
    static bool loadRunConfig(RunSession &session, const RunRecord &run, const RunSettings &settings,
                              const QString &configPath);

protected:
    int executeParsed(const QCommandLineParser &parser) override;
};

} // namespace switchboard
