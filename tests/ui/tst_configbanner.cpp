// The config banner: a config that does not load at start-up is moved aside, and the main window says so at the
// top with the file:line:column error, where the broken file went and what is used instead.
#include "MainWindow.h"
#include "orchestration/Orchestrator.h"
#include "session/RunSession.h"
#include "widgets/ConfigBanner.h"

#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace switchboard;
using namespace Qt::StringLiterals;

class TestConfigBanner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void brokenConfigShowsTheBanner()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"switchboard.yaml"_s);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("workflow:\n  max_parallel: [2\nagents: {}\n");
        }
        RunSession session;
        const ConfigRecovery::Result result = session.loadConfigRecovering(path);
        QVERIFY(result.recovered);
        QVERIFY(QFileInfo::exists(result.corruptPath));

        Orchestrator orchestrator;
        MainWindow window(&orchestrator, session.config());
        window.resize(1000, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ConfigBanner *banner = window.configBanner();
        QVERIFY(banner);
        QVERIFY(!banner->isVisible()); // nothing to say until told
        banner->showRecovery(result.summary());
        QVERIFY(banner->isVisible());

        const auto *message = banner->findChild<QLabel *>(u"configBannerMessage"_s);
        QVERIFY(message);
        QVERIFY(message->isVisible());
        const QString location = u"%1:%2:%3"_s.arg(path).arg(result.error.line).arg(result.error.column);
        QVERIFY2(result.error.line > 0, qPrintable(result.error.toString()));
        QVERIFY2(message->text().contains(location), qPrintable(message->text()));
        QVERIFY2(message->text().contains(result.corruptPath), qPrintable(message->text()));
        QVERIFY2(message->text().contains(u"built-in defaults"_s), qPrintable(message->text()));
        QVERIFY(banner->text().contains(location));
        QVERIFY(!banner->accessibleName().isEmpty());

        auto *close = banner->findChild<QToolButton *>(u"configBannerClose"_s);
        QVERIFY(close);
        QTest::mouseClick(close, Qt::LeftButton);
        QVERIFY(!banner->isVisible());
    }
};

QTEST_MAIN(TestConfigBanner)

#include "tst_configbanner.moc"
