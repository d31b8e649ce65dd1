#include "Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace switchboard {

namespace {
const QString kLanguageKey = QStringLiteral("appearance/language");
} // namespace

QStringList availableLanguages()
{
    QStringList languages;
    for (const QString &file : QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("switchboard_*.qm")}))
        languages << file.section(u'_', 1).section(u'.', 0, 0);
    languages.sort();
    return languages;
}

QString savedLanguage()
{
    return QSettings().value(kLanguageKey).toString().trimmed();
}

void saveLanguage(const QString &language)
{
    QSettings settings;
    if (language.trimmed().isEmpty())
        settings.remove(kLanguageKey);
    else
        settings.setValue(kLanguageKey, language.trimmed());
}

QString installTranslations(QCoreApplication &app, const QString &languageOverride)
{
    const QString wanted = languageOverride.trimmed();
    const QLocale locale = wanted.isEmpty() ? QLocale::system() : QLocale(wanted);
    if (!wanted.isEmpty())
        QLocale::setDefault(locale);

    // A language without a translation falls back to English, whose file holds the plural forms.
    auto *translator = new QTranslator(&app);
    if (!translator->load(locale, QStringLiteral("switchboard"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        (void)translator->load(QStringLiteral(":/i18n/switchboard_en.qm"));
    QString language = translator->language().section(QLatin1Char('_'), 0, 0);
    if (translator->isEmpty()) {
        delete translator;
        language = QStringLiteral("en");
    } else {
        QCoreApplication::installTranslator(translator);
        if (language.isEmpty())
            language = QStringLiteral("en");
    }

    // Qt's own strings (standard buttons, file dialog); present only when the distribution ships them.
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    else
        delete qtTranslator;

    return language;
}

} // namespace switchboard
