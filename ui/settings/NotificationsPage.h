#pragma once

#include "notify/Notification.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;

namespace switchboard {

class DesktopNotifier;

// The Notifications page of the Settings dialog: the same per-kind switches as View ▸ Notifications, kept by the
// window's DesktopNotifier in ui.ini; Switchboard plays no sounds, and the page says so.
class NotificationsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationsPage)

public:
    explicit NotificationsPage(DesktopNotifier *notifier, QWidget *parent = nullptr);

    // The switches as the notifier has them now.
    void load();
    // Gives the notifier the switches' state (which saves it).
    void apply();
    bool isModified() const;
    QCheckBox *checkBox(Notification::Kind kind) const { return m_boxes.value(static_cast<int>(kind)); }

Q_SIGNALS:
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QPointer<DesktopNotifier> m_notifier;
    QHash<int, QCheckBox *> m_boxes; // by Notification::Kind
    QLabel *m_intro;
    QLabel *m_sound;
};

} // namespace switchboard
