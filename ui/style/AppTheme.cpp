#include "AppTheme.h"

#include "AgentStateStyle.h"
#include "IndicatorContrastStyle.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVariant>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace switchboard {

namespace {

const QString kSettingsKey = QStringLiteral("appearance/theme");

// A variant the portal wrapped once or twice (v, or v(v)), down to its value.
QVariant unwrapped(QVariant value)
{
    while (value.canConvert<QDBusVariant>() && value.userType() == qMetaTypeId<QDBusVariant>())
        value = value.value<QDBusVariant>().variant();
    return value;
}

} // namespace

QString AppTheme::choiceToString(Choice choice)
{
    switch (choice) {
    case Choice::Light:
        return QStringLiteral("light");
    case Choice::Dark:
        return QStringLiteral("dark");
    case Choice::System:
        break;
    }
    return QStringLiteral("system");
}

std::optional<AppTheme::Choice> AppTheme::choiceFromString(const QString &text)
{
    const QString name = text.trimmed().toLower();
    for (Choice choice : {Choice::System, Choice::Light, Choice::Dark}) {
        if (name == choiceToString(choice))
            return choice;
    }
    return std::nullopt;
}

AppTheme::Choice AppTheme::savedChoice()
{
    if (const std::optional<Choice> forced = choiceFromString(qEnvironmentVariable("SWITCHBOARD_THEME")))
        return *forced;
    return choiceFromString(QSettings().value(kSettingsKey).toString()).value_or(Choice::System);
}

void AppTheme::saveChoice(Choice choice)
{
    QSettings().setValue(kSettingsKey, choiceToString(choice));
}

std::optional<bool> AppTheme::systemPrefersDark()
{
    // The settings portal (GNOME 42+, KDE 5.24+): 0 no preference, 1 prefer dark, 2 prefer light.
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected()) {
        QDBusMessage read = QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.portal.Desktop"), QStringLiteral("/org/freedesktop/portal/desktop"),
            QStringLiteral("org.freedesktop.portal.Settings"), QStringLiteral("Read"));
        read << QStringLiteral("org.freedesktop.appearance") << QStringLiteral("color-scheme");
        const QDBusMessage reply = bus.call(read, QDBus::Block, 250);
        if (reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty()) {
            bool ok = false;
            const uint scheme = unwrapped(reply.arguments().constFirst()).toUInt(&ok);
            if (ok && scheme == 1)
                return true;
            if (ok && scheme == 2)
                return false;
        }
    }
    const QString gtk = qEnvironmentVariable("GTK_THEME").toLower();
    if (!gtk.isEmpty())
        return gtk.contains(QStringLiteral("dark"));
    return std::nullopt;
}

bool AppTheme::wantsDark(Choice choice, const QPalette &platformPalette)
{
    switch (choice) {
    case Choice::Light:
        return false;
    case Choice::Dark:
        return true;
    case Choice::System:
        break;
    }
    return systemPrefersDark().value_or(AgentStateStyle::isDarkPalette(platformPalette));
}

bool AppTheme::apply(Choice choice)
{
    const QPalette platform = QApplication::palette();
    const bool dark = wantsDark(choice, platform);
    if (dark == AgentStateStyle::isDarkPalette(platform))
        return dark; // the platform already gives what is wanted: keep its native look
    // Fusion draws from the palette alone (native styles may not); wrapped like the application's style always is.
    QApplication::setStyle(new IndicatorContrastStyle(QStringLiteral("Fusion")));
    QApplication::setPalette(dark ? darkPalette() : lightPalette());
    return dark;
}

QPalette AppTheme::darkPalette()
{
    QPalette p;
    const QColor window(0x26, 0x28, 0x2c);
    const QColor base(0x1d, 0x1f, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8b, 0x8f, 0x96));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x32, 0x35, 0x3a));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x3d, 0x40, 0x46));
    p.setColor(QPalette::Midlight, QColor(0x34, 0x37, 0x3c));
    p.setColor(QPalette::Mid, QColor(0x24, 0x26, 0x29));
    p.setColor(QPalette::Dark, QColor(0x16, 0x17, 0x19));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x3b, 0x82, 0xf6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x60, 0xa5, 0xfa));
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x70, 0x73, 0x78));
    return p;
}

QPalette AppTheme::lightPalette()
{
    // Fusion's own light palette, with a clearer selection than its default grey-blue.
    QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"));
    QPalette p = fusion ? fusion->standardPalette() : QPalette();
    delete fusion;
    p.setColor(QPalette::Highlight, QColor(0x25, 0x63, 0xeb));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x1d, 0x4e, 0xd8));
    return p;
}

} // namespace switchboard
