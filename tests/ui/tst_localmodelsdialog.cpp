// Agents ▸ Local models…: a fake Ollama on loopback is found in the background at start-up, its model is listed
// with "Use this model", and one click makes it a profile of the running session that New goal offers.
#include "LocalModelsOffer.h"
#include "dialogs/LocalModelsDialog.h"
#include "dialogs/NewGoalDialog.h"
#include "orchestration/Orchestrator.h"
#include "support/ModelListServer.h"
#include "support/ProfileBuilder.h"
#include "support/TestSupport.h"

#include <QAction>
#include <QComboBox>
#include <QHostAddress>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTcpServer>
#include <QTest>

using namespace switchboard;
using namespace Qt::StringLiterals;
using test::child;

class TestLocalModelsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup() { qunsetenv("SWITCHBOARD_DISCOVERY_PORTS"); }

    void useThisModelAddsAProfile()
    {
        test::ModelListServer ollama("/api/tags",
                                     test::ModelListServer::ollamaTags({u"llama3.2:latest"_s, u"qwen2.5:7b"_s}));
        qputenv("SWITCHBOARD_DISCOVERY_PORTS", "ollama=" + QByteArray::number(ollama.port()));

        Orchestrator orchestrator;
        orchestrator.setProfiles({test::ProfileBuilder::demo(u"demo"_s, 100)});
        QMainWindow window;
        QMenu *agents = window.menuBar()->addMenu(u"Agents"_s);
        auto *offer = new LocalModelsOffer(&orchestrator, agents, &window);
        QVERIFY(agents->actions().contains(offer->action()));
        // The probe runs on another thread while this one serves the fake server.
        QTRY_VERIFY_WITH_TIMEOUT(!offer->isSearching(), 15000);
        QCOMPARE(offer->servers().size(), 1);
        window.show();

        offer->action()->trigger();
        auto *dialog = window.findChild<LocalModelsDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        auto *table = child<QTableWidget>(dialog, u"modelTable"_s);
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(0, 0)->text(), u"llama3.2:latest"_s);
        QCOMPARE(table->item(0, 2)->text(), u"ollama-llama3.2"_s);

        auto *use = child<QPushButton>(dialog, u"use-ollama-llama3.2"_s);
        QVERIFY(use->isEnabled());
        QTest::mouseClick(use, Qt::LeftButton);
        QVERIFY(!use->isEnabled());
        QCOMPARE(use->text(), u"In use"_s);

        QStringList names;
        for (const AgentProfile &p : orchestrator.profiles())
            names << p.name;
        QCOMPARE(names, (QStringList{u"demo"_s, u"ollama-llama3.2"_s}));
        const AgentProfile added = orchestrator.profiles().last();
        QCOMPARE(added.backend, u"openai"_s);
        QCOMPARE(added.model, u"llama3.2:latest"_s);
        QCOMPARE(added.llm.baseUrl, u"http://127.0.0.1:%1/v1"_s.arg(ollama.port()));

        // A second click cannot add it twice.
        QVERIFY(!offer->addProfile(added));
        QCOMPARE(orchestrator.profiles().size(), 2);

        // New goal offers it.
        NewGoalDialog newGoal(&orchestrator);
        auto *profiles = child<QComboBox>(&newGoal, u"profileCombo"_s);
        QVERIFY(profiles->findData(u"ollama-llama3.2"_s) >= 0);
    }

    void nothingFoundSaysWhereItLooked()
    {
        quint16 dead = 0;
        {
            QTcpServer closed;
            QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
            dead = closed.serverPort();
        }
        qputenv("SWITCHBOARD_DISCOVERY_PORTS", "vllm=" + QByteArray::number(dead));
        Orchestrator orchestrator;
        QMainWindow window;
        auto *offer = new LocalModelsOffer(&orchestrator, nullptr, &window);
        LocalModelsDialog dialog(&orchestrator, offer, &window);
        QTRY_VERIFY_WITH_TIMEOUT(!offer->isSearching(), 15000);
        auto *status = child<QLabel>(&dialog, u"statusLabel"_s);
        QTRY_VERIFY2(status->text().startsWith(u"No local model server found on 127.0.0.1 ports %1."_s.arg(dead)),
                     qPrintable(status->text()));
        QCOMPARE(child<QTableWidget>(&dialog, u"modelTable"_s)->rowCount(), 0);
        QVERIFY(child<QPushButton>(&dialog, u"searchAgainButton"_s)->isEnabled());
    }
};

QTEST_MAIN(TestLocalModelsDialog)
#include "tst_localmodelsdialog.moc"
