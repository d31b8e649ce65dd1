// The Scratchpad dock: the run's shared notes, live, and the human's own notes written through the form.
#include "coordination/Scratchpad.h"
#include "orchestration/Orchestrator.h"
#include "scratchpad/ScratchpadDock.h"
#include "scratchpad/ScratchpadModel.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QThread>
#include <QTreeView>

using namespace switchboard;
using namespace Qt::StringLiterals;

class TestScratchpadDock final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyStateSaysWhatItIsFor();
    void humanWritesANote();
    void refusalNamesTheProblem();
    void agentNotesAppearAndSelectionFillsTheForm();
};

void TestScratchpadDock::emptyStateSaysWhatItIsFor()
{
    Orchestrator o;
    ScratchpadDock dock(&o);
    dock.show();
    auto *summary = dock.findChild<QLabel *>(u"scratchpadSummary"_s);
    QVERIFY(summary);
    QVERIFY2(summary->text().startsWith(u"No notes yet"_s), qPrintable(summary->text()));
    QVERIFY(!dock.saveButton()->isEnabled()); // nothing to save without a key
}

void TestScratchpadDock::humanWritesANote()
{
    Orchestrator o;
    ScratchpadDock dock(&o);
    dock.show();
    QTest::keyClicks(dock.keyEdit(), u"api-decision"_s);
    QVERIFY(dock.saveButton()->isEnabled());
    dock.textEdit()->setPlainText(u"REST, versioned under /v2\nno gRPC"_s);
    QTest::mouseClick(dock.saveButton(), Qt::LeftButton);
    const QList<NoteRecord> notes = o.scratchpad().notes();
    QCOMPARE(notes.size(), 1);
    QCOMPARE(notes.first().key, u"api-decision"_s);
    QCOMPARE(notes.first().authorAgentId, QString()); // the human
    QCOMPARE(dock.model()->rowCount(), 1);
    QCOMPARE(dock.model()->index(0, ScratchpadModel::TextColumn).data().toString(), u"REST, versioned under /v2 …"_s);
    QCOMPARE(dock.model()->index(0, ScratchpadModel::AuthorColumn).data().toString(), u"you"_s);
    QCOMPARE(dock.view()->currentIndex().row(), 0);
    QVERIFY(dock.errorText().isEmpty());
}

void TestScratchpadDock::refusalNamesTheProblem()
{
    Orchestrator o;
    ScratchpadDock dock(&o);
    dock.show();
    dock.keyEdit()->setText(u"big"_s);
    dock.textEdit()->setPlainText(QString(Scratchpad::kMaxTextLength + 1, u'x'));
    QTest::mouseClick(dock.saveButton(), Qt::LeftButton);
    QVERIFY2(dock.errorText().startsWith(u"note 'big': the text is"_s), qPrintable(dock.errorText()));
    QCOMPARE(o.scratchpad().size(), 0);
}

void TestScratchpadDock::agentNotesAppearAndSelectionFillsTheForm()
{
    Orchestrator o;
    ScratchpadDock dock(&o);
    dock.show();
    // Agents write on their own threads.
    std::unique_ptr<QThread> agent(QThread::create([&o] {
        o.scratchpad().write(u"schema"_s, u"users(id, email)"_s, u"a-7"_s);
        o.scratchpad().write(u"port"_s, u"8080"_s, u"a-8"_s);
    }));
    agent->start();
    QVERIFY(agent->wait(5000));
    QTRY_COMPARE(dock.model()->rowCount(), 2);
    QCOMPARE(dock.model()->index(0, ScratchpadModel::KeyColumn).data().toString(), u"schema"_s);
    QCOMPARE(dock.model()->index(0, ScratchpadModel::AuthorColumn).data().toString(), u"a-7"_s);

    dock.view()->setCurrentIndex(dock.model()->index(1, 0));
    QCOMPARE(dock.keyEdit()->text(), u"port"_s);
    QCOMPARE(dock.textEdit()->toPlainText(), u"8080"_s);
    auto *detail = dock.findChild<QPlainTextEdit *>(u"scratchpadDetail"_s);
    QVERIFY(detail->toPlainText().contains(u"written by a-8"_s));

    // A note arriving while the human edits does not overwrite the form.
    dock.textEdit()->setPlainText(u"8081"_s);
    o.scratchpad().write(u"schema"_s, u"users(id, email, name)"_s, u"a-7"_s);
    // The rewritten note moves last (newest write last); the selection stays on "port".
    QTRY_COMPARE(dock.model()->index(1, ScratchpadModel::TextColumn).data().toString(), u"users(id, email, name)"_s);
    QCOMPARE(dock.model()->index(dock.view()->currentIndex().row(), 0).data().toString(), u"port"_s);
    QCOMPARE(dock.textEdit()->toPlainText(), u"8081"_s);
}

QTEST_MAIN(TestScratchpadDock)
#include "tst_scratchpaddock.moc"
