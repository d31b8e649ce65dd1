// Team patterns in plans (issue 16): reading `pattern:` with every error at its file:line:column, writing it back
// (PlanWriter round trip), and the checks goals made in code pass before they run (GoalBatchValidator).
#include "config/PlanLoader.h"
#include "config/PlanWriter.h"
#include "orchestration/GoalBatchValidator.h"
#include "orchestration/Scheduler.h"

#include <QHash>
#include <QTest>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {

// Line 11 holds the team goal's pattern: "    pattern: " puts a flow value at column 14. `extra` is put after it
// (line 12 on) for keys beside the pattern and goals after it.
QByteArray teamPlan(const QString &pattern, const QString &extra = {})
{
    return (u"name: teams\n"
            "agents:\n"
            "  definitions:\n"
            "    - {name: lead, backend: demo}\n"
            "    - {name: optimist, backend: demo, capabilities: [write]}\n"
            "    - {name: pessimist, backend: demo}\n"
            "goals:\n"
            "  - id: topic\n"
            "  - id: team\n"
            "    depends_on: [topic]\n"
            "    pattern: %1\n"_s.arg(pattern) +
            extra)
        .toUtf8();
}

AgentProfile demoProfile(const QString &name)
{
    AgentProfile profile;
    profile.name = name;
    profile.backend = u"demo"_s;
    return profile;
}

QList<AgentProfile> demoProfiles()
{
    return {demoProfile(u"lead"_s), demoProfile(u"optimist"_s), demoProfile(u"pessimist"_s)};
}

Goal teamGoal(const QString &id, const TeamPattern &team)
{
    Goal goal;
    goal.id = id;
    goal.title = id;
    goal.team = team;
    return goal;
}

TeamPattern debate(const QStringList &profiles, int rounds, const QString &judge)
{
    TeamPattern team;
    team.kind = TeamKind::Debate;
    team.profiles = profiles;
    team.rounds = rounds;
    team.judge = judge;
    return team;
}

Goal memberGoal(const QString &id, const QString &team)
{
    Goal goal;
    goal.id = id;
    goal.title = id;
    goal.profile = u"lead"_s;
    TeamMember member;
    member.team = team;
    member.profile = u"lead"_s;
    goal.member = member;
    return goal;
}

} // namespace

class TestTeamPlan final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsEveryKind();
    void judgeMayBeAParticipant();
    void patternErrors_data();
    void patternErrors();
    void roundTrip();
    void validatorChecksTeams();
    void validatorAcceptsMembers();
};

void TestTeamPlan::readsEveryKind()
{
    const QByteArray yaml = "name: teams\n"
                            "agents:\n"
                            "  definitions:\n"
                            "    - {name: lead, backend: demo}\n"
                            "    - {name: researcher, backend: demo}\n"
                            "    - {name: writer, backend: demo}\n"
                            "goals:\n"
                            "  - id: views\n"
                            "    pattern: {kind: parallel, profiles: [researcher, writer], min_successful: 1, "
                            "format: xml}\n"
                            "  - id: post\n"
                            "    depends_on: [views]\n"
                            "    pattern:\n"
                            "      kind: supervisor\n"
                            "      planner: lead\n"
                            "      workers: [researcher, writer]\n"
                            "      mode: sequential\n"
                            "      max_workers_per_step: 5\n"
                            "      max_iterations: 4\n"
                            "  - id: hiring\n"
                            "    pattern: {kind: debate, profiles: [researcher, writer, researcher], judge: lead}\n"
                            "  - id: plain\n"
                            "    profile: writer\n";
    ConfigError error;
    const std::optional<Plan> plan = PlanLoader::loadString(yaml, u"teams.yaml"_s, Config{}, &error);
    QVERIFY2(plan, qPrintable(error.toString()));
    QCOMPARE(plan->warnings.size(), 0);
    QCOMPARE(plan->goals.size(), 4);

    TeamPattern parallel;
    parallel.kind = TeamKind::Parallel;
    parallel.profiles = QStringList{u"researcher"_s, u"writer"_s};
    parallel.minSuccessful = 1;
    parallel.format = TeamFormat::Xml;
    QCOMPARE(plan->goals.at(0).team, std::optional(parallel));
    QVERIFY(plan->goals.at(0).profile.isEmpty());

    TeamPattern supervisor;
    supervisor.kind = TeamKind::Supervisor;
    supervisor.planner = u"lead"_s;
    supervisor.workers = QStringList{u"researcher"_s, u"writer"_s};
    supervisor.mode = SupervisorMode::Sequential;
    supervisor.maxWorkersPerStep = 5;
    supervisor.maxIterations = 4;
    QCOMPARE(plan->goals.at(1).team, std::optional(supervisor));
    QCOMPARE(plan->goals.at(1).team->requiredSuccesses(), 1);
    QCOMPARE(plan->goals.at(1).team->describe(),
             u"supervisor · planner lead · workers researcher, writer · sequential · up to 4 iterations"_s);
    supervisor.maxIterations = 1;
    QCOMPARE(supervisor.describe(),
             u"supervisor · planner lead · workers researcher, writer · sequential · up to 1 iteration"_s);

    // The defaults: 3 rounds, markdown, and a profile may speak twice in a round.
    const TeamPattern hiring = debate({u"researcher"_s, u"writer"_s, u"researcher"_s}, 3, u"lead"_s);
    QCOMPARE(plan->goals.at(2).team, std::optional(hiring));
    QCOMPARE(plan->goals.at(2).team->format, TeamFormat::Markdown);
    QVERIFY(!plan->goals.at(3).team);

    Scheduler scheduler;
    scheduler.setProfiles(plan->config.profiles);
    QCOMPARE(scheduler.validate(plan->goals), QStringList());
}

void TestTeamPlan::judgeMayBeAParticipant()
{
    ConfigError error;
    const std::optional<Plan> plan = PlanLoader::loadString(
        teamPlan(u"{kind: debate, profiles: [optimist, pessimist], rounds: 1, judge: optimist}"_s), u"p.yaml"_s,
        Config{}, &error);
    QVERIFY2(plan, qPrintable(error.toString()));
    QCOMPARE(plan->goals.at(1).team->judge, u"optimist"_s);
    QCOMPARE(plan->goals.at(1).team->rounds, 1);
    QCOMPARE(GoalBatchValidator::validate(plan->goals, {}, plan->config.profiles), QStringList());
}

void TestTeamPlan::patternErrors_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("extra");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    const QString known = u"(known: lead, optimist, pessimist)"_s;
    // The kind
    QTest::newRow("unknown kind, typo") << u"{kind: paralel, profiles: [lead]}"_s << QString() << 11 << 21
                                        << u"goal 'team': pattern.kind: unknown kind 'paralel' (did you mean "
                                           u"'parallel'?)"_s;
    QTest::newRow("unknown kind") << u"{kind: swarm, profiles: [lead]}"_s << QString() << 11 << 21
                                  << u"goal 'team': pattern.kind: unknown kind 'swarm' (expected parallel, "
                                     u"supervisor or debate)"_s;
    QTest::newRow("no kind") << u"{profiles: [lead]}"_s << QString() << 11 << 14
                             << u"goal 'team': pattern: missing required key 'kind'"_s;
    QTest::newRow("not a mapping") << u"debate"_s << QString() << 11 << 14
                                   << u"goal 'team': pattern: expected a mapping, got 'debate'"_s;
    // Keys
    QTest::newRow("unknown key, typo") << u"{kind: debate, profiles: [optimist, pessimist], round: 2, judge: lead}"_s
                                       << QString() << 11 << 62
                                       << u"goal 'team': pattern: unknown key 'round' (did you mean 'rounds'?)"_s;
    QTest::newRow("unknown key")
        << u"{kind: parallel, profiles: [lead], voters: 3}"_s << QString() << 11 << 49
        << u"goal 'team': pattern: unknown key 'voters' (expected kind, profiles, min_successful, format, planner, "
           u"workers, mode, max_workers_per_step, max_iterations, rounds, judge)"_s;
    QTest::newRow("rounds on a parallel team")
        << u"{kind: parallel, profiles: [lead], rounds: 2}"_s << QString() << 11 << 49
        << u"goal 'team': pattern: 'rounds' does not apply to a parallel team (its keys: kind, profiles, "
           u"min_successful, format)"_s;
    QTest::newRow("judge on a supervisor")
        << u"{kind: supervisor, planner: lead, workers: [optimist], judge: lead}"_s << QString() << 11 << 69
        << u"goal 'team': pattern: 'judge' does not apply to a supervisor team (its keys: kind, planner, workers, "
           u"mode, max_workers_per_step, max_iterations, min_successful, format)"_s;
    QTest::newRow("workers on a debate")
        << u"{kind: debate, profiles: [optimist, pessimist], judge: lead, workers: [lead]}"_s << QString() << 11 << 75
        << u"goal 'team': pattern: 'workers' does not apply to a debate team (its keys: kind, profiles, rounds, "
           u"judge, min_successful, format)"_s;
    // Types
    QTest::newRow("rounds not a number")
        << u"{kind: debate, profiles: [optimist, pessimist], rounds: three, judge: lead}"_s << QString() << 11 << 70
        << u"goal 'team': pattern.rounds: expected an integer, got 'three'"_s;
    QTest::newRow("profiles a mapping") << u"{kind: parallel, profiles: {lead: 1}}"_s << QString() << 11 << 41
                                        << u"goal 'team': pattern.profiles: expected a string or a list of "
                                           u"strings, got a mapping"_s;
    QTest::newRow("judge a list") << u"{kind: debate, profiles: [optimist, pessimist], judge: [lead]}"_s << QString()
                                  << 11 << 69 << u"goal 'team': pattern.judge: expected a string, got a list"_s;
    QTest::newRow("min_successful not a number")
        << u"{kind: parallel, profiles: [lead], min_successful: all}"_s << QString() << 11 << 65
        << u"goal 'team': pattern.min_successful: expected an integer, got 'all'"_s;
    QTest::newRow("unknown mode")
        << u"{kind: supervisor, planner: lead, workers: [optimist], mode: random}"_s << QString() << 11 << 75
        << u"goal 'team': pattern.mode: unknown mode 'random' (expected selective, all or sequential)"_s;
    QTest::newRow("unknown format") << u"{kind: parallel, profiles: [lead], format: html}"_s << QString() << 11 << 57
                                    << u"goal 'team': pattern.format: unknown format 'html' (expected markdown "
                                       u"or xml)"_s;
    // TeamPattern::problems(), each at the key it is about (at the pattern when that key is missing)
    QTest::newRow("zero rounds") << u"{kind: debate, profiles: [optimist, pessimist], rounds: 0, judge: lead}"_s
                                 << QString() << 11 << 70 << u"goal 'team': pattern: rounds must be at least 1"_s;
    QTest::newRow("zero rounds, block") << u"\n      kind: debate\n      profiles: [optimist, pessimist]\n"
                                           u"      rounds: 0\n      judge: lead"_s
                                        << QString() << 14 << 15
                                        << u"goal 'team': pattern: rounds must be at least 1"_s;
    QTest::newRow("no judge") << u"{kind: debate, profiles: [optimist, pessimist]}"_s << QString() << 11 << 14
                              << u"goal 'team': pattern: a debate needs a 'judge'"_s;
    QTest::newRow("one debater") << u"{kind: debate, profiles: [optimist], judge: lead}"_s << QString() << 11 << 39
                                 << u"goal 'team': pattern: a debate needs at least two profiles in 'profiles'"_s;
    QTest::newRow("no profiles") << u"{kind: parallel}"_s << QString() << 11 << 14
                                 << u"goal 'team': pattern: a parallel team needs at least one profile in "
                                    u"'profiles'"_s;
    QTest::newRow("min_successful over the profiles")
        << u"{kind: parallel, profiles: [lead, optimist], min_successful: 3}"_s << QString() << 11 << 75
        << u"goal 'team': pattern: min_successful must be between 1 and the number of profiles (2)"_s;
    QTest::newRow("min_successful zero, debate")
        << u"{kind: debate, profiles: [optimist, pessimist], judge: lead, min_successful: 0}"_s << QString() << 11 << 91
        << u"goal 'team': pattern: min_successful must be between 1 and the number of profiles (2)"_s;
    QTest::newRow("min_successful zero, supervisor")
        << u"{kind: supervisor, planner: lead, workers: [optimist], min_successful: 0}"_s << QString() << 11 << 85
        << u"goal 'team': pattern: min_successful must be at least 1"_s;
    QTest::newRow("no planner") << u"{kind: supervisor, workers: [optimist]}"_s << QString() << 11 << 14
                                << u"goal 'team': pattern: a supervisor team needs a 'planner'"_s;
    QTest::newRow("no workers") << u"{kind: supervisor, planner: lead, workers: []}"_s << QString() << 11 << 57
                                << u"goal 'team': pattern: a supervisor team needs at least one profile in "
                                   u"'workers'"_s;
    QTest::newRow("zero workers per step")
        << u"{kind: supervisor, planner: lead, workers: [optimist], max_workers_per_step: 0}"_s << QString() << 11 << 91
        << u"goal 'team': pattern: max_workers_per_step must be at least 1"_s;
    QTest::newRow("zero iterations") << u"{kind: supervisor, planner: lead, workers: [optimist], max_iterations: 0}"_s
                                     << QString() << 11 << 85
                                     << u"goal 'team': pattern: max_iterations must be at least 1"_s;
    // Profiles, at the list item or name that is not known
    QTest::newRow("unknown profile") << u"{kind: parallel, profiles: [lead, critic]}"_s << QString() << 11 << 48
                                     << u"goal 'team': pattern.profiles: unknown profile 'critic' "_s + known;
    QTest::newRow("unknown participant, block")
        << u"\n      kind: debate\n      profiles:\n        - optimist\n        - skeptic\n      judge: lead"_s
        << QString() << 15 << 11 << u"goal 'team': pattern.profiles: unknown profile 'skeptic' "_s + known;
    QTest::newRow("unknown planner") << u"{kind: supervisor, planner: boss, workers: [optimist]}"_s << QString() << 11
                                     << 42 << u"goal 'team': pattern.planner: unknown profile 'boss' "_s + known;
    QTest::newRow("unknown worker") << u"{kind: supervisor, planner: lead, workers: [optimist, intern]}"_s << QString()
                                    << 11 << 68 << u"goal 'team': pattern.workers: unknown profile 'intern' "_s + known;
    QTest::newRow("unknown judge") << u"{kind: debate, profiles: [optimist, pessimist], judge: referee}"_s << QString()
                                   << 11 << 69 << u"goal 'team': pattern.judge: unknown profile 'referee' "_s + known;
    // Keys beside the pattern that a team cannot use
    const QString parallel = u"{kind: parallel, profiles: [lead, optimist]}"_s;
    QTest::newRow("team with a profile") << parallel << u"    profile: lead\n"_s << 12 << 5
                                         << u"goal 'team': profile: a team goal runs no agent of its own; its "
                                            u"members run on the profiles its pattern names"_s;
    QTest::newRow("team with capabilities") << parallel << u"    capabilities: [write]\n"_s << 12 << 5
                                            << u"goal 'team': capabilities: a team goal runs no agent of its own; "
                                               u"its members run on the profiles its pattern names"_s;
    QTest::newRow("team following up") << parallel << u"    follow_up_of: topic\n"_s << 12 << 5
                                       << u"goal 'team': follow_up_of: a team goal runs no agent of its own; it has "
                                          u"no agent session to continue"_s;
    QTest::newRow("following up a team")
        << parallel << u"  - id: again\n    follow_up_of: team\n"_s << 13 << 19
        << u"goal 'again': follow_up_of: 'team' is a team goal, which has no agent session to continue"_s;
    QTest::newRow("when naming no dependency") << parallel << u"    when: {goal: lead, succeeded: true}\n"_s << 12 << 18
                                               << u"when names goal 'lead', which is not a dependency of 'team'"_s;
}

void TestTeamPlan::patternErrors()
{
    QFETCH(QString, pattern);
    QFETCH(QString, extra);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);

    ConfigError error;
    const std::optional<Plan> plan = PlanLoader::loadString(teamPlan(pattern, extra), u"team.yaml"_s, Config{}, &error);
    QVERIFY(!plan);
    QCOMPARE(error.message, message);
    QCOMPARE(error.file, u"team.yaml"_s);
    QCOMPARE(error.line, line);
    QCOMPARE(error.column, column);
    QVERIFY2(error.toString().startsWith(u"team.yaml:%1:%2: "_s.arg(line).arg(column)), qPrintable(error.toString()));
}

void TestTeamPlan::roundTrip()
{
    // Every key with a value other than its default, and a plan at the defaults: both must come back equal.
    const QByteArray yaml = "name: teams\n"
                            "agents:\n"
                            "  definitions:\n"
                            "    - {name: lead, backend: demo}\n"
                            "    - {name: researcher, backend: demo}\n"
                            "    - {name: writer, backend: demo}\n"
                            "goals:\n"
                            "  - id: views\n"
                            "    title: Analyse AI trends\n"
                            "    pattern: {kind: parallel, profiles: [researcher, writer], min_successful: 1, "
                            "format: xml}\n"
                            "  - id: views-default\n"
                            "    pattern: {kind: parallel, profiles: [researcher]}\n"
                            "  - id: post\n"
                            "    depends_on: [views]\n"
                            "    pattern: {kind: supervisor, planner: lead, workers: [researcher, writer], mode: all, "
                            "max_workers_per_step: 1, max_iterations: 5, min_successful: 2, format: md}\n"
                            "  - id: post-default\n"
                            "    pattern: {kind: supervisor, planner: lead, workers: [writer]}\n"
                            "  - id: hiring\n"
                            "    pattern: {kind: debate, profiles: [researcher, writer], rounds: 1, judge: writer, "
                            "min_successful: 2, format: xml}\n"
                            "  - id: hiring-default\n"
                            "    pattern: {kind: debate, profiles: [researcher, writer], judge: lead}\n"
                            "  - id: deploy\n"
                            "    depends_on: [post]\n"
                            "    profile: writer\n"
                            "    when: {goal: post, result_contains: APPROVED}\n";
    ConfigError error;
    const std::optional<Plan> first = PlanLoader::loadString(yaml, u"teams.yaml"_s, Config{}, &error);
    QVERIFY2(first, qPrintable(error.toString()));

    const QByteArray written = PlanWriter::toYaml(first->name, first->description, first->goals);
    QVERIFY2(written.contains("pattern:"), written.constData());
    // The writer leaves out no profiles; the profiles come from the config the plan is loaded over.
    const std::optional<Plan> second = PlanLoader::loadString(written, u"written.yaml"_s, first->config, &error);
    QVERIFY2(second, qPrintable(error.toString() + u"\n"_s + QString::fromUtf8(written)));
    QCOMPARE(second->warnings.size(), 0);
    QCOMPARE(second->goals.size(), first->goals.size());
    for (qsizetype i = 0; i < first->goals.size(); ++i) {
        const Goal &a = first->goals.at(i);
        const Goal &b = second->goals.at(i);
        QCOMPARE(b.id, a.id);
        QCOMPARE(b.title, a.title);
        QCOMPARE(b.dependsOn, a.dependsOn);
        QCOMPARE(b.profile, a.profile);
        QCOMPARE(b.when, a.when);
        QVERIFY2(b.team == a.team, qPrintable(a.id));
    }
    QVERIFY(second->goals.at(0).team);
    QCOMPARE(second->goals.at(2).team->mode, SupervisorMode::All);
    QCOMPARE(second->goals.at(4).team->rounds, 1);
    // And writing the reloaded plan gives the same file.
    QCOMPARE(PlanWriter::toYaml(second->name, second->description, second->goals), written);
}

void TestTeamPlan::validatorChecksTeams()
{
    Scheduler scheduler;
    scheduler.setProfiles(demoProfiles());

    TeamPattern parallel;
    parallel.kind = TeamKind::Parallel;
    parallel.profiles = QStringList{u"lead"_s, u"ghost"_s};
    Goal views = teamGoal(u"views"_s, parallel);
    TeamPattern supervisor;
    supervisor.kind = TeamKind::Supervisor;
    supervisor.planner = u"boss"_s;
    supervisor.workers = QStringList{u"optimist"_s, u"intern"_s};
    Goal post = teamGoal(u"post"_s, supervisor);
    Goal hiring = teamGoal(u"hiring"_s, debate({u"optimist"_s, u"pessimist"_s}, 0, u"referee"_s));
    Goal withProfile = teamGoal(u"solo"_s, debate({u"optimist"_s, u"pessimist"_s}, 2, u"lead"_s));
    withProfile.profile = u"lead"_s;
    withProfile.capabilities = QStringList{u"write"_s};
    Goal both = memberGoal(u"both"_s, u"views"_s);
    both.team = parallel;
    both.team->profiles = QStringList{u"lead"_s};
    both.profile.clear(); // else it is also a team with a profile
    const QString known = u"(known: lead, optimist, pessimist)"_s;
    QCOMPARE(scheduler.validate({views, post, hiring, withProfile, both}),
             (QStringList{
                 u"goal 'views': pattern.profiles: unknown profile 'ghost' "_s + known,
                 u"goal 'post': pattern.planner: unknown profile 'boss' "_s + known,
                 u"goal 'post': pattern.workers: unknown profile 'intern' "_s + known,
                 u"goal 'hiring': pattern: rounds must be at least 1"_s,
                 u"goal 'hiring': pattern.judge: unknown profile 'referee' "_s + known,
                 u"goal 'solo': profile: a team goal runs no agent of its own; its members run on the profiles its "
                 u"pattern names"_s,
                 u"goal 'solo': capabilities: a team goal runs no agent of its own; its members run on the profiles "
                 u"its pattern names"_s,
                 u"goal 'both': member: a goal is either a team (it has a pattern) or a member of one, not both"_s,
             }));

    // Problems carry their goal and field, so a form can mark the field.
    const QList<GoalProblem> problems = GoalBatchValidator::problems({views}, {}, demoProfiles());
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().goalId, u"views"_s);
    QCOMPARE(problems.first().field, u"pattern"_s);

    // Members of teams that are not there, or of a goal that is no team.
    Goal topic;
    topic.id = u"topic"_s;
    topic.title = u"Topic"_s;
    QCOMPARE(
        scheduler.validate(
            {topic, memberGoal(u"m1"_s, u"ghost"_s), memberGoal(u"m2"_s, u"topic"_s), memberGoal(u"m3"_s, QString())}),
        (QStringList{u"goal 'm1': member: team 'ghost' is not known"_s,
                     u"goal 'm2': member: 'topic' is not a team goal"_s, u"goal 'm3': member: no team is named"_s}));
    // With no profiles at all, say that once.
    QCOMPARE(GoalBatchValidator::validate({teamGoal(u"lonely"_s, debate({u"a"_s, u"b"_s}, 1, u"c"_s))}, {}, {}),
             QStringList{u"goal 'lonely': no agent profiles are configured"_s});
}

void TestTeamPlan::validatorAcceptsMembers()
{
    // A team and its member in one batch, and a member of a team added before (known by its id only).
    const Goal hiring = teamGoal(u"hiring"_s, debate({u"optimist"_s, u"pessimist"_s}, 2, u"optimist"_s));
    QCOMPARE(
        GoalBatchValidator::validate({hiring, memberGoal(u"hiring.r1.optimist"_s, u"hiring"_s)}, {}, demoProfiles()),
        QStringList());
    const QHash<QString, int> known{{u"hiring"_s, 0}};
    QCOMPARE(GoalBatchValidator::validate({memberGoal(u"hiring.judge"_s, u"hiring"_s)}, known, demoProfiles()),
             QStringList());
}

QTEST_GUILESS_MAIN(TestTeamPlan)
#include "tst_teamplan.moc"
