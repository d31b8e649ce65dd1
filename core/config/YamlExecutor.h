#pragma once

// Private to core/config: a profile's `executor:` key (issue 19), on top of the YAML plumbing of YamlSupport.h.

#include "YamlSupport.h"
#include "execution/ExecutorSpec.h"

#include <QString>

#include <optional>

namespace switchboard::yaml {

// executor: local | slurm | {kind: slurm, partition, account, qos, time_limit, cpus, mem, gres, extra_args} |
// {kind: ssh, host, user, port, identity_file, workdir, extra_options}, read from parent's "executor" key; nullopt
// when absent. Unknown keys (with a did-you-mean), keys of the other kind and bad values are errors at the key or
// value: a misspelt partition key must not silently run the agent somewhere else.
std::optional<ExecutorSpec> readExecutor(const Map &parent, const QString &label);
// Writes `executor: local` or `executor: {kind: ..., ...}` (only the keys that are set) into an open mapping, the
// form readExecutor() reads back (PlanWriter). Which backends may have one: ExecutorRules::backendTakesExecutor().
void writeExecutor(YAML::Emitter &out, const ExecutorSpec &spec);
enum class ExecutorStyle
{
    Flow,  // {kind: "slurm", partition: "gpu"}: one line of a plan's goal
    Block, // kind: slurm / partition: gpu on lines of their own: a profile in the config a person reads and edits
};
// Only the value of that key (ConfigWriter writes the key itself).
void writeExecutorValue(YAML::Emitter &out, const ExecutorSpec &spec, ExecutorStyle style = ExecutorStyle::Flow);

} // namespace switchboard::yaml
