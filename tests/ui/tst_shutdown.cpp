// Closing the window while agents work: keep running in the tray, cancel all and quit, or wait; a second quit
// while cancelling forces it. Real process agents (sh scripts that write their pids), and no survivors.
#include "MainWindow.h"
#include "config/ConfigLoader.h"
#include "orchestration/Orchestrator.h"
#include "shell/ShutdownController.h"
#include "support/GoalBuilder.h"
#include "support/TestSupport.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 20000;

// Two process agents whose sh script records its own pid and its child's, then runs until `release` exists
// (or for a minute). ignoreTerm: both ignore SIGTERM, so only the kill after the grace period ends them.
class Session final
{
public:
    explicit Session(bool ignoreTerm = false, int killGraceMs = 500)
    {
        const QString trap = ignoreTerm ? u"trap '' TERM\n"_s : QString();
        const QString script =
            test::writeScript(m_dir.path(), u"agent.sh"_s,
                              trap + u"echo $$ >> '%1/pids'\n"
                                     "sleep 60 &\n"
                                     "echo $! >> '%1/pids'\n"
                                     "while [ ! -f '%1/release' ]; do sleep 0.05; done\n"
                                     "kill $!\n"
                                     "echo '{\"type\":\"result\",\"summary\":\"done\"}'\n"_s.arg(m_dir.path()));
        AgentProfile profile = test::processProfile(u"sleeper"_s, script);
        profile.settings.insert(u"kill_grace_ms"_s, killGraceMs);
        m_config = ConfigLoader::defaults();
        m_config.profiles = {profile};
        m_orchestrator = std::make_unique<Orchestrator>();
        m_orchestrator->setWorkspace(m_dir.path());
        m_orchestrator->setProfiles(m_config.profiles);
        m_window = std::make_unique<MainWindow>(m_orchestrator.get(), m_config);
        m_window->show();
    }

    Orchestrator &orchestrator() { return *m_orchestrator; }
    MainWindow &window() { return *m_window; }
    ShutdownController &shutdown() { return *m_window->shutdownController(); }

    // Starts two agents and waits until both run and wrote their pids.
    QStringList startAgents()
    {
        const QStringList ids =
            m_orchestrator->spawnParallel({test::GoalBuilder::titled(u"a"_s).profile(u"sleeper"_s),
                                           test::GoalBuilder::titled(u"b"_s).profile(u"sleeper"_s)});
        [&] { QTRY_COMPARE_WITH_TIMEOUT(pids().size(), 4, kWaitMs); }();
        return ids;
    }

    QList<qint64> pids() const
    {
        QFile file(QDir(m_dir.path()).filePath(u"pids"_s));
        QList<qint64> result;
        if (!file.open(QIODevice::ReadOnly))
            return result;
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (!line.trimmed().isEmpty())
                result << line.trimmed().toLongLong();
        }
        return result;
    }

    int alive() const
    {
        int count = 0;
        for (const qint64 pid : pids())
            count += test::processAlive(pid) ? 1 : 0;
        return count;
    }

    void release() const { test::writeFile(m_dir.path(), u"release"_s, {}); }

    // The window first (it watches the orchestrator), then the orchestrator: its destructor stops every runner.
    void end()
    {
        m_window.reset();
        m_orchestrator.reset();
    }

private:
    QTemporaryDir m_dir;
    Config m_config;
    std::unique_ptr<Orchestrator> m_orchestrator;
    std::unique_ptr<MainWindow> m_window;
};

AgentState stateOf(Orchestrator &o, const QString &id)
{
    return o.status(id)->state;
}

} // namespace

class TestShutdown final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void idleWindowClosesAtOnce()
    {
        Session s;
        QVERIFY(s.window().close());
        QVERIFY(!s.shutdown().dialog());
    }

    void busyWindowOffersThreeChoices()
    {
        Session s;
        s.shutdown().setTrayAvailable(false);
        s.startAgents();
        QVERIFY(!s.window().close());
        QMessageBox *box = s.shutdown().dialog();
        QVERIFY(box);
        QVERIFY2(box->text().startsWith(u"2 agent"_s), qPrintable(box->text()));
        // Without a tray the first choice cannot be made, and says why.
        auto *keep = box->findChild<QPushButton *>(u"keepRunningInTrayButton"_s);
        QVERIFY(keep);
        QVERIFY(!keep->isEnabled());
        QVERIFY(keep->toolTip().contains(u"no system tray"_s));
        QVERIFY(box->findChild<QPushButton *>(u"cancelAllAndQuitButton"_s)->isEnabled());
        QVERIFY(box->findChild<QPushButton *>(u"waitForAgentsButton"_s)->isEnabled());
        QVERIFY(!s.shutdown().choose(ShutdownController::Choice::KeepRunning));
        s.window().close(); // asked once, not twice
        QCOMPARE(s.window().findChildren<QMessageBox *>(u"shutdownDialog"_s).size(), 1);

        // "Don't quit": everything goes on.
        QTest::mouseClick(box->findChild<QPushButton *>(u"dontQuitButton"_s), Qt::LeftButton);
        QTRY_VERIFY(!s.shutdown().dialog());
        QVERIFY(s.window().isVisible());
        QCOMPARE(s.shutdown().phase(), ShutdownController::Phase::Working);
        QCOMPARE(s.alive(), 4);
        s.end();
        QTRY_COMPARE(s.alive(), 0);
    }

    void cancelAllAndQuitLeavesNoSurvivor()
    {
        Session s;
        const QStringList ids = s.startAgents();
        QVERIFY(!s.window().close());
        QMessageBox *box = s.shutdown().dialog();
        QVERIFY(box);
        QSignalSpy quit(&s.shutdown(), &ShutdownController::quitReady);
        QTest::mouseClick(box->findChild<QPushButton *>(u"cancelAllAndQuitButton"_s), Qt::LeftButton);
        QCOMPARE(s.shutdown().phase(), ShutdownController::Phase::Cancelling);
        QProgressDialog *progress = s.shutdown().progressDialog();
        QVERIFY(progress);
        QCOMPARE(progress->maximum(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(!s.window().isVisible(), kWaitMs);
        QCOMPARE(quit.size(), 1);
        QVERIFY(s.orchestrator().isIdle());
        for (const QString &id : ids)
            QCOMPARE(stateOf(s.orchestrator(), id), AgentState::Cancelled);
        // The agents' shells and their children (process groups) are gone before the window closed.
        QTRY_COMPARE(s.alive(), 0);
        s.end();
    }

    void waitQuitsOnlyAfterAgentsComplete()
    {
        Session s;
        const QStringList ids = s.startAgents();
        QVERIFY(!s.window().close());
        QVERIFY(s.shutdown().dialog());
        QTest::mouseClick(s.shutdown().dialog()->findChild<QPushButton *>(u"waitForAgentsButton"_s), Qt::LeftButton);
        QCOMPARE(s.shutdown().phase(), ShutdownController::Phase::Waiting);
        QProgressDialog *progress = s.shutdown().progressDialog();
        QVERIFY(progress);
        QVERIFY2(progress->labelText().contains(u"2 agent"_s), qPrintable(progress->labelText()));
        QTest::qWait(200); // a span in which nothing may happen: the agents work on, the window stays
        QVERIFY(s.window().isVisible());
        QCOMPARE(s.alive(), 4);

        s.release();
        QTRY_VERIFY_WITH_TIMEOUT(!s.window().isVisible(), kWaitMs);
        for (const QString &id : ids)
            QCOMPARE(stateOf(s.orchestrator(), id), AgentState::Completed);
        s.end();
        QTRY_COMPARE(s.alive(), 0);
    }

    void stopWaitingKeepsTheWindow()
    {
        Session s;
        s.startAgents();
        QVERIFY(!s.window().close());
        QVERIFY(s.shutdown().choose(ShutdownController::Choice::Wait));
        QProgressDialog *progress = s.shutdown().progressDialog();
        QVERIFY(progress);
        auto *stopWaiting = progress->findChild<QPushButton *>();
        QVERIFY(stopWaiting);
        QCOMPARE(stopWaiting->text(), u"Stop waiting"_s);
        QTest::mouseClick(stopWaiting, Qt::LeftButton);
        QCOMPARE(s.shutdown().phase(), ShutdownController::Phase::Working);
        s.release();
        QTRY_VERIFY_WITH_TIMEOUT(s.orchestrator().isIdle(), kWaitMs);
        QTest::qWait(100); // a span in which nothing may happen: a close would come as a queued call
        QVERIFY(s.window().isVisible());
        s.end();
    }

    void keepRunningHidesTheWindow()
    {
        Session s;
        // The decision, not the tray: the offscreen platform has none.
        s.shutdown().setTrayAvailable(true);
        const QStringList ids = s.startAgents();
        QVERIFY(!s.window().close());
        QVERIFY(s.shutdown().dialog()->findChild<QPushButton *>(u"keepRunningInTrayButton"_s)->isEnabled());
        QTest::mouseClick(s.shutdown().dialog()->findChild<QPushButton *>(u"keepRunningInTrayButton"_s),
                          Qt::LeftButton);
        QVERIFY(!s.window().isVisible());
        QTest::qWait(200); // a span in which nothing may happen: the agents go on
        for (const QString &id : ids)
            QCOMPARE(stateOf(s.orchestrator(), id), AgentState::Running);
        QCOMPARE(s.alive(), 4);
        s.release();
        QTRY_VERIFY_WITH_TIMEOUT(s.orchestrator().isIdle(), kWaitMs);
        for (const QString &id : ids)
            QCOMPARE(stateOf(s.orchestrator(), id), AgentState::Completed);
        s.end();
    }

    void secondQuitWhileCancellingForcesIt()
    {
        // The agents ignore SIGTERM: cancelling lasts until the kill after the grace period.
        Session s(true, 3000);
        s.startAgents();
        QVERIFY(!s.window().close());
        QVERIFY(s.shutdown().choose(ShutdownController::Choice::CancelAndQuit));
        QCOMPARE(s.shutdown().phase(), ShutdownController::Phase::Cancelling);
        QVERIFY(!s.orchestrator().isIdle());
        QCOMPARE(s.alive(), 4);
        // Quit again (what File ▸ Quit and Ctrl+Q do): the window closes at once, the agents still winding down.
        QVERIFY(s.window().close());
        QVERIFY(!s.window().isVisible());
        QCOMPARE(s.shutdown().phase(), ShutdownController::Phase::Quitting);
        QVERIFY(!s.shutdown().progressDialog() || !s.shutdown().progressDialog()->isVisible());
        QVERIFY(!s.orchestrator().isIdle());
        // What main() does after the event loop: the orchestrator's destructor ends every process group.
        s.end();
        QTRY_COMPARE(s.alive(), 0);
    }

    void quitNowInTheProgressForcesIt()
    {
        // Longer than the QTRY below waits: only the forced quit can close the window in time.
        Session s(true, 6000);
        s.startAgents();
        QVERIFY(!s.window().close());
        QVERIFY(s.shutdown().choose(ShutdownController::Choice::CancelAndQuit));
        QProgressDialog *progress = s.shutdown().progressDialog();
        QVERIFY(progress);
        auto *quitNow = progress->findChild<QPushButton *>();
        QVERIFY(quitNow);
        QCOMPARE(quitNow->text(), u"Quit now"_s);
        QTest::mouseClick(quitNow, Qt::LeftButton);
        QTRY_VERIFY(!s.window().isVisible());
        QVERIFY(!s.orchestrator().isIdle());
        s.end();
        QTRY_COMPARE(s.alive(), 0);
    }
};

QTEST_MAIN(TestShutdown)
#include "tst_shutdown.moc"
