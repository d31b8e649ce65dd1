#pragma once

#include "agents/AgentBackend.h"

#include <QString>

namespace switchboard {
class Orchestrator;
}

namespace switchboard::bench {

class RunProbe;

// A backend that does no work: it records the run in the probe and completes at once, so a
// workload measures the orchestrator's own cost per goal (w1, w2).
class InstantBackend final : public AgentBackend
{
public:
    explicit InstantBackend(RunProbe *probe)
        : m_probe(probe)
    {}
    AgentResult run(AgentContext &context) override;

    // Registers the backend as "instant" with one profile of that name, and sets max_parallel.
    static void install(Orchestrator &orchestrator, RunProbe *probe, int maxParallel);
    static QString name() { return QStringLiteral("instant"); }

private:
    RunProbe *m_probe;
};

} // namespace switchboard::bench
