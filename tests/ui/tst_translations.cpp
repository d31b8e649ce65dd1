// Translations: the embedded German and French catalogues load for a locale or an override, cover
// every message (nothing unfinished or empty), use plural forms, and a running window retranslates.
// English plural forms ("1 agent") come from the small English catalogue, also the fallback language.
#include "MainWindow.h"
#include "Translations.h"
#include "config/ConfigLoader.h"
#include "orchestration/Orchestrator.h"
#include "support/TestSupport.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {
void removeTranslators()
{
    for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

QString translationsDir()
{
    return QDir(test::dataPath(QString())).filePath(u"../../translations"_s);
}
} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup()
    {
        removeTranslators();
        QLocale::setDefault(QLocale::c());
    }

    void loadsTheRequestedLanguage_data()
    {
        QTest::addColumn<QString>("request");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("cancelAll");
        QTest::addColumn<QString>("twoAgents");
        QTest::newRow("de") << u"de"_s << u"de"_s << u"Alle abbrechen"_s << u"2 Agenten"_s;
        QTest::newRow("de_AT") << u"de_AT"_s << u"de"_s << u"Alle abbrechen"_s << u"2 Agenten"_s;
        QTest::newRow("fr") << u"fr"_s << u"fr"_s << u"Tout annuler"_s << u"2 agents"_s;
        QTest::newRow("fr_CA") << u"fr_CA"_s << u"fr"_s << u"Tout annuler"_s << u"2 agents"_s;
        QTest::newRow("en") << u"en"_s << u"en"_s << u"Cancel all"_s << u"2 agents"_s;
        QTest::newRow("unknown falls back to English") << u"xx"_s << u"en"_s << u"Cancel all"_s << u"2 agents"_s;
    }

    void loadsTheRequestedLanguage()
    {
        QFETCH(QString, request);
        QFETCH(QString, language);
        QFETCH(QString, cancelAll);
        QFETCH(QString, twoAgents);
        QCOMPARE(installTranslations(*qApp, request), language);
        QCOMPARE(QCoreApplication::translate("switchboard::MainWindow", "Cancel all"), cancelAll);
        QCOMPARE(QCoreApplication::translate("switchboard::BoardFilterBar", "%Ln agent(s)", nullptr, 2), twoAgents);
    }

    void pluralForms()
    {
        installTranslations(*qApp, u"de"_s);
        QCOMPARE(QCoreApplication::translate("switchboard::BoardFilterBar", "%Ln agent(s)", nullptr, 1), u"1 Agent"_s);
        removeTranslators();
        installTranslations(*qApp, u"fr"_s);
        // French uses the singular for zero and one.
        QCOMPARE(QCoreApplication::translate("switchboard::BoardFilterBar", "%Ln agent(s)", nullptr, 0), u"0 agent"_s);
        QCOMPARE(QCoreApplication::translate("switchboard::BoardFilterBar", "%Ln agent(s)", nullptr, 1), u"1 agent"_s);
        removeTranslators();
        installTranslations(*qApp, u"en"_s);
        QCOMPARE(QCoreApplication::translate("switchboard::BoardFilterBar", "%Ln agent(s)", nullptr, 1), u"1 agent"_s);
        QCOMPARE(QCoreApplication::translate("switchboard::RunPlanDialog", "%n phase(s)", nullptr, 3), u"3 phases"_s);
    }

    void catalogueIsComplete_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("de") << u"switchboard_de.ts"_s;
        QTest::newRow("fr") << u"switchboard_fr.ts"_s;
    }

    void catalogueIsComplete()
    {
        QFETCH(QString, file);
        QFile ts(QDir(translationsDir()).filePath(file));
        QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
        QXmlStreamReader xml(&ts);
        int messages = 0;
        QString source;
        bool numerus = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == u"message") {
                numerus = xml.attributes().value(u"numerus"_s) == u"yes";
                ++messages;
            } else if (xml.name() == u"source") {
                source = xml.readElementText();
            } else if (xml.name() == u"translation") {
                QVERIFY2(xml.attributes().value(u"type"_s).isEmpty(), qPrintable(u"not finished: "_s + source));
                QStringList forms;
                if (numerus) {
                    while (xml.readNextStartElement())
                        forms << xml.readElementText();
                    QCOMPARE(forms.size(), 2);
                } else {
                    forms << xml.readElementText();
                }
                for (const QString &form : std::as_const(forms)) {
                    QVERIFY2(!form.trimmed().isEmpty(), qPrintable(u"empty: "_s + source));
                    // Placeholders survive translation (a singular form may leave out the count).
                    for (const QString &marker : {u"%1"_s, u"%2"_s, u"%3"_s}) {
                        if (source.contains(marker))
                            QVERIFY2(form.contains(marker), qPrintable(source + u" lost "_s + marker));
                    }
                }
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(messages > 200);
    }

    void windowSpeaksTheLanguageAndRetranslates()
    {
        Orchestrator orchestrator;
        installTranslations(*qApp, u"de"_s);
        {
            MainWindow window(&orchestrator, ConfigLoader::defaults());
            QCOMPARE(window.findChild<QMenu *>(u"fileMenu"_s)->title(), u"&Datei"_s);
            QCOMPARE(window.findChild<QAction *>(u"actionNewGoal"_s)->text(), u"&Neues Ziel …"_s);
            QCOMPARE(window.findChild<QLabel *>(u"agentCount"_s)->text(), u"0 Agenten"_s);
        }
        MainWindow window(&orchestrator, ConfigLoader::defaults());
        window.show();
        removeTranslators();
        installTranslations(*qApp, u"fr"_s); // LanguageChange reaches the open window
        QTRY_COMPARE(window.findChild<QMenu *>(u"fileMenu"_s)->title(), u"&Fichier"_s);
        QCOMPARE(window.findChild<QAction *>(u"actionCancelAll"_s)->iconText(), u"Tout annuler"_s);
        QCOMPARE(window.findChild<QLabel *>(u"emptyTitle"_s)->text(), u"Aucun agent pour l’instant"_s);

        const QString out = QDir(QStringLiteral(SWITCHBOARD_BUILD_DIR)).filePath(u"screenshots"_s);
        QDir().mkpath(out);
        window.resize(1280, 800);
        // The French texts asked for new layouts: they run before the picture (nothing else is awaited).
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QVERIFY(window.grab().save(QDir(out).filePath(u"mainwindow-fr.png"_s)));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
