// The storage-failure banner: with a real store whose database "fills up" (PRAGMA max_page_count), the main
// window shows a banner at the top with the store's message and what it means, dispatch stays paused (no
// new agent starts, even when a slot frees up) and the board stays readable. A window opened after the
// failure shows the banner at once.
#include "MainWindow.h"
#include "board/AgentBoardModel.h"
#include "board/AgentBoardView.h"
#include "config/ConfigLoader.h"
#include "orchestration/Orchestrator.h"
#include "persistence/Store.h"
#include "session/RunSession.h"
#include "support/GoalBuilder.h"
#include "support/ProfileBuilder.h"
#include "support/TemporaryStore.h"
#include "widgets/StorageBanner.h"

#include <QAction>
#include <QApplication>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace switchboard;
using namespace Qt::StringLiterals;

class TestStorageBanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void diskFullShowsTheBannerAndStartsNothing()
    {
        QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/ui.ini"_s);
        test::TemporaryStore temp;
        QVERIFY2(temp.isOpen(), qPrintable(temp.error()));
        Store &store = temp.store();
        QString error;
        Orchestrator o;
        o.setStore(&store);
        Config config = ConfigLoader::defaults();
        config.profiles = {test::ProfileBuilder::demo(u"slow"_s, 60000)};
        o.setProfiles(config.profiles);
        o.setMaxParallel(1);
        MainWindow window(&o, config);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        StorageBanner *banner = window.storageBanner();
        QVERIFY(banner);
        QVERIFY(!banner->isVisible());

        // One agent holds the only slot; two more queue behind it, recorded while the disk had room.
        const QString running = o.spawn(test::GoalBuilder::titled(u"Holds the slot"_s).profile(u"slow"_s), &error);
        QVERIFY2(!running.isEmpty(), qPrintable(error));
        QTRY_COMPARE(o.status(running)->state, AgentState::Running);
        QStringList queued;
        for (int i = 0; i < 2; ++i)
            queued << o.spawn(test::GoalBuilder::titled(u"Queued %1"_s.arg(i)).profile(u"slow"_s));
        QVERIFY(store.flush());
        QTRY_COMPARE(o.progress().pending, 2);

        // The disk fills up: the next big goals cannot be written.
        QSqlQuery count(store.readConnection());
        QVERIFY(count.exec(u"PRAGMA page_count"_s) && count.next());
        const int pages = count.value(0).toInt();
        QVERIFY(pages > 0);
        QCOMPARE(store.setMaxPageCountForTesting(pages + 2), pages + 2);
        QSignalSpy failed(&o, &Orchestrator::storageFailed);
        QSignalSpy started(&o, &Orchestrator::agentStarted);
        QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(u"database or disk is full"_s));
        const QString big(8000, u'x');
        for (int i = 0; i < 200 && !o.isStorageFailed(); ++i) {
            o.spawn(test::GoalBuilder::titled(u"Big %1"_s.arg(i)).profile(u"slow"_s).description(big));
            store.flush();
            QCoreApplication::processEvents();
        }
        QTRY_VERIFY(o.isStorageFailed());
        QCOMPARE(failed.size(), 1);
        const QString message = failed.first().first().toString();
        QVERIFY2(message.contains(u"database or disk is full"_s), qPrintable(message));

        // The banner: at the top, above the board, with the message and what it means.
        QTRY_VERIFY(banner->isVisible());
        QCOMPARE(banner->message(), message.trimmed());
        const QString text = banner->text();
        QVERIFY2(text.contains(u"dispatch is paused"_s), qPrintable(text));
        QVERIFY2(text.contains(u"New agents will not start"_s), qPrintable(text));
        QVERIFY2(text.contains(u"Nothing already recorded is lost"_s), qPrintable(text));
        QVERIFY(text.contains(message.trimmed()));
        QVERIFY(banner->mapTo(&window, QPoint(0, 0)).y() < window.boardView()->mapTo(&window, QPoint(0, 0)).y());
        QVERIFY(banner->height() > 0 && banner->width() > window.width() / 3);

        // Dispatch is paused and cannot be resumed from the window while nothing can be recorded.
        QVERIFY(o.isDispatchPaused());
        QAction *pause = window.findChild<QAction *>(u"actionPauseDispatch"_s);
        QVERIFY(pause);
        QVERIFY(pause->isChecked());
        QTRY_VERIFY(!pause->isEnabled());

        // The running agent is stopped; its slot frees up, and still no queued agent starts.
        QVERIFY(o.cancel(running));
        QTRY_COMPARE(o.status(running)->state, AgentState::Cancelled);
        QTest::qWait(300); // a span in which nothing may start: a dispatch would have happened by now
        QCOMPARE(started.size(), 0);
        for (const QString &id : std::as_const(queued))
            QCOMPARE(o.status(id)->state, AgentState::Queued);
        QCOMPARE(o.progress().inProgress, 0);

        // The board stays readable: the cards are all there.
        window.boardModel()->flushPendingInserts();
        QVERIFY(window.boardModel()->rowCount() >= 3);
        QVERIFY(window.boardView()->isVisible());

        // A window opened after the failure shows the banner at once, with the store's message.
        MainWindow second(&o, config);
        second.show();
        QVERIFY(QTest::qWaitForWindowExposed(&second));
        QVERIFY(second.storageBanner()->isVisible());
        QCOMPARE(second.storageBanner()->message(), store.lastError().trimmed());
        QVERIFY(!second.storageBanner()->message().isEmpty());
        o.cancelAll();
    }

    void damagedDatabaseIsNamedInTheBanner()
    {
        // A file that is not a database: the session's open refuses it as damaged, and the window says what
        // that means for the session and how to get the data back.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"broken.db"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(16384, 'z'));
        file.close();
        RunSession session;
        QCOMPARE(session.openStore(path), RunSession::StoreOutcome::Damaged);
        QVERIFY2(session.storeError().contains(u"is damaged"_s), qPrintable(session.storeError()));
        QVERIFY(!session.recordingStore());

        Orchestrator o;
        MainWindow window(&o, ConfigLoader::defaults());
        window.storageBanner()->showDamaged(session.storeError());
        window.show();
        QVERIFY(window.storageBanner()->isVisible());
        QVERIFY(window.storageBanner()->isDamaged());
        const QString text = window.storageBanner()->text();
        QVERIFY2(text.contains(u"damaged"_s) && text.contains(u"switchboard recover"_s), qPrintable(text));
        QVERIFY2(text.contains(path), qPrintable(text));
        // Nothing was written into it.
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray(16384, 'z'));
    }
};

QTEST_MAIN(TestStorageBanner)
#include "tst_storagebanner.moc"
