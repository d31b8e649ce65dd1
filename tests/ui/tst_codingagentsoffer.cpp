// Agents ▸ Coding agents…: coding-agent CLIs found at start-up (stand-in scripts named claude and aider in a
// folder the test makes) are named in the status bar and listed with their versions; "Use this agent" adds
// the ready profile to the session, once. Detection runs off the GUI thread.
#include "CodingAgentsOffer.h"
#include "dialogs/CodingAgentsDialog.h"
#include "orchestration/Orchestrator.h"
#include "support/TestSupport.h"

#include <QAction>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace switchboard;
using namespace switchboard::test;
using namespace Qt::StringLiterals;

class TestCodingAgentsOffer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void foundAgentsAreOfferedAndAddedOnce()
    {
        QTemporaryDir bin;
        QVERIFY(bin.isValid());
        writeScript(bin.path(), u"claude"_s, u"#!/bin/sh\necho '2.0.14 (Claude Code)'\n"_s);
        writeScript(bin.path(), u"aider"_s, u"#!/bin/sh\necho 'aider 0.86.1'\n"_s);

        Orchestrator orchestrator;
        QMainWindow window;
        QMenu menu;
        window.show();
        CodingAgentsOffer offer(&orchestrator, &menu, &window, {bin.path()});
        QVERIFY(menu.actions().contains(offer.action()));
        QTRY_VERIFY_WITH_TIMEOUT(!offer.isSearching(), 30000);
        QCOMPARE(offer.detected().size(), 2);
        QCOMPARE(offer.detected().at(0).agent.label, u"Claude Code"_s);
        QCOMPARE(offer.detected().at(0).version, u"2.0.14 (Claude Code)"_s);
        const QString message = window.statusBar()->currentMessage();
        QVERIFY2(message.contains(u"Claude Code"_s) && message.contains(u"Aider"_s), qPrintable(message));

        offer.action()->trigger();
        auto *dialog = window.findChild<CodingAgentsDialog *>(u"codingAgentsDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        auto *table = child<QTableWidget>(dialog, u"agentTable"_s);
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(1, 1)->text(), u"aider 0.86.1"_s);
        const QString profileName = offer.detected().at(0).profile.name;
        auto *use = child<QPushButton>(dialog, u"use-"_s + profileName);
        QVERIFY(use->isEnabled());
        QVERIFY(!offer.hasProfile(profileName));
        use->click();
        QVERIFY(offer.hasProfile(profileName));
        int named = 0;
        for (const AgentProfile &p : orchestrator.profiles()) {
            if (p.name == profileName) {
                ++named;
                QCOMPARE(p.backend, u"claude-code"_s);
                QCOMPARE(p.capabilities, QStringList{u"code"_s});
            }
        }
        QCOMPARE(named, 1);
        QVERIFY(!use->isEnabled());
        QVERIFY(!offer.addProfile(offer.detected().at(0).profile)); // never twice
        dialog->close();
    }

    void nothingFoundSaysSo()
    {
        QTemporaryDir empty;
        Orchestrator orchestrator;
        QMainWindow window;
        CodingAgentsOffer offer(&orchestrator, nullptr, &window, {empty.path()});
        QTRY_VERIFY_WITH_TIMEOUT(!offer.isSearching(), 30000);
        QVERIFY(offer.detected().isEmpty());
        QVERIFY(window.statusBar()->currentMessage().isEmpty());
        CodingAgentsDialog dialog(&offer);
        QVERIFY(child<QLabel>(&dialog, u"statusLabel"_s)->text().startsWith(u"No coding agent found"_s));
    }
};

QTEST_MAIN(TestCodingAgentsOffer)
#include "tst_codingagentsoffer.moc"
