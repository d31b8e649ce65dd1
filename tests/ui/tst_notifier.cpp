// Which events make which desktop notification, naming the agent and its goal; the per-kind switches and the
// quiet-while-in-front rule. Real process agents; the sink records what would reach the desktop.
#include "UiSettings.h"
#include "config/ConfigLoader.h"
#include "notify/DesktopNotifier.h"
#include "notify/Notification.h"
#include "notify/NotificationSink.h"
#include "orchestration/Orchestrator.h"
#include "support/GoalBuilder.h"
#include "support/TestSupport.h"

#include <QAction>
#include <QFile>
#include <QMenu>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 20000;

class RecordingSink final : public NotificationSink
{
public:
    void show(const Notification &notification) override { shown << notification; }

    QList<Notification> of(Notification::Kind kind) const
    {
        QList<Notification> result;
        for (const Notification &n : shown) {
            if (n.kind == kind)
                result << n;
        }
        return result;
    }

    QList<Notification> shown;
};

// An orchestrator with a "failer" profile (reports an error and exits 1) and an "asker" (asks a question and
// waits for the answer on stdin).
class Session final
{
public:
    Session()
    {
        const QString failer =
            test::writeScript(m_dir.path(), u"failer.sh"_s, u"echo 'the docs do not build' >&2\nexit 1\n"_s);
        const QString asker = test::writeScript(
            m_dir.path(), u"asker.sh"_s,
            u"echo '{\"type\":\"escalate\",\"id\":\"q1\",\"question\":\"Which database?\"}'\nread answer\n"_s);
        orchestrator.setWorkspace(m_dir.path());
        orchestrator.setEscalateExhaustedRetries(false);
        orchestrator.setProfiles({test::processProfile(u"failer"_s, failer), test::processProfile(u"asker"_s, asker)});
    }
    ~Session()
    {
        orchestrator.cancelAll();
        orchestrator.waitAll(kWaitMs);
    }
    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

    QString agentName(const QString &id) const { return orchestrator.status(id)->name; }

    Orchestrator orchestrator;

private:
    QTemporaryDir m_dir;
};

} // namespace

class TestNotifier final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QFile::remove(UiSettings::filePath()); }

    void failureAndRunFinishedNameAgentAndGoal()
    {
        Session s;
        RecordingSink sink;
        DesktopNotifier notifier(&s.orchestrator, &sink);
        const QString id =
            s.orchestrator.spawn(test::GoalBuilder(u"docs"_s).title(u"Build the docs"_s).profile(u"failer"_s));
        QTRY_COMPARE_WITH_TIMEOUT(sink.of(Notification::Kind::RunFinished).size(), 1, kWaitMs);
        const QList<Notification> failed = sink.of(Notification::Kind::Failed);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed[0].agentId, id);
        QCOMPARE(failed[0].title, s.agentName(id) + u" failed"_s);
        QVERIFY2(failed[0].body.startsWith(u"Goal: Build the docs\n"_s), qPrintable(failed[0].body));
        const Notification finished = sink.of(Notification::Kind::RunFinished).first();
        QCOMPARE(finished.title, u"Run finished"_s);
        QCOMPARE(finished.body, u"All agents have finished."_s);
        QVERIFY(finished.agentId.isEmpty());
        QVERIFY(sink.of(Notification::Kind::NeedsInput).isEmpty());
    }

    void questionNeedsInput()
    {
        Session s;
        RecordingSink sink;
        DesktopNotifier notifier(&s.orchestrator, &sink);
        const QString id =
            s.orchestrator.spawn(test::GoalBuilder(u"db"_s).title(u"Pick a database"_s).profile(u"asker"_s));
        QTRY_COMPARE_WITH_TIMEOUT(sink.of(Notification::Kind::NeedsInput).size(), 1, kWaitMs);
        const Notification n = sink.of(Notification::Kind::NeedsInput).first();
        QCOMPARE(n.agentId, id);
        QCOMPARE(n.title, s.agentName(id) + u" needs your input"_s);
        QCOMPARE(n.body, u"Goal: Pick a database\nWhich database?"_s);
        // Review ready has no event here (it needs a worktree); its text names the same agent and goal.
        const Notification review = notifier.reviewReady(id);
        QCOMPARE(review.kind, Notification::Kind::ReviewReady);
        QCOMPARE(review.title, s.agentName(id) + u" is ready for review"_s);
        QCOMPARE(review.body, u"Goal: Pick a database"_s);
    }

    void switchesAreRespectedAndKept()
    {
        Session s;
        RecordingSink sink;
        {
            DesktopNotifier notifier(&s.orchestrator, &sink);
            QMenu menu;
            notifier.populateMenu(&menu);
            auto *failed = menu.findChild<QAction *>(u"notifyFailed"_s);
            QVERIFY(failed);
            QVERIFY(failed->isChecked()); // on by default
            QVERIFY(!menu.findChild<QAction *>(u"notifyNoSound"_s)->isEnabled());
            failed->trigger(); // off, from the View ▸ Notifications menu
            QVERIFY(!notifier.isEnabled(Notification::Kind::Failed));
        }
        // Kept in ui.ini: a new notifier (the next start) reads it.
        DesktopNotifier notifier(&s.orchestrator, &sink);
        QVERIFY(!notifier.isEnabled(Notification::Kind::Failed));
        QVERIFY(notifier.isEnabled(Notification::Kind::RunFinished));
        s.orchestrator.spawn(test::GoalBuilder(u"docs"_s).title(u"Build the docs"_s).profile(u"failer"_s));
        QTRY_COMPARE_WITH_TIMEOUT(sink.of(Notification::Kind::RunFinished).size(), 1, kWaitMs);
        QVERIFY(sink.of(Notification::Kind::Failed).isEmpty());
    }

    void quietWhileTheWindowIsInFront()
    {
        Session s;
        RecordingSink sink;
        DesktopNotifier notifier(&s.orchestrator, &sink);
        notifier.setQuietWhile([] { return true; });
        bool finished = false;
        QObject::connect(&s.orchestrator, &Orchestrator::allFinished, &s.orchestrator,
                         [&finished] { finished = true; });
        s.orchestrator.spawn(test::GoalBuilder(u"docs"_s).title(u"Build the docs"_s).profile(u"failer"_s));
        QTRY_VERIFY_WITH_TIMEOUT(finished, kWaitMs);
        QVERIFY(sink.shown.isEmpty());
    }
};

QTEST_MAIN(TestNotifier)
#include "tst_notifier.moc"
