#pragma once

#include "config/Config.h"

namespace switchboard {

class Orchestrator;

// What a saved config changes in the running session, the way a start with it would set it (RunSession::
// applyConfig), but only where the config changed: a profile the person added for this session (a detected model,
// a plan's profiles) stays, and a max parallel set on the toolbar stays unless the config's changed too.
class SettingsApplier final
{
public:
    SettingsApplier() = delete;

    static void apply(Orchestrator *orchestrator, const Config &before, const Config &after);
    // The session's own profiles (in neither config) first, then after's: before's are replaced, the ones after
    // dropped are gone, after's new ones are added.
    static QList<AgentProfile> mergeProfiles(const QList<AgentProfile> &session, const QList<AgentProfile> &before,
                                             const QList<AgentProfile> &after);
};

} // namespace switchboard
