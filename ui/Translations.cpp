#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace switchboard {

QString installTranslations(QCoreApplication &app, const QString &languageOverride)
{
    const QString wanted = languageOverride.trimmed();
    const QLocale locale = wanted.isEmpty() ? QLocale::system() : QLocale(wanted);
    if (!wanted.isEmpty())
        QLocale::setDefault(locale);

    QString language = QStringLiteral("en");
    auto *translator = new QTranslator(&app);
    if (translator->load(locale, QStringLiteral("switchboard"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(translator);
        language = translator->language().section(QLatin1Char('_'), 0, 0);
        if (language.isEmpty())
            language = QLocale::languageToCode(locale.language());
    } else {
        delete translator;
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
