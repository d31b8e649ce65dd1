#pragma once

#include <QString>
#include <QStringList>

namespace switchboard::bench {

// The bench's command line. Values left at -1 mean "the workload's own default", so one flag
// (--tasks, --parallel) can size whichever workload is being run.
struct BenchOptions
{
    QStringList workloads; // w1, w2, w3, ui, scale, flood, in the order given
    int tasks = -1;
    int parallel = -1;
    int repeat = 1;
    QString baseUrl; // empty: w3 starts its built-in chat server
    QString model = QStringLiteral("bench-model");
    bool storeRequested = false;  // --store on: w1/w2/w3 attach a SQLite store; others: "unavailable"
    int layers = -1;              // w2
    int width = -1;               // w2
    int calls = -1;               // w3: chat calls per agent
    int latencyMs = -1;           // w3: built-in server latency
    bool managerPerThread = true; // w3: --nam per-thread (default) or per-agent (diagnostic)
    int uiSeconds = -1;           // ui: how long each agent runs (default 10)
    QString scaleDatabase;        // scale: start from this database (written only if missing); empty: a fresh one
    bool scaleHistory = true;     // scale: also time the History window (--scale-history off: the start-up only)
    int floodSeconds = 60;        // flood: how long the agents print
    int floodAgents = 16;         // flood: how many agents print at once
    int soakSeconds = 0;          // w1: run again and again for this long, printing resident memory (0: once)

    // Parses argv; on error or --help prints to stderr/stdout and returns false with *exitCode set.
    static bool parse(const QStringList &arguments, BenchOptions *options, int *exitCode);
};

} // namespace switchboard::bench
