// Durability end to end: the orchestrator records before it reports, a board comes back after a crash, and
// the CLI survives kill -9 at random moments (fault injection) with nothing lost and nothing done twice.
#include "model/AgentProfile.h"
#include "orchestration/Orchestrator.h"
#include "persistence/ReportWriter.h"
#include "persistence/Store.h"
#include "support/GoalBuilder.h"
#include "support/ProfileBuilder.h"
#include "support/TemporaryStore.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <functional>
#include <sys/types.h>

using namespace Qt::StringLiterals;
using namespace switchboard;

namespace {
struct Life
{
    QList<QJsonObject> events;
    bool killed = false;
    int exitCode = -1;
    QByteArray err;
};

// What a read-only look at the database says.
struct DbState
{
    QSet<QString> completedGoals;
    QSet<QString> answeredQuestions;
    QHash<QString, QString> goalStates;
    int goals = 0;
};
} // namespace

class TestRecovery final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void spawnedOnlyWhenDurable();
    void slotFreedBeforeFinalIsDurable();
    void autoResumeRunsInterruptedFirst();
    void restoreAfterSimulatedCrash();
    void faultInjection();
    void secondInstanceRefused();
    void statusAndReport();
    void resumeUsesStoredSettings();
    void diskFullPausesDispatch();
    void crashSpendsNoRetry();
    void retryJitterDiffersBetweenProcesses();

private:
    QProcessEnvironment environment() const;
    Life runCli(const QStringList &args, int killAfterMs, bool answer = true);
    // Runs the CLI until an event satisfies killWhen, then kills it with SIGKILL (lets it finish otherwise, up
    // to 60 s). Questions are not answered.
    Life runCliUntil(const QStringList &args, const std::function<bool(const QJsonObject &)> &killWhen);
    AgentProfile profile(const QString &name, const QString &body) const;
    static DbState readDb(const QString &path);

    QTemporaryDir m_home;
    mutable int m_processes = 0;
};

void TestRecovery::initTestCase()
{
    QVERIFY(m_home.isValid());
    QVERIFY2(QFile::exists(test::switchboardBinary()), qPrintable(test::switchboardBinary()));
    // The in-process parts use the default data location too: keep it private.
    qputenv("XDG_DATA_HOME", m_home.filePath(u"data-inproc"_s).toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(u"config"_s).toUtf8());
}

QProcessEnvironment TestRecovery::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data-%1"_s.arg(++m_processes)));
    return env;
}

AgentProfile TestRecovery::profile(const QString &name, const QString &body) const
{
    const QString script = test::writeScript(m_home.path(), name + u".sh"_s, u"#!/bin/sh\nread -r goal\n"_s + body);
    return test::ProfileBuilder(name, u"process"_s).command({u"sh"_s, script}).setting(u"kill_grace_ms"_s, 300);
}

// Runs the CLI; answers every escalation event with option B (when answer); kills it with SIGKILL after
// killAfterMs (< 0: lets it finish, up to 60 s).
Life TestRecovery::runCli(const QStringList &args, int killAfterMs, bool answer)
{
    Life life;
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(test::switchboardBinary(), args);
    if (!process.waitForStarted())
        return life;
    QElapsedTimer clock;
    clock.start();
    const qint64 limit = killAfterMs >= 0 ? killAfterMs : 60000;
    QByteArray buffer;
    const auto readEvents = [&] {
        buffer += process.readAllStandardOutput();
        qsizetype newline = 0;
        while ((newline = buffer.indexOf('\n')) >= 0) {
            const QByteArray line = buffer.left(newline).trimmed();
            buffer.remove(0, newline + 1);
            const QJsonObject event = QJsonDocument::fromJson(line).object();
            if (event.isEmpty())
                continue;
            life.events << event;
            if (answer && event.value(u"event"_s).toString() == u"escalation" && process.state() == QProcess::Running) {
                process.write(
                    QJsonDocument(
                        QJsonObject{{u"type"_s, u"answer"_s}, {u"id"_s, event.value(u"id"_s)}, {u"option"_s, u"B"_s}})
                        .toJson(QJsonDocument::Compact) +
                    '\n');
            }
        }
    };
    while (process.state() != QProcess::NotRunning) {
        const qint64 left = limit - clock.elapsed();
        if (left <= 0) {
            if (killAfterMs >= 0) {
                ::kill(static_cast<pid_t>(process.processId()), SIGKILL);
                life.killed = true;
            } else {
                process.kill();
            }
            process.waitForFinished(5000);
            break;
        }
        process.waitForReadyRead(static_cast<int>(qMin<qint64>(left, 50)));
        readEvents();
    }
    process.waitForFinished(5000);
    readEvents();
    life.err = process.readAllStandardError();
    if (!life.killed && process.exitStatus() == QProcess::NormalExit)
        life.exitCode = process.exitCode();
    return life;
}

DbState TestRecovery::readDb(const QString &path)
{
    DbState state;
    if (!QFile::exists(path))
        return state;
    Store store;
    if (!store.openReadOnly(path))
        return state;
    const QList<RunRecord> runs = store.runs();
    if (runs.isEmpty())
        return state;
    const StoreSnapshot snapshot = store.load(runs.constLast().id);
    QHash<QString, AgentState> agentStates;
    for (const AgentStatus &a : snapshot.agents)
        agentStates.insert(a.agentId, a.state);
    for (const GoalRecord &g : snapshot.goals) {
        ++state.goals;
        const AgentState s = agentStates.value(g.agentId, AgentState::Queued);
        state.goalStates.insert(g.goal.id, agentStateToString(s));
        if (s == AgentState::Completed)
            state.completedGoals.insert(g.goal.id);
    }
    for (const Escalation &e : snapshot.escalations) {
        if (e.state == Escalation::State::Answered)
            state.answeredQuestions.insert(e.question);
    }
    return state;
}

void TestRecovery::spawnedOnlyWhenDurable()
{
    const QString db = m_home.filePath(u"durable.db"_s);
    Store store;
    QString error;
    QVERIFY2(store.open(db, &error), qPrintable(error));
    Store reader; // a separate connection, as another process would see it
    Orchestrator o;
    o.setWorkspace(m_home.path());
    o.setProfiles({profile(u"quick"_s, u"echo '{\"type\":\"result\",\"summary\":\"ok\"}'\n"_s)});
    o.setStore(&store);
    o.setRunName(u"durable"_s);

    QStringList seenSpawned;
    QStringList seenCompleted;
    QList<bool> runOpenAtSpawn;
    connect(&o, &Orchestrator::agentSpawned, this, [&](const QString &agentId) {
        if (!reader.isOpen())
            QVERIFY(reader.openReadOnly(db));
        const StoreSnapshot s = reader.load(o.runId());
        runOpenAtSpawn << (!s.runs.isEmpty() && !s.runs.constLast().isFinished());
        for (const GoalRecord &g : s.goals) {
            if (g.agentId == agentId)
                seenSpawned << agentId;
        }
        // Nothing runs before it is recorded.
        QCOMPARE(o.status(agentId)->attempt, 0);
    });
    connect(&o, &Orchestrator::agentCompleted, this, [&](const QString &agentId) {
        const StoreSnapshot s = reader.load(o.runId());
        for (const AgentStatus &a : s.agents) {
            if (a.agentId == agentId && a.state == AgentState::Completed && a.summary == u"ok")
                seenCompleted << agentId;
        }
    });
    Goal a;
    a.id = u"a"_s;
    a.title = u"A"_s;
    a.profile = u"quick"_s;
    Goal b = a;
    b.id = u"b"_s;
    b.dependsOn = {u"a"_s};
    const QStringList ids = o.spawnParallel({a, b}, &error);
    QCOMPARE(ids.size(), 2);
    QVERIFY(seenSpawned.isEmpty()); // reported only once committed
    QVERIFY(o.waitAll(15000));
    QCOMPARE(seenSpawned, ids);
    QCOMPARE(seenCompleted, ids);
    QVERIFY(store.flush());
    const QList<RunRecord> runs = reader.runs();
    QCOMPARE(runs.size(), 1);
    QVERIFY(runs.first().isFinished());
    QCOMPARE(runs.first().name, u"durable"_s);

    // More work after the run finished (a GUI session spawning again): the run is open again while it runs, so
    // a crash now would bring the new goal back, and finished again at the end.
    Goal c = a;
    c.id = u"c"_s;
    const QString third = o.spawn(c, &error);
    QVERIFY2(!third.isEmpty(), qPrintable(error));
    QVERIFY(o.waitAll(15000));
    QCOMPARE(seenSpawned.size(), 3);
    QCOMPARE(runOpenAtSpawn, (QList<bool>{true, true, true}));
    QVERIFY(store.flush());
    QCOMPARE(reader.runs().size(), 1);
    QVERIFY(reader.runs().constFirst().isFinished());
    QCOMPARE(reader.load(o.runId()).goals.size(), 3);
}

// A finished agent gives its slot back at once, while its final state is still being written: the next goal
// starts. Its completion is reported, and its dependents start, only once that state is on disk. A sequential run
// keeps the slot until then, so one goal is over, durably, before the next begins.
void TestRecovery::slotFreedBeforeFinalIsDurable()
{
    for (const Scheduler::Mode mode : {Scheduler::Mode::Dependency, Scheduler::Mode::Sequential}) {
        const bool sequential = mode == Scheduler::Mode::Sequential;
        test::TemporaryStore temp(u"slots.db"_s);
        QVERIFY2(temp.isOpen(), qPrintable(temp.error()));
        Store &store = temp.store();
        QString error;
        Orchestrator o;
        o.setWorkspace(m_home.path());
        o.setProfiles({profile(u"quick"_s, u"echo '{\"type\":\"result\",\"summary\":\"ok\"}'\n"_s)});
        o.setMaxParallel(1);
        o.setMode(mode);
        o.setStore(&store);

        QStringList completed;
        connect(&o, &Orchestrator::agentCompleted, this, [&](const QString &agentId) { completed << agentId; });
        // Once the goals are on disk (agentSpawned comes after their commit), nothing more is written until
        // released: every final state waits.
        connect(&o, &Orchestrator::agentSpawned, this, [&store] { store.setWritesHeldForTesting(true); });
        Goal a;
        a.id = u"a"_s;
        a.title = u"A"_s;
        a.profile = u"quick"_s;
        Goal b = a;
        b.id = u"b"_s;
        Goal c = a;
        c.id = u"c"_s;
        c.dependsOn = {u"a"_s};
        const QStringList ids = o.spawnParallel({a, b, c}, &error);
        QCOMPARE(ids.size(), 3);
        QTRY_COMPARE_WITH_TIMEOUT(o.status(ids.at(0))->state, AgentState::Completed, 15000);
        if (sequential) {
            QTest::qWait(300); // a span: time enough for b to start, were it allowed to
            QCOMPARE(o.status(ids.at(1))->attempt, 0);
        } else {
            // a is done but not durable: b took its slot and finished too; c still waits for a.
            QTRY_COMPARE_WITH_TIMEOUT(o.status(ids.at(1))->state, AgentState::Completed, 15000);
            QCOMPARE(o.status(ids.at(2))->attempt, 0);
        }
        QVERIFY(completed.isEmpty()); // nothing reported before it is on disk
        store.setWritesHeldForTesting(false);
        QVERIFY(o.waitAll(15000));
        QCOMPARE(completed.size(), 3);
        QVERIFY(completed.indexOf(ids.at(0)) < completed.indexOf(ids.at(2)));
        QVERIFY(store.flush());
        const StoreSnapshot snapshot = store.load(o.runId());
        QCOMPARE(snapshot.agents.size(), 3);
        for (const AgentStatus &status : snapshot.agents)
            QCOMPARE(status.state, AgentState::Completed);
    }
}

// After a crash, the goals that were running come back first (in their old order), ahead of goals that never
// started, however many there are.
void TestRecovery::autoResumeRunsInterruptedFirst()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(u"live.db"_s);
    const QString crashed = dir.filePath(u"crashed.db"_s);
    const AgentProfile slow = test::ProfileBuilder::demo(u"worker"_s, 60000);
    QList<Goal> goals;
    for (const QString &id : {u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s})
        goals << test::GoalBuilder(id).title(id.toUpper()).profile(u"worker"_s);
    {
        Store store;
        QString error;
        QVERIFY2(store.open(db, &error), qPrintable(error));
        Orchestrator o;
        o.setStore(&store);
        o.setProfiles({slow});
        o.setMaxParallel(3);
        QCOMPARE(o.spawnParallel(goals).size(), 5);
        QTRY_COMPARE_WITH_TIMEOUT(o.progress().inProgress, 3, 10000); // a, b, c run; d, e wait
        QVERIFY(store.flush());
        QVERIFY(test::copyDatabaseImage(db, crashed));
        o.cancelAll();
        QVERIFY(o.waitAll(10000));
    }
    Store store;
    QString error;
    QVERIFY2(store.open(crashed, &error), qPrintable(error));
    Orchestrator o;
    o.setStore(&store);
    o.setProfiles({slow});
    o.setMaxParallel(2);
    StoreSnapshot snapshot = store.load(store.runs().constLast().id);
    for (AgentStatus &status : snapshot.agents) {
        if (status.state == AgentState::Running) {
            status.progress = 40; // how far each had got when it was interrupted
            status.currentStep = u"Implementing"_s;
        }
    }
    QVERIFY2(o.restore(snapshot, true, &error), qPrintable(error));
    for (const QString &goalId : {u"a"_s, u"b"_s}) {
        const std::optional<AgentStatus> s = o.status(o.agentForGoal(goalId));
        QVERIFY(s);
        QVERIFY2(s->state == AgentState::Running, qPrintable(goalId));
        QCOMPARE(s->attempt, 2);
    }
    {
        // Resumed but waiting for a slot: queued for a new attempt from the start, not at the old 40 %.
        const std::optional<AgentStatus> c = o.status(o.agentForGoal(u"c"_s));
        QVERIFY(c);
        QCOMPARE(c->state, AgentState::Queued);
        QCOMPARE(c->attempt, 1);
        QCOMPARE(c->progress, 0);
        QVERIFY(c->currentStep.isEmpty());
    }
    for (const QString &goalId : {u"d"_s, u"e"_s}) {
        const std::optional<AgentStatus> s = o.status(o.agentForGoal(goalId));
        QVERIFY(s);
        QCOMPARE(s->state, AgentState::Queued);
        QCOMPARE(s->attempt, 0);
    }
    o.cancelAll();
    QVERIFY(o.waitAll(10000));
}

void TestRecovery::restoreAfterSimulatedCrash()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(u"live.db"_s);
    const QString crashed = dir.filePath(u"crashed.db"_s);
    // Attempt 1 of "slow" asks a question, then hangs; a later attempt reports the answers it was given.
    const AgentProfile slow = profile(u"slow"_s, uR"SH(
if [ "$SWITCHBOARD_ATTEMPT" = 1 ]; then
  echo '{"type":"escalate","id":"q1","trigger":"clarification","question":"Which way?","options":["left","right"]}'
  read -r answer
  echo '{"type":"usage","input_tokens":10,"output_tokens":5,"cost_usd":0.5}'
  sleep 30
fi
printf '%s' "$goal" | grep -o '"answers":\[[^]]*\]' > answers-seen.txt
echo "{\"type\":\"result\",\"summary\":\"attempt $SWITCHBOARD_ATTEMPT\"}"
)SH"_s);
    const AgentProfile quick = profile(u"quick"_s, u"echo '{\"type\":\"result\",\"summary\":\"quick done\"}'\n"_s);
    Goal done;
    done.id = u"done"_s;
    done.title = u"Done before the crash"_s;
    done.profile = u"quick"_s;
    Goal running = done;
    running.id = u"running"_s;
    running.title = u"Running at the crash"_s;
    running.profile = u"slow"_s;
    Goal after = done;
    after.id = u"after"_s;
    after.title = u"Waits for running"_s;
    after.dependsOn = {u"running"_s, u"done"_s};
    {
        Store store;
        QString error;
        QVERIFY2(store.open(db, &error), qPrintable(error));
        auto o = std::make_unique<Orchestrator>();
        o->setWorkspace(dir.path());
        o->setProfiles({slow, quick});
        o->setStore(&store);
        connect(&o->inbox(), &EscalationInbox::escalationRaised, this, [&o](const Escalation &e) {
            if (e.isOpen())
                QVERIFY(o->answer(e.id, u"right"_s, u"go right"_s));
        });
        QCOMPARE(o->spawnParallel({done, running, after}).size(), 3);
        QTRY_VERIFY_WITH_TIMEOUT(o->status(o->agentForGoal(u"done"_s))->state == AgentState::Completed, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(o->status(o->agentForGoal(u"running"_s))->costUsd > 0.4, 10000);
        QVERIFY(store.flush());
        // The crash image: the database files as they are on disk right now.
        QVERIFY(test::copyDatabaseImage(db, crashed));
        o.reset();
    }

    Store store;
    QString error;
    QVERIFY2(store.open(crashed, &error), qPrintable(error));
    const StoreSnapshot snapshot = store.load(store.runs().constLast().id);
    QCOMPARE(snapshot.goals.size(), 3);
    Orchestrator o;
    o.setWorkspace(dir.path());
    o.setProfiles({slow, quick});
    o.setStore(&store);
    QVERIFY2(o.restore(snapshot, false, &error), qPrintable(error));
    const QString doneAgent = o.agentForGoal(u"done"_s);
    const QString runningAgent = o.agentForGoal(u"running"_s);
    QCOMPARE(o.status(doneAgent)->state, AgentState::Completed);
    QCOMPARE(o.status(doneAgent)->summary, u"quick done"_s);
    QCOMPARE(o.status(runningAgent)->state, AgentState::Interrupted);
    QCOMPARE(o.status(runningAgent)->attempt, 1);
    QCOMPARE(o.status(runningAgent)->costUsd, 0.5);
    QCOMPARE(o.status(o.agentForGoal(u"after"_s))->state, AgentState::Queued);
    // The interrupted agent waits for a click when automatic resume is off.
    QTest::qWait(300); // a span in which it must not be resumed
    QCOMPARE(o.status(runningAgent)->state, AgentState::Interrupted);
    // The answered question is remembered; numbering continues above the stored ids.
    QCOMPARE(o.inbox().history().size(), 1);
    QCOMPARE(o.inbox().history().first().answerOption, u"right"_s);
    Goal extra = done;
    extra.id = QString();
    extra.dependsOn.clear();
    const QString extraAgent = o.spawn(extra, &error);
    QVERIFY2(!extraAgent.isEmpty(), qPrintable(error));
    QCOMPARE(extraAgent, u"a-4"_s);

    QVERIFY(o.resumeInterrupted(runningAgent));
    QVERIFY(o.waitAll(15000));
    const AgentStatus resumed = *o.status(runningAgent);
    QCOMPARE(resumed.state, AgentState::Completed);
    QCOMPARE(resumed.attempt, 2);
    QCOMPARE(resumed.summary, u"attempt 2"_s);
    QCOMPARE(o.status(o.agentForGoal(u"after"_s))->state, AgentState::Completed);
    QCOMPARE(o.inbox().history().size(), 1); // never asked again
    QVERIFY(store.flush());
    const StoreSnapshot after2 = store.load(snapshot.runs.constLast().id);
    for (const AgentStatus &a : after2.agents) {
        QCOMPARE(a.state, AgentState::Completed);
        if (a.agentId == runningAgent)
            QCOMPARE(a.attempt, 2);
    }
    // The recorded answer reached the new attempt in its goal message.
    QFile seen(dir.filePath(u"answers-seen.txt"_s));
    QVERIFY(seen.open(QIODevice::ReadOnly));
    const QJsonObject answers = QJsonDocument::fromJson("{" + seen.readAll().trimmed() + "}").object();
    QCOMPARE(answers.value(u"answers"_s).toArray(),
             (QJsonArray{QJsonObject{
                 {u"question"_s, u"Which way?"_s}, {u"option"_s, u"right"_s}, {u"text"_s, u"go right"_s}}}));
}

void TestRecovery::faultInjection()
{
    const QString plan = test::dataPath(u"recovery/crash.yaml"_s);
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("fault injection seed %u", seed);
    QRandomGenerator random(seed);
    int kills = 0;
    int resumes = 0;
    int rounds = 0;
    int askedTotal = 0;
    int answersReused = 0;
    QElapsedTimer clock;
    clock.start();
    while (kills < 24 && clock.elapsed() < 70000) {
        ++rounds;
        QTemporaryDir round;
        QVERIFY(round.isValid());
        const QString db = round.filePath(u"state.db"_s);
        const QString workspace = round.filePath(u"ws"_s);
        QVERIFY(QDir().mkpath(workspace));
        const QString runsLog = QDir(workspace).filePath(u"runs.log"_s);
        bool started = false;
        bool done = false;
        int killsThisRound = 0;
        QHash<QString, int> asked; // question -> escalation events seen
        for (int life = 0; life < 40 && !done; ++life) {
            // What is durable before this process starts: completed goals must not run again, answered
            // questions must not be asked again.
            const DbState before = readDb(db);
            QFile log(runsLog);
            const qint64 logOffset = log.exists() ? log.size() : 0;
            const int killAfter = killsThisRound < 6 ? static_cast<int>(random.bounded(150, 1300)) : -1;
            QStringList args = started ? QStringList{u"resume"_s} : QStringList{u"run"_s, plan};
            args << u"--db"_s << db << u"--workspace"_s << workspace << u"--json"_s;
            const Life result = runCli(args, killAfter);
            if (started)
                ++resumes;
            // A run killed before it recorded anything starts over as a run.
            started = started || QFile::exists(db);
            if (result.killed) {
                ++kills;
                ++killsThisRound;
            } else {
                QVERIFY2(result.exitCode == 0, qPrintable(u"exit code %1, seed %2: %3"_s.arg(result.exitCode)
                                                              .arg(seed)
                                                              .arg(QString::fromUtf8(result.err.right(2000)))));
                done = true;
            }
            for (const QJsonObject &e : result.events) {
                if (e.value(u"event"_s).toString() != u"escalation")
                    continue;
                const QString question = e.value(u"question"_s).toString();
                ++asked[question];
                ++askedTotal;
                QVERIFY2(!before.answeredQuestions.contains(question),
                         qPrintable(u"answered question asked again: "_s + question));
            }
            if (log.open(QIODevice::ReadOnly)) {
                log.seek(logOffset);
                for (const QByteArray &line : log.readAll().split('\n')) {
                    const QString goal = QString::fromUtf8(line.split(' ').value(0));
                    QVERIFY2(goal.isEmpty() || !before.completedGoals.contains(goal),
                             qPrintable(u"completed goal ran again: "_s + QString::fromUtf8(line)));
                }
                log.close();
            }
        }
        QVERIFY2(done, "the run never finished");
        const DbState end = readDb(db);
        QCOMPARE(end.goals, 7);
        for (auto it = end.goalStates.cbegin(); it != end.goalStates.cend(); ++it)
            QVERIFY2(it.value() == u"Completed", qPrintable(it.key() + u": "_s + it.value()));
        QCOMPARE(end.answeredQuestions.size(), 3);
        QFile answers(QDir(workspace).filePath(u"answers.log"_s));
        if (answers.open(QIODevice::ReadOnly))
            answersReused += static_cast<int>(answers.readAll().count('\n'));
        Store store;
        QVERIFY(store.openReadOnly(db));
        QSqlQuery check(store.readConnection());
        QVERIFY(check.exec(u"PRAGMA integrity_check"_s));
        QVERIFY(check.next());
        QCOMPARE(check.value(0).toString(), u"ok"_s);
    }
    qInfo("fault injection: %d rounds, %d kills, %d resumes, %d questions asked, %d answers reused, %lld ms", rounds,
          kills, resumes, askedTotal, answersReused, static_cast<long long>(clock.elapsed()));
    QVERIFY2(kills >= 20, qPrintable(u"only %1 kills in time"_s.arg(kills)));
}

void TestRecovery::secondInstanceRefused()
{
    const QString db = m_home.filePath(u"owned.db"_s);
    Store owner;
    QString error;
    QVERIFY2(owner.open(db, &error), qPrintable(error));
    const Life second =
        runCli({u"run"_s, test::dataPath(u"recovery/small.yaml"_s), u"--db"_s, db, u"--json"_s}, -1, false);
    QCOMPARE(second.exitCode, 2);
    QVERIFY2(second.err.contains("in use by another Switchboard"), second.err.constData());
    const Life resume = runCli({u"resume"_s, u"--db"_s, db}, -1, false);
    QCOMPARE(resume.exitCode, 2);
    QVERIFY2(resume.err.contains("in use by another Switchboard"), resume.err.constData());
    // Reading works while the owner runs.
    const Life status = runCli({u"status"_s, u"--db"_s, db, u"--json"_s}, -1, false);
    QCOMPARE(status.exitCode, 0);
}

void TestRecovery::statusAndReport()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(u"small.db"_s);
    const Life run = runCli(
        {u"run"_s, test::dataPath(u"recovery/small.yaml"_s), u"--db"_s, db, u"--workspace"_s, dir.path(), u"--json"_s},
        -1);
    QCOMPARE(run.exitCode, 1); // one goal failed, one blocked

    QProcess status;
    status.setProcessEnvironment(environment());
    status.start(test::switchboardBinary(), {u"status"_s, u"--db"_s, db, u"--json"_s});
    QVERIFY(status.waitForFinished(10000));
    QCOMPARE(status.exitCode(), 0);
    const QJsonObject root = QJsonDocument::fromJson(status.readAllStandardOutput()).object();
    const QJsonArray goals = root.value(u"goals"_s).toArray();
    QCOMPARE(goals.size(), 4);
    QHash<QString, QJsonObject> byId;
    for (const QJsonValue &g : goals)
        byId.insert(g.toObject().value(u"id"_s).toString(), g.toObject());
    for (const QJsonObject &g : std::as_const(byId)) {
        for (const QString &key :
             {u"id"_s, u"title"_s, u"state"_s, u"attempts"_s, u"tokens"_s, u"cost_usd"_s, u"error"_s})
            QVERIFY2(g.contains(key), qPrintable(key));
    }
    QCOMPARE(byId[u"plain"_s].value(u"title"_s).toString(), u"Plain goal"_s);
    QCOMPARE(byId[u"plain"_s].value(u"state"_s).toString(), u"Completed"_s);
    QCOMPARE(byId[u"plain"_s].value(u"attempts"_s).toInt(), 1);
    QCOMPARE(byId[u"plain"_s].value(u"tokens"_s).toInteger(), 150);
    QCOMPARE(byId[u"plain"_s].value(u"cost_usd"_s).toDouble(), 0.5);
    QCOMPARE(byId[u"plain"_s].value(u"error"_s).toString(), QString());
    QCOMPARE(byId[u"ask"_s].value(u"state"_s).toString(), u"Completed"_s);
    QCOMPARE(byId[u"ask"_s].value(u"tokens"_s).toInteger(), 1200);
    QCOMPARE(byId[u"bad"_s].value(u"state"_s).toString(), u"Failed"_s);
    QVERIFY(byId[u"bad"_s].value(u"error"_s).toString().contains(u"exit code 5"_s));
    QCOMPARE(byId[u"after"_s].value(u"state"_s).toString(), u"Blocked"_s);
    QCOMPARE(byId[u"after"_s].value(u"attempts"_s).toInt(), 0);
    QCOMPARE(byId[u"after"_s].value(u"error"_s).toString(), u"dependency 'bad' failed"_s);

    QProcess report;
    report.setProcessEnvironment(environment());
    report.start(test::switchboardBinary(), {u"report"_s, u"--db"_s, db, u"--format"_s, u"json"_s});
    QVERIFY(report.waitForFinished(10000));
    QCOMPARE(report.exitCode(), 0);
    const QJsonObject r = QJsonDocument::fromJson(report.readAllStandardOutput()).object();
    const QJsonObject runJson = r.value(u"run"_s).toObject();
    QCOMPARE(runJson.value(u"name"_s).toString(), u"small"_s);
    QCOMPARE(runJson.value(u"id"_s).toString(), u"r-1"_s);
    QVERIFY(runJson.value(u"plan_file"_s).toString().endsWith(u"recovery/small.yaml"_s));
    QVERIFY(!runJson.value(u"finished_at"_s).isNull());
    const QJsonObject totals = r.value(u"totals"_s).toObject();
    QCOMPARE(totals.value(u"goals"_s).toInt(), 4);
    QCOMPARE(totals.value(u"completed"_s).toInt(), 2);
    QCOMPARE(totals.value(u"failed"_s).toInt(), 1);
    QCOMPARE(totals.value(u"blocked"_s).toInt(), 1);
    QCOMPARE(totals.value(u"attempts"_s).toInt(), 3);
    QCOMPARE(totals.value(u"input_tokens"_s).toInteger(), 1100);
    QCOMPARE(totals.value(u"output_tokens"_s).toInteger(), 250);
    QCOMPARE(totals.value(u"tokens"_s).toInteger(), 1350);
    QCOMPARE(totals.value(u"cost_usd"_s).toDouble(), 0.75);
    QHash<QString, QJsonObject> reported;
    for (const QJsonValue &g : r.value(u"goals"_s).toArray())
        reported.insert(g.toObject().value(u"id"_s).toString(), g.toObject());
    QCOMPARE(reported.size(), 4);
    QCOMPARE(reported[u"ask"_s].value(u"summary"_s).toString(), u"asked and done"_s);
    QCOMPARE(reported[u"ask"_s].value(u"profile"_s).toString(), u"worker"_s);
    QCOMPARE(reported[u"ask"_s].value(u"exit_code"_s).toInt(), 0);
    QCOMPARE(reported[u"bad"_s].value(u"exit_code"_s).toInt(), 5);
    QCOMPARE(reported[u"bad"_s].value(u"state"_s).toString(), u"Failed"_s);
    const QJsonArray escalations = r.value(u"escalations"_s).toArray();
    QCOMPARE(escalations.size(), 1);
    const QJsonObject e = escalations.first().toObject();
    QCOMPARE(e.value(u"id"_s).toString(), u"e-1"_s);
    QCOMPARE(e.value(u"goal"_s).toString(), u"ask"_s);
    QCOMPARE(e.value(u"question"_s).toString(), u"Which one?"_s);
    QCOMPARE(e.value(u"state"_s).toString(), u"answered"_s);
    QCOMPARE(e.value(u"answer_option"_s).toString(), u"B"_s);
    QCOMPARE(e.value(u"answered_by"_s).toString(), u"cli"_s);

    QProcess markdown;
    markdown.setProcessEnvironment(environment());
    markdown.start(test::switchboardBinary(), {u"report"_s, u"--db"_s, db, u"--format"_s, u"md"_s});
    QVERIFY(markdown.waitForFinished(10000));
    QCOMPARE(markdown.exitCode(), 0);
    const QByteArray md = markdown.readAllStandardOutput();
    QVERIFY2(md.contains("# Run report: small (r-1)"), md.constData());
    QVERIFY2(md.contains("| ask | Asking goal | worker | Completed | 1 | 1200 | $0.2500 | asked and done |"),
             md.constData());
    QVERIFY2(md.contains("Which one?"), md.constData());

    // The activity log and the machine-readable state are exactly what ReportWriter makes of the stored run.
    Store reader;
    QVERIFY(reader.openReadOnly(db));
    const RunHistory history = reader.history(u"r-1"_s);
    for (const auto &[format, expected] : {std::pair{u"activity"_s, ReportWriter::activityLog(history)},
                                           std::pair{u"state"_s, ReportWriter::projectStateYaml(history)}}) {
        QProcess export_;
        export_.setProcessEnvironment(environment());
        export_.start(test::switchboardBinary(), {u"report"_s, u"--db"_s, db, u"--format"_s, format});
        QVERIFY(export_.waitForFinished(10000));
        QCOMPARE(export_.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(export_.readAllStandardOutput()), expected);
    }
    QVERIFY(ReportWriter::projectStateYaml(history).contains(u"id: ask"_s));
    QVERIFY(ReportWriter::activityLog(history).contains(u"Asking goal"_s));
    // The run's settings are stored with it: the plan's text, the workspace and max_parallel in effect.
    const RunRecord stored = reader.runs().constLast();
    QVERIFY(stored.settings.value(u"plan_yaml"_s).toString().contains(u"Asking goal"_s));
    QCOMPARE(stored.settings.value(u"workspace"_s).toString(), QDir(dir.path()).absolutePath());
    QVERIFY(stored.settings.value(u"max_parallel"_s).toInt() >= 1);

    QProcess badFormat;
    badFormat.setProcessEnvironment(environment());
    badFormat.start(test::switchboardBinary(), {u"report"_s, u"--db"_s, db, u"--format"_s, u"pdf"_s});
    QVERIFY(badFormat.waitForFinished(10000));
    QCOMPARE(badFormat.exitCode(), 2);
}

void TestRecovery::resumeUsesStoredSettings()
{
    // The plan brings its own profile and max_parallel. After a kill -9 the plan file is gone: resume must still
    // run the goal on the plan's profile with the plan's limits, from the settings stored with the run.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(u"settings.db"_s);
    const QString marker = dir.filePath(u"first-attempt"_s);
    const QString planPath = dir.filePath(u"gone.yaml"_s);
    QFile plan(planPath);
    QVERIFY(plan.open(QIODevice::WriteOnly));
    plan.write(uR"YAML(name: gone
workflow:
  max_parallel: 3
agents:
  definitions:
    - name: sleeper
      backend: process
      retry: {max_retries: 0}
      command:
        - sh
        - -c
        - |
          read -r goal
          if [ -e "%1" ]; then echo '{"type":"result","summary":"second life"}'; exit 0; fi
          touch "%1"
          sleep 30
goals:
  - {id: only, title: Survives its plan, profile: sleeper}
)YAML"_s.arg(marker)
                   .toUtf8());
    plan.close();

    const Life first = runCli({u"run"_s, planPath, u"--db"_s, db, u"--workspace"_s, dir.path(), u"--json"_s}, 2500);
    QVERIFY(first.killed);
    QVERIFY(QFile::exists(marker)); // the goal was running when the process died
    QVERIFY(QFile::remove(planPath));

    QProcess resume;
    resume.setProcessEnvironment(environment());
    resume.start(test::switchboardBinary(), {u"resume"_s, u"--db"_s, db});
    QVERIFY(resume.waitForFinished(30000));
    const QString out = QString::fromUtf8(resume.readAllStandardOutput());
    QVERIFY2(resume.exitCode() == 0, qPrintable(out + QString::fromUtf8(resume.readAllStandardError())));
    QVERIFY2(out.contains(u"max 3 in parallel"_s), qPrintable(out));
    QVERIFY2(out.contains(u"second life"_s), qPrintable(out));
}

void TestRecovery::diskFullPausesDispatch()
{
    // The disk fills up mid-run (PRAGMA max_page_count): the orchestrator says why, starts nothing new, lets the
    // running agents end, and the database stays intact with every reported completion in it.
    test::TemporaryStore temp(u"full.db"_s);
    QVERIFY2(temp.isOpen(), qPrintable(temp.error()));
    const QString db = temp.path();
    Store &store = temp.store();
    Orchestrator o;
    o.setWorkspace(temp.directory());
    o.setStore(&store);
    o.setMaxParallel(2);
    o.setProfiles({profile(u"chatty"_s, uR"SH(i=0
while [ $i -lt 40 ]; do printf '%02000d\n' $i; i=$((i+1)); done
echo '{"type":"result","summary":"done"}'
)SH"_s)});
    QList<Goal> goals;
    for (int i = 0; i < 60; ++i) {
        Goal g;
        g.id = u"g%1"_s.arg(i);
        g.title = g.id;
        g.profile = u"chatty"_s;
        goals << g;
    }
    int started = 0;
    int startedAfterFailure = 0;
    bool failedYet = false;
    QStringList completed;
    QString message;
    connect(&o, &Orchestrator::agentStarted, this, [&] {
        ++started;
        startedAfterFailure += failedYet ? 1 : 0;
    });
    connect(&o, &Orchestrator::agentCompleted, this, [&](const QString &agentId) { completed << agentId; });
    connect(&o, &Orchestrator::storageFailed, this, [&](const QString &why) {
        failedYet = true;
        message = why;
    });
    QCOMPARE(o.spawnParallel(goals).size(), 60);
    QTRY_VERIFY_WITH_TIMEOUT(completed.size() >= 4, 20000);
    {
        Store reader;
        QVERIFY(reader.openReadOnly(db));
        QSqlQuery pages(reader.readConnection());
        QVERIFY(pages.exec(u"PRAGMA page_count"_s) && pages.next());
        const int count = pages.value(0).toInt();
        QCOMPARE(store.setMaxPageCountForTesting(count + 8), count + 8);
    }
    QTRY_VERIFY_WITH_TIMEOUT(failedYet, 30000);
    QVERIFY2(message.contains(u"full"_s), qPrintable(message));
    QVERIFY(o.isStorageFailed());
    QVERIFY(o.isDispatchPaused());
    QTRY_COMPARE_WITH_TIMEOUT(o.progress().inProgress, 0, 20000);
    QCOMPARE(startedAfterFailure, 0);
    QVERIFY(started < 60);
    QVERIFY(o.progress().pending > 0); // still queued, not lost and not failed
    const QStringList reported = completed;

    o.cancelAll();
    store.close();
    Store reader;
    QVERIFY(reader.openReadOnly(db));
    QSqlQuery check(reader.readConnection());
    QVERIFY(check.exec(u"PRAGMA integrity_check"_s) && check.next());
    QCOMPARE(check.value(0).toString(), u"ok"_s);
    const StoreSnapshot after = reader.load();
    QCOMPARE(after.goals.size(), 60); // every goal was committed before it was reported spawned
    QHash<QString, AgentState> states;
    for (const AgentStatus &agent : after.agents)
        states.insert(agent.agentId, agent.state);
    int committedCompletions = 0;
    for (const QString &agentId : reported)
        committedCompletions += states.value(agentId) == AgentState::Completed ? 1 : 0;
    // Completions reported before the disk filled are on disk; one reported after (its write refused) may not be.
    QVERIFY2(committedCompletions >= 4, qPrintable(u"%1 of %2"_s.arg(committedCompletions).arg(reported.size())));
}

// Runs the CLI until killWhen says so, then SIGKILL: a crash at a moment the test picks.
Life TestRecovery::runCliUntil(const QStringList &args, const std::function<bool(const QJsonObject &)> &killWhen)
{
    Life life;
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(test::switchboardBinary(), args);
    if (!process.waitForStarted())
        return life;
    QElapsedTimer clock;
    clock.start();
    QByteArray buffer;
    while (process.state() != QProcess::NotRunning && !life.killed && clock.elapsed() < 60000) {
        process.waitForReadyRead(50);
        buffer += process.readAllStandardOutput();
        qsizetype newline = 0;
        while (!life.killed && (newline = buffer.indexOf('\n')) >= 0) {
            const QJsonObject event = QJsonDocument::fromJson(buffer.left(newline).trimmed()).object();
            buffer.remove(0, newline + 1);
            if (event.isEmpty())
                continue;
            life.events << event;
            if (killWhen(event)) {
                ::kill(static_cast<pid_t>(process.processId()), SIGKILL);
                life.killed = true;
            }
        }
    }
    if (!life.killed && process.state() != QProcess::NotRunning)
        process.kill();
    process.waitForFinished(5000);
    life.err = process.readAllStandardError();
    if (!life.killed && process.exitStatus() == QProcess::NormalExit)
        life.exitCode = process.exitCode();
    return life;
}

// kill -9 of Switchboard twice while a goal runs, then a resume: the two interrupted attempts spend none of the
// goal's one retry, so the third attempt's failure is still retried and the fourth completes.
void TestRecovery::crashSpendsNoRetry()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(u"state.db"_s);
    const QString plan = test::writeFile(dir.path(), u"budget.yaml"_s, R"YAML(name: budget
workflow: {max_parallel: 1}
agents:
  definitions:
    - name: worker
      backend: process
      retry: {max_retries: 1, backoff_s: [0.1], jitter: 0}
      settings: {kill_grace_ms: 300}
      command:
        - sh
        - -c
        - |
          read -r goal
          case "$SWITCHBOARD_ATTEMPT" in
            1|2) sleep 20 ;;
            3) echo 'it broke' >&2; exit 5 ;;
            *) echo "{\"type\":\"result\",\"summary\":\"done on attempt $SWITCHBOARD_ATTEMPT\"}" ;;
          esac
goals:
  - {id: work, title: Work, profile: worker}
)YAML");
    // Killed only once the running attempt is on disk, as a crash in the middle of the work would find it.
    const auto killOnceRunning = [&db](int attempt) {
        return [&db, attempt](const QJsonObject &event) {
            if (event.value(u"event"_s).toString() != u"started" || event.value(u"attempt"_s).toInt() != attempt)
                return false;
            return QTest::qWaitFor(
                [&db, attempt] {
                    Store reader;
                    if (!reader.openReadOnly(db))
                        return false;
                    const StoreSnapshot s = reader.load();
                    return !s.agents.isEmpty() && s.agents.constFirst().state == AgentState::Running &&
                           s.agents.constFirst().attempt == attempt;
                },
                10000);
        };
    };
    const QStringList common{u"--db"_s, db, u"--workspace"_s, dir.path(), u"--json"_s, u"--auto-answer"_s, u"fail"_s};
    Life life = runCliUntil(QStringList{u"run"_s, plan} + common, killOnceRunning(1));
    QVERIFY2(life.killed, life.err.constData());
    life = runCliUntil(QStringList{u"resume"_s} + common, killOnceRunning(2));
    QVERIFY2(life.killed, life.err.constData());
    life = runCliUntil(QStringList{u"resume"_s} + common, [](const QJsonObject &) { return false; });
    QCOMPARE(life.exitCode, 0);
    QStringList kinds;
    for (const QJsonObject &event : std::as_const(life.events))
        kinds << event.value(u"event"_s).toString();
    QVERIFY2(kinds.contains(u"retry"_s), qPrintable(kinds.join(u' ')));

    Store store;
    QVERIFY(store.openReadOnly(db));
    const RunHistory history = store.history();
    QStringList outcomes;
    for (const AttemptRecord &attempt : history.attempts)
        outcomes << (attempt.outcome ? agentStateToString(*attempt.outcome) : u"open"_s);
    QCOMPARE(outcomes,
             (QStringList{agentStateToString(AgentState::Interrupted), agentStateToString(AgentState::Interrupted),
                          agentStateToString(AgentState::Failed), agentStateToString(AgentState::Completed)}));
    const StoreSnapshot snapshot = store.load();
    QCOMPARE(snapshot.agents.size(), 1);
    const AgentStatus &work = snapshot.agents.constFirst();
    QCOMPARE(work.state, AgentState::Completed);
    QCOMPARE(work.summary, u"done on attempt 4"_s);
    QCOMPARE(work.interruptedAttempts, 2);
}

// Retry jitter is seeded per process: two runs of the same failing goal wait different times before the retry
// (with a fixed seed, every process drew the same 55,933 ms).
void TestRecovery::retryJitterDiffersBetweenProcesses()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // jitter 1: the wait is anywhere in [0, 2000] s, to the millisecond; two equal draws are a 1 in 2e6 chance.
    const QString plan = test::writeFile(dir.path(), u"jitter.yaml"_s, R"YAML(name: jitter
agents:
  definitions:
    - name: worker
      backend: process
      retry: {max_retries: 1, backoff_s: [1000], jitter: 1}
      command: [sh, -c, "read -r goal; exit 5"]
goals:
  - {id: flaky, title: Flaky, profile: worker}
)YAML");
    QList<qint64> delays;
    for (int process = 0; process < 2; ++process) {
        const QString db = dir.filePath(u"state-%1.db"_s.arg(process));
        const Life life =
            runCliUntil({u"run"_s, plan, u"--db"_s, db, u"--workspace"_s, dir.path(), u"--json"_s},
                        [](const QJsonObject &event) { return event.value(u"event"_s).toString() == u"retry"_s; });
        QVERIFY2(life.killed, life.err.constData());
        delays << qint64(life.events.constLast().value(u"delay_ms"_s).toDouble());
    }
    qInfo() << "retry delays of two processes (ms):" << delays;
    for (const qint64 delay : std::as_const(delays))
        QVERIFY(delay >= 0 && delay <= 2000 * 1000);
    QVERIFY2(delays.at(0) != delays.at(1), "two processes drew the same retry jitter");
}

QTEST_GUILESS_MAIN(TestRecovery)
#include "tst_recovery.moc"
