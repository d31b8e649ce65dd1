#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace switchboard {

// Installs Switchboard's embedded translation (:/i18n/switchboard_<lang>.qm) for the system locale, or for
// languageOverride ("de", "fr_CH") when given, plus Qt's own qtbase translation when one is installed.
// The override also becomes the default QLocale, so numbers and dates match the language. Returns the
// language in use: "de", "fr", or "en" (the source strings are English; English plural forms such as
// "1 agent" / "2 agents" come from a small English translation that is also the fallback).
QString installTranslations(QCoreApplication &app, const QString &languageOverride = QString());

// The languages Switchboard has a translation for ("de", "en", "fr"), from the embedded files.
QStringList availableLanguages();
// The language chosen in Settings (QSettings "appearance/language", next to the theme); empty: the system's.
// --lang wins over it. It takes effect at the next start.
QString savedLanguage();
void saveLanguage(const QString &language);

} // namespace switchboard
