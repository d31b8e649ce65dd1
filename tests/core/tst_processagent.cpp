#include "agents/AgentActions.h"
#include "agents/ProcessAgent.h"
#include "agents/ProcessLineReader.h"
#include "agents/ProcessMessage.h"
#include "model/Goal.h"
#include "model/InputLimits.h"
#include "orchestration/AgentLog.h"
#include "orchestration/AttemptContext.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QtConcurrent>

#include <atomic>
#include <memory>

using namespace switchboard;
using namespace Qt::StringLiterals;
using switchboard::test::processAlive;
using switchboard::test::writeScript;

namespace {

// Counts notices the way the orchestrator receives them: from the agent's thread.
class CountingSink final : public AgentEventSink
{
public:
    void agentLiveStateChanged(const QString &) override { ++notifications; }
    std::atomic<int> notifications{0};
};

Goal makeGoal()
{
    Goal goal;
    goal.id = QStringLiteral("g-42");
    goal.title = QStringLiteral("Write tests");
    goal.description = QStringLiteral("Cover the process backend; mention {agent.id} literally");
    goal.priority = Priority::High;
    goal.successCriteria = {QStringLiteral("tests pass")};
    goal.resources = {QStringLiteral("src/agents")};
    return goal;
}

AgentProfile makeProfile(const QStringList &command, const QVariantMap &settings = {})
{
    AgentProfile profile;
    profile.name = QStringLiteral("runner");
    profile.backend = QStringLiteral("process");
    profile.model = QStringLiteral("test-model-1");
    profile.command = command;
    profile.settings = settings;
    return profile;
}

// One attempt under test: context, log, backend, and run() on a pool thread as in production.
struct Attempt
{
    Q_DISABLE_COPY_MOVE(Attempt)

    Attempt(const AgentProfile &profile, const QString &workspace, const QString &agentId = QStringLiteral("a-1"),
            const Goal &goal = makeGoal())
        : context(agentId, goal, profile, 2, workspace, log, &sink)
        , agent(profile)
    {}

    ~Attempt()
    {
        // A failed assertion must not leave run() using this object after it is gone.
        if (future.isRunning()) {
            context.requestCancel();
            future.waitForFinished();
        }
    }

    void start()
    {
        future = QtConcurrent::run([this] { return agent.run(context); });
    }

    [[nodiscard]] bool finishes(int timeoutMs = 20000)
    {
        return QTest::qWaitFor([this] { return future.isFinished(); }, timeoutMs);
    }

    bool hasLine(const QString &line) const { return log->lines().contains(line); }

    bool hasLineStartingWith(const QString &prefix) const
    {
        const QStringList lines = log->lines();
        return std::any_of(lines.cbegin(), lines.cend(), [&](const QString &l) { return l.startsWith(prefix); });
    }

    QString lineStartingWith(const QString &prefix) const
    {
        const QStringList lines = log->lines();
        const auto it =
            std::find_if(lines.cbegin(), lines.cend(), [&](const QString &l) { return l.startsWith(prefix); });
        return it == lines.cend() ? QString() : *it;
    }

    QString logText() const { return log->lines().join(u'\n'); }

    std::shared_ptr<AgentLog> log = std::make_shared<AgentLog>();
    CountingSink sink;
    AttemptContext context;
    ProcessAgent agent;
    QFuture<AgentResult> future;
};

qint64 readPid(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return file.readAll().trimmed().toLongLong();
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestProcessAgent final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void lineReader_data();
    void lineReader();
    void parseMessage_data();
    void parseMessage();
    void expandPlaceholders_data();
    void expandPlaceholders();
    void workspacePlaceholderIsWhereTheProgramRuns();

    void reportsProgressUsageAndResult();
    void writesGoalLineAndEnvironment();
    void startsWithHugeGoalValues();
    void usesProfileWorkingDirectory();
    void failsWhenWorkingDirectoryIsMissing();
    void passesArgumentsWithoutShell();
    void summaryFallbacks_data();
    void summaryFallbacks();
    void logsPlainAndMalformedLines();
    void malformedLinesAreCut_data();
    void malformedLinesAreCut();
    void buffersPartialLines();
    void capsLongLines();
    void failsWithExitCodeAndStderrTail();
    void failsWhenKilledBySignal();
    void failsWhenProgramCannotStart_data();
    void failsWhenProgramCannotStart();
    void failsWithEmptyCommand_data();
    void failsWithEmptyCommand();
    void cancelIsPrompt();
    void cancelKillsWholeProcessGroup();
    void cancelBeforeStartRunsNothing();
    void timesOut();
    void killsLeftoverProcessesAfterExit();
    void sendsMessagesToStdin();
    void closesStdinWhenAsked();

private:
    QString path(const QString &name) const { return QDir(m_dir->path()).filePath(name); }
    QString script(const QString &name, const QString &body) const
    {
        return writeScript(m_dir->path(), name, QStringLiteral("#!/bin/sh\n") + body);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestProcessAgent::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(QFile::exists(QStringLiteral("/bin/sh")));
}

void TestProcessAgent::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestProcessAgent::cleanup()
{
    m_dir.reset();
}

void TestProcessAgent::lineReader_data()
{
    QTest::addColumn<QByteArrayList>("chunks");
    QTest::addColumn<int>("maxLineBytes");
    QTest::addColumn<QByteArrayList>("lines");
    QTest::addColumn<QList<qint64>>("dropped");

    QTest::newRow("one chunk") << QByteArrayList{"a\nb\n"} << 100 << QByteArrayList{"a", "b"} << QList<qint64>{0, 0};
    QTest::newRow("split across chunks") << QByteArrayList{"he", "llo\nwor", "ld\n"} << 100
                                         << QByteArrayList{"hello", "world"} << QList<qint64>{0, 0};
    QTest::newRow("byte by byte") << QByteArrayList{"{", "\"", "}", "\n"} << 100 << QByteArrayList{"{\"}"}
                                  << QList<qint64>{0};
    QTest::newRow("crlf") << QByteArrayList{"a\r", "\n"} << 100 << QByteArrayList{"a"} << QList<qint64>{0};
    QTest::newRow("unterminated tail") << QByteArrayList{"a\nrest"} << 100 << QByteArrayList{"a", "rest"}
                                       << QList<qint64>{0, 0};
    QTest::newRow("empty lines") << QByteArrayList{"\n\n"} << 100 << QByteArrayList{"", ""} << QList<qint64>{0, 0};
    QTest::newRow("capped") << QByteArrayList{"abcdefgh\nxy\n"} << 4 << QByteArrayList{"abcd", "xy"}
                            << QList<qint64>{4, 0};
    QTest::newRow("capped across chunks")
        << QByteArrayList{"ab", "cdef", "gh", "\n", "ok\n"} << 4 << QByteArrayList{"abcd", "ok"} << QList<qint64>{4, 0};
    QTest::newRow("capped tail") << QByteArrayList{"abcdef"} << 3 << QByteArrayList{"abc"} << QList<qint64>{3};
}

void TestProcessAgent::lineReader()
{
    QFETCH(QByteArrayList, chunks);
    QFETCH(int, maxLineBytes);
    QFETCH(QByteArrayList, lines);
    QFETCH(QList<qint64>, dropped);

    ProcessLineReader reader(maxLineBytes);
    QList<ProcessLineReader::Line> got;
    for (const QByteArray &chunk : chunks) {
        got += reader.feed(chunk);
        QVERIFY(reader.bufferedBytes() <= maxLineBytes);
    }
    if (const auto last = reader.finish())
        got.append(*last);
    QVERIFY(!reader.finish());

    QCOMPARE(got.size(), lines.size());
    for (qsizetype i = 0; i < got.size(); ++i) {
        QCOMPARE(got.at(i).bytes, lines.at(i));
        QCOMPARE(got.at(i).droppedBytes, dropped.at(i));
    }
}

void TestProcessAgent::parseMessage_data()
{
    using Kind = ProcessMessage::Kind;
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("text"); // for Malformed: how the reason starts
    QTest::addColumn<int>("progress"); // -1 = none
    QTest::addColumn<QString>("step"); // null = none
    QTest::addColumn<qint64>("inputTokens");
    QTest::addColumn<qint64>("outputTokens");
    QTest::addColumn<double>("costUsd");

    const auto row = [](const char *name, const QByteArray &line, Kind kind, const QString &text = {},
                        int progress = -1, const QString &step = {}, qint64 in = 0, qint64 out = 0, double cost = 0.0) {
        QTest::newRow(name) << line << static_cast<int>(kind) << text << progress << step << in << out << cost;
    };
    const auto bad = [&row](const char *name, const QByteArray &line, const QString &reason) {
        row(name, line, Kind::Malformed, reason);
    };

    row("plain text", "hello world", Kind::Text, QStringLiteral("hello world"));
    row("json array is text", "[1,2]", Kind::Text, QStringLiteral("[1,2]"));
    row("progress and step", R"({"type":"progress","progress":40,"step":"Writing tests"})", Kind::Progress, {}, 40,
        QStringLiteral("Writing tests"));
    row("progress only", R"({"type":"progress","progress":7})", Kind::Progress, {}, 7);
    row("step only", R"({"type":"progress","step":"Reading"})", Kind::Progress, {}, -1, QStringLiteral("Reading"));
    row("null progress is absent", R"({"type":"progress","progress":null,"step":"x"})", Kind::Progress, {}, -1,
        QStringLiteral("x"));
    row("fractional progress rounds", R"({"type":"progress","progress":39.6})", Kind::Progress, {}, 40);
    row("progress above 100", R"({"type":"progress","progress":150})", Kind::Progress, {}, 100);
    row("negative progress", R"({"type":"progress","progress":-3})", Kind::Progress, {}, 0);
    row("leading blanks", R"(   {"type":"progress","progress":1})", Kind::Progress, {}, 1);
    bad("progress as string", R"({"type":"progress","progress":"forty"})", QStringLiteral("progress must be a number"));
    bad("step as number", R"({"type":"progress","step":3})", QStringLiteral("step must be a string"));
    bad("empty progress", R"({"type":"progress"})", QStringLiteral("progress message needs"));
    row("log", R"({"type":"log","text":"compiling"})", Kind::Log, QStringLiteral("compiling"));
    bad("log without text", R"({"type":"log"})", QStringLiteral("log message needs \"text\""));
    bad("log text as number", R"({"type":"log","text":5})", QStringLiteral("text must be a string"));
    row("usage", R"({"type":"usage","input_tokens":100,"output_tokens":20,"cost_usd":0.5})", Kind::Usage, {}, -1, {},
        100, 20, 0.5);
    row("usage partial", R"({"type":"usage","output_tokens":3})", Kind::Usage, {}, -1, {}, 0, 3, 0.0);
    bad("usage negative", R"({"type":"usage","input_tokens":-5})",
        QStringLiteral("input_tokens must be a non-negative integer"));
    bad("usage fractional", R"({"type":"usage","output_tokens":1.5})",
        QStringLiteral("output_tokens must be a non-negative integer"));
    bad("usage cost as string", R"({"type":"usage","cost_usd":"1"})",
        QStringLiteral("cost_usd must be a non-negative number"));
    bad("usage empty", R"({"type":"usage"})", QStringLiteral("usage message needs"));
    row("result", R"({"type":"result","summary":"All done"})", Kind::Result, QStringLiteral("All done"));
    bad("result without summary", R"({"type":"result"})", QStringLiteral("result message needs \"summary\""));
    bad("summary as object", R"({"type":"result","summary":{}})", QStringLiteral("summary must be a string"));
    bad("unknown type", R"({"type":"bogus"})", QStringLiteral("unknown message type \"bogus\""));
    bad("type as number", R"({"type":1})", QStringLiteral("type must be a string"));
    bad("missing type", R"({"progress":10})", QStringLiteral("missing \"type\""));
    bad("invalid json", R"({not json)", QStringLiteral("not valid JSON ("));
}

void TestProcessAgent::parseMessage()
{
    QFETCH(QByteArray, line);
    QFETCH(int, kind);
    QFETCH(QString, text);
    QFETCH(int, progress);
    QFETCH(QString, step);
    QFETCH(qint64, inputTokens);
    QFETCH(qint64, outputTokens);
    QFETCH(double, costUsd);

    const ProcessMessage message = ProcessMessage::parse(line);
    QCOMPARE(static_cast<int>(message.kind), kind);
    if (message.kind == ProcessMessage::Kind::Malformed)
        QVERIFY2(message.text.startsWith(text), qPrintable(message.text));
    else
        QCOMPARE(message.text, text);
    QCOMPARE(message.progress.value_or(-1), progress);
    QCOMPARE(message.step.has_value(), !step.isNull());
    if (message.step)
        QCOMPARE(*message.step, step);
    QCOMPARE(message.inputTokens, inputTokens);
    QCOMPARE(message.outputTokens, outputTokens);
    QCOMPARE(message.costUsd, costUsd);
}

void TestProcessAgent::expandPlaceholders_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("goal id") << QStringLiteral("{goal.id}") << QStringLiteral("g-42");
    QTest::newRow("embedded") << QStringLiteral("x{goal.id}y{agent.id}z") << QStringLiteral("xg-42ya-1z");
    QTest::newRow("title") << QStringLiteral("--title={goal.title}") << QStringLiteral("--title=Write tests");
    QTest::newRow("attempt, profile, model")
        << QStringLiteral("{attempt}/{profile}/{model}") << QStringLiteral("2/runner/test-model-1");
    QTest::newRow("workspace") << QStringLiteral("{workspace}/src") << QStringLiteral("/tmp/ws/src");
    QTest::newRow("unknown stays") << QStringLiteral("{unknown}") << QStringLiteral("{unknown}");
    QTest::newRow("json stays json") << QStringLiteral(R"({"goal":"{goal.id}"})")
                                     << QStringLiteral(R"({"goal":"g-42"})");
    QTest::newRow("double braces") << QStringLiteral("{{goal.id}}") << QStringLiteral("{g-42}");
    QTest::newRow("unclosed") << QStringLiteral("{goal.id") << QStringLiteral("{goal.id");
    QTest::newRow("not expanded twice") << QStringLiteral("{goal.description}")
                                        << QStringLiteral("Cover the process backend; mention {agent.id} literally");
}

void TestProcessAgent::expandPlaceholders()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const AttemptContext context(QStringLiteral("a-1"), makeGoal(), makeProfile({}), 2, QStringLiteral("/tmp/ws"),
                                 nullptr, nullptr);
    QCOMPARE(ProcessAgent::expandPlaceholders(text, context), expected);
    QCOMPARE(ProcessAgent::expandCommand({QStringLiteral("prog"), text}, context),
             (QStringList{QStringLiteral("prog"), expected}));
}

void TestProcessAgent::workspacePlaceholderIsWhereTheProgramRuns()
{
    // On an SSH host with a workdir the program runs in workdir/<the workspace's name>: its arguments name that
    // directory; a working directory (checked on this machine) keeps the desktop's path.
    AgentProfile profile = makeProfile({});
    profile.executor.kind = ExecutorSpec::Kind::Ssh;
    profile.executor.ssh.host = QStringLiteral("build-host");
    profile.executor.ssh.workdir = QStringLiteral("/srv/agents/");
    const AttemptContext context(QStringLiteral("a-1"), makeGoal(), profile, 1, QStringLiteral("/tmp/ws"), nullptr,
                                 nullptr);
    QCOMPARE(ProcessAgent::expandCommand({QStringLiteral("prog"), QStringLiteral("--dir={workspace}/src")}, context),
             (QStringList{QStringLiteral("prog"), QStringLiteral("--dir=/srv/agents/ws/src")}));
    QCOMPARE(ProcessAgent::expandPlaceholders(QStringLiteral("{workspace}/src"), context),
             QStringLiteral("/tmp/ws/src"));
    QCOMPARE(ProcessAgent::expandPlaceholders(QStringLiteral("{workspace}"), context, ProcessAgent::PathSide::Program),
             QStringLiteral("/srv/agents/ws"));

    // Without a workdir (a shared filesystem) and on Slurm the program sees the same path.
    profile.executor.ssh.workdir.clear();
    const AttemptContext shared(QStringLiteral("a-2"), makeGoal(), profile, 1, QStringLiteral("/tmp/ws"), nullptr,
                                nullptr);
    QCOMPARE(ProcessAgent::expandCommand({QStringLiteral("{workspace}")}, shared),
             QStringList{QStringLiteral("/tmp/ws")});
    profile.executor.kind = ExecutorSpec::Kind::Slurm;
    const AttemptContext slurm(QStringLiteral("a-3"), makeGoal(), profile, 1, QStringLiteral("/tmp/ws"), nullptr,
                               nullptr);
    QCOMPARE(ProcessAgent::expandCommand({QStringLiteral("{workspace}")}, slurm),
             QStringList{QStringLiteral("/tmp/ws")});
}

void TestProcessAgent::reportsProgressUsageAndResult()
{
    const QString program = script(QStringLiteral("agent.sh"), QStringLiteral(R"(IFS= read -r goal
echo '{"type":"progress","progress":10,"step":"Reading the goal"}'
echo '{"type":"progress","progress":40}'
echo '{"type":"progress","step":"Writing tests"}'
echo '{"type":"log","text":"wrote 3 files"}'
echo 'plain text line'
echo '{"type":"usage","input_tokens":100,"output_tokens":20,"cost_usd":0.5}'
echo '{"type":"usage","input_tokens":50,"output_tokens":5,"cost_usd":0.25}'
echo '{"type":"usage","output_tokens":1}'
echo '{"type":"result","summary":"All done"}'
echo 'trailing text'
)"));
    Attempt attempt(makeProfile({program}), m_dir->path());
    attempt.start();
    QVERIFY(attempt.finishes());

    const AgentResult result = attempt.future.result();
    QCOMPARE(result.outcome, AgentResult::Outcome::Completed);
    QCOMPARE(result.summary, QStringLiteral("All done"));

    const AgentLiveState state = attempt.context.liveState();
    QCOMPARE(state.progress, 40);
    QCOMPARE(state.step, QStringLiteral("Writing tests"));
    QCOMPARE(state.inputTokens, 150);
    QCOMPARE(state.outputTokens, 26);
    QCOMPARE(state.costUsd, 0.75);

    QVERIFY(attempt.hasLine(QStringLiteral("wrote 3 files")));
    QVERIFY(attempt.hasLine(QStringLiteral("plain text line")));
    QVERIFY(attempt.hasLine(QStringLiteral("trailing text")));
    QVERIFY(!attempt.hasLineStartingWith(QStringLiteral("[a-1] malformed")));
    QVERIFY(attempt.sink.notifications >= 1);
}

void TestProcessAgent::writesGoalLineAndEnvironment()
{
    qputenv("SWITCHBOARD_TEST_INHERITED", "inherited-value");
    const QString program = script(QStringLiteral("agent.sh"), QStringLiteral(R"(IFS= read -r goal
printf '%s\n' "$goal" > goal.json
printf '%s\n' "$SWITCHBOARD_GOAL_ID" "$SWITCHBOARD_GOAL_TITLE" "$SWITCHBOARD_WORKSPACE" "$SWITCHBOARD_AGENT_ID" \
    "$SWITCHBOARD_ATTEMPT" "$SWITCHBOARD_PROFILE" "$SWITCHBOARD_MODEL" "$SWITCHBOARD_TEST_INHERITED" > env.txt
pwd -P > cwd.txt
)"));
    Attempt attempt(makeProfile({program}), m_dir->path(), QStringLiteral("a-9"));
    attempt.start();
    QVERIFY(attempt.finishes());
    QCOMPARE(attempt.future.result().outcome, AgentResult::Outcome::Completed);

    const QByteArray expectedGoal = QJsonDocument(attempt.context.goalMessage()).toJson(QJsonDocument::Compact) + '\n';
    QCOMPARE(readAll(path(QStringLiteral("goal.json"))), expectedGoal);
    const QJsonObject goal = QJsonDocument::fromJson(expectedGoal).object();
    QCOMPARE(goal.value(u"type").toString(), QStringLiteral("goal"));
    QCOMPARE(goal.value(u"id").toString(), QStringLiteral("g-42"));
    QCOMPARE(goal.value(u"agent").toString(), QStringLiteral("a-9"));

    const QByteArrayList env = readAll(path(QStringLiteral("env.txt"))).split('\n');
    QCOMPARE(env.size(), 9); // 8 values and the empty rest after the last newline
    QCOMPARE(env.at(0), QByteArray("g-42"));
    QCOMPARE(env.at(1), QByteArray("Write tests"));
    QCOMPARE(QString::fromUtf8(env.at(2)), m_dir->path());
    QCOMPARE(env.at(3), QByteArray("a-9"));
    QCOMPARE(env.at(4), QByteArray("2"));
    QCOMPARE(env.at(5), QByteArray("runner"));
    QCOMPARE(env.at(6), QByteArray("test-model-1"));
    QCOMPARE(env.at(7), QByteArray("inherited-value"));

    QCOMPARE(QString::fromUtf8(readAll(path(QStringLiteral("cwd.txt"))).trimmed()),
             QDir(m_dir->path()).canonicalPath());
}

void TestProcessAgent::startsWithHugeGoalValues()
{
    // A goal made before titles were limited (or by code that skips the checks): a 200 KB title in the environment
    // and a 3 MB description as an argument made execve fail with E2BIG on every attempt. Both are cut; the whole
    // goal still reaches the program on stdin.
    Goal goal = makeGoal();
    goal.title = QString(200 * 1024, u't');
    goal.description = QString(3 * 1024 * 1024, u'd');
    const QString program = script(QStringLiteral("agent.sh"), QStringLiteral(R"(IFS= read -r goal
printf '%s' "$goal" | wc -c > goal-bytes.txt
printf '%s' "$SWITCHBOARD_GOAL_TITLE" > title.txt
printf '%s' "$1" > argument.txt
)"));
    Attempt attempt(makeProfile({program, QStringLiteral("{goal.description}")}), m_dir->path(), QStringLiteral("a-1"),
                    goal);
    attempt.start();
    QVERIFY(attempt.finishes());
    QCOMPARE(attempt.future.result().outcome, AgentResult::Outcome::Completed);

    const QString title = QString::fromUtf8(readAll(path(QStringLiteral("title.txt"))));
    QVERIFY2(title.startsWith(QString(1000, u't')), qPrintable(title.left(80)));
    QVERIFY(title.toUtf8().size() < 200 * 1024);
    QVERIFY(title.endsWith(QStringLiteral("bytes]")));
    QCOMPARE(title, InputLimits::cutToBytes(goal.title));
    QVERIFY(InputLimits::cutToBytes(goal.title).size() <= InputLimits::kMaxProcessValueBytes + 40);
    const QString argument = QString::fromUtf8(readAll(path(QStringLiteral("argument.txt"))));
    QCOMPARE(argument, InputLimits::cutToBytes(goal.description));
    QVERIFY(readAll(path(QStringLiteral("goal-bytes.txt"))).trimmed().toLongLong() > 3 * 1024 * 1024);
}

void TestProcessAgent::usesProfileWorkingDirectory()
{
    QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("sub/g-42")));
    const QString program = script(QStringLiteral("agent.sh"), QStringLiteral("pwd -P\n"));
    AgentProfile profile = makeProfile({program});
    profile.workingDirectory = QStringLiteral("sub/{goal.id}"); // relative to the workspace
    Attempt attempt(profile, m_dir->path());
    attempt.start();
    QVERIFY(attempt.finishes());
    const AgentResult result = attempt.future.result();
    QCOMPARE(result.outcome, AgentResult::Outcome::Completed);
    QCOMPARE(result.summary, QDir(path(QStringLiteral("sub/g-42"))).canonicalPath());
}

void TestProcessAgent::failsWhenWorkingDirectoryIsMissing()
{
    const QString program = script(QStringLiteral("agent.sh"), QStringLiteral("touch ran\n"));
    AgentProfile profile = makeProfile({program});
    profile.workingDirectory = path(QStringLiteral("missing"));
    Attempt attempt(profile, m_dir->path());
    attempt.start();
    QVERIFY(attempt.finishes());
    const AgentResult result = attempt.future.result();
    QCOMPARE(result.outcome, AgentResult::Outcome::Failed);
    QVERIFY2(result.error.contains(QStringLiteral("does not exist")), qPrintable(result.error));
    QVERIFY2(result.error.contains(path(QStringLiteral("missing"))), qPrintable(result.error));
    QCOMPARE(result.errorKind, QStringLiteral("spawn"));
    QVERIFY(!QFile::exists(path(QStringLiteral("ran"))));
}

void TestProcessAgent::passesArgumentsWithoutShell()
{
    const QString program =
        script(QStringLiteral("args.sh"), QStringLiteral(R"(for a in "$@"; do printf '%s\0' "$a"; done > args.bin
)"));
    Goal goal = makeGoal();
    goal.title = QStringLiteral(R"(Fix "it" & $(touch pwned-title); rm -rf * `touch pwned-tick`)");
    const QString tricky = QStringLiteral(R"($(touch pwned) ; echo $HOME && {goal.id} | cat > out.txt *)");
    const QStringList command{program,
                              QStringLiteral("{goal.id}"),
                              QStringLiteral("{goal.title}"),
                              QStringLiteral("--title={goal.title}"),
                              tricky,
                              QStringLiteral("{attempt}"),
                              QStringLiteral("{workspace}"),
                              QStringLiteral("{profile}"),
                              QStringLiteral("{model}"),
                              QStringLiteral("{agent.id}"),
                              QStringLiteral("{unknown}"),
                              QStringLiteral("{goal.description}"),
                              QString()};
    Attempt attempt(makeProfile(command), m_dir->path(), QStringLiteral("a-1"), goal);
    attempt.start();
    QVERIFY(attempt.finishes());
    QCOMPARE(attempt.future.result().outcome, AgentResult::Outcome::Completed);

    QByteArrayList raw = readAll(path(QStringLiteral("args.bin"))).split('\0');
    QVERIFY(!raw.isEmpty());
    QCOMPARE(raw.takeLast(), QByteArray()); // after the last terminator
    QStringList args;
    for (const QByteArray &arg : raw)
        args << QString::fromUtf8(arg);

    const QStringList expected{QStringLiteral("g-42"),
                               goal.title,
                               QStringLiteral("--title=") + goal.title,
                               QStringLiteral(R"($(touch pwned) ; echo $HOME && g-42 | cat > out.txt *)"),
                               QStringLiteral("2"),
                               m_dir->path(),
                               QStringLiteral("runner"),
                               QStringLiteral("test-model-1"),
                               QStringLiteral("a-1"),
                               QStringLiteral("{unknown}"),
                               goal.description,
                               QString()};
    QCOMPARE(args, expected);
    for (const char *name : {"pwned", "pwned-title", "pwned-tick", "out.txt"})
        QVERIFY2(!QFile::exists(path(QString::fromLatin1(name))), name);
}

void TestProcessAgent::summaryFallbacks_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("summary");

    QTest::newRow("result message wins")
        << QStringLiteral(R"(echo '{"type":"result","summary":"the summary"}'; echo '{"type":"log","text":"after"}')")
        << QStringLiteral("the summary");
    QTest::newRow("last result wins")
        << QStringLiteral(R"(echo '{"type":"result","summary":"first"}'; echo '{"type":"result","summary":"second"}')")
        << QStringLiteral("second");
    QTest::newRow("last log message") << QStringLiteral(R"(echo one; echo '{"type":"log","text":"last words"}')")
                                      << QStringLiteral("last words");
    QTest::newRow("last plain line") << QStringLiteral("echo one; echo two") << QStringLiteral("two");
    QTest::newRow("unterminated last line")
        << QStringLiteral("printf 'no newline at end'") << QStringLiteral("no newline at end");
    QTest::newRow("stderr is no summary") << QStringLiteral("echo out; echo err >&2") << QStringLiteral("out");
    QTest::newRow("no output") << QStringLiteral("true") << QStringLiteral("exited with code 0");
}

void TestProcessAgent::summaryFallbacks()
{
    QFETCH(QString, body);
    QFETCH(QString, summary);
    const QString program = script(QStringLiteral("agent.sh"), body + u'\n');
    Attempt attempt(makeProfile({program}), m_dir->path());
    attempt.start();
    QVERIFY(attempt.finishes());
    const AgentResult result = attempt.future.result();
    QCOMPARE(result.outcome, AgentResult::Outcome::Completed);
    QCOMPARE(result.summary, summary);
}

void TestProcessAgent::logsPlainAndMalformedLines()
{
    const QString program = script(QStringLiteral("agent.sh"), QStringLiteral(R"(echo 'hello there'
echo '{not json'
echo '{"type":"progress","progress":"forty"}'
echo '{"type":"bogus"}'
echo '{"progress":10}'
echo '{"type":"usage","input_tokens":-5}'
echo '{"type":"progress","progress":55,"step":"still fine"}'
)"));
    Attempt attempt(makeProfile({program}), m_dir->path(), QStringLiteral("a-7"));
    attempt.start();
    QVERIFY(attempt.finishes());
    const AgentResult result = attempt.future.result();
    QCOMPARE(result.outcome, AgentResult::Outcome::Completed);

    QVERIFY(attempt.hasLine(QStringLiteral("hello there")));
    QVERIFY(attempt.hasLineStartingWith(QStringLiteral("[a-7] malformed message on line 2: not valid JSON")));
    const QString progressLine =
        attempt.lineStartingWith(QStringLiteral("[a-7] malformed message on line 3: progress must be a number"));
    QVERIFY2(!progressLine.isEmpty(), qPrintable(attempt.logText()));
    QVERIFY2(progressLine.contains(QStringLiteral(R"("progress":"forty")")), qPrintable(progressLine));
    QVERIFY(attempt.hasLineStartingWith(
        QStringLiteral("[a-7] malformed message on line 4: unknown message type \"bogus\"")));
    QVERIFY(attempt.hasLineStartingWith(QStringLiteral("[a-7] malformed message on line 5: missing \"type\"")));
    QVERIFY(attempt.hasLineStartingWith(
        QStringLiteral("[a-7] malformed message on line 6: input_tokens must be a non-negative integer")));

    // Malformed messages changed nothing; the valid one after them still counted.
    const AgentLiveState state = attempt.context.liveState();
    QCOMPARE(state.progress, 55);
    QCOMPARE(state.step, QStringLiteral("still fine"));
    QCOMPARE(state.inputTokens, 0);
}

void TestProcessAgent::malformedLinesAreCut_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("agentId");
    QTest::addColumn<QString>("expected"); // the start of the malformed entry; empty: cut before it shows
    const QByteArray big(100000, 'x');
    QTest::newRow("unknown type") << QByteArray("{\"type\":\"" + big + "\"}") << u"a-1"_s
                                  << u"[a-1] malformed message on line 1: unknown message type \"xxx"_s;
    QTest::newRow("invalid JSON") << QByteArray("{\"type\":\"log\",\"text\":\"" + big) << u"a-1"_s
                                  << u"[a-1] malformed message on line 1: not valid JSON"_s;
    QTest::newRow("wrong field") << QByteArray("{\"type\":\"progress\",\"progress\":\"" + big + "\"}") << u"a-1"_s
                                 << u"[a-1] malformed message on line 1: progress must be a number"_s;
    QTest::newRow("over the line cap") << QByteArray("{\"type\":\"log\",\"text\":\"" + QByteArray(2000000, 'x') + "\"}")
                                       << u"a-1"_s << u"[a-1] malformed message on line 1: line longer than"_s;
    QTest::newRow("agent id") << QByteArray(R"({"type":"progress","progress":"forty"})") << QString(20000, u'i')
                              << QString();
}

// Whatever part of a malformed message's log entry is oversized, the entry is cut to the log's 8 KiB.
void TestProcessAgent::malformedLinesAreCut()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, agentId);
    QFETCH(QString, expected);
    test::writeFile(m_dir->path(), QStringLiteral("line.txt"), line + '\n');
    const QString program = script(QStringLiteral("agent.sh"), QStringLiteral("cat line.txt\n"));
    Attempt attempt(makeProfile({program}), m_dir->path(), agentId);
    attempt.start();
    QVERIFY(attempt.finishes());
    const QStringList lines = attempt.log->lines();
    for (const QString &l : lines)
        QVERIFY2(l.toUtf8().size() <= AgentActions::MaxLogLineBytes + 64, qPrintable(l.left(200)));
    if (expected.isEmpty()) {
        // The entry starts with the agent id: cut inside it, marked.
        const QString entry = attempt.lineStartingWith(u'[' + agentId.left(100));
        QVERIFY2(std::any_of(lines.cbegin(), lines.cend(),
                             [&](const QString &l) {
                                 return l.startsWith(u'[' + agentId.left(100)) && l.endsWith(u"more bytes]"_s);
                             }),
                 qPrintable(entry.left(200)));
        return;
    }
    const QString entry = attempt.lineStartingWith(expected);
    QVERIFY2(!entry.isEmpty(), qPrintable(attempt.logText().left(2000)));
    QVERIFY2(entry.toUtf8().size() <= AgentActions::MaxLogLineBytes + 64, qPrintable(QString::number(entry.size())));
    // The start of the line is still shown after the reason.
    QVERIFY2(entry.contains(u"\u2014 {"_s), qPrintable(entry.left(400)));
}

void TestProcessAgent::buffersPartialLines()
{
    const QString program = script(QStringLiteral("agent.sh"), QStringLiteral(R"(printf '{"type":"progress","prog'
sleep 0.2
printf 'ress":64,"step":"split'
sleep 0.2
printf ' step"}\n{"type":"log","text":"after split"}\n'
)"));
    Attempt attempt(makeProfile({program}), m_dir->path());
    attempt.start();
    QVERIFY(attempt.finishes());
    QCOMPARE(attempt.future.result().outcome, AgentResult::Outcome::Completed);
    QCOMPARE(attempt.context.liveState().progress, 64);
    QCOMPARE(attempt.context.liveState().step, QStringLiteral("split step"));
    QVERIFY2(attempt.hasLine(QStringLiteral("after split")), qPrintable(attempt.logText()));
    QVERIFY(!attempt.hasLineStartingWith(QStringLiteral("[a-1] malformed")));
}

void TestProcessAgent::capsLongLines()
{
    // 3 MB of text with a newline, a JSON message over the 1 MiB cap, then 2 MB with no newline at all.
    const QString program = script(QStringLiteral("agent.sh"), QStringLiteral(R"(head -c 3000000 /dev/zero | tr '\0' x
echo
echo '{"type":"progress","progress":77}'
printf '{"type":"log","text":"'
head -c 2000000 /dev/zero | tr '\0' a
printf '"}\n'
head -c 2000000 /dev/zero | tr '\0' y
)"));
    Attempt attempt(makeProfile({program}), m_dir->path());
    attempt.start();
    QVERIFY(attempt.finishes());
    const AgentResult result = attempt.future.result();
    QCOMPARE(result.outcome, AgentResult::Outcome::Completed);
    QCOMPARE(attempt.context.liveState().progress, 77);

    const QString xLine = attempt.lineStartingWith(QStringLiteral("xxxx"));
    QVERIFY(!xLine.isEmpty());
    QVERIFY2(xLine.endsWith(QStringLiteral("[line truncated: 2991808 more bytes]")), qPrintable(xLine.right(80)));
    QVERIFY(xLine.size() < 8192 + 100);

    const QString jsonLine = attempt.lineStartingWith(QStringLiteral("[a-1] malformed message on line 3: "));
    QVERIFY2(jsonLine.contains(QStringLiteral("line longer than 1048576 bytes (951448 bytes dropped)")),
             qPrintable(jsonLine.left(200)));
    QVERIFY(jsonLine.size() < 1000);

    QVERIFY2(result.summary.startsWith(QStringLiteral("yyyy")), qPrintable(result.summary.left(80)));
    QVERIFY2(result.summary.endsWith(QStringLiteral("[line truncated: 1991808 more bytes]")),
             qPrintable(result.summary.right(80)));
}

void TestProcessAgent::failsWithExitCodeAndStderrTail()
{
    const QString program = script(QStringLiteral("agent.sh"), QStringLiteral(R"(echo 'some output'
i=1
while [ $i -le 30 ]; do echo "err $i" >&2; i=$((i+1)); done
exit 3
)"));
    Attempt attempt(makeProfile({program}), m_dir->path());
    attempt.start();
    QVERIFY(attempt.finishes());
    const AgentResult result = attempt.future.result();
    QCOMPARE(result.outcome, AgentResult::Outcome::Failed);
    QCOMPARE(result.exitCode, 3);
    QCOMPARE(result.errorKind, QStringLiteral("exit"));
    QVERIFY2(result.error.startsWith(QStringLiteral("exit code 3")), qPrintable(result.error));
    QVERIFY2(result.error.contains(QStringLiteral("\nerr 30")), qPrintable(result.error));
    QVERIFY2(result.error.contains(QStringLiteral("\nerr 11\n")), qPrintable(result.error));
    QVERIFY2(!result.error.contains(QStringLiteral("err 10\n")), qPrintable(result.error));
    QVERIFY(attempt.hasLine(QStringLiteral("stderr: err 1")));
    QVERIFY(attempt.hasLine(QStringLiteral("stderr: err 30")));
    QVERIFY(attempt.hasLine(QStringLiteral("some output")));
}

void TestProcessAgent::failsWhenKilledBySignal()
{
    const QString program = script(QStringLiteral("agent.sh"), QStringLiteral(R"(echo 'about to crash' >&2
ulimit -c 0
kill -s SEGV $$
sleep 5
)"));
    Attempt attempt(makeProfile({program}), m_dir->path());
    attempt.start();
    QVERIFY(attempt.finishes());
    const AgentResult result = attempt.future.result();
    QCOMPARE(result.outcome, AgentResult::Outcome::Failed);
    QVERIFY2(result.error.startsWith(QStringLiteral("killed by signal 11 (SIGSEGV)")), qPrintable(result.error));
    QVERIFY2(result.error.contains(QStringLiteral("about to crash")), qPrintable(result.error));
    QCOMPARE(result.exitCode, 128 + 11);
    QCOMPARE(result.errorKind, QStringLiteral("crash"));
}

void TestProcessAgent::failsWhenProgramCannotStart_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("osError");

    QTest::newRow("missing path") << QStringLiteral("/nonexistent/dir/agent-xyz")
                                  << QStringLiteral("No such file or directory");
    QTest::newRow("not in PATH") << QStringLiteral("switchboard-no-such-agent-xyz")
                                 << QStringLiteral("No such file or directory (not found in PATH)");
    QTest::newRow("not executable") << QString() << QStringLiteral("Permission denied");
}

void TestProcessAgent::failsWhenProgramCannotStart()
{
    QFETCH(QString, program);
    QFETCH(QString, osError);
    if (program.isEmpty()) {
        program = test::writeFile(m_dir->path(), QStringLiteral("plain.txt"), "#!/bin/sh\necho hi\n");
        QVERIFY(!program.isEmpty());
    }
    Attempt attempt(makeProfile({program, QStringLiteral("--flag")}), m_dir->path());
    attempt.start();
    QVERIFY(attempt.finishes());
    const AgentResult result = attempt.future.result();
    QCOMPARE(result.outcome, AgentResult::Outcome::Failed);
    QVERIFY2(result.error.contains(u'"' + program + u'"'), qPrintable(result.error));
    QVERIFY2(result.error.contains(osError), qPrintable(result.error));
    QCOMPARE(result.errorKind, QStringLiteral("spawn"));
    QVERIFY(!attempt.agent.isRunning(QStringLiteral("a-1")));
}

void TestProcessAgent::failsWithEmptyCommand_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::newRow("no command") << QStringList();
    QTest::newRow("empty program") << QStringList{QString(), QStringLiteral("arg")};
}

void TestProcessAgent::failsWithEmptyCommand()
{
    QFETCH(QStringList, command);
    Attempt attempt(makeProfile(command), m_dir->path());
    attempt.start();
    QVERIFY(attempt.finishes());
    const AgentResult result = attempt.future.result();
    QCOMPARE(result.outcome, AgentResult::Outcome::Failed);
    QVERIFY2(result.error.contains(QStringLiteral("no command")), qPrintable(result.error));
    QVERIFY2(result.error.contains(QStringLiteral("\"runner\"")), qPrintable(result.error));
    QCOMPARE(result.errorKind, QStringLiteral("invalid"));
}

void TestProcessAgent::cancelIsPrompt()
{
    // A well-behaved agent dies on SIGTERM: cancel must not wait for the (default 3 s) grace period.
    const QString program = script(QStringLiteral("agent.sh"), QStringLiteral(R"(echo $$ > leader.pid
echo '{"type":"progress","progress":5,"step":"working"}'
sleep 30
)"));
    Attempt attempt(makeProfile({program}), m_dir->path());
    attempt.start();
    QTRY_COMPARE_WITH_TIMEOUT(attempt.context.liveState().step, QStringLiteral("working"), 10000);
    const qint64 leader = readPid(path(QStringLiteral("leader.pid")));
    QVERIFY(processAlive(leader));

    QElapsedTimer timer;
    timer.start();
    attempt.context.requestCancel();
    QVERIFY(attempt.finishes(5000));
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(attempt.future.result().outcome, AgentResult::Outcome::Cancelled);
    QVERIFY(!processAlive(leader));
    QVERIFY(!attempt.hasLineStartingWith(QStringLiteral("[a-1] process group"))); // no SIGKILL was needed
}

void TestProcessAgent::cancelKillsWholeProcessGroup()
{
    // A child and a grandchild that ignore SIGTERM (and their sleeps, which inherit that) must still die.
    script(QStringLiteral("grandchild.sh"), QStringLiteral(R"(trap '' TERM
echo $$ > grandchild.pid
sleep 60 &
echo $! > grandchild-sleep.pid
wait
)"));
    script(QStringLiteral("child.sh"), QStringLiteral(R"(trap '' TERM
echo $$ > child.pid
./grandchild.sh &
sleep 60 &
echo $! > child-sleep.pid
wait
)"));
    const QString leader = script(QStringLiteral("leader.sh"), QStringLiteral(R"(echo $$ > leader.pid
./child.sh &
for f in child.pid child-sleep.pid grandchild.pid grandchild-sleep.pid; do
    while [ ! -s "$f" ]; do sleep 0.02; done
done
echo '{"type":"progress","progress":10,"step":"spawned"}'
sleep 60
)"));
    Attempt attempt(makeProfile({leader}, {{QStringLiteral("kill_grace_ms"), 300}}), m_dir->path());
    attempt.start();
    QTRY_COMPARE_WITH_TIMEOUT(attempt.context.liveState().step, QStringLiteral("spawned"), 10000);

    QList<qint64> pids;
    for (const char *name : {"leader.pid", "child.pid", "child-sleep.pid", "grandchild.pid", "grandchild-sleep.pid"}) {
        const qint64 pid = readPid(path(QString::fromLatin1(name)));
        QVERIFY2(processAlive(pid), name);
        pids << pid;
    }

    QElapsedTimer timer;
    timer.start();
    attempt.context.requestCancel();
    QVERIFY(attempt.finishes(10000));
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(attempt.future.result().outcome, AgentResult::Outcome::Cancelled);
    // run() returns only once the group is gone: no waiting here.
    for (const qint64 pid : std::as_const(pids))
        QVERIFY2(!processAlive(pid), qPrintable(QString::number(pid)));
    QVERIFY2(attempt.hasLineStartingWith(QStringLiteral("[a-1] process group")), qPrintable(attempt.logText()));
}

void TestProcessAgent::cancelBeforeStartRunsNothing()
{
    const QString program = script(QStringLiteral("agent.sh"), QStringLiteral("touch ran\n"));
    Attempt attempt(makeProfile({program}), m_dir->path());
    attempt.context.requestCancel();
    attempt.start();
    QVERIFY(attempt.finishes());
    QCOMPARE(attempt.future.result().outcome, AgentResult::Outcome::Cancelled);
    QVERIFY(!QFile::exists(path(QStringLiteral("ran"))));
}

void TestProcessAgent::timesOut()
{
    const QString program = script(QStringLiteral("agent.sh"), QStringLiteral(R"(echo $$ > leader.pid
echo 'still thinking' >&2
sleep 30
)"));
    AgentProfile profile = makeProfile({program}, {{QStringLiteral("kill_grace_ms"), 500}});
    profile.timeoutS = 1;
    Attempt attempt(profile, m_dir->path());
    QElapsedTimer timer;
    timer.start();
    attempt.start();
    QVERIFY(attempt.finishes(10000));
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    const AgentResult result = attempt.future.result();
    QCOMPARE(result.outcome, AgentResult::Outcome::Failed);
    QVERIFY2(result.error.startsWith(QStringLiteral("timed out after 1 s")), qPrintable(result.error));
    QVERIFY2(result.error.contains(QStringLiteral("still thinking")), qPrintable(result.error));
    QCOMPARE(result.errorKind, QStringLiteral("timeout"));
    const qint64 leader = readPid(path(QStringLiteral("leader.pid")));
    QVERIFY(leader > 0);
    QVERIFY(!processAlive(leader));
}

void TestProcessAgent::killsLeftoverProcessesAfterExit()
{
    script(QStringLiteral("lingering.sh"), QStringLiteral(R"(trap '' TERM
sleep 60 &
echo $! > lingering-sleep.pid
echo $$ > lingering.pid
wait
)"));
    const QString leader = script(QStringLiteral("leader.sh"), QStringLiteral(R"(./lingering.sh &
while [ ! -s lingering.pid ]; do sleep 0.02; done
echo '{"type":"result","summary":"parent done"}'
exit 0
)"));
    Attempt attempt(makeProfile({leader}, {{QStringLiteral("kill_grace_ms"), 200}}), m_dir->path());
    attempt.start();
    QVERIFY(attempt.finishes());
    const AgentResult result = attempt.future.result();
    QCOMPARE(result.outcome, AgentResult::Outcome::Completed);
    QCOMPARE(result.summary, QStringLiteral("parent done"));
    const qint64 lingering = readPid(path(QStringLiteral("lingering.pid")));
    const qint64 lingeringSleep = readPid(path(QStringLiteral("lingering-sleep.pid")));
    QVERIFY(lingering > 0 && lingeringSleep > 0);
    QVERIFY(!processAlive(lingering));
    QVERIFY(!processAlive(lingeringSleep));
    QVERIFY2(attempt.hasLineStartingWith(QStringLiteral("[a-1] 2 other process(es) of process group")),
             qPrintable(attempt.logText()));
}

void TestProcessAgent::sendsMessagesToStdin()
{
    const QString program = script(QStringLiteral("agent.sh"), QStringLiteral(R"(IFS= read -r goal
echo '{"type":"log","text":"ready"}'
IFS= read -r first
printf 'got: %s\n' "$first"
IFS= read -r second
printf 'got: %s\n' "$second"
)"));
    Attempt attempt(makeProfile({program}), m_dir->path());
    QVERIFY(!attempt.agent.sendMessage(QStringLiteral("a-1"), {})); // nothing runs yet
    attempt.start();
    QTRY_VERIFY_WITH_TIMEOUT(attempt.hasLine(QStringLiteral("ready")), 10000);
    QVERIFY(attempt.agent.isRunning(QStringLiteral("a-1")));
    QVERIFY(!attempt.agent.sendMessage(QStringLiteral("a-2"), {})); // another agent's

    // From this (main) thread, which does not own the QProcess...
    QVERIFY(attempt.agent.sendMessage(QStringLiteral("a-1"), {{QStringLiteral("type"), QStringLiteral("answer")},
                                                              {QStringLiteral("text"), QStringLiteral("42")}}));
    QTRY_VERIFY_WITH_TIMEOUT(attempt.hasLine(QStringLiteral(R"(got: {"text":"42","type":"answer"})")), 10000);

    // ...and from a third thread.
    bool sent = false;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        sent = attempt.agent.sendMessage(QStringLiteral("a-1"), {{QStringLiteral("type"), QStringLiteral("lock")},
                                                                 {QStringLiteral("granted"), true}});
    }));
    thread->start();
    QVERIFY(thread->wait(5000));
    QVERIFY(sent);

    QVERIFY(attempt.finishes());
    QCOMPARE(attempt.future.result().outcome, AgentResult::Outcome::Completed);
    QVERIFY2(attempt.hasLine(QStringLiteral(R"(got: {"granted":true,"type":"lock"})")), qPrintable(attempt.logText()));
    QVERIFY(!attempt.agent.isRunning(QStringLiteral("a-1")));
    QVERIFY(!attempt.agent.sendMessage(QStringLiteral("a-1"), {})); // finished
}

void TestProcessAgent::closesStdinWhenAsked()
{
    // A program that reads stdin to EOF would wait forever unless stdin is closed after the goal.
    const QString program = script(QStringLiteral("agent.sh"), QStringLiteral(R"(cat > stdin.txt
echo 'read to EOF'
)"));
    Attempt attempt(makeProfile({program}, {{QStringLiteral("close_stdin"), true}}), m_dir->path());
    attempt.start();
    QVERIFY(attempt.finishes(10000));
    const AgentResult result = attempt.future.result();
    QCOMPARE(result.outcome, AgentResult::Outcome::Completed);
    QCOMPARE(result.summary, QStringLiteral("read to EOF"));
    QCOMPARE(readAll(path(QStringLiteral("stdin.txt"))),
             QJsonDocument(attempt.context.goalMessage()).toJson(QJsonDocument::Compact) + '\n');
}

QTEST_GUILESS_MAIN(TestProcessAgent)

#include "tst_processagent.moc"
