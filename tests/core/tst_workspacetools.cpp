// The tools a model agent works with, on a real workspace and a real AttemptContext (the run's locks, inbox
// and scratchpad behind it): what each tool does, paths that leave the workspace refused with nothing
// written, writes under the file's lock with the fencing check, atomic replacement, run_command's switch,
// allow-list, timeout and bounds, and the protocol tools done through AgentActions.
#include "agents/llm/ProtocolTools.h"
#include "agents/llm/WorkspacePath.h"
#include "agents/llm/WorkspaceTools.h"
#include "coordination/EscalationInbox.h"
#include "coordination/LockManager.h"
#include "coordination/Scratchpad.h"
#include "orchestration/AgentLog.h"
#include "orchestration/AttemptContext.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

#include <memory>

#include <sys/stat.h>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

ino_t inodeOf(const QString &path)
{
    struct stat info;
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? info.st_ino : 0;
}

QStringList entriesOf(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

// One attempt in a real workspace with the run's coordination, and its tools.
struct Fixture
{
    Q_DISABLE_COPY_MOVE(Fixture)

    explicit Fixture(const QString &workspace, const ModelSettings &settings = {})
        : context(u"a-1"_s, goal(), profile(settings), 1, workspace, log, nullptr)
        , tools(context, settings)
        , protocol(context)
    {
        context.setCoordination(&locks, &inbox, nullptr);
        context.setScratchpad(&scratchpad);
        tools.setLockTimeout(std::chrono::milliseconds(300));
    }

    static Goal goal()
    {
        Goal g;
        g.id = u"g-1"_s;
        g.title = u"Goal"_s;
        return g;
    }

    static AgentProfile profile(const ModelSettings &settings)
    {
        AgentProfile p;
        p.name = u"coder"_s;
        p.backend = u"openai"_s;
        p.model = u"m"_s;
        p.llm = settings;
        return p;
    }

    ToolResult call(const QString &name, const QJsonObject &arguments) { return tools.call(name, arguments); }

    LockManager locks;
    EscalationInbox inbox;
    Scratchpad scratchpad;
    std::shared_ptr<AgentLog> log = std::make_shared<AgentLog>();
    AttemptContext context;
    WorkspaceTools tools;
    ProtocolTools protocol;
};

QJsonObject args(std::initializer_list<std::pair<QString, QJsonValue>> fields)
{
    QJsonObject object;
    for (const auto &[key, value] : fields)
        object.insert(key, value);
    return object;
}

} // namespace

class TestWorkspaceTools final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void specsNameEveryTool();
    void resolvesPathsInside();
    void listFiles();
    void listFilesIsBounded();
    void readFile();
    void readFileRanges();
    void readFileRefusesBinaryAndMissing();
    void searchFiles();
    void searchFilesPlainTextAndBounds();
    void writeAndEditFiles();
    void editFileNeedsExactlyOneMatch();
    void escapesAreRefused_data();
    void escapesAreRefused();
    void writeWaitsForAnotherAgentsLock();
    void writeGetsTheLockOnceReleased();
    void writeReleasesOnlyWhatItLocked();
    void lostLockRefusesTheWrite();
    void writeReplacesAtomically();
    void runCommandIsOffByDefault();
    void runCommandAllowList();
    void runCommandRunsInWorkspaceWithoutKeys();
    void runCommandTimeoutKillsGroup();
    void runCommandOutputIsBounded();
    void protocolToolsThroughActions();
    void askHumanReturnsTheAnswer();
    void askHumanWithdrawnIsAnError();

private:
    // The workspace and a directory outside it, side by side in a private directory: what an escape would
    // write next to the workspace lands there, where no other test (ctest -j) writes meanwhile.
    QString ws(const QString &relative = {}) const
    {
        const QString path = QDir(m_root->path()).filePath(u"workspace"_s);
        return relative.isEmpty() ? path : QDir(path).filePath(relative);
    }
    QString out(const QString &relative = {}) const
    {
        const QString path = QDir(m_root->path()).filePath(u"outside"_s);
        return relative.isEmpty() ? path : QDir(path).filePath(relative);
    }

    std::unique_ptr<QTemporaryDir> m_root;
};

void TestWorkspaceTools::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(!QStandardPaths::findExecutable(u"sh"_s).isEmpty());
}

void TestWorkspaceTools::init()
{
    m_root = std::make_unique<QTemporaryDir>();
    QVERIFY(m_root->isValid());
    QVERIFY(QDir().mkpath(ws()));
    QVERIFY(QDir().mkpath(out()));
}

void TestWorkspaceTools::cleanup()
{
    m_root.reset();
}

void TestWorkspaceTools::specsNameEveryTool()
{
    Fixture f(ws());
    QStringList names;
    for (const llm::ToolSpec &spec : f.tools.specs() + ProtocolTools::specs()) {
        names << spec.name;
        QVERIFY2(!spec.description.isEmpty(), qPrintable(spec.name));
        QCOMPARE(spec.parameters.value(u"type").toString(), u"object"_s);
        const QJsonObject properties = spec.parameters.value(u"properties").toObject();
        for (const QJsonValue &required : spec.parameters.value(u"required").toArray())
            QVERIFY2(properties.contains(required.toString()), qPrintable(spec.name));
    }
    QCOMPARE(names, (QStringList{u"list_files"_s, u"read_file"_s, u"search_files"_s, u"write_file"_s, u"edit_file"_s,
                                 u"ask_human"_s, u"update_progress"_s, u"add_note"_s, u"read_notes"_s, u"finish"_s}));
    const auto propertiesOf = [](const QList<llm::ToolSpec> &specs, const QString &name) {
        for (const llm::ToolSpec &spec : specs) {
            if (spec.name == name)
                return spec.parameters.value(u"properties").toObject().keys();
        }
        return QStringList();
    };
    QCOMPARE(propertiesOf(f.tools.specs(), u"read_file"_s), (QStringList{u"limit"_s, u"offset"_s, u"path"_s}));
    QCOMPARE(propertiesOf(f.tools.specs(), u"edit_file"_s), (QStringList{u"new_text"_s, u"old_text"_s, u"path"_s}));
    QCOMPARE(propertiesOf(f.tools.specs(), u"search_files"_s), (QStringList{u"path"_s, u"pattern"_s}));
    QCOMPARE(propertiesOf(ProtocolTools::specs(), u"ask_human"_s),
             (QStringList{u"context"_s, u"options"_s, u"question"_s}));
    QCOMPARE(propertiesOf(ProtocolTools::specs(), u"update_progress"_s), (QStringList{u"percent"_s, u"step"_s}));
    QCOMPARE(propertiesOf(ProtocolTools::specs(), u"add_note"_s), (QStringList{u"key"_s, u"text"_s}));
    QCOMPARE(propertiesOf(ProtocolTools::specs(), u"read_notes"_s), (QStringList{u"keys"_s}));
    QCOMPARE(propertiesOf(ProtocolTools::specs(), u"finish"_s), (QStringList{u"summary"_s}));

    ModelSettings withCommand;
    withCommand.runCommandAllow = {u"sh"_s};
    Fixture g(ws(), withCommand);
    QCOMPARE(g.tools.specs().last().name, u"run_command"_s);
    QCOMPARE(propertiesOf(g.tools.specs(), u"run_command"_s), (QStringList{u"argv"_s}));
    QVERIFY(g.tools.specs().last().description.contains(u"sh"_s));
}

void TestWorkspaceTools::resolvesPathsInside()
{
    writeBytes(ws(u"src/a.py"_s), "x");
    const QString root = QFileInfo(ws()).canonicalFilePath();
    QString error;
    auto resolved = WorkspacePath::resolve(ws(), u"src/a.py"_s, &error);
    QVERIFY2(resolved, qPrintable(error));
    QCOMPARE(resolved->relative, u"src/a.py"_s);
    QCOMPARE(resolved->absolute, root + u"/src/a.py"_s);
    // Not there yet: judged by its nearest existing parent.
    resolved = WorkspacePath::resolve(ws(), u"src/new/deep/b.py"_s, &error);
    QVERIFY2(resolved, qPrintable(error));
    QCOMPARE(resolved->relative, u"src/new/deep/b.py"_s);
    // ".." that stays inside, and an absolute path inside, are fine.
    resolved = WorkspacePath::resolve(ws(), u"src/../src/./a.py"_s, &error);
    QVERIFY2(resolved, qPrintable(error));
    QCOMPARE(resolved->relative, u"src/a.py"_s);
    resolved = WorkspacePath::resolve(ws(), ws(u"src/a.py"_s), &error);
    QVERIFY2(resolved, qPrintable(error));
    QCOMPARE(resolved->relative, u"src/a.py"_s);
    resolved = WorkspacePath::resolve(ws(), u"."_s, &error);
    QVERIFY2(resolved, qPrintable(error));
    QCOMPARE(resolved->relative, u"."_s);
    // A link inside that stays inside resolves to its target (which is what gets locked).
    QVERIFY(QFile::link(ws(u"src/a.py"_s), ws(u"alias.py"_s)));
    resolved = WorkspacePath::resolve(ws(), u"alias.py"_s, &error);
    QVERIFY2(resolved, qPrintable(error));
    QCOMPARE(resolved->relative, u"src/a.py"_s);

    QVERIFY(!WorkspacePath::resolve(ws(), u""_s, &error));
    QVERIFY(error.contains(u"empty"_s));
    QVERIFY(!WorkspacePath::resolve(ws(u"missing"_s), u"a"_s, &error));
    QVERIFY(error.contains(u"does not exist"_s));
    QVERIFY(!WorkspacePath::resolve(ws(), u"src/a.py/b"_s, &error));
    QVERIFY(error.contains(u"not a directory"_s));
}

void TestWorkspaceTools::listFiles()
{
    writeBytes(ws(u"src/a.py"_s), "12345");
    writeBytes(ws(u"src/sub/b.txt"_s), "");
    writeBytes(ws(u"README.md"_s), "hi");
    writeBytes(ws(u".git/HEAD"_s), "ref");
    QVERIFY(QFile::link(out(), ws(u"outside"_s)));
    Fixture f(ws());

    ToolResult result = f.call(u"list_files"_s, args({{u"path"_s, u"."_s}}));
    QVERIFY2(!result.isError, qPrintable(result.text));
    const QStringList lines = result.text.split(u'\n');
    QVERIFY2(lines.contains(u"src/"_s), qPrintable(result.text));
    QVERIFY(lines.contains(u"src/a.py (5 bytes)"_s));
    QVERIFY(lines.contains(u"src/sub/"_s));
    QVERIFY(lines.contains(u"src/sub/b.txt (0 bytes)"_s));
    QVERIFY(lines.contains(u"README.md (2 bytes)"_s));
    QVERIFY(!result.text.contains(u"HEAD"_s)); // version control files are noise
    QVERIFY(result.text.contains(u"outside -> "_s));
    QVERIFY(result.text.contains(u"outside the workspace"_s));

    result = f.call(u"list_files"_s, args({{u"path"_s, u"src/sub"_s}}));
    QCOMPARE(result.text, u"src/sub/b.txt (0 bytes)"_s);
    result = f.call(u"list_files"_s, args({{u"path"_s, u"src/a.py"_s}}));
    QVERIFY(result.isError);
    QVERIFY(result.text.contains(u"not a directory"_s));
    result = f.call(u"list_files"_s, args({{u"path"_s, u"nope"_s}}));
    QVERIFY(result.isError);
    QVERIFY(result.text.contains(u"does not exist"_s));
}

void TestWorkspaceTools::listFilesIsBounded()
{
    for (int i = 0; i < WorkspaceTools::MaxListEntries + 20; ++i)
        writeBytes(ws(u"many/f%1.txt"_s.arg(i, 4, 10, QChar(u'0'))), "x");
    Fixture f(ws());
    const ToolResult result = f.call(u"list_files"_s, args({{u"path"_s, u"."_s}}));
    QVERIFY(!result.isError);
    const QStringList lines = result.text.split(u'\n');
    QCOMPARE(lines.size(), WorkspaceTools::MaxListEntries + 1);
    QVERIFY2(lines.last().contains(u"21 more entries not shown"_s), qPrintable(lines.last()));
}

void TestWorkspaceTools::readFile()
{
    writeBytes(ws(u"a.txt"_s), "one\ntwo\r\nthree\n");
    writeBytes(ws(u"empty.txt"_s), "");
    Fixture f(ws());
    ToolResult result = f.call(u"read_file"_s, args({{u"path"_s, u"a.txt"_s}}));
    QVERIFY(!result.isError);
    QCOMPARE(result.text, u"one\ntwo\nthree"_s);
    result = f.call(u"read_file"_s, args({{u"path"_s, u"empty.txt"_s}}));
    QVERIFY(!result.isError);
    QVERIFY(result.text.contains(u"empty"_s));
    result = f.call(u"read_file"_s, args({{u"path"_s, u"a.txt"_s}, {u"offset"_s, 0}}));
    QVERIFY(result.isError);
    QVERIFY(result.text.contains(u"offset must be a whole number of at least 1"_s));
    result = f.call(u"read_file"_s, args({{u"path"_s, u"a.txt"_s}, {u"limit"_s, u"ten"_s}}));
    QVERIFY(result.isError);
    result = f.call(u"read_file"_s, args({{u"path"_s, u"a.txt"_s}, {u"offset"_s, 9}}));
    QVERIFY(result.isError);
    QVERIFY(result.text.contains(u"past its end"_s));
    result = f.call(u"read_file"_s, args({{u"path"_s, 3}}));
    QVERIFY(result.isError);
    QVERIFY(result.text.contains(u"must be a string"_s));
}

void TestWorkspaceTools::readFileRanges()
{
    QByteArray text;
    for (int i = 1; i <= 3000; ++i)
        text += "line " + QByteArray::number(i) + '\n';
    writeBytes(ws(u"big.txt"_s), text);
    writeBytes(ws(u"wide.txt"_s), QByteArray(WorkspaceTools::MaxLineChars + 500, 'w') + "\nend\n");
    Fixture f(ws());

    ToolResult result = f.call(u"read_file"_s, args({{u"path"_s, u"big.txt"_s}}));
    QVERIFY(!result.isError);
    QStringList lines = result.text.split(u'\n');
    QCOMPARE(lines.first(), u"line 1"_s);
    QCOMPARE(lines.at(WorkspaceTools::DefaultReadLines - 1), u"line 400"_s);
    QVERIFY2(lines.last().contains(u"lines 1-400"_s) && lines.last().contains(u"offset=401"_s),
             qPrintable(lines.last()));

    result = f.call(u"read_file"_s, args({{u"path"_s, u"big.txt"_s}, {u"offset"_s, 2995}, {u"limit"_s, 10.0}}));
    lines = result.text.split(u'\n');
    QCOMPARE(lines.first(), u"line 2995"_s);
    QCOMPARE(lines.at(5), u"line 3000"_s);
    QCOMPARE(lines.size(), 7);
    QVERIFY2(lines.last().contains(u"end of file"_s), qPrintable(lines.last()));

    result = f.call(u"read_file"_s, args({{u"path"_s, u"big.txt"_s}, {u"limit"_s, 100000}}));
    lines = result.text.split(u'\n');
    QCOMPARE(lines.size(), WorkspaceTools::MaxReadLines + 1);
    QVERIFY2(lines.last().contains(u"offset=2001"_s), qPrintable(lines.last()));

    result = f.call(u"read_file"_s, args({{u"path"_s, u"wide.txt"_s}}));
    lines = result.text.split(u'\n');
    QVERIFY(lines.first().startsWith(QString(WorkspaceTools::MaxLineChars, u'w') + u" … [500 more characters]"_s));
    QCOMPARE(lines.at(1), u"end"_s);
}

void TestWorkspaceTools::readFileRefusesBinaryAndMissing()
{
    writeBytes(ws(u"image.bin"_s), QByteArray("PNG\0\1\2", 6));
    QDir().mkpath(ws(u"dir"_s));
    Fixture f(ws());
    ToolResult result = f.call(u"read_file"_s, args({{u"path"_s, u"image.bin"_s}}));
    QVERIFY(result.isError);
    QVERIFY(result.text.contains(u"binary"_s));
    result = f.call(u"read_file"_s, args({{u"path"_s, u"dir"_s}}));
    QVERIFY(result.isError);
    QVERIFY(result.text.contains(u"directory"_s));
    result = f.call(u"read_file"_s, args({{u"path"_s, u"missing.txt"_s}}));
    QVERIFY(result.isError);
    QVERIFY(result.text.contains(u"does not exist"_s));
}

void TestWorkspaceTools::searchFiles()
{
    writeBytes(ws(u"src/a.py"_s), "def main():\n    return helper(1)\n");
    writeBytes(ws(u"src/b.py"_s), "def helper(x):\n    return x\n");
    writeBytes(ws(u"docs/notes.md"_s), "call helper() here\n");
    writeBytes(ws(u"src/blob.bin"_s), QByteArray("helper\0", 7));
    writeBytes(ws(u".git/config"_s), "helper = x\n");
    writeBytes(out(u"secret.txt"_s), "helper outside\n");
    QVERIFY(QFile::link(out(), ws(u"src/outside"_s)));
    Fixture f(ws());

    ToolResult result = f.call(u"search_files"_s, args({{u"pattern"_s, u"def \\w+\\("_s}}));
    QVERIFY2(!result.isError, qPrintable(result.text));
    QCOMPARE(result.text.split(u'\n'), (QStringList{u"src/a.py:1: def main():"_s, u"src/b.py:1: def helper(x):"_s,
                                                    u"[1 binary files skipped]"_s}));

    result = f.call(u"search_files"_s, args({{u"pattern"_s, u"helper"_s}, {u"path"_s, u"src"_s}}));
    QVERIFY(result.text.contains(u"src/a.py:2: return helper(1)"_s));
    QVERIFY(result.text.contains(u"src/b.py:1: def helper(x):"_s));
    QVERIFY(!result.text.contains(u"notes.md"_s));
    QVERIFY(!result.text.contains(u"helper outside"_s)); // a link out is not followed
    QVERIFY(result.text.contains(u"1 binary files skipped"_s));

    result = f.call(u"search_files"_s, args({{u"pattern"_s, u"helper"_s}, {u"path"_s, u"docs/notes.md"_s}}));
    QCOMPARE(result.text, u"docs/notes.md:1: call helper() here"_s);
    result = f.call(u"search_files"_s, args({{u"pattern"_s, u"nothing-like-this"_s}}));
    QVERIFY(!result.isError);
    QVERIFY(result.text.startsWith(u"no matches"_s));
    result = f.call(u"search_files"_s, args({{u"pattern"_s, u"helper"_s}, {u"path"_s, u"../"_s}}));
    QVERIFY(result.isError);
    QVERIFY(result.text.contains(u"outside the workspace"_s));
    result = f.call(u"search_files"_s, QJsonObject());
    QVERIFY(result.isError);
}

void TestWorkspaceTools::searchFilesPlainTextAndBounds()
{
    QByteArray many;
    for (int i = 0; i < WorkspaceTools::MaxSearchHits + 30; ++i)
        many += "match (" + QByteArray::number(i) + "\n";
    writeBytes(ws(u"many.txt"_s), many);
    writeBytes(ws(u"huge.txt"_s), QByteArray(WorkspaceTools::MaxSearchFileBytes + 10, 'a') + "\nmatch (\n");
    Fixture f(ws());
    // "match (" is not a valid regular expression: searched as plain text.
    const ToolResult result = f.call(u"search_files"_s, args({{u"pattern"_s, u"match ("_s}}));
    QVERIFY(!result.isError);
    QVERIFY(result.text.startsWith(u"(not a valid regular expression"_s));
    QVERIFY(result.text.contains(u"many.txt:1: match (0"_s));
    QCOMPARE(result.text.count(u"many.txt:"_s), WorkspaceTools::MaxSearchHits);
    QVERIFY(result.text.contains(u"30 more matches not shown"_s));
    QVERIFY(result.text.contains(u"1 files over"_s));
    QVERIFY(!result.text.contains(u"huge.txt:"_s));
}

void TestWorkspaceTools::writeAndEditFiles()
{
    Fixture f(ws());
    ToolResult result =
        f.call(u"write_file"_s, args({{u"path"_s, u"src/new/app.py"_s}, {u"content"_s, u"print('hi')\n"_s}}));
    QVERIFY2(!result.isError, qPrintable(result.text));
    QVERIFY(result.text.contains(u"created"_s));
    QCOMPARE(readAll(ws(u"src/new/app.py"_s)), QByteArray("print('hi')\n"));

    result = f.call(u"write_file"_s, args({{u"path"_s, u"src/new/app.py"_s}, {u"content"_s, u"a = 1\nb = 2\n"_s}}));
    QVERIFY(!result.isError);
    QVERIFY(result.text.contains(u"replaced"_s));
    result = f.call(u"edit_file"_s,
                    args({{u"path"_s, u"src/new/app.py"_s}, {u"old_text"_s, u"b = 2"_s}, {u"new_text"_s, u"b = 3"_s}}));
    QVERIFY2(!result.isError, qPrintable(result.text));
    QVERIFY(result.text.contains(u"line 2"_s));
    QCOMPARE(readAll(ws(u"src/new/app.py"_s)), QByteArray("a = 1\nb = 3\n"));
    QVERIFY(f.locks.heldBy(u"a-1"_s).isEmpty()); // released after each write

    result = f.call(u"write_file"_s, args({{u"path"_s, u"src"_s}, {u"content"_s, u"x"_s}}));
    QVERIFY(result.isError);
    QVERIFY(result.text.contains(u"directory"_s));
    result = f.call(u"write_file"_s, args({{u"path"_s, u"x.txt"_s}}));
    QVERIFY(result.isError);
    QVERIFY(!QFile::exists(ws(u"x.txt"_s)));
    result =
        f.call(u"edit_file"_s, args({{u"path"_s, u"nope.py"_s}, {u"old_text"_s, u"a"_s}, {u"new_text"_s, u"b"_s}}));
    QVERIFY(result.isError);
    QVERIFY(result.text.contains(u"write_file"_s));
}

void TestWorkspaceTools::editFileNeedsExactlyOneMatch()
{
    writeBytes(ws(u"a.py"_s), "x = 1\nx = 1\ny = 2\n");
    Fixture f(ws());
    ToolResult result = f.call(
        u"edit_file"_s, args({{u"path"_s, u"a.py"_s}, {u"old_text"_s, u"x = 1"_s}, {u"new_text"_s, u"x = 5"_s}}));
    QVERIFY(result.isError);
    QVERIFY2(result.text.contains(u"occurs 2 times"_s), qPrintable(result.text));
    result = f.call(u"edit_file"_s,
                    args({{u"path"_s, u"a.py"_s}, {u"old_text"_s, u"z = 1"_s}, {u"new_text"_s, u"x = 5"_s}}));
    QVERIFY(result.isError);
    QVERIFY(result.text.contains(u"not found"_s));
    result = f.call(u"edit_file"_s, args({{u"path"_s, u"a.py"_s}, {u"old_text"_s, u""_s}, {u"new_text"_s, u"x"_s}}));
    QVERIFY(result.isError);
    QCOMPARE(readAll(ws(u"a.py"_s)), QByteArray("x = 1\nx = 1\ny = 2\n"));
    QVERIFY(f.locks.heldBy(u"a-1"_s).isEmpty()); // a refused edit gives its lock back too
    result = f.call(u"edit_file"_s,
                    args({{u"path"_s, u"a.py"_s}, {u"old_text"_s, u"x = 1\ny"_s}, {u"new_text"_s, u"x = 1\nz"_s}}));
    QVERIFY2(!result.isError, qPrintable(result.text));
    QCOMPARE(readAll(ws(u"a.py"_s)), QByteArray("x = 1\nx = 1\nz = 2\n"));
}

void TestWorkspaceTools::escapesAreRefused_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    QTest::newRow("dotdot") << u"../escaped.txt"_s << u"outside the workspace"_s;
    QTest::newRow("dotdot inside") << u"src/../../escaped.txt"_s << u"outside the workspace"_s;
    QTest::newRow("absolute outside") << u"OUTSIDE/escaped.txt"_s << u"outside the workspace"_s;
    QTest::newRow("absolute system") << u"/etc/escaped.txt"_s << u"outside the workspace"_s;
    QTest::newRow("symlinked dir") << u"linkdir/escaped.txt"_s << u"symbolic link"_s;
    QTest::newRow("symlinked dir deeper") << u"linkdir/new/escaped.txt"_s << u"symbolic link"_s;
    QTest::newRow("symlink to file") << u"linkfile"_s << u"symbolic link"_s;
    QTest::newRow("dangling symlink") << u"dangling"_s << u"points nowhere"_s;
}

void TestWorkspaceTools::escapesAreRefused()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    path.replace(u"OUTSIDE"_s, out());
    QDir().mkpath(ws(u"src"_s));
    writeBytes(out(u"target.txt"_s), "outside original");
    QVERIFY(QFile::link(out(), ws(u"linkdir"_s)));
    QVERIFY(QFile::link(out(u"target.txt"_s), ws(u"linkfile"_s)));
    QVERIFY(QFile::link(out(u"not-there.txt"_s), ws(u"dangling"_s)));
    const QStringList outsideBefore = entriesOf(out());
    const QStringList parentBefore = entriesOf(QFileInfo(ws()).path());
    Fixture f(ws());

    for (const QString &tool : {u"write_file"_s, u"edit_file"_s, u"read_file"_s, u"list_files"_s}) {
        const ToolResult result = f.call(tool, args({{u"path"_s, path},
                                                     {u"content"_s, u"pwned"_s},
                                                     {u"old_text"_s, u"outside"_s},
                                                     {u"new_text"_s, u"pwned"_s}}));
        QVERIFY2(result.isError, qPrintable(tool + u": "_s + result.text));
        QVERIFY2(result.text.contains(expected), qPrintable(tool + u": "_s + result.text));
    }
    const ToolResult search = f.call(u"search_files"_s, args({{u"pattern"_s, u"x"_s}, {u"path"_s, path}}));
    QVERIFY2(search.isError, qPrintable(search.text));

    QCOMPARE(entriesOf(out()), outsideBefore);
    QCOMPARE(entriesOf(QFileInfo(ws()).path()), parentBefore);
    QCOMPARE(readAll(out(u"target.txt"_s)), QByteArray("outside original"));
    QVERIFY(!QFile::exists(u"/etc/escaped.txt"_s));
    QVERIFY(f.locks.heldBy(u"a-1"_s).isEmpty());
}

void TestWorkspaceTools::writeWaitsForAnotherAgentsLock()
{
    writeBytes(ws(u"shared.txt"_s), "theirs");
    Fixture f(ws());
    QVERIFY(f.locks.tryAcquire(u"a-2"_s, {u"shared.txt"_s}).ok());

    ToolResult result = f.call(u"write_file"_s, args({{u"path"_s, u"shared.txt"_s}, {u"content"_s, u"mine"_s}}));
    QVERIFY(result.isError);
    QVERIFY2(result.text.contains(u"locked by another agent"_s), qPrintable(result.text));
    QVERIFY(result.text.contains(u"nothing was written"_s));
    result = f.call(u"edit_file"_s,
                    args({{u"path"_s, u"shared.txt"_s}, {u"old_text"_s, u"theirs"_s}, {u"new_text"_s, u"mine"_s}}));
    QVERIFY(result.isError);
    QVERIFY(result.text.contains(u"locked by another agent"_s));
    QCOMPARE(readAll(ws(u"shared.txt"_s)), QByteArray("theirs"));
    // A directory lock of the other agent covers the files below it.
    QVERIFY(f.locks.tryAcquire(u"a-2"_s, {u"src"_s}).ok());
    result = f.call(u"write_file"_s, args({{u"path"_s, u"src/new.txt"_s}, {u"content"_s, u"mine"_s}}));
    QVERIFY(result.isError);
    QVERIFY(!QFile::exists(ws(u"src/new.txt"_s)));
    QCOMPARE(f.locks.holder(u"shared.txt"_s), u"a-2"_s);
}

void TestWorkspaceTools::writeGetsTheLockOnceReleased()
{
    Fixture f(ws());
    f.tools.setLockTimeout(std::chrono::milliseconds(60'000));
    QVERIFY(f.locks.tryAcquire(u"a-2"_s, {u"shared.txt"_s}).ok());
    QFuture<ToolResult> write = QtConcurrent::run([&f] {
        return f.call(u"write_file"_s, args({{u"path"_s, u"shared.txt"_s}, {u"content"_s, u"mine"_s}}));
    });
    QTRY_COMPARE(f.locks.waitingCount(), 1);
    QVERIFY(!write.isFinished());
    QVERIFY(!QFile::exists(ws(u"shared.txt"_s)));
    QCOMPARE(f.locks.release(u"a-2"_s, {u"shared.txt"_s}), 1);
    QTRY_VERIFY(write.isFinished());
    QVERIFY2(!write.result().isError, qPrintable(write.result().text));
    QCOMPARE(readAll(ws(u"shared.txt"_s)), QByteArray("mine"));
    QVERIFY(f.locks.heldBy(u"a-1"_s).isEmpty());
}

void TestWorkspaceTools::writeReleasesOnlyWhatItLocked()
{
    Fixture f(ws());
    // The goal's own resource, locked at dispatch: writing below it reuses that lock and keeps it.
    QVERIFY(f.locks.tryAcquire(u"a-1"_s, {u"src"_s}).ok());
    ToolResult result = f.call(u"write_file"_s, args({{u"path"_s, u"src/a.py"_s}, {u"content"_s, u"x"_s}}));
    QVERIFY2(!result.isError, qPrintable(result.text));
    QCOMPARE(f.locks.heldBy(u"a-1"_s), QStringList{u"src"_s});
    result = f.call(u"write_file"_s, args({{u"path"_s, u"other.py"_s}, {u"content"_s, u"y"_s}}));
    QVERIFY(!result.isError);
    QCOMPARE(f.locks.heldBy(u"a-1"_s), QStringList{u"src"_s});
    QCOMPARE(readAll(ws(u"other.py"_s)), QByteArray("y"));
}

void TestWorkspaceTools::lostLockRefusesTheWrite()
{
    writeBytes(ws(u"a.py"_s), "original\n");
    Fixture f(ws());
    int calls = 0;
    // A human takes the lock away between the grant and the write.
    f.tools.setBeforeWrite([&f, &calls](const QString &relative) {
        ++calls;
        QCOMPARE(f.locks.holder(relative), u"a-1"_s);
        QVERIFY(f.locks.forceRelease(relative));
    });
    ToolResult result = f.call(u"write_file"_s, args({{u"path"_s, u"a.py"_s}, {u"content"_s, u"changed\n"_s}}));
    QCOMPARE(calls, 1);
    QVERIFY(result.isError);
    QVERIFY2(result.text.contains(u"lock on \"a.py\" was lost"_s), qPrintable(result.text));
    QCOMPARE(readAll(ws(u"a.py"_s)), QByteArray("original\n"));
    result = f.call(u"edit_file"_s,
                    args({{u"path"_s, u"a.py"_s}, {u"old_text"_s, u"original"_s}, {u"new_text"_s, u"edited"_s}}));
    QVERIFY(result.isError);
    QVERIFY(result.text.contains(u"was lost"_s));
    QCOMPARE(readAll(ws(u"a.py"_s)), QByteArray("original\n"));
    QCOMPARE(entriesOf(ws()), QStringList{u"a.py"_s}); // no temporary file left behind

    // The goal's lock (held before the call) lost the same way: the write is refused too.
    f.locks.clearLostLocks(u"a-1"_s);
    QVERIFY(f.locks.tryAcquire(u"a-1"_s, {u"src"_s}).ok());
    f.tools.setBeforeWrite([&f](const QString &) { QVERIFY(f.locks.forceRelease(u"src"_s)); });
    result = f.call(u"write_file"_s, args({{u"path"_s, u"src/b.py"_s}, {u"content"_s, u"x"_s}}));
    QVERIFY(result.isError);
    QVERIFY(result.text.contains(u"was lost"_s));
    QVERIFY(!QFile::exists(ws(u"src/b.py"_s)));
}

void TestWorkspaceTools::writeReplacesAtomically()
{
    writeBytes(ws(u"a.txt"_s), "old content\n");
    QVERIFY(QFile::link(ws(u"a.txt"_s), ws(u"alias.txt"_s)));
    const ino_t before = inodeOf(ws(u"a.txt"_s));
    QVERIFY(before != 0);
    Fixture f(ws());
    const ToolResult result = f.call(u"write_file"_s, args({{u"path"_s, u"a.txt"_s}, {u"content"_s, u"new\n"_s}}));
    QVERIFY2(!result.isError, qPrintable(result.text));
    // A new file renamed over the old one (QSaveFile), never the old one truncated and rewritten in place:
    // a reader sees the whole old or the whole new content.
    QVERIFY(inodeOf(ws(u"a.txt"_s)) != before);
    QCOMPARE(readAll(ws(u"a.txt"_s)), QByteArray("new\n"));
    QCOMPARE(readAll(ws(u"alias.txt"_s)), QByteArray("new\n"));
    QCOMPARE(entriesOf(ws()), (QStringList{u"a.txt"_s, u"alias.txt"_s})); // no temporary file left
}

void TestWorkspaceTools::runCommandIsOffByDefault()
{
    Fixture f(ws());
    for (const llm::ToolSpec &spec : f.tools.specs())
        QVERIFY(spec.name != u"run_command"_s);
    QVERIFY(!f.tools.handles(u"run_command"_s));
    const ToolResult result =
        f.call(u"run_command"_s, args({{u"argv"_s, QJsonArray{u"sh"_s, u"-c"_s, u"touch ran"_s}}}));
    QVERIFY(result.isError);
    QVERIFY(result.text.contains(u"not enabled"_s));
    QVERIFY(!QFile::exists(ws(u"ran"_s)));
}

void TestWorkspaceTools::runCommandAllowList()
{
    ModelSettings settings;
    settings.runCommandAllow = {u"sh"_s};
    test::writeScript(ws(), u"sh"_s, u"#!/bin/sh\ntouch local-sh-ran\n"_s);
    Fixture f(ws(), settings);
    QVERIFY(f.tools.handles(u"run_command"_s));

    ToolResult result = f.call(u"run_command"_s, args({{u"argv"_s, QJsonArray{u"touch"_s, u"ran"_s}}}));
    QVERIFY(result.isError);
    QVERIFY2(result.text.contains(u"not an allowed program"_s), qPrintable(result.text));
    // The name is looked up in PATH: a program of the same name in the workspace is not it.
    result = f.call(u"run_command"_s, args({{u"argv"_s, QJsonArray{u"./sh"_s}}}));
    QVERIFY(result.isError);
    result = f.call(u"run_command"_s, args({{u"argv"_s, QJsonArray{ws(u"sh"_s)}}}));
    QVERIFY(result.isError);
    QVERIFY(!QFile::exists(ws(u"local-sh-ran"_s)));
    QVERIFY(!QFile::exists(ws(u"ran"_s)));
    result = f.call(u"run_command"_s, args({{u"argv"_s, QJsonArray()}}));
    QVERIFY(result.isError);
    result = f.call(u"run_command"_s, args({{u"argv"_s, u"sh -c ls"_s}}));
    QVERIFY(result.isError);

    result = f.call(u"run_command"_s,
                    args({{u"argv"_s, QJsonArray{u"sh"_s, u"-c"_s, u"echo out; echo err >&2; exit 3"_s}}}));
    QVERIFY(result.isError);
    QVERIFY2(result.text.startsWith(u"exit code 3"_s), qPrintable(result.text));
    QVERIFY(result.text.contains(u"\nout"_s));
    QVERIFY(result.text.contains(u"[stderr] err"_s));
    result = f.call(u"run_command"_s, args({{u"argv"_s, QJsonArray{u"sh"_s, u"-c"_s, u"true"_s}}}));
    QVERIFY(!result.isError);
    QCOMPARE(result.text, u"exit code 0\n(no output)"_s);
}

void TestWorkspaceTools::runCommandRunsInWorkspaceWithoutKeys()
{
    ModelSettings settings;
    settings.runCommandAllow = {u"sh"_s};
    settings.apiKeyEnv = u"SWITCHBOARD_TEST_KEY"_s;
    qputenv("SWITCHBOARD_TEST_KEY", "sk-test-secret");
    qputenv("OPENAI_API_KEY", "sk-openai-secret");
    Fixture f(ws(), settings);
    const ToolResult result = f.call(
        u"run_command"_s,
        args({{u"argv"_s, QJsonArray{u"sh"_s, u"-c"_s,
                                     u"pwd; echo \"k=${SWITCHBOARD_TEST_KEY:-none} o=${OPENAI_API_KEY:-none}\""_s}}}));
    qunsetenv("SWITCHBOARD_TEST_KEY");
    qunsetenv("OPENAI_API_KEY");
    QVERIFY2(!result.isError, qPrintable(result.text));
    QVERIFY(result.text.contains(QFileInfo(ws()).canonicalFilePath()));
    QVERIFY(result.text.contains(u"k=none o=none"_s));
    QVERIFY(!result.text.contains(u"secret"_s));
}

void TestWorkspaceTools::runCommandTimeoutKillsGroup()
{
    ModelSettings settings;
    settings.runCommandAllow = {u"sh"_s};
    settings.runCommandTimeoutS = 1;
    Fixture f(ws(), settings);
    const ToolResult result = f.call(
        u"run_command"_s,
        args({{u"argv"_s, QJsonArray{u"sh"_s, u"-c"_s, u"sleep 60 & echo $! > child.pid; echo started; wait"_s}}}));
    QVERIFY(result.isError);
    QVERIFY2(result.text.startsWith(u"timed out after 1 s"_s), qPrintable(result.text));
    QVERIFY(result.text.contains(u"started"_s));
    const qint64 child = readAll(ws(u"child.pid"_s)).trimmed().toLongLong();
    QVERIFY(child > 0);
    QTRY_VERIFY(!test::processAlive(child)); // the whole group, not only sh
}

void TestWorkspaceTools::runCommandOutputIsBounded()
{
    ModelSettings settings;
    settings.runCommandAllow = {u"sh"_s};
    Fixture f(ws(), settings);
    const ToolResult result =
        f.call(u"run_command"_s,
               args({{u"argv"_s, QJsonArray{u"sh"_s, u"-c"_s,
                                            u"i=0; while [ $i -lt 20000 ]; do echo line $i; i=$((i+1)); done"_s}}}));
    QVERIFY2(!result.isError, qPrintable(result.text.left(200)));
    QVERIFY(result.text.size() < CommandTool::MaxHeadBytes + CommandTool::MaxTailBytes + 200);
    QVERIFY(result.text.contains(u"\nline 0\n"_s));
    QVERIFY(result.text.endsWith(u"line 19999"_s));
    QVERIFY(result.text.contains(u"lines of output left out"_s));
}

void TestWorkspaceTools::protocolToolsThroughActions()
{
    Fixture f(ws());
    ToolResult result = f.protocol.call(u"update_progress"_s, args({{u"percent"_s, 40}, {u"step"_s, u"reading"_s}}));
    QVERIFY2(!result.isError, qPrintable(result.text));
    QCOMPARE(f.context.liveState().progress, 40);
    QCOMPARE(f.context.liveState().step, u"reading"_s);
    result = f.protocol.call(u"update_progress"_s, args({{u"percent"_s, u"half"_s}}));
    QVERIFY(result.isError);
    QVERIFY2(result.text.contains(u"percent must be a number"_s), qPrintable(result.text));

    result = f.protocol.call(u"add_note"_s, args({{u"key"_s, u"api"_s}, {u"text"_s, u"uses REST"_s}}));
    QVERIFY2(!result.isError, qPrintable(result.text));
    QCOMPARE(f.scratchpad.notes({u"api"_s}).value(0).authorAgentId, u"a-1"_s);
    result = f.protocol.call(u"add_note"_s, args({{u"key"_s, u""_s}, {u"text"_s, u"x"_s}}));
    QVERIFY(result.isError);
    QVERIFY(f.scratchpad.write(u"db"_s, u"postgres"_s, QString()));
    result = f.protocol.call(u"read_notes"_s, args({{u"keys"_s, QJsonArray{u"db"_s}}}));
    QVERIFY(!result.isError);
    QVERIFY2(result.text.startsWith(u"[db] by human"_s), qPrintable(result.text));
    QVERIFY(result.text.contains(u"postgres"_s));
    QVERIFY(!result.text.contains(u"REST"_s));
    result = f.protocol.call(u"read_notes"_s, QJsonObject());
    QVERIFY(result.text.contains(u"REST"_s) && result.text.contains(u"postgres"_s));

    QVERIFY(!f.protocol.isFinished());
    result = f.protocol.call(u"finish"_s, QJsonObject());
    QVERIFY(result.isError);
    QVERIFY(!f.protocol.isFinished());
    result = f.protocol.call(u"finish"_s, args({{u"summary"_s, u"all done"_s}}));
    QVERIFY(!result.isError);
    QVERIFY(f.protocol.isFinished());
    QCOMPARE(f.protocol.summary(), u"all done"_s);
}

void TestWorkspaceTools::askHumanReturnsTheAnswer()
{
    Fixture f(ws());
    ToolResult result = f.protocol.call(u"ask_human"_s, args({{u"options"_s, QJsonArray{u"a"_s}}}));
    QVERIFY(result.isError);
    QVERIFY2(result.text.contains(u"question"_s), qPrintable(result.text));

    QFuture<ToolResult> asked = QtConcurrent::run([&f] {
        return f.protocol.call(u"ask_human"_s, args({{u"question"_s, u"Which database?"_s},
                                                     {u"options"_s, QJsonArray{u"postgres"_s, u"sqlite"_s}},
                                                     {u"context"_s, u"the API needs one"_s}}));
    });
    QTRY_COMPARE(f.inbox.open().size(), 1);
    const Escalation question = f.inbox.open().first();
    QCOMPARE(question.question, u"Which database?"_s);
    QCOMPARE(question.context, u"the API needs one"_s);
    QCOMPARE(question.agentId, u"a-1"_s);
    QCOMPARE(question.options.size(), 2);
    QVERIFY(f.inbox.answer(question.id, u"sqlite"_s, u"keep it small"_s));
    QTRY_VERIFY(asked.isFinished());
    result = asked.result();
    QVERIFY2(!result.isError, qPrintable(result.text));
    QVERIFY(result.text.contains(u"\"sqlite\""_s));
    QVERIFY(result.text.contains(u"keep it small"_s));

    // Free text.
    asked = QtConcurrent::run([&f] {
        return f.protocol.call(u"ask_human"_s, args({{u"question"_s, u"Name of the service?"_s}}));
    });
    QTRY_COMPARE(f.inbox.open().size(), 1);
    QVERIFY(f.inbox.answer(f.inbox.open().first().id, QString(), u"billing"_s));
    QTRY_VERIFY(asked.isFinished());
    QCOMPARE(asked.result().text, u"The human answered: billing"_s);
}

void TestWorkspaceTools::askHumanWithdrawnIsAnError()
{
    Fixture f(ws());
    QFuture<ToolResult> asked = QtConcurrent::run([&f] {
        return f.protocol.call(u"ask_human"_s, args({{u"question"_s, u"Deploy?"_s}}));
    });
    QTRY_COMPARE(f.inbox.open().size(), 1);
    QVERIFY(f.inbox.cancel(f.inbox.open().first().id, u"not needed"_s));
    QTRY_VERIFY(asked.isFinished());
    QVERIFY(asked.result().isError);
    QVERIFY2(asked.result().text.contains(u"withdrawn"_s), qPrintable(asked.result().text));

    // Cancelling the agent wakes it with an error result at once.
    asked = QtConcurrent::run([&f] { return f.protocol.call(u"ask_human"_s, args({{u"question"_s, u"Again?"_s}})); });
    QTRY_COMPARE(f.inbox.open().size(), 1);
    f.context.requestCancel();
    QTRY_VERIFY(asked.isFinished());
    QVERIFY(asked.result().isError);
    QVERIFY(asked.result().text.contains(u"cancelled"_s));
}

QTEST_GUILESS_MAIN(TestWorkspaceTools)
#include "tst_workspacetools.moc"
