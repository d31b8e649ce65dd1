// Team patterns (issue 16) end to end through the real Orchestrator with process agents written by the test: a
// parallel team with a failing member and min_successful, a supervisor that re-plans, a three-round debate whose
// transcript order is checked, `when` on a team's result, cancel of a team, a team budget, cost summed over members,
// and a crash in the middle of a debate that resumes at the round it was in.
#include "model/Team.h"
#include "orchestration/Orchestrator.h"
#include "persistence/Store.h"
#include "support/GoalBuilder.h"
#include "support/TemporaryStore.h"
#include "support/TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace switchboard;

namespace {
// Every member runs this agent; what it does depends on its profile and its place in the team (the goal line's
// "member"). It journals its goal id, reports 0.25 USD of usage, and answers from what its description shows it.
// (Ordinary literals: moc does not read raw string literals.)
constexpr auto kAgent =
    "import json, os, sys, time\n"
    "goal = json.loads(sys.stdin.readline())\n"
    "gid = goal['id']\n"
    "member = goal.get('member') or {}\n"
    "role = member.get('role', '')\n"
    "prof = member.get('profile') or goal.get('profile', '')\n"
    "desc = goal.get('description', '')\n"
    "journal, gate = sys.argv[1], sys.argv[2]\n"
    "with open(journal, 'a') as f:\n"
    "    f.write(gid + '\\n')\n"
    "def out(o):\n"
    "    print(json.dumps(o), flush=True)\n"
    "out({'type': 'usage', 'input_tokens': 100, 'output_tokens': 10, 'cost_usd': 0.25})\n"
    "held = role == 'participant' and member.get('round') == 2 and os.path.exists(gate + '.hold')\n"
    "if prof == 'slow' or held:\n"
    "    out({'type': 'progress', 'progress': 10, 'step': 'waiting for the gate'})\n"
    "    while not os.path.exists(gate):\n"
    "        time.sleep(0.05)\n"
    "if prof == 'failer':\n"
    "    sys.stderr.write('failer broke\\n')\n"
    "    sys.exit(3)\n"
    "if role == 'planner' and member.get('synthesis'):\n"
    "    out({'type': 'result', 'summary': 'SYNTHESIS from %d results' % desc.count('Result: ')})\n"
    "elif role == 'planner' and member.get('round') == 1:\n"
    "    out({'type': 'delegate', 'worker': 'researcher', 'task': 'find sources'})\n"
    "    out({'type': 'delegate', 'worker': 'nobody', 'task': 'not a worker'})\n"
    "    out({'type': 'delegate', 'worker': 'writer', 'task': 'draft the post'})\n"
    "    out({'type': 'result', 'summary': 'plan: research and draft'})\n"
    "elif role == 'planner':\n"
    "    out({'type': 'delegate', 'worker': 'editor', 'task': 'edit after %d results' % desc.count('Result: ')})\n"
    "    out({'type': 'result', 'summary': 'plan: edit'})\n"
    "elif role == 'worker':\n"
    "    time.sleep(0.1)\n"
    "    with open(journal, 'a') as f:\n"
    "        f.write(gid + ' end\\n')\n"
    "    out({'type': 'result', 'summary': '%s did: %s' % (prof, member.get('task'))})\n"
    "elif prof == 'asker':\n"
    "    out({'type': 'escalate', 'id': 'q1', 'question': 'Which way?', 'options': ['left', 'right']})\n"
    "    for line in sys.stdin:\n"
    "        msg = json.loads(line)\n"
    "        if msg.get('type') == 'answer':\n"
    "            out({'type': 'result', 'summary': 'went ' + msg.get('option', '')})\n"
    "            break\n"
    "elif role == 'participant':\n"
    "    n = desc.count('### Round ')\n"
    "    out({'type': 'result', 'summary': '%s r%d saw %d' % (prof, member['round'], n)})\n"
    "elif role == 'judge':\n"
    "    out({'type': 'result', 'summary': 'judged %d statements\\nCONSENSUS: yes' % desc.count('### Round ')})\n"
    "elif prof == 'reader':\n"
    "    out({'type': 'result', 'summary': 'got: ' + goal['inputs']['views']['summary']})\n"
    "else:\n"
    "    out({'type': 'result', 'summary': '%s answer' % prof})\n";

const QStringList kProfiles{u"researcher"_s, u"writer"_s,     u"editor"_s, u"failer"_s, u"lead"_s, u"optimist"_s,
                            u"pessimist"_s,  u"pragmatist"_s, u"slow"_s,   u"reader"_s, u"asker"_s};

Goal team(const QString &id, const TeamPattern &pattern, const QStringList &dependsOn = {})
{
    Goal g = test::GoalBuilder(id).dependsOn(dependsOn);
    g.title = u"Team %1"_s.arg(id);
    g.description = u"What the team %1 works on"_s.arg(id);
    g.team = pattern;
    return g;
}

TeamPattern parallel(const QStringList &profiles, std::optional<int> minSuccessful = std::nullopt)
{
    TeamPattern p;
    p.kind = TeamKind::Parallel;
    p.profiles = profiles;
    p.minSuccessful = minSuccessful;
    return p;
}

TeamPattern debate(int rounds)
{
    TeamPattern p;
    p.kind = TeamKind::Debate;
    p.profiles = {u"optimist"_s, u"pessimist"_s, u"pragmatist"_s};
    p.rounds = rounds;
    p.judge = u"lead"_s;
    return p;
}

QJsonObject jsonOf(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}
} // namespace

class TestTeams final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void parallelWithFailingMember();
    void parallelFailsBelowMinimum();
    void supervisorReplans();
    void debateTranscriptOrder();
    void whenOnTeamResult();
    void cancelTeam();
    void teamBudgetStopsMembers();
    void crashAndResumeMidDebate();
    void runJsonNamesTeams();
    void supervisorModeAllOneAtATime();
    void supervisorSequentialSeesEarlierSteps();
    void oneMemberAsksOthersGoOn();
    void deadlineAppliesToMembers();

private:
    QList<AgentProfile> profiles() const;
    void setUp(Orchestrator &o) const;
    QStringList journal() const;
    AgentStatus statusOf(const Orchestrator &o, const QString &goalId) const;

    QTemporaryDir m_dir;
    QString m_script;
    QString m_journal;
    QString m_gate;
    int m_runs = 0;
};

void TestTeams::init()
{
    QVERIFY(m_dir.isValid());
    const int n = ++m_runs;
    m_journal = m_dir.filePath(u"journal-%1.txt"_s.arg(n));
    m_gate = m_dir.filePath(u"gate-%1"_s.arg(n));
    const QString agent = test::writeFile(m_dir.path(), u"agent-%1.py"_s.arg(n), kAgent);
    m_script = test::writeScript(m_dir.path(), u"agent-%1.sh"_s.arg(n),
                                 u"#!/bin/sh\nexec python3 '%1' '%2' '%3'\n"_s.arg(agent, m_journal, m_gate));
    QVERIFY(!m_script.isEmpty());
}

QList<AgentProfile> TestTeams::profiles() const
{
    QList<AgentProfile> list;
    for (const QString &name : kProfiles)
        list << test::processProfile(name, m_script);
    return list;
}

void TestTeams::setUp(Orchestrator &o) const
{
    o.setProfiles(profiles());
    o.setMaxParallel(4);
    o.setEscalateExhaustedRetries(false);
}

QStringList TestTeams::journal() const
{
    QFile file(m_journal);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
}

AgentStatus TestTeams::statusOf(const Orchestrator &o, const QString &goalId) const
{
    return o.status(o.agentForGoal(goalId)).value_or(AgentStatus{});
}

void TestTeams::parallelWithFailingMember()
{
    Orchestrator o;
    setUp(o);
    Goal reader = test::GoalBuilder(u"post"_s).dependsOn({u"views"_s}).profile(u"reader"_s);
    QString error;
    QCOMPARE(
        o.spawnParallel({team(u"views"_s, parallel({u"researcher"_s, u"writer"_s, u"failer"_s}, 2)), reader}, &error)
            .size(),
        2);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(o.waitAll(30000));

    const AgentStatus views = statusOf(o, u"views"_s);
    QCOMPARE(views.state, AgentState::Completed);
    QCOMPARE(views.teamKind, u"parallel"_s);
    QCOMPARE(o.teamMembers(u"views"_s), (QStringList{u"views.researcher"_s, u"views.writer"_s, u"views.failer"_s}));
    QCOMPARE(views.memberStates, (QList<AgentState>{AgentState::Completed, AgentState::Completed, AgentState::Failed}));
    // Every member is an ordinary agent on the board that knows its team.
    const AgentStatus failer = statusOf(o, u"views.failer"_s);
    QCOMPARE(failer.state, AgentState::Failed);
    QCOMPARE(failer.memberOf, u"views"_s);
    QCOMPARE(failer.memberLabel, u"member \u00b7 failer"_s);
    QCOMPARE(failer.profile, u"failer"_s);
    // The team's result: one text block, and the list in its output.
    QVERIFY2(views.summary.startsWith(u"## researcher\n\nresearcher answer\n\n## writer\n\nwriter answer"_s),
             qPrintable(views.summary));
    QVERIFY(views.summary.contains(u"## failer (no answer)\n\n_failed: "_s));
    const QJsonObject output = jsonOf(o.goalOutput(u"views"_s));
    QCOMPARE(output.value(u"pattern"_s).toString(), u"parallel"_s);
    QCOMPARE(output.value(u"failed"_s).toArray(), QJsonArray{u"views.failer"_s});
    QCOMPARE(output.value(u"text"_s).toString(), views.summary);
    const QJsonArray results = output.value(u"results"_s).toArray();
    QCOMPARE(results.size(), 3);
    QCOMPARE(results.at(1).toObject().value(u"summary"_s).toString(), u"writer answer"_s);
    QCOMPARE(results.at(2).toObject().value(u"state"_s).toString(), u"Failed"_s);
    const std::optional<Goal> postGoal = o.goal(u"post"_s);
    QVERIFY(postGoal);
    const AgentStatus post = statusOf(o, u"post"_s);
    QCOMPARE(post.state, AgentState::Completed);
    QCOMPARE(post.summary, u"got: "_s + views.summary); // the dependent got the block in its inputs
    // Cost sums over the members (three reported 0.25 each); the run counts each member once.
    QCOMPARE(views.costUsd, 0.75);
    QCOMPARE(views.inputTokens, 300);
    QCOMPARE(o.summary().costUsd, 1.0); // three members and the reader, not the team again
    QCOMPARE(o.summary().tolerated, 1); // the failed member its team could do without
    QVERIFY(o.summary().allCompleted());
}

void TestTeams::parallelFailsBelowMinimum()
{
    Orchestrator o;
    setUp(o);
    Goal after = test::GoalBuilder(u"after"_s).dependsOn({u"views"_s}).profile(u"reader"_s);
    QCOMPARE(o.spawnParallel({team(u"views"_s, parallel({u"researcher"_s, u"failer"_s})), after}).size(), 2);
    QVERIFY(o.waitAll(30000));
    const AgentStatus views = statusOf(o, u"views"_s);
    QCOMPARE(views.state, AgentState::Failed);
    QVERIFY2(views.error.startsWith(u"only 1 of 2 members succeeded (2 needed); failed: views.failer"_s),
             qPrintable(views.error));
    QCOMPARE(statusOf(o, u"after"_s).state, AgentState::Blocked);
    QCOMPARE(views.attempt, 1); // a team is never retried as a whole
}

void TestTeams::supervisorReplans()
{
    Orchestrator o;
    setUp(o);
    TeamPattern p;
    p.kind = TeamKind::Supervisor;
    p.planner = u"lead"_s;
    p.workers = {u"researcher"_s, u"writer"_s, u"editor"_s};
    p.maxIterations = 2;
    QCOMPARE(o.spawnParallel({team(u"post"_s, p)}).size(), 1);
    QVERIFY(o.waitAll(30000));

    const AgentStatus post = statusOf(o, u"post"_s);
    QCOMPARE(post.state, AgentState::Completed);
    QCOMPARE(post.teamKind, u"supervisor"_s);
    // Plan 1 delegated two steps (the third named no worker and was refused), plan 2 one more after seeing both
    // results, and the synthesis read all three.
    QCOMPARE(o.teamMembers(u"post"_s), (QStringList{u"post.plan1"_s, u"post.s1.1.researcher"_s, u"post.s1.2.writer"_s,
                                                    u"post.plan2"_s, u"post.s2.1.editor"_s, u"post.synthesis"_s}));
    QCOMPARE(statusOf(o, u"post.s2.1.editor"_s).summary, u"editor did: edit after 2 results"_s);
    QCOMPARE(post.summary, u"SYNTHESIS from 3 results"_s);
    QCOMPARE(statusOf(o, u"post.s1.2.writer"_s).memberLabel, u"step 1.2 \u00b7 writer"_s);
    QCOMPARE(statusOf(o, u"post.synthesis"_s).memberLabel, u"synthesis \u00b7 lead"_s);
    const std::optional<Goal> step = o.goal(u"post.s1.1.researcher"_s);
    QVERIFY(step && step->member);
    QCOMPARE(step->member->task, u"find sources"_s);
    QVERIFY(o.agentLog(o.agentForGoal(u"post.plan1"_s))
                .join(u'\n')
                .contains(u"delegation refused on line 3: 'nobody' is not one of this team's workers"_s));

    // What a dependent reads: the synthesis and the plan with every step.
    const QJsonObject output = jsonOf(o.goalOutput(u"post"_s));
    QCOMPARE(output.value(u"synthesis"_s).toString(), post.summary);
    const QJsonArray iterations = output.value(u"iterations"_s).toArray();
    QCOMPARE(iterations.size(), 2);
    const QJsonObject first = iterations.at(0).toObject();
    QCOMPARE(first.value(u"plan"_s).toString(), u"plan: research and draft"_s);
    const QJsonArray steps = first.value(u"steps"_s).toArray();
    QCOMPARE(steps.size(), 2);
    QCOMPARE(steps.at(1).toObject().value(u"worker"_s).toString(), u"writer"_s);
    QCOMPARE(steps.at(1).toObject().value(u"task"_s).toString(), u"draft the post"_s);
    QCOMPARE(steps.at(1).toObject().value(u"result"_s).toString(), u"writer did: draft the post"_s);
    QCOMPARE(post.costUsd, 1.5); // six members at 0.25
}

void TestTeams::debateTranscriptOrder()
{
    Orchestrator o;
    setUp(o);
    QCOMPARE(o.spawnParallel({team(u"hiring"_s, debate(3))}).size(), 1);
    QVERIFY(o.waitAll(30000));
    const AgentStatus hiring = statusOf(o, u"hiring"_s);
    QCOMPARE(hiring.state, AgentState::Completed);
    QCOMPARE(hiring.summary, u"judged 9 statements"_s); // the CONSENSUS line is read, not repeated
    QCOMPARE(hiring.memberStates.size(), 10);
    const QStringList order{u"optimist"_s, u"pessimist"_s, u"pragmatist"_s};
    for (int round = 1; round <= 3; ++round) {
        for (const QString &who : order) {
            const AgentStatus s = statusOf(o, u"hiring.r%1.%2"_s.arg(round).arg(who));
            // Each participant saw every statement of the rounds before it.
            QCOMPARE(s.summary, u"%1 r%2 saw %3"_s.arg(who).arg(round).arg(3 * (round - 1)));
            QCOMPARE(s.memberLabel, u"round %1 \u00b7 %2"_s.arg(round).arg(who));
        }
    }
    // A round starts only after the one before it ended.
    const QStringList ran = journal();
    for (int round = 2; round <= 3; ++round) {
        for (const QString &who : order) {
            for (const QString &earlier : order)
                QVERIFY(ran.indexOf(u"hiring.r%1.%2"_s.arg(round - 1).arg(earlier)) <
                        ran.indexOf(u"hiring.r%1.%2"_s.arg(round).arg(who)));
        }
    }
    QCOMPARE(ran.last(), u"hiring.judge"_s);
    const QJsonObject output = jsonOf(o.goalOutput(u"hiring"_s));
    QCOMPARE(output.value(u"consensus_reached"_s).toBool(), true);
    QCOMPARE(output.value(u"conclusion"_s).toString(), hiring.summary);
    const QJsonArray transcript = output.value(u"transcript"_s).toArray();
    QCOMPARE(transcript.size(), 9);
    for (int i = 0; i < 9; ++i) {
        const QJsonObject s = transcript.at(i).toObject();
        QCOMPARE(s.value(u"round"_s).toInt(), i / 3 + 1);
        QCOMPARE(s.value(u"profile"_s).toString(), order.at(i % 3));
    }
    // The judge's prompt held the transcript oldest first, in speaking order.
    const std::optional<Goal> judge = o.goal(u"hiring.judge"_s);
    QVERIFY(judge);
    qsizetype at = -1;
    for (int round = 1; round <= 3; ++round) {
        for (const QString &who : order) {
            const qsizetype next = judge->description.indexOf(u"### Round %1 \u2014 %2\n"_s.arg(round).arg(who));
            QVERIFY2(next > at, qPrintable(u"round %1 %2"_s.arg(round).arg(who)));
            at = next;
        }
    }
}

void TestTeams::whenOnTeamResult()
{
    Orchestrator o;
    setUp(o);
    TeamPattern p;
    p.kind = TeamKind::Supervisor;
    p.planner = u"lead"_s;
    p.workers = {u"researcher"_s, u"writer"_s, u"editor"_s};
    p.maxIterations = 1;
    GoalCondition synthesis;
    synthesis.goal = u"post"_s;
    synthesis.test = GoalCondition::Test::ResultContains;
    synthesis.text = u"SYNTHESIS"_s;
    GoalCondition approved = synthesis;
    approved.text = u"APPROVED"_s;
    Goal deploy = test::GoalBuilder(u"deploy"_s).dependsOn({u"post"_s}).profile(u"researcher"_s);
    deploy.when = synthesis;
    Goal publish = test::GoalBuilder(u"publish"_s).dependsOn({u"post"_s}).profile(u"researcher"_s);
    publish.when = approved;
    Goal announce = test::GoalBuilder(u"announce"_s).dependsOn({u"publish"_s}).profile(u"researcher"_s);
    QCOMPARE(o.spawnParallel({team(u"post"_s, p), deploy, publish, announce}).size(), 4);
    QVERIFY(o.waitAll(30000));
    QCOMPARE(statusOf(o, u"post"_s).summary, u"SYNTHESIS from 2 results"_s);
    QCOMPARE(statusOf(o, u"deploy"_s).state, AgentState::Completed);
    QCOMPARE(statusOf(o, u"publish"_s).state, AgentState::Skipped);
    QCOMPARE(statusOf(o, u"announce"_s).state, AgentState::Skipped);
    QVERIFY(!journal().contains(u"publish"_s));
    QVERIFY(!journal().contains(u"announce"_s));
}

void TestTeams::cancelTeam()
{
    Orchestrator o;
    setUp(o);
    QCOMPARE(o.spawnParallel({team(u"t"_s, parallel({u"slow"_s, u"slow"_s, u"researcher"_s}))}).size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(o, u"t.slow-2"_s).progress, 10, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(o, u"t.slow"_s).progress, 10, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(o, u"t.researcher"_s).state, AgentState::Completed, 15000);
    const QString teamAgent = o.agentForGoal(u"t"_s);
    QCOMPARE(statusOf(o, u"t"_s).state, AgentState::Running);
    QVERIFY(o.cancel(teamAgent));
    QVERIFY(o.waitAll(15000));
    QCOMPARE(statusOf(o, u"t"_s).state, AgentState::Cancelled);
    QCOMPARE(statusOf(o, u"t.slow"_s).state, AgentState::Cancelled);
    QCOMPARE(statusOf(o, u"t.slow-2"_s).state, AgentState::Cancelled);
    QCOMPARE(statusOf(o, u"t.researcher"_s).state, AgentState::Completed); // it had ended before
    QVERIFY(!QFile::exists(m_gate));
}

void TestTeams::teamBudgetStopsMembers()
{
    Orchestrator o;
    setUp(o);
    Goal g = team(u"t"_s, parallel({u"slow"_s, u"slow"_s}));
    g.budget.maxCostUsd = 0.4; // each member reports 0.25 at once: together they cross it
    QCOMPARE(o.spawnParallel({g}).size(), 1);
    QVERIFY(o.waitAll(15000));
    const AgentStatus t = statusOf(o, u"t"_s);
    QCOMPARE(t.state, AgentState::Failed);
    QVERIFY2(t.error.startsWith(u"team budget exceeded"_s), qPrintable(t.error));
    QCOMPARE(t.errorKind, u"budget"_s);
    QCOMPARE(statusOf(o, u"t.slow"_s).state, AgentState::Failed);
    QCOMPARE(statusOf(o, u"t.slow-2"_s).state, AgentState::Failed);
    QCOMPARE(statusOf(o, u"t.slow"_s).errorKind, u"budget"_s);
}

void TestTeams::crashAndResumeMidDebate()
{
    const QString db = m_dir.filePath(u"debate.db"_s);
    const QString crashed = m_dir.filePath(u"crashed.db"_s);
    QVERIFY(!test::writeFile(m_dir.path(), QFileInfo(m_gate).fileName() + u".hold"_s, "hold").isEmpty());
    {
        Store store;
        QString error;
        QVERIFY2(store.open(db, &error), qPrintable(error));
        auto o = std::make_unique<Orchestrator>();
        o->setStore(&store);
        setUp(*o);
        QCOMPARE(o->spawnParallel({team(u"hiring"_s, debate(3))}).size(), 1);
        // Round 2 has started and holds: round 1's statements are in.
        for (const QString &who : {u"optimist"_s, u"pessimist"_s, u"pragmatist"_s})
            QTRY_COMPARE_WITH_TIMEOUT(statusOf(*o, u"hiring.r2."_s + who).progress, 10, 20000);
        QCOMPARE(statusOf(*o, u"hiring"_s).currentStep, u"round 2 of 3"_s);
        QVERIFY(store.flush());
        QVERIFY(test::copyDatabaseImage(db, crashed));
        o.reset();
    }
    QVERIFY(!test::writeFile(m_dir.path(), QFileInfo(m_gate).fileName(), "open").isEmpty());

    Store store;
    QString error;
    QVERIFY2(store.open(crashed, &error), qPrintable(error));
    Orchestrator o;
    o.setStore(&store);
    setUp(o);
    QVERIFY2(o.restore(store.load(store.runs().constLast().id), true, &error), qPrintable(error));
    QCOMPARE(statusOf(o, u"hiring.r1.optimist"_s).state, AgentState::Completed);
    QCOMPARE(statusOf(o, u"hiring"_s).teamKind, u"debate"_s);
    QVERIFY(o.waitAll(30000));

    const AgentStatus hiring = statusOf(o, u"hiring"_s);
    QCOMPARE(hiring.state, AgentState::Completed);
    QCOMPARE(hiring.summary, u"judged 9 statements"_s);
    const QStringList ran = journal();
    for (const QString &who : {u"optimist"_s, u"pessimist"_s, u"pragmatist"_s}) {
        QCOMPARE(ran.count(u"hiring.r1."_s + who), 1); // kept, not run again
        QCOMPARE(ran.count(u"hiring.r2."_s + who), 2); // interrupted, then run again
        QCOMPARE(ran.count(u"hiring.r3."_s + who), 1);
        QCOMPARE(statusOf(o, u"hiring.r2."_s + who).summary, u"%1 r2 saw 3"_s.arg(who));
        QCOMPARE(statusOf(o, u"hiring.r3."_s + who).summary, u"%1 r3 saw 6"_s.arg(who));
    }
    QCOMPARE(ran.count(u"hiring.judge"_s), 1);
    QCOMPARE(o.teamMembers(u"hiring"_s).size(), 10);
}

void TestTeams::runJsonNamesTeams()
{
    // A plan with a parallel team and a debate, run headless: member events name their team, team events their
    // pattern, and the summary counts every member once.
    QString profilesYaml;
    for (const QString &name : kProfiles)
        profilesYaml += u"    - {name: %1, backend: process, command: [sh, \"%2\"], retry: {max_retries: 0}}\n"_s.arg(
            name, m_script);
    const QString plan = test::writeFile(m_dir.path(), u"teams.yaml"_s,
                                         (u"name: teams\n"
                                          "agents:\n"
                                          "  definitions:\n"_s +
                                          profilesYaml +
                                          u"goals:\n"
                                          "  - id: views\n"
                                          "    pattern: {kind: parallel, profiles: [researcher, failer], "
                                          "min_successful: 1}\n"
                                          "  - id: hiring\n"
                                          "    depends_on: [views]\n"
                                          "    pattern: {kind: debate, profiles: [optimist, pessimist], rounds: 2, "
                                          "judge: lead}\n"_s)
                                             .toUtf8());
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"data"_s));
    process.setProcessEnvironment(env);
    process.start(test::switchboardBinary(), {u"run"_s, plan, u"--json"_s});
    QVERIFY(process.waitForFinished(60000));
    const QByteArray out = process.readAllStandardOutput();
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData()); // the failed member was tolerated
    QHash<QString, QString> memberOf;
    QHash<QString, QString> pattern;
    QJsonObject summary;
    for (const QByteArray &line : out.split('\n')) {
        const QJsonObject e = QJsonDocument::fromJson(line).object();
        if (e.value(u"event"_s).toString() == u"summary")
            summary = e;
        if (e.value(u"event"_s).toString() != u"completed" && e.value(u"event"_s).toString() != u"failed")
            continue;
        const QString goal = e.value(u"goal"_s).toString();
        if (e.contains(u"member_of"_s))
            memberOf.insert(goal, e.value(u"member_of"_s).toString());
        if (e.contains(u"pattern"_s))
            pattern.insert(goal, e.value(u"pattern"_s).toString());
    }
    QCOMPARE(pattern, (QHash<QString, QString>{{u"views"_s, u"parallel"_s}, {u"hiring"_s, u"debate"_s}}));
    QCOMPARE(memberOf.size(), 7); // 2 members, 2 x 2 statements and the judge
    QCOMPARE(memberOf.value(u"views.failer"_s), u"views"_s);
    QCOMPARE(memberOf.value(u"hiring.r2.pessimist"_s), u"hiring"_s);
    QCOMPARE(memberOf.value(u"hiring.judge"_s), u"hiring"_s);
    QCOMPARE(summary.value(u"completed"_s).toInt(), 8);
    QCOMPARE(summary.value(u"failed"_s).toInt(), 1);
    QCOMPARE(summary.value(u"tolerated"_s).toInt(), 1);
    QCOMPARE(summary.value(u"cost_usd"_s).toDouble(), 1.75); // seven members at 0.25, the teams add nothing
}

void TestTeams::supervisorModeAllOneAtATime()
{
    Orchestrator o;
    setUp(o);
    TeamPattern p;
    p.kind = TeamKind::Supervisor;
    p.planner = u"lead"_s;
    p.workers = {u"researcher"_s, u"writer"_s};
    p.mode = SupervisorMode::All;
    p.maxWorkersPerStep = 1;
    p.maxIterations = 1;
    QVERIFY(!o.spawn(team(u"post"_s, p)).isEmpty());
    QVERIFY(o.waitAll(30000));
    // Two delegated steps, each to both workers; one at a time: each starts after the one before ended.
    const QStringList steps{u"post.s1.1.researcher"_s, u"post.s1.2.writer"_s, u"post.s1.3.researcher"_s,
                            u"post.s1.4.writer"_s};
    QCOMPARE(o.teamMembers(u"post"_s), QStringList{u"post.plan1"_s} + steps + QStringList{u"post.synthesis"_s});
    QStringList workerLines;
    for (const QString &line : journal()) {
        if (line.startsWith(u"post.s1."_s))
            workerLines << line;
    }
    QCOMPARE(workerLines, (QStringList{steps.at(0), steps.at(0) + u" end"_s, steps.at(1), steps.at(1) + u" end"_s,
                                       steps.at(2), steps.at(2) + u" end"_s, steps.at(3), steps.at(3) + u" end"_s}));
    QCOMPARE(statusOf(o, u"post.s1.2.writer"_s).summary, u"writer did: find sources"_s);
    QCOMPARE(statusOf(o, u"post"_s).summary, u"SYNTHESIS from 4 results"_s);
}

void TestTeams::supervisorSequentialSeesEarlierSteps()
{
    Orchestrator o;
    setUp(o);
    TeamPattern p;
    p.kind = TeamKind::Supervisor;
    p.planner = u"lead"_s;
    p.workers = {u"researcher"_s, u"writer"_s};
    p.mode = SupervisorMode::Sequential;
    p.maxIterations = 1;
    QVERIFY(!o.spawn(team(u"post"_s, p)).isEmpty());
    QVERIFY(o.waitAll(30000));
    QCOMPARE(statusOf(o, u"post"_s).state, AgentState::Completed);
    const std::optional<Goal> second = o.goal(u"post.s1.2.writer"_s);
    QVERIFY(second);
    QVERIFY2(second->description.contains(u"Results of the steps before yours:\n\n### Step 1.1 \u2014 researcher\n"
                                          u"Task: find sources\nResult: researcher did: find sources"_s),
             qPrintable(second->description));
    const QStringList ran = journal();
    QVERIFY(ran.indexOf(u"post.s1.1.researcher end"_s) < ran.indexOf(u"post.s1.2.writer"_s));
}

void TestTeams::oneMemberAsksOthersGoOn()
{
    Orchestrator o;
    setUp(o);
    QVERIFY(!o.spawn(team(u"t"_s, parallel({u"asker"_s, u"researcher"_s, u"writer"_s}))).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(o.inbox().open().size(), 1, 15000);
    // The others finish while one member waits for the human; the team waits for it.
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(o, u"t.writer"_s).state, AgentState::Completed, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(o, u"t.researcher"_s).state, AgentState::Completed, 15000);
    // The question is in the inbox before the asker reports that it waits: its state follows once the
    // orchestrator has handled that report (the others may have finished before it, leaving nothing to wait for).
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(o, u"t.asker"_s).state, AgentState::Escalated, 15000);
    QCOMPARE(statusOf(o, u"t"_s).state, AgentState::Running);
    QVERIFY(o.answer(o.inbox().open().first().id, u"left"_s, {}));
    QVERIFY(o.waitAll(15000));
    QCOMPARE(statusOf(o, u"t"_s).state, AgentState::Completed);
    QCOMPARE(statusOf(o, u"t.asker"_s).summary, u"went left"_s);
}

void TestTeams::deadlineAppliesToMembers()
{
    Orchestrator o;
    setUp(o);
    Goal g = team(u"t"_s, parallel({u"slow"_s, u"researcher"_s}));
    g.deadline = QDateTime::currentDateTimeUtc().addMSecs(1500);
    QVERIFY(!o.spawn(g).isEmpty());
    QVERIFY(o.waitAll(20000));
    const AgentStatus slow = statusOf(o, u"t.slow"_s);
    QCOMPARE(slow.state, AgentState::Failed);
    QCOMPARE(slow.errorKind, u"deadline"_s);
    QCOMPARE(statusOf(o, u"t.researcher"_s).state, AgentState::Completed);
    QCOMPARE(statusOf(o, u"t"_s).state, AgentState::Failed);
}

QTEST_GUILESS_MAIN(TestTeams)
#include "tst_teams.moc"
