// The transcript in the agent detail pane: a model agent's steps appear live, each tool call on one line
// that a click expands to its arguments and result and collapses again, usage per call is shown, and an
// agent whose backend does not talk to a model says so. Set SWITCHBOARD_TRANSCRIPT_SHOT=<file.png> to keep a
// picture of the pane.
#include "board/AgentDetailPane.h"
#include "config/ConfigLoader.h"
#include "history/HistoryGoalPane.h"
#include "history/HistoryWindow.h"
#include "orchestration/Orchestrator.h"
#include "support/GoalBuilder.h"
#include "support/ProfileBuilder.h"
#include "support/ScriptedBackend.h"
#include "support/TemporaryStore.h"
#include "widgets/TranscriptView.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QElapsedTimer>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextLayout>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {

// Where item `item` starts on the browser's viewport (its first character).
QPoint itemPoint(const TranscriptView &view, int item)
{
    QTextBrowser *browser = view.browser();
    const QTextBlock block = browser->document()->findBlockByNumber(item);
    QTextCursor cursor(block);
    const QRect caret = browser->cursorRect(cursor);
    return QPoint(caret.left() + 4, caret.center().y());
}

int visualLines(const TranscriptView &view, int item)
{
    const QTextBlock block = view.browser()->document()->findBlockByNumber(item);
    return block.layout() ? block.layout()->lineCount() : -1;
}

const QString kScript =
    QStringList{
        u"say system You are a careful coder working in a workspace.\\nUse the tools to read and change files.\\n"
        u"Call finish when the goal is met.\\nNever leave the workspace."_s,
        u"say user Fix the failing test in src/calc.py"_s,
        u"reply 1234 56 0.0021 I will read the file first."_s,
        u"tool call_1 read_file {\"path\":\"src/calc.py\",\"offset\":0,\"limit\":200,\"comment\":\"a long argument "
        u"that "
        u"goes on and on so that the one line has to be elided at the edge of the pane instead of wrapping\"}"_s,
        u"tool-result call_1 def add(a, b):\\n    return a - b\\n"_s,
        u"reply 1410 88 0.0026 The subtraction is the bug; fixing it."_s,
        u"tool call_2 edit_file {\"path\":\"src/calc.py\",\"old_text\":\"a - b\",\"new_text\":\"a + b\"}"_s,
        u"tool-result call_2 edited src/calc.py (1 replacement)"_s,
        u"tool call_3 write_file {\"path\":\"../outside.txt\",\"content\":\"x\"}"_s,
        u"tool-error call_3 refused: ../outside.txt leaves the workspace"_s,
        u"reply 1602 41 0.0019 Done: add() now adds."_s,
    }
        .join(u'\n');

} // namespace

class TestTranscriptView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsStepsWithToolCallsOnOneLine();
    void updatesLiveAndKeepsScrollPosition();
    void saysWhenTheBackendDoesNotTalkToAModel();
    void readsAFinishedAgentFromTheStore();
    void keepsStepsTheLiveCopyLetGo();
    void thousandsOfStepsInBatches();
    void historyShowsTheStoredTranscript();
};

void TestTranscriptView::showsStepsWithToolCallsOnOneLine()
{
    Orchestrator o;
    o.setBackends(test::ScriptedBackend::registry());
    o.setProfiles({test::ProfileBuilder::scripted(u"coder"_s)});
    const QString id = o.spawn(test::GoalBuilder(u"fix"_s).title(u"Fix the calculator"_s).description(kScript));
    QVERIFY(o.waitAll(20000));

    AgentDetailPane pane(&o, nullptr);
    pane.resize(760, 720);
    pane.setAgent(id);
    pane.showTranscript(true);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    auto *tabs = pane.findChild<QTabWidget *>(u"detailTabs"_s);
    QVERIFY(tabs);
    QCOMPARE(tabs->tabText(tabs->currentIndex()), u"Transcript"_s);

    TranscriptView *view = pane.transcriptView();
    QCOMPARE(view->entryCount(), 11);
    // Attempt heading, system, user, reply, call 1 (+ result), reply, call 2 (+ result), call 3 (+ error), reply.
    QCOMPARE(view->itemCount(), 9);
    QVERIFY(view->itemText(0).startsWith(u"Attempt 1"_s));
    QVERIFY(view->itemText(1).startsWith(u"System prompt"_s));
    // The system prompt shows its start; the rest is behind "Show all".
    QVERIFY(view->itemText(1).contains(u"Use the tools"_s));
    QVERIFY(!view->itemText(1).contains(u"Never leave"_s));
    QVERIFY(view->itemText(3).startsWith(u"Assistant"_s));
    QVERIFY2(view->itemText(3).contains(u"1,234 in · 56 out · $0.0021"_s), qPrintable(view->itemText(3)));
    QVERIFY(view->itemText(3).endsWith(u"I will read the file first."_s));

    const int call = view->itemForToolCall(u"call_1"_s);
    QCOMPARE(call, 4);
    // Elided to the pane's width once the viewport has its size.
    QTRY_VERIFY(view->itemText(call).contains(u"{\"path\":\"src/calc.py\""_s));
    QVERIFY(view->itemText(call).startsWith(u"▸ read_file"_s));
    const QString line = view->itemText(call);
    QVERIFY2(!line.contains(u'\n'), qPrintable(line));
    QVERIFY2(line.contains(u"{\"path\":\"src/calc.py\""_s), qPrintable(line));
    QVERIFY2(line.endsWith(u"…"_s), qPrintable(line)); // elided at the pane's edge
    QVERIFY(!line.contains(u"return a - b"_s));
    QCOMPARE(visualLines(*view, call), 1);
    // The failed call says so on its line.
    const int refused = view->itemForToolCall(u"call_3"_s);
    QVERIFY(view->itemText(refused).startsWith(u"▸ write_file"_s));
    QVERIFY(view->itemText(refused).endsWith(u"failed"_s));
    QCOMPARE(visualLines(*view, refused), 1);

    // A click on the line opens the arguments and the result...
    QVERIFY(!view->isExpanded(call));
    QTest::mouseClick(view->browser()->viewport(), Qt::LeftButton, {}, itemPoint(*view, call));
    QTRY_VERIFY(view->isExpanded(call));
    const QString open = view->itemText(call);
    QVERIFY2(open.startsWith(u"▾ read_file"_s), qPrintable(open));
    // Indented, in the model's key order.
    QVERIFY2(open.contains(u"Arguments\n{\n    \"path\": \"src/calc.py\",\n    \"offset\": 0,"_s), qPrintable(open));
    QVERIFY(open.contains(u"Result"_s));
    QVERIFY(open.contains(u"def add(a, b):\n    return a - b"_s));
    QVERIFY(visualLines(*view, call) > 5);
    // ...and another click closes them; the other steps never moved.
    QTest::mouseClick(view->browser()->viewport(), Qt::LeftButton, {}, itemPoint(*view, call));
    QTRY_VERIFY(!view->isExpanded(call));
    QCOMPARE(visualLines(*view, call), 1);
    QCOMPARE(view->itemForToolCall(u"call_2"_s), 6);

    // The refused write opens to its error.
    view->setExpanded(refused, true);
    QVERIFY(view->itemText(refused).contains(u"Error"_s));
    QVERIFY(view->itemText(refused).contains(u"leaves the workspace"_s));
    // "Show all" opens the whole system prompt.
    QTest::mouseClick(view->browser()->viewport(), Qt::LeftButton, {}, itemPoint(*view, 1)); // not the toggle
    QVERIFY(!view->isExpanded(1));
    view->setExpanded(1, true);
    QVERIFY(view->itemText(1).contains(u"Never leave the workspace."_s));

    if (const QString shot = qEnvironmentVariable("SWITCHBOARD_TRANSCRIPT_SHOT"); !shot.isEmpty()) {
        view->setExpanded(1, false);
        view->setExpanded(refused, false);
        view->setExpanded(view->itemForToolCall(u"call_2"_s), true);
        if (auto *splitter = pane.findChild<QSplitter *>(u"detailSplitter"_s))
            splitter->setSizes({160, 640});
        QApplication::processEvents();
        view->browser()->verticalScrollBar()->setValue(0);
        QTest::qWait(200); // the elided lines follow the new width
        QVERIFY(pane.grab().save(shot));
    }
}

void TestTranscriptView::updatesLiveAndKeepsScrollPosition()
{
    Orchestrator o;
    o.setBackends(test::ScriptedBackend::registry());
    o.setProfiles({test::ProfileBuilder::scripted(u"coder"_s)});
    o.setUpdateInterval(20);
    // Steps, then a pause the test waits through, then more steps, then it hangs until cancelled.
    const QString id =
        o.spawn(test::GoalBuilder(u"live"_s).description(u"steps 60\nsleep 600\nsteps 40\nsleep 600\nsteps 5\nhang"_s));
    AgentDetailPane pane(&o, nullptr);
    pane.resize(600, 500);
    pane.showTranscript(true);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    QTRY_VERIFY(o.status(id) && o.status(id)->state == AgentState::Running);
    pane.setAgent(id);
    TranscriptView *view = pane.transcriptView();
    QTRY_COMPARE(view->entryCount(), 60);
    QScrollBar *bar = view->browser()->verticalScrollBar();
    // Following the newest step while at the bottom.
    QTRY_COMPARE(view->entryCount(), 100);
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());
    QVERIFY(view->itemText(view->itemCount() - 1).endsWith(u"step 39"_s));
    // Scrolled up to read: new steps do not move the view.
    bar->setValue(bar->maximum() / 3);
    const int kept = bar->value();
    QTRY_COMPARE(view->entryCount(), 105);
    QCOMPARE(bar->value(), kept);
    // Every step once, in order.
    for (int i = 0; i < 60; ++i)
        QVERIFY(view->itemText(i + 1).endsWith(u"step %1"_s.arg(i)));
    QVERIFY(o.cancel(id));
    QVERIFY(o.waitAll(10000));
}

void TestTranscriptView::saysWhenTheBackendDoesNotTalkToAModel()
{
    Orchestrator o;
    o.setProfiles({test::ProfileBuilder::demo(u"demo"_s, 50)});
    const QString id = o.spawn(test::GoalBuilder(u"demo"_s).profile(u"demo"_s));
    QVERIFY(o.waitAll(10000));
    AgentDetailPane pane(&o, nullptr);
    pane.setAgent(id);
    TranscriptView *view = pane.transcriptView();
    QCOMPARE(view->entryCount(), 0);
    QCOMPARE(view->emptyText(), u"No transcript: this agent's backend does not talk to a model."_s);
    QCOMPARE(view->browser()->placeholderText(), view->emptyText());
}

void TestTranscriptView::readsAFinishedAgentFromTheStore()
{
    // An agent put back from the database has no live copy: the pane reads the stored steps.
    test::TemporaryStore db;
    QVERIFY2(db.isOpen(), qPrintable(db.error()));
    QString id;
    {
        Orchestrator first;
        first.setStore(&db.store());
        first.setBackends(test::ScriptedBackend::registry());
        first.setProfiles({test::ProfileBuilder::scripted(u"coder"_s)});
        id = first.spawn(test::GoalBuilder(u"fix"_s).description(u"log fixed the sign in calc.py\n"_s + kScript));
        QVERIFY(first.waitAll(20000));
        QVERIFY(db.store().flush());
    }
    Orchestrator second;
    second.setStore(&db.store());
    second.setProfiles({test::ProfileBuilder::scripted(u"coder"_s)});
    QString error;
    QVERIFY2(second.restore(db.store().load(), false, &error), qPrintable(error));
    qint64 total = -1;
    second.agentTranscript(id, 0, &total);
    QCOMPARE(total, 0);
    AgentDetailPane pane(&second, nullptr);
    pane.setAgent(id);
    // Read on a worker thread, not the GUI's.
    QTRY_COMPARE(pane.transcriptView()->entryCount(), 11);
    QVERIFY(pane.transcriptView()
                ->itemText(pane.transcriptView()->itemForToolCall(u"call_2"_s))
                .startsWith(u"▸ edit_file"_s));
    // Its log too: the live copy is empty, the stored lines are shown (read off the GUI thread as well).
    QVERIFY(second.agentLog(id).isEmpty());
    const QStringList stored = db.store().agentLog(id);
    QVERIFY(!stored.isEmpty());
    auto *log = pane.findChild<QPlainTextEdit *>(u"detailLog"_s);
    QVERIFY(log);
    QTRY_COMPARE(log->toPlainText(), stored.join(u'\n'));
}

void TestTranscriptView::keepsStepsTheLiveCopyLetGo()
{
    // With a store, a finished attempt's steps leave the orchestrator's memory once committed; the pane that
    // followed them keeps them, and one opened afterwards reads them from the store.
    test::TemporaryStore db;
    QVERIFY2(db.isOpen(), qPrintable(db.error()));
    Orchestrator o;
    o.setStore(&db.store());
    o.setBackends(test::ScriptedBackend::registry());
    o.setProfiles({test::ProfileBuilder::scripted(u"coder"_s)});
    o.setUpdateInterval(20);
    const QString id = o.spawn(test::GoalBuilder(u"fix"_s).description(u"sleep 200\n"_s + kScript));
    AgentDetailPane pane(&o, nullptr);
    QTRY_VERIFY(o.status(id) && o.status(id)->state == AgentState::Running);
    pane.setAgent(id);
    QVERIFY(o.waitAll(20000));
    qint64 total = 0;
    qint64 dropped = 0;
    QTRY_VERIFY((o.agentTranscript(id, 0, &total, &dropped), dropped == 11));
    QTRY_COMPARE(pane.transcriptView()->entryCount(), 11);
    pane.setAgent(QString());
    QCOMPARE(pane.transcriptView()->entryCount(), 0);
    pane.setAgent(id);
    // Read on a worker thread, not the GUI's.
    QTRY_COMPARE(pane.transcriptView()->entryCount(), 11);
    QVERIFY(
        pane.transcriptView()->itemText(pane.transcriptView()->itemCount() - 1).endsWith(u"Done: add() now adds."_s));
}

void TestTranscriptView::thousandsOfStepsInBatches()
{
    // Thousands of steps arrive in batches, as a long run's would: every step once, each item one block, and
    // a call far down still opens in place.
    TranscriptView view;
    view.resize(700, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QElapsedTimer timer;
    timer.start();
    int seq = 0;
    for (int batch = 0; batch < 100; ++batch) {
        QList<TranscriptEntry> entries;
        for (int i = 0; i < 10; ++i) {
            TranscriptEntry reply;
            reply.attempt = 1;
            reply.seq = seq++;
            reply.kind = TranscriptEntry::Kind::Assistant;
            reply.text = u"Step %1: reading the next file.\nA second line."_s.arg(reply.seq);
            reply.inputTokens = 1000 + reply.seq;
            TranscriptEntry call;
            call.attempt = 1;
            call.seq = seq++;
            call.kind = TranscriptEntry::Kind::ToolCall;
            call.toolName = u"read_file"_s;
            call.toolCallId = u"c%1"_s.arg(call.seq);
            call.text = u"{\"path\":\"src/file%1.py\"}"_s.arg(call.seq);
            TranscriptEntry result;
            result.attempt = 1;
            result.seq = seq++;
            result.kind = TranscriptEntry::Kind::ToolResult;
            result.toolCallId = call.toolCallId;
            result.text = u"line\n"_s.repeated(40);
            entries << reply << call << result;
        }
        view.appendEntries(entries);
        view.appendEntries(entries.mid(25)); // repeated: skipped
    }
    qDebug("3000 steps appended in %lld ms", timer.elapsed());
    QCOMPARE(view.entryCount(), 3000);
    QCOMPARE(view.itemCount(), 1 + 2000); // heading, then a reply and a call (with its result) per pair
    QCOMPARE(view.browser()->document()->blockCount(), view.itemCount());
    const int last = view.itemForToolCall(u"c2998"_s);
    QCOMPARE(last, view.itemCount() - 1);
    QVERIFY(view.itemText(last).startsWith(u"▸ read_file  {\"path\":\"src/file2998.py\"}"_s));
    timer.restart();
    view.setExpanded(last, true);
    qDebug("expanding one call took %lld ms", timer.elapsed());
    QVERIFY(view.itemText(last).contains(u"line\nline\nline"_s));
    QCOMPARE(view.browser()->document()->blockCount(), view.itemCount());
    timer.restart();
    view.resize(500, 500); // the collapsed calls are elided again for the new width
    QTest::qWait(300);
    qDebug("re-eliding after a resize took %lld ms (with the wait)", timer.elapsed());
    QCOMPARE(view.browser()->document()->blockCount(), view.itemCount());
}

void TestTranscriptView::historyShowsTheStoredTranscript()
{
    test::TemporaryStore db;
    QVERIFY2(db.isOpen(), qPrintable(db.error()));
    QString id;
    QString quiet;
    {
        Orchestrator o;
        o.setStore(&db.store());
        o.setBackends(test::ScriptedBackend::registry());
        o.setProfiles({test::ProfileBuilder::scripted(u"coder"_s)});
        id = o.spawn(test::GoalBuilder(u"fix"_s).description(kScript));
        quiet = o.spawn(test::GoalBuilder(u"quiet"_s).description(u"log nothing to say"_s));
        QVERIFY(o.waitAll(20000));
        QVERIFY(db.store().flush());
    }
    HistoryWindow window(&db.store(), nullptr, ConfigLoader::defaults());
    window.resize(1100, 700);
    window.show();
    QTRY_VERIFY(!window.isLoading());
    QVERIFY(window.selectGoal(id));
    HistoryGoalPane *pane = window.goalPane();
    TranscriptView *view = pane->transcriptView();
    QTRY_COMPARE(view->entryCount(), 11);
    pane->showTab(HistoryGoalPane::TranscriptTab);
    auto *tabs = pane->findChild<QTabWidget *>(u"historyGoalTabs"_s);
    QVERIFY(tabs);
    QCOMPARE(tabs->tabText(HistoryGoalPane::TranscriptTab), u"Transcript (11)"_s);
    const int call = view->itemForToolCall(u"call_2"_s);
    QVERIFY(view->itemText(call).startsWith(u"▸ edit_file"_s));
    QTRY_COMPARE(visualLines(*view, call), 1);
    view->setExpanded(call, true);
    QVERIFY(view->itemText(call).contains(u"edited src/calc.py (1 replacement)"_s));

    // Another goal: its own (empty) transcript, not the last one's.
    QVERIFY(window.selectGoal(quiet));
    QTRY_COMPARE(pane->agentId(), quiet);
    QCOMPARE(view->entryCount(), 0);
    QCOMPARE(view->emptyText(), u"No transcript: this agent did not talk to a model."_s);
}

QTEST_MAIN(TestTranscriptView)
#include "tst_transcriptview.moc"
