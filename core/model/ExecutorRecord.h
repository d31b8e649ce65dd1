#pragma once

#include "execution/ExecutorSpec.h"

#include <QString>

namespace switchboard {

// Where one attempt's program ran when it was not on this machine (issue 19): the executor as the attempt used it,
// the job name it was submitted under (what a later Switchboard looks for) and the executor's id for it once known
// (a Slurm job id). Stored with the attempt; an attempt still open after a crash is ended on its executor before its
// goal runs again.
struct ExecutorRecord
{
    QString agentId;
    int attempt = 0;
    ExecutorSpec spec;
    QString jobName;
    QString externalId; // empty until the executor named it

    friend bool operator==(const ExecutorRecord &, const ExecutorRecord &) = default;
};

} // namespace switchboard
