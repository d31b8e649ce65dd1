#include "notify/DesktopNotificationSink.h"

#include "notify/Notification.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QSystemTrayIcon>
#include <QVariantMap>

namespace switchboard {

namespace {

const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");
constexpr int kTrayMessageMs = 10000;

} // namespace

DesktopNotificationSink::DesktopNotificationSink(QSystemTrayIcon *tray, QObject *parent)
    : QObject(parent)
    , m_tray(tray)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected()) {
        bus.connect(QString(), kPath, kInterface, QStringLiteral("ActionInvoked"), this,
                    SLOT(handleActionInvoked(uint, QString)));
        bus.connect(QString(), kPath, kInterface, QStringLiteral("NotificationClosed"), this,
                    SLOT(handleClosed(uint, uint)));
    }
    if (m_tray)
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] { Q_EMIT agentActivated(m_trayAgent); });
}

DesktopNotificationSink::~DesktopNotificationSink() = default;

void DesktopNotificationSink::show(const Notification &notification)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        showInTray(notification);
        return;
    }
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("Notify"));
    QVariantMap hints;
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("switchboard"));
    // "default" is the click on the notification itself; the label is what servers with buttons show.
    call << QStringLiteral("Switchboard") << 0u << QStringLiteral("switchboard") << notification.title
         << notification.body << QStringList{QStringLiteral("default"), tr("Show")} << hints << -1;
    // Asynchronous: a slow or absent service never blocks the window. No service: the tray's message instead.
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, notification](QDBusPendingCallWatcher *watcher) {
        watcher->deleteLater();
        const QDBusPendingReply<uint> reply = *watcher;
        if (reply.isError()) {
            showInTray(notification);
            return;
        }
        m_agents.insert(reply.value(), notification.agentId);
        Q_EMIT delivered(reply.value());
    });
}

void DesktopNotificationSink::showInTray(const Notification &notification)
{
    if (!m_tray)
        return;
    m_trayAgent = notification.agentId;
    m_tray->showMessage(notification.title, notification.body, QSystemTrayIcon::Information, kTrayMessageMs);
    Q_EMIT deliveredToTray();
}

void DesktopNotificationSink::handleActionInvoked(uint id, const QString &action)
{
    const auto it = m_agents.constFind(id);
    if (it == m_agents.cend() || action != QStringLiteral("default"))
        return;
    Q_EMIT agentActivated(*it);
}

void DesktopNotificationSink::handleClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    m_agents.remove(id);
}

} // namespace switchboard
