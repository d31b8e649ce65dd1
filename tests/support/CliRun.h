#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace switchboard::test {

// What the switchboard CLI printed: its --json events, stderr and exit code (-1: it did not exit normally).
// Helpers for the tests that drive whole runs through the real binary (tst_slurmrun, tst_sshrun).
struct CliRun
{
    QList<QJsonObject> events;
    QString err;
    int exitCode = -1;
};

// One line an agent script appended to its log: "kind goal rest...".
struct AgentLogLine
{
    QString kind;
    QString goal;
    QStringList rest;
};

// This process's environment with the XDG config and data directories under home, so the CLI never reads or writes
// a real profile.
QProcessEnvironment cliEnvironment(const QString &home);
// Runs `switchboard args` in env, answering every escalation with option B; after timeoutMs it is killed and err
// starts with "timed out".
CliRun runCli(const QProcessEnvironment &env, const QStringList &args, int timeoutMs);
// The agents `switchboard status --db db --json` lists.
QJsonArray statusAgents(const QProcessEnvironment &env, const QString &db);
// The lines of an agents' log, in the order they were written (none if there is no log yet).
QList<AgentLogLine> readAgentLog(const QString &path);
// What is wrong with the story the answer-and-lock plan's agents logged ("answer <json>" from the goal that asked,
// "held <ns> <lock event>" and "released <ns>" from l1 and l2, which lock one resource): empty when the answer was
// option B of an "answer" message, both goals logged a granted lock, and their held spans did not overlap.
QString answerAndLockProblem(const QList<AgentLogLine> &lines);
// Writes `<name>.sh` (a /bin/sh script that starts with LOG='log', then script) and `<name>.yaml` into dir: a plan of
// goals (YAML list items) for one `worker` process profile without retries that runs the script on executor (YAML)
// with arguments. Returns the plan's path.
QString writeWorkerPlan(const QString &dir, const QString &log, const QString &name, int maxParallel,
                        const QString &executor, const QString &script, const QString &goals,
                        const QStringList &arguments = {});

} // namespace switchboard::test
