// Desktop notifications over a real D-Bus session bus (a private one: dbus-run-session, see CMakeLists.txt): a
// tiny org.freedesktop.Notifications server in this test records the Notify calls and sends ActionInvoked; a
// bus without the service falls back to the tray's message.
#include "notify/DesktopNotificationSink.h"
#include "notify/Notification.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {

const QString kService = u"org.freedesktop.Notifications"_s;
const QString kPath = u"/org/freedesktop/Notifications"_s;

// The server side, on a connection of its own.
class NotificationServer final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Call
    {
        QString appName;
        QString summary;
        QString body;
        QStringList actions;
    };

    QList<Call> calls;

public Q_SLOTS:
    uint Notify(const QString &appName, uint replacesId, const QString &appIcon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints, int expireTimeout)
    {
        Q_UNUSED(replacesId)
        Q_UNUSED(appIcon)
        Q_UNUSED(hints)
        Q_UNUSED(expireTimeout)
        calls << Call{appName, summary, body, actions};
        return static_cast<uint>(calls.size()) + 40;
    }
};

} // namespace

class TestNotifyDBus final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariable("SWITCHBOARD_PRIVATE_BUS") != u"1"_s)
            QSKIP("runs on a private bus only (ctest starts it with dbus-run-session)");
        QVERIFY(QDBusConnection::sessionBus().isConnected());
    }

    void noServiceFallsBackToTheTray()
    {
        QVERIFY(!QDBusConnection::sessionBus().interface()->isServiceRegistered(kService).value());
        QSystemTrayIcon tray; // never shown: the offscreen platform has no tray, its message still is the fallback
        DesktopNotificationSink sink(&tray);
        QSignalSpy toTray(&sink, &DesktopNotificationSink::deliveredToTray);
        QSignalSpy activated(&sink, &DesktopNotificationSink::agentActivated);
        sink.show({Notification::Kind::Failed, u"coder #1 failed"_s, u"Goal: Build"_s, u"a-1"_s});
        QVERIFY(toTray.wait(10000));
        Q_EMIT tray.messageClicked(); // the person clicks the tray's message
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().first().toString(), u"a-1"_s);
    }

    void notifyAndClickThroughTheService()
    {
        QDBusConnection serverBus = QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"server"_s);
        QVERIFY(serverBus.isConnected());
        NotificationServer server;
        QVERIFY(serverBus.registerObject(kPath, &server, QDBusConnection::ExportAllSlots));
        QVERIFY(serverBus.registerService(kService));

        DesktopNotificationSink sink(nullptr);
        QSignalSpy delivered(&sink, &DesktopNotificationSink::delivered);
        QSignalSpy activated(&sink, &DesktopNotificationSink::agentActivated);
        sink.show({Notification::Kind::NeedsInput, u"coder #2 needs your input"_s,
                   u"Goal: Pick a database\nWhich database?"_s, u"a-2"_s});
        QVERIFY(delivered.wait(10000));
        QCOMPARE(server.calls.size(), 1);
        QCOMPARE(server.calls[0].appName, u"Switchboard"_s);
        QCOMPARE(server.calls[0].summary, u"coder #2 needs your input"_s);
        QCOMPARE(server.calls[0].body, u"Goal: Pick a database\nWhich database?"_s);
        QVERIFY(server.calls[0].actions.contains(u"default"_s));
        const uint id = delivered.first().first().toUInt();
        QCOMPARE(id, 41u);

        // Another action, or another notification's id, focuses nothing; "default" on ours does.
        const auto invoke = [&serverBus](uint which, const QString &action) {
            QDBusMessage signal =
                QDBusMessage::createSignal(kPath, u"org.freedesktop.Notifications"_s, u"ActionInvoked"_s);
            signal << which << action;
            QVERIFY(serverBus.send(signal));
        };
        invoke(id + 7, u"default"_s);
        invoke(id, u"default"_s);
        QVERIFY(activated.wait(10000));
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().first().toString(), u"a-2"_s);

        serverBus.unregisterService(kService);
        QDBusConnection::disconnectFromBus(u"server"_s);
    }
};

QTEST_MAIN(TestNotifyDBus)
#include "tst_notifydbus.moc"
