// Closing the window while agents work asks first; the answer decides.
#include "MainWindow.h"
#include "config/ConfigLoader.h"
#include "orchestration/Orchestrator.h"

#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

using namespace switchboard;
using namespace Qt::StringLiterals;

class TestQuitConfirmation final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void idleWindowClosesAtOnce();
    void busyWindowAsksAndCanStay();
    void busyWindowQuitsWhenConfirmed();

private:
    static void spawnQueued(Orchestrator &o)
    {
        o.pauseDispatch(); // queued, never finishing on its own
        Goal g;
        g.id = u"g"_s;
        g.title = u"Long job"_s;
        QVERIFY(!o.spawn(g).isEmpty());
    }
};

void TestQuitConfirmation::idleWindowClosesAtOnce()
{
    Orchestrator o;
    const Config config = ConfigLoader::defaults();
    o.setProfiles(config.profiles);
    MainWindow window(&o, config);
    window.show();
    QVERIFY(window.close());
    QVERIFY(!window.findChild<QMessageBox *>(u"quitConfirmation"_s));
}

void TestQuitConfirmation::busyWindowAsksAndCanStay()
{
    Orchestrator o;
    const Config config = ConfigLoader::defaults();
    o.setProfiles(config.profiles);
    spawnQueued(o);
    MainWindow window(&o, config);
    window.show();
    QVERIFY(!window.close());
    auto *box = window.findChild<QMessageBox *>(u"quitConfirmation"_s);
    QVERIFY(box);
    QVERIFY2(box->text().startsWith(u"1 agent"_s) && box->text().contains(u"still at work"_s), qPrintable(box->text()));
    QVERIFY2(box->informativeText().contains(u"nothing of this session is kept"_s), qPrintable(box->informativeText()));
    QTest::mouseClick(box->findChild<QPushButton *>(u"keepRunningButton"_s), Qt::LeftButton);
    QTest::qWait(50); // a span in which nothing may happen: a close would come as a queued call
    QVERIFY(window.isVisible());
    QCOMPARE(o.progress().pending, 1);
}

void TestQuitConfirmation::busyWindowQuitsWhenConfirmed()
{
    Orchestrator o;
    const Config config = ConfigLoader::defaults();
    o.setProfiles(config.profiles);
    spawnQueued(o);
    MainWindow window(&o, config);
    window.show();
    window.close();
    auto *box = window.findChild<QMessageBox *>(u"quitConfirmation"_s);
    QVERIFY(box);
    window.close(); // asked once, not twice
    QCOMPARE(window.findChildren<QMessageBox *>(u"quitConfirmation"_s).size(), 1);
    QTest::mouseClick(box->findChild<QPushButton *>(u"confirmQuitButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!window.isVisible());
}

QTEST_MAIN(TestQuitConfirmation)
#include "tst_quitconfirmation.moc"
