#pragma once

namespace switchboard {

struct Notification;

// Where DesktopNotifier's notifications go: the desktop's notification service (DesktopNotificationSink), or a
// recording stand-in in tests of which events make which notification.
class NotificationSink
{
public:
    NotificationSink() = default;
    virtual ~NotificationSink() = default;
    NotificationSink(const NotificationSink &) = delete;
    NotificationSink &operator=(const NotificationSink &) = delete;
    NotificationSink(NotificationSink &&) = delete;
    NotificationSink &operator=(NotificationSink &&) = delete;

    virtual void show(const Notification &notification) = 0;
};

} // namespace switchboard
