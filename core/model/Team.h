#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace switchboard {

// A team goal's pattern (issue 16): how several agents work on one goal together. A goal with a pattern runs no
// agent of its own: its members are ordinary goals (Goal::member) that the orchestrator spawns as the pattern
// goes on, and the team's result is made from theirs. Plans write it as `pattern: {kind: ..., ...}`.
enum class TeamKind
{
    Parallel,   // one member per profile gets the same goal; the answers are collected
    Supervisor, // a planner delegates steps to workers, sees their results, and writes the synthesis
    Debate,     // participants speak in rounds, each seeing every earlier statement; a judge concludes
};

// How a supervisor's steps go to its workers.
enum class SupervisorMode
{
    Selective,  // each step to the worker the planner named
    All,        // every step to every worker
    Sequential, // the steps one after another, each seeing the results of the steps before it
};

// How a team's collected answers are written as one text block for a dependent (e.g. to pass to a model).
enum class TeamFormat
{
    Markdown,
    Xml,
};

QString teamKindToString(TeamKind kind);
std::optional<TeamKind> teamKindFromString(const QString &text);
QString supervisorModeToString(SupervisorMode mode);
std::optional<SupervisorMode> supervisorModeFromString(const QString &text);
QString teamFormatToString(TeamFormat format);
std::optional<TeamFormat> teamFormatFromString(const QString &text);

struct TeamPattern
{
    TeamKind kind = TeamKind::Parallel;
    // parallel: one member per profile; debate: the participants, in speaking order (a profile may repeat).
    QStringList profiles;
    // supervisor
    QString planner;
    QStringList workers;
    SupervisorMode mode = SupervisorMode::Selective;
    int maxWorkersPerStep = 3; // members of one planner iteration running at once
    int maxIterations = 2;     // planner iterations that may delegate; the one after them writes the synthesis
    // debate
    int rounds = 3;
    QString judge; // may also be a participant
    // parallel: members that must succeed (unset: all); supervisor: workers per iteration (unset: 1).
    std::optional<int> minSuccessful;
    TeamFormat format = TeamFormat::Markdown;

    // Every profile the pattern names, each once, in order of first mention.
    QStringList memberProfiles() const;
    // How many members must succeed for the team to complete (parallel) or an iteration to count (supervisor).
    int requiredSuccesses() const;
    // What is wrong with it on its own (not knowing the profiles), one message each: "rounds must be at least 1".
    QStringList problems() const;
    // One line for `switchboard plan`, cards and the detail pane: "debate · optimist, pessimist · 3 rounds · judge
    // lead".
    QString describe() const;

    // {"kind", ...} with the plan's key names (profiles, planner, workers, mode, max_workers_per_step,
    // max_iterations, rounds, judge, min_successful, format); as stored with a goal and in --json output.
    QJsonObject toJson() const;
    // nullopt for an object without a known kind.
    static std::optional<TeamPattern> fromJson(const QJsonObject &json);

    friend bool operator==(const TeamPattern &, const TeamPattern &) = default;
};

// What a member goal is to its team. Members are spawned by the orchestrator, never written in plans.
struct TeamMember
{
    enum class Role
    {
        Member,      // parallel
        Participant, // debate: one statement in one round
        Judge,       // debate: the conclusion
        Planner,     // supervisor: one planning iteration (or the synthesis)
        Worker,      // supervisor: one step
    };

    QString team; // the team goal's id
    Role role = Role::Member;
    QString profile;        // the profile the member runs on (also its Goal::profile)
    int round = 0;          // debate: the round (1-based); supervisor: the planner iteration (1-based)
    int step = 0;           // supervisor worker: the step within its iteration (1-based); debate: the speaking slot
    QString worker;         // supervisor worker: the worker the planner named (== profile)
    QString task;           // supervisor worker: the planner's words for the step
    bool synthesis = false; // supervisor planner: the last call, which may not delegate and writes the answer
    QStringList workers;    // supervisor planner (not the synthesis): the workers it may delegate to

    // A planner that may hand steps to workers (AgentContext::delegate()).
    bool mayDelegate() const { return role == Role::Planner && !synthesis && !workers.isEmpty(); }
    // As cards show it: "member · researcher", "round 2 · optimist", "judge · lead", "plan 1 · lead",
    // "synthesis · lead", "step 1.2 · writer".
    QString label() const;
    QJsonObject toJson() const;
    static std::optional<TeamMember> fromJson(const QJsonObject &json);
    static QString roleToString(Role role);
    static std::optional<Role> roleFromString(const QString &text);

    friend bool operator==(const TeamMember &, const TeamMember &) = default;
};

} // namespace switchboard
