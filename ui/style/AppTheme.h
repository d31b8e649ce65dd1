#pragma once

#include <QPalette>
#include <QString>

#include <optional>

namespace switchboard {

// Light or dark, as the person wants it (issue 17): the system's preference by default. Qt 6.4 has no colour-scheme
// API, so the preference is read from the desktop's settings portal (org.freedesktop.appearance color-scheme), then
// GTK_THEME, then the platform palette itself. Where the platform's palette does not match the wish (a dark desktop
// whose Qt platform theme still hands out a light palette, or the other way round), the application switches to
// Fusion with a palette of its own, made so that text, state colours and focus stay readable.
class AppTheme final
{
public:
    enum class Choice
    {
        System,
        Light,
        Dark,
    };

    AppTheme() = delete;

    static QString choiceToString(Choice choice);
    static std::optional<Choice> choiceFromString(const QString &text);
    // The saved choice (QSettings "appearance/theme"), overridden by SWITCHBOARD_THEME=light|dark|system.
    static Choice savedChoice();
    static void saveChoice(Choice choice);

    // What the desktop asks for: true dark, false light, nullopt when it says nothing. Waits at most ~250 ms for
    // the portal (once, at start-up).
    static std::optional<bool> systemPrefersDark();
    // Whether a choice means dark here: System follows systemPrefersDark(), else the platform palette.
    static bool wantsDark(Choice choice, const QPalette &platformPalette);

    // Applies the choice to the running application (after the QApplication exists and IndicatorContrastStyle is
    // installed, before any window).
    // Returns whether the result is dark.
    static bool apply(Choice choice);

    static QPalette darkPalette();
    static QPalette lightPalette();
};

} // namespace switchboard
