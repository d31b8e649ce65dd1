#include "NotificationsPage.h"

#include "notify/DesktopNotifier.h"

#include <QCheckBox>
#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace switchboard {

NotificationsPage::NotificationsPage(DesktopNotifier *notifier, QWidget *parent)
    : QWidget(parent)
    , m_notifier(notifier)
    , m_intro(new QLabel)
    , m_sound(new QLabel)
{
    setObjectName(QStringLiteral("notificationsPage"));
    m_intro->setWordWrap(true);
    m_sound->setObjectName(QStringLiteral("notifySoundNote"));
    m_sound->setWordWrap(true);
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(m_intro);
    column->addSpacing(4);
    for (const Notification::Kind kind : DesktopNotifier::kinds()) {
        auto *box = new QCheckBox;
        const QString name = QStringLiteral("notify%1Check").arg(static_cast<int>(kind));
        box->setObjectName(name);
        connect(box, &QCheckBox::toggled, this, &NotificationsPage::changed);
        m_boxes.insert(static_cast<int>(kind), box);
        column->addWidget(box);
    }
    column->addSpacing(8);
    column->addWidget(m_sound);
    column->addStretch(1);
    setEnabled(m_notifier != nullptr);
    load();
    retranslate();
}

void NotificationsPage::load()
{
    for (const Notification::Kind kind : DesktopNotifier::kinds()) {
        QCheckBox *box = checkBox(kind);
        const QSignalBlocker blocker(box);
        box->setChecked(m_notifier ? m_notifier->isEnabled(kind) : true);
    }
}

bool NotificationsPage::isModified() const
{
    if (!m_notifier)
        return false;
    for (const Notification::Kind kind : DesktopNotifier::kinds()) {
        if (checkBox(kind)->isChecked() != m_notifier->isEnabled(kind))
            return true;
    }
    return false;
}

void NotificationsPage::apply()
{
    if (!m_notifier)
        return;
    for (const Notification::Kind kind : DesktopNotifier::kinds())
        m_notifier->setEnabled(kind, checkBox(kind)->isChecked());
}

void NotificationsPage::retranslate()
{
    m_intro->setText(m_notifier ? tr("Tell me on the desktop when, while Switchboard is in the background:")
                                : tr("Desktop notifications are not available in this window."));
    for (const Notification::Kind kind : DesktopNotifier::kinds())
        checkBox(kind)->setText(DesktopNotifier::kindText(kind));
    m_sound->setText(tr("Notifications make no sound: Switchboard plays none. The same switches are in View ▸ "
                        "Notifications."));
}

void NotificationsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace switchboard
