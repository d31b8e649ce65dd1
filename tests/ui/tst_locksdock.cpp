// The Locks dock: a held lock appears with its holder, token and countdown, contention is marked with
// words and an icon (not colour alone), and "Force release" frees the lock after a confirmation that names
// the resource and the holder.
#include "MainWindow.h"
#include "config/ConfigLoader.h"
#include "locks/LockTableModel.h"
#include "locks/LocksDock.h"
#include "orchestration/Orchestrator.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QTreeView>

using namespace switchboard;
using namespace Qt::StringLiterals;

class TestLocksDock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void modelFollowsTheLockManager()
    {
        Orchestrator o;
        LockTableModel model(&o);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(o.locks().tryAcquire(u"a-1"_s, {u"src/b.py"_s, u"db:schema"_s}, u"g1"_s).ok());
        QTRY_COMPARE(model.rowCount(), 2);
        QVERIFY(o.locks().tryAcquire(u"a-2"_s, {u"src/a.py"_s}).ok());
        QTRY_COMPARE(model.rowCount(), 3);
        // Sorted by resource; rows keep their identity.
        QCOMPARE(model.index(0, LockTableModel::ResourceColumn).data().toString(), u"db:schema"_s);
        QCOMPARE(model.index(1, LockTableModel::ResourceColumn).data().toString(), u"src/a.py"_s);
        QCOMPARE(o.locks().release(u"a-1"_s, {u"db:schema"_s}), 1);
        QTRY_COMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, LockTableModel::HolderColumn).data().toString(), u"a-2"_s);
        QCOMPARE(o.locks().releaseAll(u"a-1"_s), 1);
        QCOMPARE(o.locks().releaseAll(u"a-2"_s), 1);
        QTRY_COMPARE(model.rowCount(), 0);
    }

    void heldLockAndForceRelease()
    {
        Orchestrator o;
        MainWindow window(&o, ConfigLoader::defaults());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        LocksDock *dock = window.locksDock();
        QVERIFY(dock);
        dock->show();
        dock->raise();

        const LockManager::Result granted = o.locks().tryAcquire(u"a-7"_s, {u"./src/../src/app.py"_s}, u"g1"_s);
        QVERIFY(granted.ok());
        QTreeView *view = dock->view();
        QTRY_COMPARE(view->model()->rowCount(), 1);
        const QModelIndex row = view->model()->index(0, 0);
        QCOMPARE(row.data().toString(), u"src/app.py"_s);
        QCOMPARE(view->model()->index(0, LockTableModel::HolderColumn).data().toString(), u"a-7"_s);
        QCOMPARE(view->model()->index(0, LockTableModel::TokenColumn).data().toString(),
                 QString::number(granted.token));
        // A 30-minute lease counts down.
        QVERIFY(view->model()->index(0, LockTableModel::ExpiresColumn).data().toString().startsWith(u"29:"_s) ||
                view->model()->index(0, LockTableModel::ExpiresColumn).data().toString().startsWith(u"30:"_s));
        QCOMPARE(view->model()->index(0, LockTableModel::WaitersColumn).data().toString(), u"none"_s);

        auto *force = dock->findChild<QPushButton *>(u"forceReleaseButton"_s);
        QVERIFY(force);
        QVERIFY(!force->isEnabled()); // nothing selected yet
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(row).center());
        QTRY_VERIFY(force->isEnabled());

        // "Keep the lock" changes nothing.
        QString confirmation;
        QTimer::singleShot(0, this, [&confirmation] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            confirmation = box->text();
            QTest::mouseClick(box->findChild<QPushButton *>(u"keepLockButton"_s), Qt::LeftButton);
        });
        QTest::mouseClick(force, Qt::LeftButton);
        QTRY_VERIFY(!confirmation.isEmpty());
        QVERIFY(confirmation.contains(u"src/app.py"_s));
        QVERIFY(confirmation.contains(u"a-7"_s));
        QTest::qWait(50); // a span in which nothing may happen: the lock stays with its holder
        QVERIFY(o.locks().isHeld(u"src/app.py"_s));

        // "Force release" frees it and the row goes.
        QTimer::singleShot(0, this, [] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            QTest::mouseClick(box->findChild<QPushButton *>(u"confirmForceReleaseButton"_s), Qt::LeftButton);
        });
        QTest::mouseClick(force, Qt::LeftButton);
        QTRY_VERIFY(!o.locks().isHeld(u"src/app.py"_s));
        QVERIFY(o.locks().hasLostLock(u"a-7"_s));
        QTRY_COMPARE(view->model()->rowCount(), 0);
    }

    void contentionIsMarked()
    {
        Orchestrator o;
        LockTableModel model(&o);
        QVERIFY(o.locks().tryAcquire(u"a-1"_s, {u"db:schema"_s}).ok());
        // A second agent waits on another thread; the table names it, with an icon and a tint.
        std::atomic<bool> done{false};
        QThread *waiter = QThread::create([&o, &done] {
            LockManager::WaitOptions options;
            options.timeout = std::chrono::milliseconds(5000);
            o.locks().acquire(u"a-2"_s, {u"db:schema"_s}, options);
            done = true;
        });
        waiter->start();
        QTRY_COMPARE(model.index(0, 0).data(LockTableModel::WaiterCountRole).toInt(), 1);
        const QModelIndex waiters = model.index(0, LockTableModel::WaitersColumn);
        QCOMPARE(waiters.data().toString(), u"1 waiting: a-2"_s);
        QVERIFY(!waiters.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(waiters.data(Qt::BackgroundRole).isValid());
        QCOMPARE(model.contendedCount(), 1);
        QCOMPARE(o.locks().releaseAll(u"a-1"_s), 1);
        QTRY_VERIFY(done.load());
        waiter->wait();
        delete waiter;
        QCOMPARE(o.locks().releaseAll(u"a-2"_s), 1);
    }
};

QTEST_MAIN(TestLocksDock)
#include "tst_locksdock.moc"
