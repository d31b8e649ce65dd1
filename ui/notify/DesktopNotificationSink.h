#pragma once

#include "notify/NotificationSink.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QSystemTrayIcon;

namespace switchboard {

// Shows notifications through the desktop's notification service (org.freedesktop.Notifications on the
// session bus), or, when no service answers, as the tray icon's message. A click on one (the service's
// "default" action, or the tray message) reports the agent it named.
class DesktopNotificationSink final : public QObject, public NotificationSink
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopNotificationSink)

public:
    // tray: the fallback; may be null (no tray: the notification is dropped when the service is absent too).
    explicit DesktopNotificationSink(QSystemTrayIcon *tray, QObject *parent = nullptr);
    ~DesktopNotificationSink() override;

    void show(const Notification &notification) override;

Q_SIGNALS:
    // The person clicked the notification about this agent (empty: the run as a whole).
    void agentActivated(const QString &agentId);
    // The service took it (its id), or it went to the tray; for tests.
    void delivered(uint id);
    void deliveredToTray();

private Q_SLOTS:
    // String-based slots: QDBusConnection::connect() takes no function pointers.
    void handleActionInvoked(uint id, const QString &action);
    void handleClosed(uint id, uint reason);

private:
    void showInTray(const Notification &notification);

    QPointer<QSystemTrayIcon> m_tray;
    QHash<uint, QString> m_agents; // notification id -> agent, while it is shown
    QString m_trayAgent;           // the agent of the tray's last message
};

} // namespace switchboard
