// The Run plan dialog's execution mode: it starts on the plan's workflow.mode, warns in words when
// "parallel" would ignore dependencies, and the chosen mode is what the orchestrator runs with.
#include "config/ConfigLoader.h"
#include "dialogs/RunPlanDialog.h"
#include "orchestration/Orchestrator.h"
#include "orchestration/Scheduler.h"
#include "support/TestSupport.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace switchboard;
using namespace Qt::StringLiterals;

class TestRunPlanMode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void parallelWarnsAndIsApplied()
    {
        Orchestrator o;
        o.pauseDispatch();
        RunPlanDialog dialog(&o, ConfigLoader::defaults());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.selectTemplate(u"full_stack"_s));
        auto *mode = dialog.findChild<QComboBox *>(u"modeCombo"_s);
        auto *warning = dialog.findChild<QLabel *>(u"parallelWarning"_s);
        QVERIFY(mode && warning);
        QCOMPARE(dialog.selectedMode(), u"dependency"_s); // the template's default
        QVERIFY(!warning->isVisible());

        // Pick "All in parallel" with the keyboard, as a person would.
        mode->setFocus();
        while (mode->currentData().toString() != u"parallel" && mode->currentIndex() < mode->count() - 1)
            QTest::keyClick(mode, Qt::Key_Down);
        QCOMPARE(dialog.selectedMode(), u"parallel"_s);
        QTRY_VERIFY(warning->isVisible());
        QVERIFY(warning->text().contains(u"dependencies are ignored"_s));

        QTest::keyClick(mode, Qt::Key_Up);
        QVERIFY(!warning->isVisible());
        QTest::keyClick(mode, Qt::Key_Down);
        QVERIFY(warning->isVisible());

        QTest::mouseClick(dialog.findChild<QPushButton *>(u"startButton"_s), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(o.mode(), Scheduler::Mode::Parallel);
        QVERIFY(!dialog.startedAgentIds().isEmpty());
        o.cancelAll();
    }

    void startsOnThePlansMode()
    {
        QTemporaryDir dir;
        const QString path = test::writeFile(dir.path(), u"seq.yaml"_s,
                                             "name: Seq\nworkflow:\n  mode: sequential\n"
                                             "agents:\n  definitions:\n    - name: w\n      backend: demo\n"
                                             "goals:\n  - id: a\n    title: A\n  - id: b\n    title: B\n"
                                             "    depends_on: [a]\n");
        Orchestrator o;
        o.pauseDispatch();
        RunPlanDialog dialog(&o, ConfigLoader::defaults());
        QVERIFY2(dialog.loadPlan(path), qPrintable(dialog.findChild<QLabel *>(u"planError"_s)->text()));
        QCOMPARE(dialog.selectedMode(), u"sequential"_s);
        QVERIFY(dialog.selectMode(u"pipeline"_s));
        dialog.accept();
        QCOMPARE(o.mode(), Scheduler::Mode::Pipeline);
        o.cancelAll();
    }
};

QTEST_MAIN(TestRunPlanMode)
#include "tst_runplanmode.moc"
