// The coding-CLI backends (claude-code, codex, gemini, aider) end to end through the real Orchestrator: stand-in
// executables written by the tests (python3) replay each CLI's documented event stream and write down what they
// received (argv, working directory, stdin), so the test checks both directions. Covers success, error results,
// the turn limit, malformed lines, Claude Code's permission round trip through the EscalationInbox (Allow, Deny,
// Always allow, also across a retry), the session resumed on a retry, cancel and idle timeout of a hung CLI (its
// whole process group), huge output, usage and cost, and codex's stdin being /dev/null.
#include "agents/coding/AiderDialect.h"
#include "agents/coding/ClaudeCodeDialect.h"
#include "orchestration/Orchestrator.h"
#include "support/GoalBuilder.h"
#include "support/ProfileBuilder.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {

// Shared by every stand-in: what it received goes to received-<name>-<attempt>.json in its working directory.
const QString kPrelude = uR"PY(#!/usr/bin/env python3
import json, os, select, sys, time
ATTEMPT = int(os.environ.get("SWITCHBOARD_ATTEMPT", "1"))
RECEIVED = {"argv": sys.argv[1:], "cwd": os.getcwd(), "stdin": []}
def save():
    path = os.path.join(os.getcwd(), "received-%s-%d.json" % (NAME, ATTEMPT))
    with open(path + ".tmp", "w") as f:
        json.dump(RECEIVED, f)
    os.replace(path + ".tmp", path)
def emit(obj):
    sys.stdout.write((obj if isinstance(obj, str) else json.dumps(obj)) + "\n")
    sys.stdout.flush()
def read_message():
    line = sys.stdin.readline()
    if not line:
        RECEIVED["stdin"].append("EOF")
        save()
        return None
    message = json.loads(line)
    RECEIVED["stdin"].append(message)
    save()
    return message
def wait_for_eof():
    while read_message() is not None:
        pass
)PY"_s;

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list << item.toString();
    return list;
}

QStringList optionKeys(const Escalation &e)
{
    QStringList keys;
    for (const Escalation::Option &option : e.options)
        keys << option.key;
    return keys;
}

bool anyLineContains(const QStringList &lines, const QString &text)
{
    return std::any_of(lines.cbegin(), lines.cend(), [&](const QString &line) { return line.contains(text); });
}

} // namespace

class TestCodingAgents final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void claudeSuccessFromPath();
    void claudeErrorResults_data();
    void claudeErrorResults();
    void claudeMalformedLinesAreLogged();
    void claudePermission_data();
    void claudePermission();
    void claudeAlwaysAllowAndResumeOutliveARetry();
    void claudeWaitingForPermissionIsNotIdle();
    void claudeCancelWhileAskingWithdrawsTheQuestion();
    void claudeCancelEndsProcessGroup();
    void claudeIdleTimeout();
    void claudeHugeOutputIsCut();
    void permissionContextIsReadable();
    void codexSuccessWithNullStdin();
    void codexFailures_data();
    void codexFailures();
    void codexResumesThreadOnRetry();
    void geminiSuccess();
    void geminiExitCodes_data();
    void geminiExitCodes();
    void aiderSuccess();
    void aiderFailure();
    void aiderTokens_data();
    void aiderTokens();

private:
    // A stand-in named `name` (also its record's name) with the prelude, in the test's bin folder.
    QString standIn(const QString &name, const QString &body) const;
    AgentProfile profile(const QString &backend, const QString &program) const;
    QJsonObject received(const QString &name, int attempt = 1) const
    {
        return readJson(QDir(m_work->path()).filePath(u"received-%1-%2.json"_s.arg(name).arg(attempt)));
    }
    Goal goal(const QString &id, const QString &profileName) const
    {
        return test::GoalBuilder(id)
            .title(u"Fix the build"_s)
            .description(u"The linker fails on main.\nMake it pass."_s)
            .successCriteria({u"cmake --build works"_s})
            .profile(profileName);
    }

    std::unique_ptr<QTemporaryDir> m_bin;
    std::unique_ptr<QTemporaryDir> m_work;
};

void TestCodingAgents::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (QStandardPaths::findExecutable(u"python3"_s).isEmpty())
        QSKIP("python3 is needed for the stand-in CLIs (scripts/setup installs it)");
}

void TestCodingAgents::init()
{
    m_bin = std::make_unique<QTemporaryDir>();
    m_work = std::make_unique<QTemporaryDir>();
    QVERIFY(m_bin->isValid());
    QVERIFY(m_work->isValid());
}

QString TestCodingAgents::standIn(const QString &name, const QString &body) const
{
    return test::writeScript(m_bin->path(), name, kPrelude + u"NAME = \"%1\"\n"_s.arg(name) + body);
}

AgentProfile TestCodingAgents::profile(const QString &backend, const QString &program) const
{
    return test::ProfileBuilder(backend, backend).command({program}).setting(u"kill_grace_ms"_s, 300);
}

void TestCodingAgents::claudeSuccessFromPath()
{
    // No command in the profile: the adapter runs `claude` from PATH.
    standIn(u"claude"_s, uR"PY(
first = read_message()
emit({"type": "system", "subtype": "init", "session_id": "sess-1", "model": "claude-sonnet-4-5",
      "cwd": os.getcwd(), "tools": ["Bash", "Edit"]})
emit({"type": "assistant", "message": {"role": "assistant", "content": [
    {"type": "text", "text": "I will run the tests."},
    {"type": "tool_use", "id": "tu1", "name": "Bash", "input": {"command": "npm test"}}]}})
emit({"type": "user", "message": {"role": "user", "content": [
    {"type": "tool_result", "tool_use_id": "tu1", "content": "3 passing", "is_error": False}]}})
emit({"type": "assistant", "message": {"role": "assistant", "content": [
    {"type": "tool_use", "id": "tu2", "name": "Edit", "input": {"file_path": os.getcwd() + "/src/a.cpp",
     "old_string": "int a;", "new_string": "int a = 0;"}}]}})
emit({"type": "user", "message": {"role": "user", "content": [
    {"type": "tool_result", "tool_use_id": "tu2", "content": [{"type": "text", "text": "no such file"}],
     "is_error": True}]}})
emit({"type": "result", "subtype": "success", "is_error": False, "num_turns": 4, "session_id": "sess-1",
      "total_cost_usd": 0.0123, "result": "Fixed the linker flags; the build passes.",
      "usage": {"input_tokens": 100, "cache_creation_input_tokens": 20, "cache_read_input_tokens": 30,
                "output_tokens": 45}})
wait_for_eof()
)PY"_s);
    const QByteArray oldPath = qgetenv("PATH");
    qputenv("PATH", m_bin->path().toUtf8() + ':' + oldPath);
    const auto restorePath = qScopeGuard([&] { qputenv("PATH", oldPath); });

    Orchestrator o;
    o.setWorkspace(m_work->path());
    AgentProfile p = test::ProfileBuilder(u"claude"_s, u"claude-code"_s);
    p.model = u"claude-sonnet-4-5"_s;
    p.args = {u"--max-turns"_s, u"12"_s};
    o.setProfiles({p});
    Goal g = goal(u"fix"_s, u"claude"_s);
    const QString id = o.spawn(g);
    QVERIFY(o.waitAll(20000));

    const AgentStatus s = *o.status(id);
    QCOMPARE(s.state, AgentState::Completed);
    QCOMPARE(s.summary, u"Fixed the linker flags; the build passes."_s);
    QCOMPARE(s.turns, 4); // num_turns, shown in the review
    QCOMPARE(s.inputTokens, qint64(150));
    QCOMPARE(s.outputTokens, qint64(45));
    QCOMPARE(s.costUsd, 0.0123);

    const QJsonObject r = received(u"claude"_s);
    QCOMPARE(strings(r.value(u"argv")),
             (QStringList{u"-p"_s, u"--output-format"_s, u"stream-json"_s, u"--verbose"_s, u"--input-format"_s,
                          u"stream-json"_s, u"--permission-prompt-tool"_s, u"stdio"_s, u"--model"_s,
                          u"claude-sonnet-4-5"_s, u"--max-turns"_s, u"12"_s}));
    QCOMPARE(QDir(r.value(u"cwd").toString()).canonicalPath(), QDir(m_work->path()).canonicalPath());
    const QJsonArray stdinMessages = r.value(u"stdin").toArray();
    QCOMPARE(stdinMessages.size(), 2); // the goal, then EOF once the result came
    const QJsonObject first = stdinMessages.at(0).toObject();
    QCOMPARE(first.value(u"type").toString(), u"user"_s);
    QCOMPARE(first.value(u"message").toObject().value(u"role").toString(), u"user"_s);
    const QString content = first.value(u"message").toObject().value(u"content").toString();
    QVERIFY2(content.startsWith(u"Fix the build\n\nThe linker fails on main.\nMake it pass."_s), qPrintable(content));
    QVERIFY(content.contains(u"Success criteria:\n- cmake --build works"_s));
    QCOMPARE(stdinMessages.at(1).toString(), u"EOF"_s);

    const QStringList log = o.agentLog(id);
    QVERIFY(log.contains(u"I will run the tests."_s));
    QVERIFY(log.contains(u"→ Bash: npm test"_s));
    QVERIFY(log.contains(u"→ Edit: src/a.cpp"_s)); // the workspace prefix is left out
    QVERIFY(log.contains(u"✗ tool error: no such file"_s));
    QVERIFY(anyLineContains(log, u"Claude Code session sess-1 (model claude-sonnet-4-5, 2 tools)"_s));

    // The conversation for the detail pane: the task, text, tool calls and their results.
    const QList<TranscriptEntry> transcript = o.agentTranscript(id);
    QList<TranscriptEntry::Kind> kinds;
    for (const TranscriptEntry &entry : transcript)
        kinds << entry.kind;
    using K = TranscriptEntry::Kind;
    QCOMPARE(kinds, (QList<K>{K::User, K::Assistant, K::ToolCall, K::ToolResult, K::ToolCall, K::ToolResult}));
    QCOMPARE(transcript.at(0).text, content);
    QCOMPARE(transcript.at(2).toolName, u"Bash"_s);
    QCOMPARE(transcript.at(2).toolCallId, u"tu1"_s);
    QCOMPARE(transcript.at(2).text, u"{\"command\":\"npm test\"}"_s);
    QCOMPARE(transcript.at(3).text, u"3 passing"_s);
    QVERIFY(!transcript.at(3).isError);
    QCOMPARE(transcript.at(5).toolCallId, u"tu2"_s);
    QVERIFY(transcript.at(5).isError);
}

void TestCodingAgents::claudeErrorResults_data()
{
    QTest::addColumn<QString>("result");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("errorKind");

    QTest::newRow("error_during_execution")
        << uR"({"type": "result", "subtype": "error_during_execution", "is_error": True, "num_turns": 3})"_s << 1
        << u"Claude Code failed during execution (error_during_execution) after 3 turns"_s << u"exit"_s;
    QTest::newRow("error_max_turns")
        << uR"({"type": "result", "subtype": "error_max_turns", "is_error": True, "num_turns": 12})"_s << 1
        << u"Claude Code reached its turn limit (error_max_turns) after 12 turns"_s << u"max_turns"_s;
    QTest::newRow("success with is_error")
        << uR"({"type": "result", "subtype": "success", "is_error": True, "num_turns": 1, "result": "API Error: 529 overloaded"})"_s
        << 0 << u"Claude Code reported an error (success) after 1 turn: API Error: 529 overloaded"_s << u"exit"_s;
    QTest::newRow("no result") << u"None"_s << 3 << u"Claude Code exited with code 3 before its result"_s << u"exit"_s;
}

void TestCodingAgents::claudeErrorResults()
{
    QFETCH(QString, result);
    QFETCH(int, exitCode);
    QFETCH(QString, error);
    QFETCH(QString, errorKind);
    const QString program = standIn(u"claude"_s, uR"PY(
read_message()
emit({"type": "system", "subtype": "init", "session_id": "s", "model": "m", "cwd": os.getcwd(), "tools": []})
result = %1
if result:
    result["usage"] = {"input_tokens": 7, "output_tokens": 3}
    result["total_cost_usd"] = 0.5
    emit(result)
    wait_for_eof()
print("giving up", file=sys.stderr)
sys.exit(%2)
)PY"_s.arg(result)
                                                     .arg(exitCode));
    Orchestrator o;
    o.setWorkspace(m_work->path());
    o.setProfiles({profile(u"claude-code"_s, program)});
    const QString id = o.spawn(goal(u"g"_s, u"claude-code"_s));
    QVERIFY(o.waitAll(20000));
    const AgentStatus s = *o.status(id);
    QCOMPARE(s.state, AgentState::Failed);
    QVERIFY2(s.error.startsWith(error), qPrintable(s.error));
    QCOMPARE(s.errorKind, errorKind);
    if (result != u"None") {
        QCOMPARE(s.costUsd, 0.5); // what it spent counts even when it failed
        QCOMPARE(s.inputTokens, qint64(7));
    } else {
        QVERIFY(s.error.contains(u"giving up"_s)); // the stderr tail
    }
}

void TestCodingAgents::claudeMalformedLinesAreLogged()
{
    const QString program = standIn(u"claude"_s, uR"PY(
read_message()
emit("this is not json")
emit("[1, 2, 3]")
emit({"type": "telemetry", "x": 1})
emit({"no_type": True})
emit('{"type": "assistant", "message": {"content": [')
emit({"type": "result", "subtype": "success", "is_error": False, "num_turns": 1, "result": "still fine"})
wait_for_eof()
)PY"_s);
    Orchestrator o;
    o.setWorkspace(m_work->path());
    o.setProfiles({profile(u"claude-code"_s, program)});
    const QString id = o.spawn(goal(u"g"_s, u"claude-code"_s));
    QVERIFY(o.waitAll(20000));
    QCOMPARE(o.status(id)->state, AgentState::Completed);
    QCOMPARE(o.status(id)->summary, u"still fine"_s);
    const QStringList log = o.agentLog(id);
    const QString prefix = u"[%1] Claude Code line "_s.arg(id);
    QVERIFY2(anyLineContains(log, prefix + u"1 not understood"_s), qPrintable(log.join(u'\n')));
    QVERIFY(anyLineContains(log, prefix + u"2 not understood (not a JSON object): [1, 2, 3]"_s));
    QVERIFY(anyLineContains(log, prefix + u"3 not understood (unknown type \"telemetry\")"_s));
    QVERIFY(anyLineContains(log, prefix + u"4 not understood (no type)"_s));
    QVERIFY(anyLineContains(log, prefix + u"5 not understood"_s));
}

void TestCodingAgents::claudePermission_data()
{
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QString>("note");
    QTest::addColumn<QJsonObject>("expected");
    QTest::addColumn<QString>("summary");

    const QJsonObject input{{u"command"_s, u"rm -rf build"_s}, {u"description"_s, u"Clean the build folder"_s}};
    QTest::newRow("allow") << u"allow"_s << QString()
                           << QJsonObject{{u"behavior"_s, u"allow"_s}, {u"updatedInput"_s, input}} << u"cleaned"_s;
    QTest::newRow("deny") << u"deny"_s << u"keep the cache"_s
                          << QJsonObject{{u"behavior"_s, u"deny"_s},
                                         {u"message"_s, u"The user denied this tool use. Their note: keep the cache"_s}}
                          << u"not allowed: The user denied this tool use. Their note: keep the cache"_s;
    QTest::newRow("always") << u"always"_s << QString()
                            << QJsonObject{{u"behavior"_s, u"allow"_s}, {u"updatedInput"_s, input}} << u"cleaned"_s;
}

void TestCodingAgents::claudePermission()
{
    QFETCH(QString, answer);
    QFETCH(QString, note);
    QFETCH(QJsonObject, expected);
    QFETCH(QString, summary);
    // It asks for Bash twice: after "always" the second request is allowed without a question.
    const QString program = standIn(u"claude"_s, uR"PY(
read_message()
emit({"type": "system", "subtype": "init", "session_id": "s", "model": "m", "cwd": os.getcwd(), "tools": ["Bash"]})
emit({"type": "assistant", "message": {"content": [{"type": "tool_use", "id": "t", "name": "TodoWrite", "input": {
      "todos": [{"content": "clean", "status": "completed"}, {"content": "build", "status": "in_progress"},
                {"content": "test", "status": "pending"}, {"content": "ship", "status": "pending"}]}}]}})
emit({"type": "control_request", "request_id": "req-1", "request": {"subtype": "can_use_tool", "tool_name": "Bash",
      "input": {"command": "rm -rf build", "description": "Clean the build folder"}}})
reply = read_message()
decision = reply["response"]["response"]
if decision["behavior"] == "allow":
    emit({"type": "control_request", "request_id": "req-2", "request": {"subtype": "can_use_tool",
          "tool_name": "Bash", "input": {"command": "ls build"}}})
    read_message()
    text = "cleaned"
else:
    text = "not allowed: " + decision["message"]
emit({"type": "result", "subtype": "success", "is_error": False, "num_turns": 2, "result": text})
wait_for_eof()
)PY"_s);
    Orchestrator o;
    o.setWorkspace(m_work->path());
    o.setProfiles({profile(u"claude-code"_s, program)});
    QSignalSpy raised(&o.inbox(), &EscalationInbox::escalationRaised);
    const QString id = o.spawn(goal(u"g"_s, u"claude-code"_s));
    QVERIFY(raised.wait(20000));
    const Escalation e = raised.first().first().value<Escalation>();
    QCOMPARE(e.trigger, Escalation::Trigger::Permission);
    QCOMPARE(e.agentId, id);
    QCOMPARE(e.question, u"Claude Code asks to use Bash: rm -rf build"_s);
    QCOMPARE(e.context, u"$ rm -rf build\n\nClean the build folder"_s);
    QCOMPARE(optionKeys(e), (QStringList{u"allow"_s, u"deny"_s, u"always"_s}));
    QCOMPARE(e.optionLabel(u"always"_s), u"Always allow Bash for this goal"_s);
    // The card says it needs input, not that it runs.
    QTRY_COMPARE(o.status(id)->state, AgentState::Escalated);
    QCOMPARE(o.inbox().open().size(), 1);
    QTRY_COMPARE(o.status(id)->progress, 25); // 1 of 4 in its TodoWrite plan
    QTRY_COMPARE(o.status(id)->currentStep, u"needs permission: Bash: rm -rf build"_s);

    QVERIFY(o.inbox().answer(e.id, answer, note));
    if (answer == u"allow") {
        // "Allow" was for that call only: the next Bash call is asked again.
        QTRY_COMPARE_WITH_TIMEOUT(raised.size(), 2, 20000);
        const Escalation again = raised.at(1).first().value<Escalation>();
        QCOMPARE(again.question, u"Claude Code asks to use Bash: ls build"_s);
        QVERIFY(o.inbox().answer(again.id, u"deny"_s, {}));
    }
    QVERIFY(o.waitAll(20000));
    const AgentStatus s = *o.status(id);
    QCOMPARE(s.state, AgentState::Completed);
    QCOMPARE(s.summary, summary);

    const QJsonArray stdinMessages = received(u"claude"_s).value(u"stdin").toArray();
    const QJsonObject reply = stdinMessages.at(1).toObject();
    QCOMPARE(reply, (QJsonObject{{u"type"_s, u"control_response"_s},
                                 {u"response"_s, QJsonObject{{u"subtype"_s, u"success"_s},
                                                             {u"request_id"_s, u"req-1"_s},
                                                             {u"response"_s, expected}}}}));
    if (answer == u"deny")
        return;
    // The second Bash request: asked again after "allow" (and denied then), allowed at once after "always".
    const QJsonObject second = stdinMessages.at(2).toObject();
    QCOMPARE(second.value(u"response").toObject().value(u"response").toObject().value(u"behavior").toString(),
             answer == u"always" ? u"allow"_s : u"deny"_s);
    if (answer == u"always") {
        QCOMPARE(raised.size(), 1);
        QCOMPARE(second.value(u"response").toObject().value(u"request_id").toString(), u"req-2"_s);
        QCOMPARE(second.value(u"response").toObject().value(u"response").toObject().value(u"behavior").toString(),
                 u"allow"_s);
        QVERIFY(anyLineContains(o.agentLog(id), u"allowed Bash: ls build (Bash is always allowed for this goal)"_s));
    }
}

void TestCodingAgents::claudeAlwaysAllowAndResumeOutliveARetry()
{
    // Attempt 1 records its session, gets "always allow" for Bash and then fails; attempt 2 must resume that
    // session and have Bash allowed without a new question.
    const QString program = standIn(u"claude"_s, uR"PY(
read_message()
emit({"type": "system", "subtype": "init", "session_id": "sess-%d" % ATTEMPT, "model": "m", "cwd": os.getcwd(),
      "tools": ["Bash"]})
emit({"type": "control_request", "request_id": "r%d" % ATTEMPT, "request": {"subtype": "can_use_tool",
      "tool_name": "Bash", "input": {"command": "make"}}})
reply = read_message()
if ATTEMPT == 1:
    emit({"type": "result", "subtype": "error_during_execution", "is_error": True, "num_turns": 1})
    wait_for_eof()
    sys.exit(1)
emit({"type": "result", "subtype": "success", "is_error": False, "num_turns": 1,
      "result": reply["response"]["response"]["behavior"]})
wait_for_eof()
)PY"_s);
    Orchestrator o;
    o.setWorkspace(m_work->path());
    AgentProfile p = profile(u"claude-code"_s, program);
    p.retry.maxRetries = 1;
    p.retry.backoffS = {0.1};
    p.retry.jitter = 0;
    o.setProfiles({p});
    QSignalSpy raised(&o.inbox(), &EscalationInbox::escalationRaised);
    const QString id = o.spawn(goal(u"g"_s, u"claude-code"_s));
    QVERIFY(raised.wait(20000));
    QVERIFY(o.inbox().answer(raised.first().first().value<Escalation>().id, u"always"_s, {}));
    QVERIFY(o.waitAll(20000));
    const AgentStatus s = *o.status(id);
    QCOMPARE(s.state, AgentState::Completed);
    QCOMPARE(s.attempt, 2);
    QCOMPARE(s.summary, u"allow"_s);
    QCOMPARE(raised.size(), 1);

    QVERIFY(!strings(received(u"claude"_s, 1).value(u"argv")).contains(u"--resume"_s));
    const QStringList argv = strings(received(u"claude"_s, 2).value(u"argv"));
    const qsizetype resume = argv.indexOf(u"--resume"_s);
    QVERIFY2(resume > 0, qPrintable(argv.join(u' ')));
    QCOMPARE(argv.value(resume + 1), u"sess-1"_s);
}

void TestCodingAgents::claudeWaitingForPermissionIsNotIdle()
{
    // The CLI is silent while the human decides: with a 3 s idle timeout it must still be there after 6.5 s.
    // (3 s, not 1: a Python stand-in can take over a second to start on a loaded CI machine.)
    const QString program = standIn(u"claude"_s, uR"PY(
read_message()
emit({"type": "control_request", "request_id": "q", "request": {"subtype": "can_use_tool", "tool_name": "Write",
      "input": {"file_path": "notes.txt", "content": "hello"}}})
reply = read_message()
emit({"type": "result", "subtype": "success", "is_error": False, "num_turns": 1,
      "result": reply["response"]["response"]["behavior"]})
wait_for_eof()
)PY"_s);
    Orchestrator o;
    o.setWorkspace(m_work->path());
    AgentProfile p = profile(u"claude-code"_s, program);
    p.idleTimeoutS = 3;
    o.setProfiles({p});
    QSignalSpy raised(&o.inbox(), &EscalationInbox::escalationRaised);
    const QString id = o.spawn(goal(u"g"_s, u"claude-code"_s));
    QVERIFY(raised.wait(20000));
    const Escalation e = raised.first().first().value<Escalation>();
    QCOMPARE(e.question, u"Claude Code asks to use Write: notes.txt"_s);
    QCOMPARE(e.context, u"File: notes.txt (whole content)\n\n--- notes.txt\n+++ notes.txt\n+hello\n"_s);
    QTest::qWait(6500); // longer than the idle timeout, on purpose
    QCOMPARE(o.status(id)->state, AgentState::Escalated);
    QVERIFY(o.inbox().answer(e.id, u"allow"_s, {}));
    QVERIFY(o.waitAll(20000));
    QCOMPARE(o.status(id)->state, AgentState::Completed);
    QCOMPARE(o.status(id)->summary, u"allow"_s);
}

void TestCodingAgents::claudeCancelWhileAskingWithdrawsTheQuestion()
{
    const QString program = standIn(u"claude"_s, uR"PY(
read_message()
emit({"type": "control_request", "request_id": "q", "request": {"subtype": "can_use_tool", "tool_name": "Bash",
      "input": {"command": "make deploy"}}})
read_message()
time.sleep(60)
)PY"_s);
    Orchestrator o;
    o.setWorkspace(m_work->path());
    o.setProfiles({profile(u"claude-code"_s, program)});
    QSignalSpy raised(&o.inbox(), &EscalationInbox::escalationRaised);
    const QString id = o.spawn(goal(u"g"_s, u"claude-code"_s));
    QVERIFY(raised.wait(20000));
    const QString question = raised.first().first().value<Escalation>().id;
    QTRY_COMPARE(o.status(id)->state, AgentState::Escalated);
    QVERIFY(o.cancel(id));
    QVERIFY(o.waitAll(20000));
    QCOMPARE(o.status(id)->state, AgentState::Cancelled);
    QCOMPARE(o.inbox().openCount(), 0);
    QTRY_COMPARE(o.inbox().find(question)->state, Escalation::State::Cancelled);
}

void TestCodingAgents::claudeCancelEndsProcessGroup()
{
    // It starts a child that would outlive a plain kill of the leader, then hangs without reading stdin.
    const QString program = standIn(u"claude"_s, uR"PY(
import subprocess
read_message()
child = subprocess.Popen(["sleep", "60"])
with open(os.path.join(os.getcwd(), "pids"), "w") as f:
    f.write("%d %d" % (os.getpid(), child.pid))
emit({"type": "system", "subtype": "init", "session_id": "s", "model": "m", "cwd": os.getcwd(), "tools": []})
time.sleep(60)
)PY"_s);
    Orchestrator o;
    o.setWorkspace(m_work->path());
    o.setProfiles({profile(u"claude-code"_s, program)});
    const QString id = o.spawn(goal(u"g"_s, u"claude-code"_s));
    const QString pidFile = QDir(m_work->path()).filePath(u"pids"_s);
    QTRY_VERIFY_WITH_TIMEOUT(QFile(pidFile).size() > 0, 20000);
    QFile file(pidFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> pids = file.readAll().split(' ');
    QCOMPARE(pids.size(), 2);
    QVERIFY(test::processAlive(pids.at(1).toLongLong()));
    QVERIFY(o.cancel(id));
    QVERIFY(o.waitAll(20000));
    QCOMPARE(o.status(id)->state, AgentState::Cancelled);
    for (const QByteArray &pid : pids)
        QTRY_VERIFY(!test::processAlive(pid.toLongLong()));
    QVERIFY(anyLineContains(o.agentLog(id), u"cancelled: sending SIGTERM to process group"_s));
}

void TestCodingAgents::claudeIdleTimeout()
{
    const QString program = standIn(u"claude"_s, uR"PY(
read_message()
with open(os.path.join(os.getcwd(), "pid"), "w") as f:
    f.write(str(os.getpid()))
emit({"type": "system", "subtype": "init", "session_id": "s", "model": "m", "cwd": os.getcwd(), "tools": []})
time.sleep(60)
)PY"_s);
    Orchestrator o;
    o.setWorkspace(m_work->path());
    AgentProfile p = profile(u"claude-code"_s, program);
    p.idleTimeoutS = 3; // past the stand-in's start on a loaded machine, so it has written its pid
    o.setProfiles({p});
    const QString id = o.spawn(goal(u"g"_s, u"claude-code"_s));
    QVERIFY(o.waitAll(30000));
    QCOMPARE(o.status(id)->state, AgentState::Failed);
    QCOMPARE(o.status(id)->errorKind, u"idle_timeout"_s);
    QFile file(QDir(m_work->path()).filePath(u"pid"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QTRY_VERIFY(!test::processAlive(file.readAll().toLongLong()));
}

void TestCodingAgents::claudeHugeOutputIsCut()
{
    // A 3 MiB event and many ordinary ones: the long line is cut and logged, not parsed; the rest still counts.
    const QString program = standIn(u"claude"_s, uR"PY(
read_message()
emit({"type": "assistant", "message": {"content": [{"type": "text", "text": "x" * (3 * 1024 * 1024)}]}})
for i in range(500):
    emit({"type": "assistant", "message": {"content": [{"type": "text", "text": "line %d" % i}]}})
emit({"type": "result", "subtype": "success", "is_error": False, "num_turns": 1, "result": "survived"})
wait_for_eof()
)PY"_s);
    Orchestrator o;
    o.setWorkspace(m_work->path());
    o.setProfiles({profile(u"claude-code"_s, program)});
    const QString id = o.spawn(goal(u"g"_s, u"claude-code"_s));
    QVERIFY(o.waitAll(30000));
    QCOMPARE(o.status(id)->state, AgentState::Completed);
    QCOMPARE(o.status(id)->summary, u"survived"_s);
    const QStringList log = o.agentLog(id);
    const auto cut = std::find_if(log.cbegin(), log.cend(), [](const QString &line) {
        return line.contains(u"line 1 not understood (longer than 1048576 bytes"_s);
    });
    QVERIFY(cut != log.cend());
    QVERIFY(cut->size() < 1000); // the excerpt, not the megabytes
    QVERIFY(log.contains(u"line 499"_s));
}

void TestCodingAgents::permissionContextIsReadable()
{
    const QString edit = ClaudeCodeDialect::permissionContext(u"Edit"_s, {{u"file_path"_s, u"/w/src/a.cpp"_s},
                                                                          {u"old_string"_s, u"int a;\nint b;"_s},
                                                                          {u"new_string"_s, u"int a = 0;"_s}});
    QCOMPARE(edit, u"File: /w/src/a.cpp\n\n--- /w/src/a.cpp\n+++ /w/src/a.cpp\n-int a;\n-int b;\n+int a = 0;\n"_s);
    const QString write =
        ClaudeCodeDialect::permissionContext(u"Write"_s, {{u"file_path"_s, u"b.txt"_s}, {u"content"_s, u"hi\nyo"_s}});
    QCOMPARE(write, u"File: b.txt (whole content)\n\n--- b.txt\n+++ b.txt\n+hi\n+yo\n"_s);
    const QString huge = ClaudeCodeDialect::permissionContext(
        u"Write"_s, {{u"file_path"_s, u"big"_s}, {u"content"_s, QString(100000, u'x')}});
    QVERIFY(huge.size() < ClaudeCodeDialect::MaxPermissionContextChars + 100);
    QVERIFY(huge.endsWith(u"more characters not shown]"_s));
    QCOMPARE(ClaudeCodeDialect::describeTool(u"Write"_s, {{u"file_path"_s, u"/w/x/y.h"_s}}, u"/w"_s),
             u"Write: x/y.h"_s);
    QCOMPARE(ClaudeCodeDialect::describeTool(u"Grep"_s, {{u"pattern"_s, u"TODO"_s}}), u"Grep: TODO"_s);
    QCOMPARE(ClaudeCodeDialect::describeTool(u"Mystery"_s, {}), u"Mystery"_s);
}

void TestCodingAgents::codexSuccessWithNullStdin()
{
    const QString program = standIn(u"codex"_s, uR"PY(
readable, _, _ = select.select([sys.stdin], [], [], 5)
RECEIVED["stdin_target"] = os.path.realpath("/proc/self/fd/0")
RECEIVED["stdin_eof_at_once"] = bool(readable) and sys.stdin.read() == ""
save()
emit({"type": "thread.started", "thread_id": "th-42"})
emit({"type": "turn.started"})
emit({"type": "item.started", "item": {"id": "i1", "type": "command_execution", "command": "bash -lc 'make test'",
      "status": "in_progress"}})
emit({"type": "item.completed", "item": {"id": "i1", "type": "command_execution", "command": "bash -lc 'make test'",
      "aggregated_output": "1 failed", "exit_code": 2, "status": "failed"}})
emit({"type": "item.completed", "item": {"id": "i2", "type": "reasoning", "text": "The test needs a fixture."}})
emit({"type": "item.started", "item": {"id": "i3", "type": "mcp_tool_call", "server": "docs", "tool": "search",
      "status": "in_progress"}})
emit({"type": "item.completed", "item": {"id": "i3", "type": "mcp_tool_call", "server": "docs", "tool": "search",
      "status": "completed"}})
emit({"type": "item.completed", "item": {"id": "i4", "type": "file_change", "status": "completed",
      "changes": [{"path": "tests/fixture.py", "kind": "add"}]}})
emit({"type": "item.updated", "item": {"id": "i5", "type": "todo_list", "items": [
      {"text": "fix", "completed": True}, {"text": "test", "completed": True}, {"text": "docs", "completed": False},
      {"text": "ship", "completed": False}]}})
while not os.path.exists("go"):  # the test looks at the card meanwhile
    time.sleep(0.02)
emit({"type": "item.completed", "item": {"id": "i6", "type": "agent_message", "text": "Added the fixture."}})
emit({"type": "turn.completed", "usage": {"input_tokens": 1000, "cached_input_tokens": 200, "output_tokens": 500}})
)PY"_s);
    Orchestrator o;
    o.setWorkspace(m_work->path());
    AgentProfile p = profile(u"codex"_s, program);
    p.model = u"gpt-5-codex"_s;
    p.args = {u"--sandbox"_s, u"workspace-write"_s};
    p.llm.inputPerMTok = 2.0;
    p.llm.outputPerMTok = 8.0;
    o.setProfiles({p});
    const QString id = o.spawn(goal(u"g"_s, u"codex"_s));
    QTRY_COMPARE_WITH_TIMEOUT(o.status(id)->progress, 50, 20000); // 2 of 4 todo items done
    QCOMPARE(o.status(id)->currentStep, u"Edit: tests/fixture.py"_s);
    QVERIFY(QFile(QDir(m_work->path()).filePath(u"go"_s)).open(QIODevice::WriteOnly));
    QVERIFY(o.waitAll(20000));
    const AgentStatus s = *o.status(id);
    QCOMPARE(s.state, AgentState::Completed);
    QCOMPARE(s.summary, u"Added the fixture."_s);
    QCOMPARE(s.turns, 1);
    QCOMPARE(s.inputTokens, qint64(1000));
    QCOMPARE(s.outputTokens, qint64(500));
    QCOMPARE(s.costUsd, 0.006); // 1000 * 2 / 1e6 + 500 * 8 / 1e6

    const QJsonObject r = received(u"codex"_s);
    const QStringList argv = strings(r.value(u"argv"));
    QCOMPARE(argv.mid(0, 6), (QStringList{u"exec"_s, u"--json"_s, u"--model"_s, u"gpt-5-codex"_s, u"--sandbox"_s,
                                          u"workspace-write"_s}));
    QCOMPARE(argv.size(), 7);
    QVERIFY(argv.last().startsWith(u"Fix the build\n\n"_s));
    QCOMPARE(r.value(u"stdin_target").toString(), u"/dev/null"_s);
    QVERIFY(r.value(u"stdin_eof_at_once").toBool());

    const QStringList log = o.agentLog(id);
    QVERIFY(log.contains(u"$ bash -lc 'make test' (exit 2)"_s));
    QVERIFY(log.contains(u"1 failed"_s));
    QVERIFY(log.contains(u"thinking: The test needs a fixture."_s));
    QVERIFY(log.contains(u"MCP docs/search: completed"_s));
    QVERIFY(log.contains(u"add tests/fixture.py"_s));
    QVERIFY(anyLineContains(log, u"Codex thread th-42"_s));
    const QList<TranscriptEntry> transcript = o.agentTranscript(id);
    QCOMPARE(transcript.size(), 3); // the command, its output, the message
    QCOMPARE(transcript.at(0).text, u"bash -lc 'make test'"_s);
    QCOMPARE(transcript.at(1).text, u"1 failed"_s);
    QVERIFY(transcript.at(1).isError);
    QCOMPARE(transcript.at(2).kind, TranscriptEntry::Kind::Assistant);
}

void TestCodingAgents::codexFailures_data()
{
    QTest::addColumn<QString>("events");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("error");

    QTest::newRow("turn.failed") << uR"(
emit({"type": "turn.started"})
emit({"type": "turn.failed", "error": {"message": "stream disconnected before completion"}}))"_s
                                 << 1 << u"Codex turn failed: stream disconnected before completion"_s;
    QTest::newRow("error then exit") << uR"(
emit({"type": "error", "message": "unexpected status 401 Unauthorized"}))"_s
                                     << 1 << u"Codex: unexpected status 401 Unauthorized (exit code 1)"_s;
    QTest::newRow("error, exit 0") << uR"(
emit({"type": "turn.started"})
emit({"type": "error", "message": "quota exceeded"}))"_s
                                   << 0 << u"Codex: quota exceeded"_s;
    QTest::newRow("no events") << QString() << 0 << u"Codex ended without doing a turn"_s;
}

void TestCodingAgents::codexFailures()
{
    QFETCH(QString, events);
    QFETCH(int, exitCode);
    QFETCH(QString, error);
    const QString program = standIn(u"codex"_s, u"emit({\"type\": \"thread.started\", \"thread_id\": \"t\"})\n"_s +
                                                    events + u"\nsys.exit(%1)\n"_s.arg(exitCode));
    Orchestrator o;
    o.setWorkspace(m_work->path());
    o.setProfiles({profile(u"codex"_s, program)});
    const QString id = o.spawn(goal(u"g"_s, u"codex"_s));
    QVERIFY(o.waitAll(20000));
    QCOMPARE(o.status(id)->state, AgentState::Failed);
    QCOMPARE(o.status(id)->error, error);
}

void TestCodingAgents::codexResumesThreadOnRetry()
{
    const QString program = standIn(u"codex"_s, uR"PY(
save()
if ATTEMPT == 1:
    emit({"type": "thread.started", "thread_id": "th-first"})
    emit({"type": "turn.failed", "error": {"message": "rate limited"}})
    sys.exit(1)
emit({"type": "turn.started"})
emit({"type": "item.completed", "item": {"id": "m", "type": "agent_message", "text": "resumed and done"}})
emit({"type": "turn.completed", "usage": {"input_tokens": 1, "output_tokens": 1}})
)PY"_s);
    Orchestrator o;
    o.setWorkspace(m_work->path());
    AgentProfile p = profile(u"codex"_s, program);
    p.retry.maxRetries = 1;
    p.retry.backoffS = {0.1};
    p.retry.jitter = 0;
    o.setProfiles({p});
    const QString id = o.spawn(goal(u"g"_s, u"codex"_s));
    QVERIFY(o.waitAll(20000));
    QCOMPARE(o.status(id)->state, AgentState::Completed);
    QCOMPARE(o.status(id)->attempt, 2);
    QCOMPARE(o.status(id)->summary, u"resumed and done"_s);
    const QStringList argv = strings(received(u"codex"_s, 2).value(u"argv"));
    QCOMPARE(argv.mid(0, 4), (QStringList{u"exec"_s, u"--json"_s, u"resume"_s, u"th-first"_s}));
    QVERIFY(argv.last().startsWith(u"Fix the build"_s));
    QCOMPARE(argv.size(), 5);
}

void TestCodingAgents::geminiSuccess()
{
    const QString program = standIn(u"gemini"_s, uR"PY(
RECEIVED["stdin_target"] = os.path.realpath("/proc/self/fd/0")
save()
emit({"type": "init", "timestamp": "2025-01-01T00:00:00Z", "session_id": "gem-1", "model": "gemini-2.5-pro"})
emit({"type": "message", "role": "user", "content": "Fix the build"})
emit({"type": "message", "role": "assistant", "content": "Looking at ", "delta": True})
emit({"type": "message", "role": "assistant", "content": "the linker.", "delta": True})
emit({"type": "tool_use", "tool_name": "run_shell_command", "tool_id": "t1", "parameters": {"command": "make"}})
emit({"type": "tool_result", "tool_id": "t1", "status": "error", "error": {"type": "exit", "message": "make: *** [all] Error 2"}})
emit({"type": "error", "severity": "warning", "message": "loop detected, continuing"})
emit({"type": "message", "role": "assistant", "content": "Fixed the link order.", "delta": True})
emit({"type": "result", "status": "success", "stats": {"total_tokens": 1500, "input_tokens": 1200,
      "output_tokens": 300, "duration_ms": 900, "tool_calls": 1}})
)PY"_s);
    Orchestrator o;
    o.setWorkspace(m_work->path());
    AgentProfile p = profile(u"gemini"_s, program);
    p.args = {u"--yolo"_s};
    o.setProfiles({p});
    const QString id = o.spawn(goal(u"g"_s, u"gemini"_s));
    QVERIFY(o.waitAll(20000));
    const AgentStatus s = *o.status(id);
    QCOMPARE(s.state, AgentState::Completed);
    QCOMPARE(s.summary, u"Fixed the link order."_s);
    QCOMPARE(s.inputTokens, qint64(1200));
    QCOMPARE(s.outputTokens, qint64(300));
    const QJsonObject r = received(u"gemini"_s);
    const QStringList argv = strings(r.value(u"argv"));
    QCOMPARE(argv.size(), 5);
    QCOMPARE(argv.at(0), u"-p"_s);
    QVERIFY(argv.at(1).startsWith(u"Fix the build\n\n"_s));
    QCOMPARE(argv.mid(2), (QStringList{u"--output-format"_s, u"stream-json"_s, u"--yolo"_s}));
    QCOMPARE(r.value(u"stdin_target").toString(), u"/dev/null"_s);
    const QStringList log = o.agentLog(id);
    QVERIFY(log.contains(u"Looking at the linker."_s));
    QVERIFY(log.contains(u"→ run_shell_command: make"_s));
    QVERIFY(log.contains(u"✗ tool error: make: *** [all] Error 2"_s));
    QVERIFY(anyLineContains(log, u"Gemini CLI warning: loop detected, continuing"_s));
    QVERIFY(anyLineContains(log, u"Gemini CLI session gem-1 (model gemini-2.5-pro)"_s));
    const QList<TranscriptEntry> transcript = o.agentTranscript(id);
    QCOMPARE(transcript.size(), 4);
    QCOMPARE(transcript.at(0).text, u"Looking at the linker."_s);
    QCOMPARE(transcript.at(1).kind, TranscriptEntry::Kind::ToolCall);
    QCOMPARE(transcript.at(1).toolName, u"run_shell_command"_s);
    QCOMPARE(transcript.at(2).kind, TranscriptEntry::Kind::ToolResult);
    QVERIFY(transcript.at(2).isError);
    QCOMPARE(transcript.at(2).toolCallId, u"t1"_s);
    QCOMPARE(transcript.at(3).text, u"Fixed the link order."_s);
}

void TestCodingAgents::geminiExitCodes_data()
{
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("errorKind");
    QTest::newRow("42") << 42 << u"Gemini CLI: bad input (exit code 42): prompt is empty"_s << u"invalid"_s;
    QTest::newRow("53") << 53 << u"Gemini CLI: turn limit exceeded (exit code 53): prompt is empty"_s << u"max_turns"_s;
    QTest::newRow("1") << 1 << u"Gemini CLI exited with code 1: prompt is empty"_s << u"exit"_s;
}

void TestCodingAgents::geminiExitCodes()
{
    QFETCH(int, exitCode);
    QFETCH(QString, error);
    QFETCH(QString, errorKind);
    const QString program = standIn(u"gemini"_s, uR"PY(
emit({"type": "init", "session_id": "g", "model": "m"})
emit({"type": "result", "status": "error", "error": {"type": "input", "message": "prompt is empty"}, "stats": {}})
sys.exit(%1)
)PY"_s.arg(exitCode));
    Orchestrator o;
    o.setWorkspace(m_work->path());
    o.setProfiles({profile(u"gemini"_s, program)});
    const QString id = o.spawn(goal(u"g"_s, u"gemini"_s));
    QVERIFY(o.waitAll(20000));
    QCOMPARE(o.status(id)->state, AgentState::Failed);
    QCOMPARE(o.status(id)->error, error);
    QCOMPARE(o.status(id)->errorKind, errorKind);
}

void TestCodingAgents::aiderSuccess()
{
    const QString program = standIn(u"aider"_s, uR"PY(
RECEIVED["stdin_target"] = os.path.realpath("/proc/self/fd/0")
save()
for line in ["Aider v0.86.1", "Main model: gpt-4o with diff edit format", "",
             "I'll fix the link order in CMakeLists.txt.", "Applied edit to CMakeLists.txt",
             "Applied edit to src/main.cpp", "Commit 1a2b3c4 fix: link order",
             "Tokens: 2.3k sent, 156 received. Cost: $0.0082 message, $0.0082 session.",
             "Tokens: 1.1k sent, 2k cache hit, 1.2k received. Cost: $0.01 message, $0.0182 session."]:
    print(line, flush=True)
)PY"_s);
    Orchestrator o;
    o.setWorkspace(m_work->path());
    AgentProfile p = profile(u"aider"_s, program);
    p.model = u"gpt-4o"_s;
    o.setProfiles({p});
    const QString id = o.spawn(goal(u"g"_s, u"aider"_s));
    QVERIFY(o.waitAll(20000));
    const AgentStatus s = *o.status(id);
    QCOMPARE(s.state, AgentState::Completed);
    QCOMPARE(s.summary, u"Edited CMakeLists.txt, src/main.cpp; commit 1a2b3c4: fix: link order"_s);
    QCOMPARE(s.inputTokens, qint64(2300 + 1100 + 2000));
    QCOMPARE(s.outputTokens, qint64(156 + 1200));
    QVERIFY(qFuzzyCompare(s.costUsd, 0.0182));
    const QJsonObject r = received(u"aider"_s);
    const QStringList argv = strings(r.value(u"argv"));
    QCOMPARE(argv.size(), 6);
    QCOMPARE(argv.at(0), u"--message"_s);
    QVERIFY(argv.at(1).startsWith(u"Fix the build"_s));
    QCOMPARE(argv.mid(2), (QStringList{u"--yes-always"_s, u"--no-stream"_s, u"--model"_s, u"gpt-4o"_s}));
    QCOMPARE(r.value(u"stdin_target").toString(), u"/dev/null"_s);
    QVERIFY(o.agentLog(id).contains(u"Applied edit to src/main.cpp"_s));
}

void TestCodingAgents::aiderFailure()
{
    const QString program = standIn(u"aider"_s, uR"PY(
print("litellm.AuthenticationError: OPENAI_API_KEY is not set", flush=True)
sys.exit(1)
)PY"_s);
    Orchestrator o;
    o.setWorkspace(m_work->path());
    o.setProfiles({profile(u"aider"_s, program)});
    const QString id = o.spawn(goal(u"g"_s, u"aider"_s));
    QVERIFY(o.waitAll(20000));
    QCOMPARE(o.status(id)->state, AgentState::Failed);
    QCOMPARE(o.status(id)->error,
             u"Aider exited with code 1: litellm.AuthenticationError: OPENAI_API_KEY is not set"_s);
}

void TestCodingAgents::aiderTokens_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("matches");
    QTest::addColumn<qint64>("input");
    QTest::addColumn<qint64>("output");
    QTest::addColumn<double>("cost");
    QTest::newRow("plain") << u"Tokens: 2.3k sent, 156 received. Cost: $0.0082 message, $0.0082 session."_s << true
                           << qint64(2300) << qint64(156) << 0.0082;
    QTest::newRow("cache") << u"Tokens: 4.6k sent, 1.1k cache write, 3k cache hit, 89 received. Cost: $0.02 message, "
                              u"$0.03 session."_s
                           << true << qint64(8700) << qint64(89) << 0.02;
    QTest::newRow("no cost") << u"Tokens: 1.5M sent, 2k received."_s << true << qint64(1500000) << qint64(2000) << 0.0;
    QTest::newRow("other") << u"Applied edit to a.cpp"_s << false << qint64(0) << qint64(0) << 0.0;
}

void TestCodingAgents::aiderTokens()
{
    QFETCH(QString, line);
    QFETCH(bool, matches);
    QFETCH(qint64, input);
    QFETCH(qint64, output);
    QFETCH(double, cost);
    const std::optional<AiderDialect::Usage> usage = AiderDialect::parseTokens(line);
    QCOMPARE(usage.has_value(), matches);
    if (!usage)
        return;
    QCOMPARE(usage->inputTokens, input);
    QCOMPARE(usage->outputTokens, output);
    QCOMPARE(usage->costUsd, cost);
}

QTEST_GUILESS_MAIN(TestCodingAgents)
#include "tst_codingagents.moc"
