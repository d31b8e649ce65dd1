#pragma once

#include "RunResult.h"

#include <QString>

namespace switchboard::bench {

struct HttpWorkloadConfig
{
    int tasks = 500;
    int parallel = 64;
    int calls = 4;
    int latencyMs = 20; // the built-in server's latency
    QString baseUrl;    // empty: start the built-in server
    QString model;
    bool managerPerThread = true; // --nam per-thread; false: one QNetworkAccessManager per agent (diagnostic)
    bool withStore = false;       // --store on
};

// w3: `tasks` I/O-bound agents of `calls` sequential chat completions each, max_parallel
// `parallel`. Checks every agent completed and the server saw tasks * calls calls.
RunResult runHttpWorkload(const HttpWorkloadConfig &config);

// w3-cancel: `tasks` agents whose first call never gets an answer in time (the built-in server waits
// 60 s); once the server holds every request, cancelAll(). Checks every agent ends Cancelled, promptly
// (the replies in flight are aborted, not waited for); reports how long that took.
RunResult runHttpCancelWorkload(const HttpWorkloadConfig &config);

} // namespace switchboard::bench
