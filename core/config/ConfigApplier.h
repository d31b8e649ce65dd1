#pragma once

#include "config/Config.h"

namespace switchboard {

class Orchestrator;

// Puts a config (or a plan's merged config) into effect on an orchestrator: profiles, max_parallel,
// execution mode, deadline policy, run budget and workspace. One place, so the GUI, the Run plan
// dialog and the CLI cannot drift apart.
// <data location>/logs/<start time>: where this session's agents write their full output.
QString sessionLogDirectory();

void applyConfig(Orchestrator &orchestrator, const Config &config, int maxParallelOverride = 0,
                 const QString &modeOverride = {});

} // namespace switchboard
