#pragma once

#include "execution/ExecutorSpec.h"

#include <QList>
#include <QString>

namespace switchboard {

// The checks of an executor's values (issue 19), shared by the config reader (which adds file:line:column) and the
// forms of the GUI (which show each under its field), so a value the form takes the file takes too.
class ExecutorRules final
{
public:
    ExecutorRules() = delete;

    struct Problem
    {
        QString field;   // the config key: "host", "port", "time_limit", "cpus", "mem", "extra_args", ...
        QString message; // without the field: "expected a port between 1 and 65535, got 70000"
    };

    // The backends that run a program and so can run it elsewhere: process, claude-code, codex, gemini, aider, acp.
    static bool backendTakesExecutor(const QString &backend);

    // srun --time syntax: minutes, minutes:seconds, hours:minutes:seconds, days-hours[:minutes[:seconds]].
    static bool isSlurmTime(const QString &text);
    // --mem: digits with an optional K/M/G/T.
    static bool isMemorySize(const QString &text);
    // Each returns the problem, empty when the value is fine.
    static QString timeLimitProblem(const QString &text);
    static QString memoryProblem(const QString &text);
    static QString cpusProblem(int cpus);                   // 0 = the cluster's default
    static QString srunArgumentProblem(const QString &arg); // one of extra_args
    static QString hostProblem(const QString &host);
    static QString portProblem(int port); // 0 = ssh's default

    // Every problem of a spec as a form holds it (0 and empty mean "not set").
    static QList<Problem> problems(const ExecutorSpec &spec);
};

} // namespace switchboard
