// Light or dark as the person wants it (issue 17): the saved choice and SWITCHBOARD_THEME, the desktop's preference
// (GTK_THEME here; the settings portal is asked first where one runs), and what apply() does to the running
// application: Fusion with the app's own palette where the platform's does not match, the platform's look where it
// does. Every state colour must stay readable on both palettes.
#include "style/AgentStateStyle.h"
#include "style/AppTheme.h"

#include <QApplication>
#include <QProxyStyle>
#include <QSettings>
#include <QStandardPaths>
#include <QStyle>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace switchboard;

namespace {
// WCAG relative luminance and contrast ratio.
double luminance(const QColor &c)
{
    const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}
double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}
// A translucent colour as it shows over an opaque one.
QColor over(const QColor &top, const QColor &bottom)
{
    const double a = top.alphaF();
    return QColor::fromRgbF(float(top.redF() * a + bottom.redF() * (1 - a)),
                            float(top.greenF() * a + bottom.greenF() * (1 - a)),
                            float(top.blueF() * a + bottom.blueF() * (1 - a)));
}
} // namespace

class TestAppTheme final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void choicesRoundTrip();
    void environmentOverridesSavedChoice();
    void gtkThemeIsTheSystemPreference();
    void applyDarkOnALightPlatform();
    void applyMatchingKeepsThePlatformLook();
    void stateColoursReadableOnBothPalettes();

private:
    QPalette m_platform;
    QString m_platformStyle;
};

void TestAppTheme::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_platform = QApplication::palette();
    m_platformStyle = QApplication::style()->name();
    QVERIFY(!AgentStateStyle::isDarkPalette(m_platform)); // offscreen gives a light palette
}

void TestAppTheme::init()
{
    qunsetenv("SWITCHBOARD_THEME");
    qunsetenv("GTK_THEME");
    qunsetenv("DBUS_SESSION_BUS_ADDRESS"); // no portal: the preference comes from the environment
    QSettings().remove(u"appearance/theme"_s);
}

void TestAppTheme::choicesRoundTrip()
{
    QCOMPARE(AppTheme::savedChoice(), AppTheme::Choice::System);
    for (AppTheme::Choice c : {AppTheme::Choice::Light, AppTheme::Choice::Dark, AppTheme::Choice::System}) {
        AppTheme::saveChoice(c);
        QCOMPARE(AppTheme::savedChoice(), c);
        QCOMPARE(AppTheme::choiceFromString(AppTheme::choiceToString(c)), c);
    }
    QCOMPARE(AppTheme::choiceFromString(u"purple"_s), std::nullopt);
}

void TestAppTheme::environmentOverridesSavedChoice()
{
    AppTheme::saveChoice(AppTheme::Choice::Light);
    qputenv("SWITCHBOARD_THEME", "dark");
    QCOMPARE(AppTheme::savedChoice(), AppTheme::Choice::Dark);
}

void TestAppTheme::gtkThemeIsTheSystemPreference()
{
    QCOMPARE(AppTheme::systemPrefersDark(), std::nullopt);
    QVERIFY(!AppTheme::wantsDark(AppTheme::Choice::System, m_platform)); // nothing said: the platform's palette
    qputenv("GTK_THEME", "Adwaita:dark");
    QCOMPARE(AppTheme::systemPrefersDark(), true);
    QVERIFY(AppTheme::wantsDark(AppTheme::Choice::System, m_platform));
    QVERIFY(!AppTheme::wantsDark(AppTheme::Choice::Light, m_platform));
    qputenv("GTK_THEME", "Adwaita");
    QCOMPARE(AppTheme::systemPrefersDark(), false);
}

void TestAppTheme::applyDarkOnALightPlatform()
{
    QVERIFY(AppTheme::apply(AppTheme::Choice::Dark));
    QVERIFY(AgentStateStyle::isDarkPalette(QApplication::palette()));
    const auto *proxy = qobject_cast<QProxyStyle *>(QApplication::style());
    QVERIFY(proxy); // the check-box contrast wrapper stays
    QCOMPARE(proxy->baseStyle()->name().toLower(), u"fusion"_s);
    QCOMPARE(QApplication::palette().color(QPalette::Base), AppTheme::darkPalette().color(QPalette::Base));
    // Back to light: Fusion's light palette, not the dark one left behind.
    QVERIFY(!AppTheme::apply(AppTheme::Choice::Light));
    QVERIFY(!AgentStateStyle::isDarkPalette(QApplication::palette()));
}

void TestAppTheme::applyMatchingKeepsThePlatformLook()
{
    QApplication::setPalette(m_platform);
    QVERIFY(!AppTheme::apply(AppTheme::Choice::System)); // light platform, no dark wish: nothing changes
    QCOMPARE(QApplication::palette().color(QPalette::Base), m_platform.color(QPalette::Base));
}

void TestAppTheme::stateColoursReadableOnBothPalettes()
{
    for (const QPalette &palette : {AppTheme::lightPalette(), AppTheme::darkPalette()}) {
        QVERIFY(contrast(palette.color(QPalette::Text), palette.color(QPalette::Base)) >= 7.0);
        QVERIFY(contrast(palette.color(QPalette::HighlightedText), palette.color(QPalette::Highlight)) >= 3.0);
        for (int s = 0; s < kAgentStateCount; ++s) {
            const auto state = static_cast<AgentState>(s);
            // The badge: its text on its wash of the accent, drawn over the card's base.
            const double ratio =
                contrast(AgentStateStyle::foreground(state, palette),
                         over(AgentStateStyle::badgeBackground(state, palette), palette.color(QPalette::Base)));
            QVERIFY2(ratio >= 4.5, qPrintable(u"%1 on %2: %3"_s.arg(AgentStateStyle::label(state))
                                                  .arg(AgentStateStyle::isDarkPalette(palette) ? u"dark"_s : u"light"_s)
                                                  .arg(ratio)));
        }
    }
}

QTEST_MAIN(TestAppTheme)
#include "tst_apptheme.moc"
