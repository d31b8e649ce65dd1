#pragma once

#include "Command.h"

namespace switchboard {

class RunSession;

// `switchboard plan FILE [--json]`: a plan's phases and goals, as text or JSON, without running anything.
// `switchboard plan --objective TEXT [--profile NAME] [--out FILE]`: a plan made by an LLM profile from the
// objective, checked by the plan rules and printed (or written) as a plan file. Reads the config (and the plan);
// it opens no database.
class PlanCommand final : public Command
{
public:
    PlanCommand();

protected:
    int executeParsed(const QCommandLineParser &parser) override;

private:
    int showPlan(const QCommandLineParser &parser);
    int planObjective(const QCommandLineParser &parser);
};

} // namespace switchboard
