// Renders the main window to PNGs under <build>/screenshots/ so a person can look at it: an empty
// board, a dozen agents in a mix of states, and five hundred agents, each on a light and a dark palette.
// It also checks the renders are not blank and the cards' colours differ per state.
#include "MainWindow.h"
#include "Translations.h"
#include "agents/AgentContext.h"
#include "agents/BackendRegistry.h"
#include "board/AgentBoardModel.h"
#include "board/AgentBoardView.h"
#include "board/AgentDetailPane.h"
#include "board/AgentFilterProxyModel.h"
#include "config/ConfigLoader.h"
#include "dialogs/AiPlanDialog.h"
#include "dialogs/IsolationSection.h"
#include "dialogs/NewGoalDialog.h"
#include "dialogs/RunPlanDialog.h"
#include "dialogs/SpawnParallelDialog.h"
#include "dialogs/TeamSection.h"
#include "history/HistoryFilterProxyModel.h"
#include "history/HistoryGoalModel.h"
#include "history/HistoryGoalPane.h"
#include "history/HistoryWindow.h"
#include "inbox/InboxDock.h"
#include "locks/LockTableModel.h"
#include "locks/LocksDock.h"
#include "metrics/MetricTile.h"
#include "metrics/MetricsDock.h"
#include "orchestration/Orchestrator.h"
#include "persistence/Store.h"
#include "planning/PlanReply.h"
#include "review/DiffView.h"
#include "review/FollowUpDialog.h"
#include "review/LeftoverWorktreesDialog.h"
#include "review/ReviewPane.h"
#include "scratchpad/ScratchpadDock.h"
#include "scratchpad/ScratchpadModel.h"
#include "style/AppTheme.h"
#include "style/IndicatorContrastStyle.h"
#include "support/GitRepository.h"
#include "support/GitReviewController.h"
#include "support/GoalBuilder.h"
#include "support/ProfileBuilder.h"
#include "support/TestSupport.h"
#include "widgets/StorageBanner.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPalette>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <atomic>
#include <memory>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {

// Plays a part for the picture: reaches a progress and step, reports usage and log lines, then holds,
// completes or fails as its profile's settings say. A first attempt can be told to fail (attempt 2 cards).
class ScriptedBackend final : public AgentBackend
{
public:
    explicit ScriptedBackend(AgentProfile profile)
        : m_profile(std::move(profile))
    {}

    AgentResult run(AgentContext &context) override
    {
        const QString title = context.goal().title;
        const QVariantMap script = m_profile.settings.value(title).toMap();
        const QString outcome = script.value(u"outcome"_s, u"hold"_s).toString();
        if (script.value(u"fail_first"_s).toBool() && context.attempt() == 1)
            return AgentResult::failed(u"connection reset by peer"_s);
        context.log(u"[%1] starting: %2"_s.arg(context.agentId(), title));
        context.log(u"reading the workspace"_s);
        const int progress = script.value(u"progress"_s, 40).toInt();
        const QString step = script.value(u"step"_s, u"Working"_s).toString();
        for (int p = 0; p <= progress; p += 10) {
            context.setProgress(qMin(p, progress), step);
            context.log(u"progress %1%"_s.arg(qMin(p, progress)));
        }
        context.setProgress(progress, step);
        context.addUsage(script.value(u"in"_s).toLongLong(), script.value(u"out"_s).toLongLong(),
                         script.value(u"cost"_s).toDouble());
        if (outcome == u"complete") {
            context.setProgress(100, step);
            return AgentResult::completed(script.value(u"summary"_s).toString());
        }
        if (outcome == u"fail")
            return AgentResult::failed(script.value(u"error"_s).toString());
        while (!context.isCancelled())
            context.sleepFor(std::chrono::milliseconds(20));
        return AgentResult::cancelled();
    }

private:
    AgentProfile m_profile;
};

// For the inbox and locks pictures: each line of a goal's description is one thing to do — "progress N
// step", "lock resource" (waits), "ask options|free", "fail" (first attempt only) — then it holds.
class CoordinationBackend final : public AgentBackend
{
public:
    AgentResult run(AgentContext &context) override
    {
        for (const QString &line : context.goal().description.split(u'\n', Qt::SkipEmptyParts)) {
            const QString verb = line.section(u' ', 0, 0);
            const QString rest = line.section(u' ', 1);
            if (verb == u"progress") {
                context.setProgress(rest.section(u' ', 0, 0).toInt(), rest.section(u' ', 1));
            } else if (verb == u"lock") {
                if (!context.acquireLocks({rest}, std::chrono::milliseconds(-1)).ok())
                    return AgentResult::cancelled();
            } else if (verb == u"fail" && context.attempt() == 1) {
                return AgentResult::failed(u"connection reset by peer"_s);
            } else if (verb == u"ask") {
                EscalationInbox::Request request;
                if (rest == u"options") {
                    request.trigger = Escalation::Trigger::Architecture;
                    request.question = u"Which database should the task boards use?"_s;
                    request.context = u"The brief says \"a relational store\". The team runs PostgreSQL 15 in "
                                      "production; SQLite would keep the demo self-contained."_s;
                    request.options = {{u"pg"_s, u"PostgreSQL"_s},
                                       {u"sqlite"_s, u"SQLite"_s},
                                       {u"both"_s, u"Both, behind an interface"_s}};
                } else {
                    request.trigger = Escalation::Trigger::Security;
                    request.question = u"May I add the OAuth client secret to the staging config?"_s;
                    request.context = u"Deploying needs it; it is in the team vault under staging/oauth."_s;
                }
                const EscalationInbox::Outcome outcome = context.escalate(request);
                if (!outcome.isAnswered())
                    return AgentResult::cancelled();
            }
        }
        while (!context.isCancelled())
            context.sleepFor(std::chrono::milliseconds(20));
        return AgentResult::cancelled();
    }
};

struct Card
{
    QString title;
    QString profile;
    Priority priority;
    QVariantMap script;
    QString dependsOn = {};
};

QVariantMap script(const QString &outcome, int progress, const QString &step, qint64 in = 0, qint64 out = 0,
                   double cost = 0.0)
{
    return {{u"outcome"_s, outcome}, {u"progress"_s, progress}, {u"step"_s, step},
            {u"in"_s, in},           {u"out"_s, out},           {u"cost"_s, cost}};
}

// The palette the app itself switches to on a dark desktop whose platform gives none.
QPalette darkPalette()
{
    return AppTheme::darkPalette();
}

// Each agent's card shows the state and progress the orchestrator has for it.
bool boardShows(const Orchestrator &o, MainWindow &window, const QStringList &ids)
{
    for (const QString &id : ids) {
        const std::optional<AgentStatus> status = o.status(id);
        const int row = window.boardModel()->rowForAgent(id);
        if (!status || row < 0)
            return false;
        const AgentStatus &card = window.boardModel()->statusAt(row);
        if (card.state != status->state || card.progress != status->progress)
            return false;
    }
    return true;
}

// The window's counts, above the board and in the status bar, have caught up with the orchestrator.
bool countsShown(const Orchestrator &o, MainWindow &window)
{
    const Orchestrator::Progress p = o.progress();
    const QLocale locale;
    const auto shows = [&window](const QString &name, const QString &text) {
        const auto *label = window.findChild<QLabel *>(name);
        return label && label->text() == text;
    };
    const int cards = window.boardModel()->rowCount();
    return shows(u"agentCount"_s,
                 QCoreApplication::translate("switchboard::BoardFilterBar", "%Ln agent(s)", nullptr, cards)) &&
           shows(u"pendingCount"_s, u"%1 queued"_s.arg(locale.toString(p.pending))) &&
           shows(u"runningCount"_s, u"%1 running"_s.arg(locale.toString(qMax(0, p.inProgress - p.waiting)))) &&
           shows(u"completedCount"_s, u"%1 completed"_s.arg(locale.toString(p.completed))) &&
           shows(u"failedCount"_s, u"%1 failed"_s.arg(locale.toString(p.failed))) &&
           shows(u"cancelledCount"_s, u"%1 cancelled"_s.arg(locale.toString(p.cancelled)));
}

// A scripted run has become its picture: what finishes has finished (the cancelled ones too), every holder
// has reached its step, nothing that could start waits for a free slot, and the window shows it all.
bool settled(const Orchestrator &o, MainWindow &window, const QStringList &ids, const QList<Card> &cards,
             const QStringList &cancelled = {})
{
    int running = 0;
    bool startable = false;
    for (int i = 0; i < ids.size(); ++i) {
        const std::optional<AgentStatus> status = o.status(ids.at(i));
        if (!status || (cancelled.contains(ids.at(i)) && status->state != AgentState::Cancelled))
            return false;
        const QVariantMap &script = cards.at(i).script;
        const QString outcome = script.value(u"outcome"_s, u"hold"_s).toString();
        if (status->state == AgentState::Running) {
            ++running;
            if (outcome == u"complete" || outcome == u"fail" ||
                status->progress != script.value(u"progress"_s, 40).toInt())
                return false;
        } else if (status->state == AgentState::Queued) {
            bool ready = true;
            const QStringList dependsOn = o.goal(status->goalId).value_or(Goal{}).dependsOn;
            for (const QString &dependency : dependsOn) {
                const std::optional<AgentStatus> before = o.status(o.agentForGoal(dependency));
                ready = ready && before && before->state == AgentState::Completed;
            }
            startable = startable || ready;
        }
    }
    return (!startable || running >= o.maxParallel()) && boardShows(o, window, ids) && countsShown(o, window);
}

// Runs the layouts that changes asked for, so the picture shows them; nothing asynchronous is awaited.
// Eight goals as a model might plan a REST API, one of them needing a capability no profile has.
QByteArray aiPlanReply()
{
    return R"({"goals": [
 {"id": "design-api", "title": "Design the API", "description": "Write the OpenAPI spec for accounts, lists and items.",
  "capabilities": ["docs"], "success_criteria": ["openapi.yaml validates", "every resource has CRUD endpoints"]},
 {"id": "schema", "title": "Design the database schema", "description": "Tables, keys and migrations for the spec.",
  "depends_on": ["design-api"], "capabilities": ["code"], "success_criteria": ["migrations apply on an empty db"]},
 {"id": "auth", "title": "Accounts and sign-in", "description": "Sign-up, sign-in and tokens.",
  "depends_on": ["schema"], "capabilities": ["code"], "success_criteria": ["passwords are hashed"]},
 {"id": "lists", "title": "Lists endpoints", "description": "CRUD for todo lists.", "depends_on": ["schema", "auth"],
  "capabilities": ["code"], "success_criteria": ["a user sees only their lists"]},
 {"id": "items", "title": "Items endpoints", "description": "CRUD for items, with ordering.",
  "depends_on": ["lists"], "capabilities": ["code"], "success_criteria": ["items keep their order"]},
 {"id": "tests", "title": "Integration tests", "description": "Tests for every endpoint.",
  "depends_on": ["auth", "lists", "items"], "capabilities": ["code", "test"], "success_criteria": ["coverage over 80%"]},
 {"id": "deploy", "title": "Deploy to staging", "description": "Container image and a staging deploy.",
  "depends_on": ["tests"], "capabilities": ["ops"], "success_criteria": ["staging answers /health"]},
 {"id": "docs", "title": "Write the README", "description": "How to run, test and call the API.",
  "depends_on": ["design-api"], "capabilities": ["docs"], "success_criteria": ["a newcomer runs it in 5 minutes"]}
]})";
}

void layOut()
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
}

} // namespace

class TestScreenshots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
        IndicatorContrastStyle::install();   // as app/main.cpp does
        installTranslations(*qApp, u"en"_s); // English plural forms, as the app shows them ("12 agents")
        m_lightPalette = QApplication::style()->standardPalette();
        m_outDir = QDir(QStringLiteral(SWITCHBOARD_BUILD_DIR)).filePath(u"screenshots"_s);
        QVERIFY(QDir().mkpath(m_outDir));
    }

    void render_data()
    {
        QTest::addColumn<int>("agents");
        QTest::addColumn<bool>("dark");
        QTest::addColumn<bool>("compact");
        QTest::newRow("mainwindow") << 12 << false << false;
        QTest::newRow("mainwindow-dark") << 12 << true << false;
        QTest::newRow("empty") << 0 << false << false;
        QTest::newRow("empty-dark") << 0 << true << false;
        QTest::newRow("agents500") << 500 << false << false;
        QTest::newRow("agents500-dark") << 500 << true << false;
        QTest::newRow("agents500-compact") << 500 << false << true;
        QTest::newRow("agents500-compact-dark") << 500 << true << true;
    }

    void render()
    {
        QFETCH(int, agents);
        QFETCH(bool, dark);
        QFETCH(bool, compact);
        QApplication::setPalette(dark ? darkPalette() : m_lightPalette);
        QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/ui.ini"_s);

        Orchestrator orchestrator;
        BackendRegistry backends = BackendRegistry::withBuiltins();
        backends.add(u"scripted"_s, [](const AgentProfile &profile) -> std::unique_ptr<AgentBackend> {
            return std::make_unique<ScriptedBackend>(profile);
        });
        orchestrator.setBackends(backends);

        const QList<Card> cards = agents == 12 ? dozen() : many(agents);
        QList<AgentProfile> profiles;
        for (const QString &name : {u"architect"_s, u"developer"_s, u"tester"_s, u"operator"_s}) {
            AgentProfile profile;
            profile.name = name;
            profile.backend = u"scripted"_s;
            profile.retry.maxRetries = name == u"developer" ? 1 : 0; // the "attempt 2" card is a developer's
            profile.retry.backoffS = {0.0};
            profile.retry.jitter = 0.0;
            for (const Card &card : cards) {
                if (card.profile == name)
                    profile.settings.insert(card.title, card.script);
            }
            profiles << profile;
        }
        orchestrator.setProfiles(profiles);
        orchestrator.setMaxParallel(agents > 100 ? 64 : 7);

        Config config = ConfigLoader::defaults();
        config.profiles = profiles;
        MainWindow window(&orchestrator, config);
        window.resize(1280, 800);
        window.boardView()->setCompactCards(compact);
        if (agents > 0)
            window.setPlanName(agents == 12 ? u"Full-stack web app"_s : u"load test"_s);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QList<Goal> goals;
        for (int i = 0; i < cards.size(); ++i) {
            Goal goal;
            goal.id = u"g%1"_s.arg(i + 1);
            goal.title = cards.at(i).title;
            goal.profile = cards.at(i).profile;
            goal.priority = cards.at(i).priority;
            goal.description = u"Part of the feature: team task boards."_s;
            goal.successCriteria = {u"tests pass"_s, u"reviewed by a second agent"_s};
            if (!cards.at(i).dependsOn.isEmpty())
                goal.dependsOn = {cards.at(i).dependsOn};
            goals << goal;
        }
        if (!goals.isEmpty()) {
            const QStringList ids = orchestrator.spawnParallel(goals);
            QCOMPARE(ids.size(), goals.size());
            // Let the run settle into its picture: finishers finish, holders hold.
            QTRY_VERIFY_WITH_TIMEOUT(orchestrator.progress().inProgress >= qMin(orchestrator.maxParallel(), 5), 10000);
            QTRY_VERIFY_WITH_TIMEOUT(settled(orchestrator, window, ids, cards), 10000);
            QStringList cancelled;
            for (int i = 0; i < cards.size(); ++i) {
                if (cards.at(i).script.value(u"outcome"_s).toString() == u"cancel") {
                    orchestrator.cancel(ids.at(i));
                    cancelled << ids.at(i);
                }
            }
            QTRY_VERIFY_WITH_TIMEOUT(settled(orchestrator, window, ids, cards, cancelled), 10000);
            window.boardView()->selectAgent(ids.first());
            QTRY_COMPARE(window.detailPane()->agentId(), ids.first());
        }
        layOut();

        const QImage image = window.grab().toImage();
        const QString path = QDir(m_outDir).filePath(QString::fromLatin1(QTest::currentDataTag()) + u".png"_s);
        QVERIFY(image.save(path));
        qInfo("wrote %s (%dx%d)", qPrintable(path), image.width(), image.height());

        // Not blank: the render has many colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7) {
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        }
        QVERIFY2(colours.size() > 20, qPrintable(u"only %1 colours"_s.arg(colours.size())));
        window.close();
        orchestrator.cancelAll();
        orchestrator.waitAll(10000);
    }

    void dialogs_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void dialogs()
    {
        QFETCH(bool, dark);
        QApplication::setPalette(dark ? darkPalette() : m_lightPalette);
        const QString suffix = dark ? u"-dark.png"_s : u".png"_s;
        Orchestrator orchestrator;
        AgentProfile coder;
        coder.name = u"coder"_s;
        coder.capabilities = {u"code"_s, u"test"_s};
        AgentProfile writer;
        writer.name = u"writer"_s;
        writer.capabilities = {u"docs"_s};
        orchestrator.setProfiles({coder, writer});
        orchestrator.pauseDispatch();
        Goal schema;
        schema.id = u"schema"_s;
        schema.title = u"Design the database schema"_s;
        orchestrator.spawn(schema);

        {
            NewGoalDialog dialog(&orchestrator);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QTest::mouseClick(dialog.findChild<QPushButton *>(u"submitButton"_s), Qt::LeftButton); // show the error
            QTRY_VERIFY(dialog.findChild<QLabel *>(u"titleError"_s)->isVisible());
            layOut();
            QVERIFY(dialog.grab().save(QDir(m_outDir).filePath(u"dialog-newgoal"_s + suffix)));
        }
        {
            // The Isolation section opened, on a repository that is not one (its error), for a coding agent.
            QTemporaryDir notARepository;
            NewGoalDialog dialog(&orchestrator);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QTest::keyClicks(dialog.findChild<QLineEdit *>(u"titleEdit"_s), u"Add a login page"_s);
            IsolationSection *isolation = dialog.isolationSection();
            isolation->setExpanded(true);
            isolation->setupEdit()->setText(u"npm ci"_s);
            QSignalSpy checked(isolation, &IsolationSection::repositoryChecked);
            isolation->repositoryEdit()->setText(notARepository.path());
            QVERIFY(checked.wait(20000));
            QTRY_VERIFY(isolation->repositoryError()->isVisible());
            layOut();
            QVERIFY(dialog.grab().save(QDir(m_outDir).filePath(u"dialog-newgoal-isolation"_s + suffix)));
        }
        {
            SpawnParallelDialog dialog(&orchestrator);
            dialog.pasteLines(
                u"Index the repository\thigh\tcoder\nDraft the RFC\tmedium\twriter\tfor the storage layer\n"
                "Triage open issues\tlow"_s);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            layOut();
            QVERIFY(dialog.grab().save(QDir(m_outDir).filePath(u"dialog-spawnparallel"_s + suffix)));
        }
        {
            RunPlanDialog dialog(&orchestrator, ConfigLoader::defaults());
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            dialog.selectTemplate(u"full_stack"_s);
            layOut();
            QVERIFY(dialog.grab().save(QDir(m_outDir).filePath(u"dialog-runplan"_s + suffix)));
        }
        {
            Config noPlanner;
            noPlanner.profiles = {coder, writer};
            AiPlanDialog dialog(&orchestrator, noPlanner);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            layOut();
            QVERIFY(dialog.grab().save(QDir(m_outDir).filePath(u"dialog-aiplan-empty"_s + suffix)));
        }
        {
            AgentProfile planner;
            planner.name = u"planner"_s;
            planner.backend = u"openai"_s;
            planner.model = u"gpt-4o"_s;
            Config config;
            config.profiles = {planner, coder, writer};
            AiPlanDialog dialog(&orchestrator, config);
            dialog.setObjective(u"Build a REST API for a todo list: accounts, lists and items, with tests and "
                                "documentation."_s);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            AiPlanResult result;
            result.model = u"gpt-4o-2024-08-06"_s;
            result.usage = {1834, 912};
            result.costUsd = 0.0137;
            result.reply = QString::fromUtf8(aiPlanReply());
            result.draft = PlanReply::interpret(result.reply, config.profiles);
            result.status = AiPlanResult::Status::Invalid;
            dialog.showResult(result);
            layOut();
            QVERIFY(dialog.grab().save(QDir(m_outDir).filePath(u"dialog-aiplan"_s + suffix)));
        }
        orchestrator.cancelAll();
    }

    void coordination_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("coordination") << false;
        QTest::newRow("coordination-dark") << true;
    }

    // The inbox with two questions, the locks table with a contended lock, a retrying card, a card waiting
    // for a lock and a "needs human" marker.
    void coordination()
    {
        QFETCH(bool, dark);
        QApplication::setPalette(dark ? darkPalette() : m_lightPalette);
        QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/ui.ini"_s);

        Orchestrator orchestrator;
        BackendRegistry backends = BackendRegistry::withBuiltins();
        backends.add(u"coordination"_s, [](const AgentProfile &) -> std::unique_ptr<AgentBackend> {
            return std::make_unique<CoordinationBackend>();
        });
        orchestrator.setBackends(backends);
        QList<AgentProfile> profiles;
        for (const QString &name : {u"architect"_s, u"developer"_s, u"tester"_s}) {
            AgentProfile profile;
            profile.name = name;
            profile.backend = u"coordination"_s;
            profile.retry.maxRetries = 3;
            profile.retry.backoffS = {252.0};
            profile.retry.jitter = 0.0;
            profiles << profile;
        }
        orchestrator.setProfiles(profiles);
        orchestrator.setMaxParallel(8);
        orchestrator.inbox().setRepeatThreshold(1); // so the picture shows the "needs human" marker
        Config config = ConfigLoader::defaults();
        config.profiles = profiles;
        MainWindow window(&orchestrator, config);
        window.resize(1280, 800);
        window.setPlanName(u"Full-stack web app"_s);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        const auto make = [](const QString &id, const QString &title, const QString &profile, Priority priority,
                             const QString &script) {
            Goal goal;
            goal.id = id;
            goal.title = title;
            goal.profile = profile;
            goal.priority = priority;
            goal.description = script;
            return goal;
        };
        const QList<Goal> goals{
            make(u"schema"_s, u"Design the database schema"_s, u"architect"_s, Priority::High,
                 u"progress 30 Weighing the options\nask options"_s),
            make(u"api"_s, u"Implement the REST endpoints"_s, u"developer"_s, Priority::High,
                 u"lock src/api\nlock db:schema\nprogress 55 Writing request handlers"_s),
            make(u"migrate"_s, u"Write the schema migrations"_s, u"developer"_s, Priority::Medium,
                 u"progress 10 Reading the models\nlock db:schema"_s),
            make(u"tests"_s, u"Write integration tests"_s, u"tester"_s, Priority::Medium,
                 u"fail\nprogress 20 Writing fixtures"_s),
            make(u"deploy"_s, u"Deploy to staging"_s, u"architect"_s, Priority::Critical,
                 u"progress 60 Preparing the release\nask free"_s),
            make(u"ui"_s, u"Build the board UI components"_s, u"developer"_s, Priority::Medium,
                 u"lock src/ui\nprogress 70 Running unit tests"_s),
        };
        // The API agent takes its locks first, so the migrations agent queues behind it.
        const QString api = orchestrator.spawn(goals.at(1));
        QTRY_VERIFY_WITH_TIMEOUT(orchestrator.locks().isHeld(u"db:schema"_s), 5000);
        QStringList ids{orchestrator.spawn(goals.at(0)), api};
        for (int i = 2; i < goals.size(); ++i)
            ids << orchestrator.spawn(goals.at(i));
        QTRY_COMPARE_WITH_TIMEOUT(orchestrator.inbox().openCount(), 2, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(orchestrator.locks().waitingCount() > 0, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(orchestrator.status(ids.at(3))->nextAttemptAt.isValid(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(boardShows(orchestrator, window, ids) && countsShown(orchestrator, window), 5000);
        window.boardView()->selectAgent(ids.at(0));
        const QString question = orchestrator.status(ids.at(0))->openEscalation;
        window.inboxDock()->showEscalation(question);
        QTRY_COMPARE(window.detailPane()->agentId(), ids.at(0));
        QTRY_COMPARE(window.inboxDock()->currentEscalationId(), question);
        layOut();

        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        QVERIFY(window.grab().save(QDir(m_outDir).filePath(tag + u".png"_s)));
        window.locksDock()->show();
        window.locksDock()->raise();
        QTRY_VERIFY(window.locksDock()->isVisible() && window.locksDock()->model()->rowCount() > 0);
        layOut();
        QVERIFY(window.grab().save(QDir(m_outDir).filePath(tag + u"-locks.png"_s)));
        // The shared notes agents left each other, and one from the human.
        orchestrator.scratchpad().write(u"db-choice"_s, u"PostgreSQL 15; one schema per team"_s, u"a-2"_s);
        orchestrator.scratchpad().write(u"api-style"_s, u"REST under /v2, JSON:API errors\nno gRPC for now"_s,
                                        u"a-1"_s);
        orchestrator.scratchpad().write(u"release"_s, u"Freeze on Friday"_s, QString());
        window.scratchpadDock()->show();
        window.scratchpadDock()->raise();
        QTRY_COMPARE(window.scratchpadDock()->model()->rowCount(), 3);
        layOut();
        QVERIFY(window.grab().save(QDir(m_outDir).filePath(tag + u"-scratchpad.png"_s)));
        window.close();
        orchestrator.cancelAll();
        orchestrator.waitAll(10000);
    }

    void history_data()
    {
        QTest::addColumn<int>("goals");
        QTest::addColumn<bool>("dark");
        QTest::newRow("history-empty") << 0 << false;
        QTest::newRow("history") << 400 << false;
        QTest::newRow("history-dark") << 400 << true;
        QTest::newRow("history-readonly") << 400 << false;
    }

    // The History window on an empty database, and on three recorded runs, the newest with hundreds of
    // goals, one goal selected (two attempts, an answered question, a log).
    void history()
    {
        QFETCH(int, goals);
        QFETCH(bool, dark);
        QApplication::setPalette(dark ? darkPalette() : m_lightPalette);
        QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/ui.ini"_s);
        QTemporaryDir dir;
        Store store;
        QVERIFY(store.open(dir.filePath(u"history.db"_s)));
        const QDateTime t0 = QDateTime::currentDateTimeUtc().addDays(-1);
        const QStringList runs{u"Full-stack web app"_s, u"Nightly maintenance"_s, u"load test"_s};
        const QList<Card> cards = goals > 0 ? many(goals) : QList<Card>();
        for (int r = 0; goals > 0 && r < runs.size(); ++r) {
            const QString runId = u"r-%1"_s.arg(r + 1);
            const QDateTime start = t0.addSecs(r * 7200);
            QList<StoreWrite> w{
                StoreWrite::runStarted(runId, runs.at(r), r == 0 ? u"plans/full_stack.yaml"_s : QString(), 8, start)};
            const int count = r == 2 ? goals : 12 + r * 5;
            for (int i = 0; i < count; ++i) {
                const Card &card = cards.at(i % cards.size());
                Goal goal;
                goal.id = u"g%1"_s.arg(i + 1);
                goal.title = card.title;
                goal.priority = card.priority;
                goal.description = u"Part of the feature: team task boards."_s;
                goal.profile = card.profile;
                AgentStatus s;
                s.agentId = u"a-%1-%2"_s.arg(r + 1).arg(i + 1);
                s.goalId = goal.id;
                s.profile = card.profile;
                s.attempt = 1;
                w << StoreWrite::goalAdded(runId, goal, s.agentId, {}, card.profile, start.addSecs(1));
                const QString outcome = card.script.value(u"outcome"_s).toString();
                if (r == 2 && i > goals * 3 / 4)
                    continue; // still queued when the run stopped
                s.state = AgentState::Running;
                w << StoreWrite::transition(s, start.addSecs(2 + i));
                if (i == 1) { // a retried goal that asked a question
                    s.state = AgentState::Failed;
                    w << StoreWrite::finished(s, AgentResult::failed(u"connection reset by peer"_s), start.addSecs(40));
                    s.attempt = 2;
                    s.state = AgentState::Running;
                    w << StoreWrite::transition(s, start.addSecs(45));
                    Escalation e;
                    e.id = u"e-%1"_s.arg(r + 1);
                    e.agentId = s.agentId;
                    e.goalId = goal.id;
                    e.trigger = Escalation::Trigger::Architecture;
                    e.question = u"Which database should the task boards use?"_s;
                    e.options = {{u"pg"_s, u"PostgreSQL"_s}, {u"sqlite"_s, u"SQLite"_s}};
                    e.createdAt = start.addSecs(50);
                    e.state = Escalation::State::Answered;
                    e.answerOption = u"pg"_s;
                    e.answerText = u"Version 15, as in production"_s;
                    e.answeredAt = start.addSecs(170);
                    e.answeredBy = u"human"_s;
                    w << StoreWrite::escalation(e);
                    w << StoreWrite::log(s.agentId, {u"[%1] starting: %2"_s.arg(s.agentId, goal.title),
                                                     u"reading the workspace"_s, u"asked: which database?"_s,
                                                     u"answer: PostgreSQL"_s, u"writing migrations"_s});
                }
                w << StoreWrite::usage(s.agentId, s.attempt, card.script.value(u"in"_s).toLongLong() + 900,
                                       card.script.value(u"out"_s).toLongLong() + 300,
                                       card.script.value(u"cost"_s).toDouble() + 0.01);
                if (r == 2 && i > goals / 2)
                    continue; // running when the run stopped
                s.state = outcome == u"fail" ? AgentState::Failed : AgentState::Completed;
                w << StoreWrite::finished(s,
                                          s.state == AgentState::Failed
                                              ? AgentResult::failed(card.script.value(u"error"_s).toString(), 1)
                                              : AgentResult::completed(u"Change merged: %1"_s.arg(card.title)),
                                          start.addSecs(60 + i * 3));
            }
            if (r < 2)
                w << StoreWrite::runFinished(runId, RunSummary{}, start.addSecs(600));
            auto ok = std::make_shared<std::atomic<bool>>(false);
            store.submitAll(w, nullptr, [ok](bool committed) { ok->store(committed); });
            QVERIFY(store.flush() && ok->load());
        }
        // As a second instance would see it: the database read-only, no orchestrator.
        const bool readOnly = QString::fromLatin1(QTest::currentDataTag()).endsWith(u"readonly");
        Store second;
        QVERIFY(!readOnly || second.openReadOnly(store.path()));
        Orchestrator orchestrator;
        HistoryWindow window(readOnly ? &second : &store, readOnly ? nullptr : &orchestrator, ConfigLoader::defaults());
        window.setAutoRefreshInterval(0);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(!window.isLoading(), 10000);
        if (goals > 0) {
            QVERIFY(window.selectGoal(u"a-3-2"_s));
            QTRY_VERIFY(!window.goalPane()->logView()->toPlainText().isEmpty()); // read on a worker thread
        }
        layOut();
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        QVERIFY(window.grab().save(QDir(m_outDir).filePath(tag + u".png"_s)));
        if (goals > 0) {
            for (const auto tab :
                 {HistoryGoalPane::AttemptsTab, HistoryGoalPane::LogTab, HistoryGoalPane::QuestionsTab}) {
                window.goalPane()->showTab(tab);
                layOut();
                QVERIFY(window.grab().save(QDir(m_outDir).filePath(tag + u"-tab%1.png"_s.arg(int(tab)))));
            }
            window.goalPane()->showTab(HistoryGoalPane::ResultTab);
            window.setSearchText(u"billing failed"_s);
            QTRY_VERIFY(window.goalProxy()->rowCount() < window.goalModel()->rowCount());
            layOut();
            QVERIFY(window.grab().save(QDir(m_outDir).filePath(tag + u"-search.png"_s)));
        }
    }

    void metrics_data()
    {
        QTest::addColumn<int>("agents");
        QTest::addColumn<bool>("dark");
        QTest::addColumn<bool>("store");
        QTest::newRow("metrics-nodb") << 0 << false << false;
        QTest::newRow("metrics-norun") << 0 << false << true;
        QTest::newRow("metrics") << 300 << false << true;
        QTest::newRow("metrics-dark") << 300 << true << true;
    }

    // The Metrics dock below the board: without a database, before the first run, and some seconds into a
    // run of a few hundred demo agents (some fail, some ask nothing, many still running or queued).
    void metrics()
    {
        QFETCH(int, agents);
        QFETCH(bool, dark);
        QFETCH(bool, store);
        QApplication::setPalette(dark ? darkPalette() : m_lightPalette);
        QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/ui.ini"_s);
        QTemporaryDir dir;
        Store db;
        QVERIFY(!store || db.open(dir.filePath(u"metrics.db"_s)));
        Orchestrator orchestrator;
        if (store)
            orchestrator.setStore(&db);
        QList<AgentProfile> profiles;
        for (const QString &name : {u"architect"_s, u"developer"_s, u"tester"_s, u"operator"_s}) {
            AgentProfile profile;
            profile.name = name;
            profile.backend = u"demo"_s;
            profile.retry.maxRetries = 0;
            profile.settings.insert(u"duration_ms"_s, name == u"architect" ? 2500 : name == u"tester" ? 700 : 1400);
            profile.settings.insert(u"fail"_s, name == u"operator");
            profiles << profile;
        }
        orchestrator.setProfiles(profiles);
        orchestrator.setMaxParallel(24);
        Config config = ConfigLoader::defaults();
        config.profiles = profiles;
        // Tight thresholds, so the picture shows an alert (in progress) and a missed target (completion time).
        config.metrics.inProgressTargetPerSlot = 0.8;
        config.metrics.inProgressAlertPerSlot = 0.9;
        config.metrics.averageCompletionTargetMinutes = 0.05;
        MainWindow window(&orchestrator, config);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QList<Card> cards = many(agents);
        QList<Goal> goals;
        for (int i = 0; i < cards.size(); ++i) {
            Goal goal;
            goal.title = cards.at(i).title;
            goal.profile = i % 9 == 4                           ? u"operator"_s
                           : cards.at(i).profile == u"operator" ? u"developer"_s
                                                                : cards.at(i).profile;
            goal.priority = cards.at(i).priority;
            goals << goal;
        }
        if (!goals.isEmpty()) {
            window.setPlanName(u"load test"_s);
            QCOMPARE(orchestrator.spawnParallel(goals).size(), goals.size());
            // A few seconds of run behind the sparklines: some rounds of every profile finished, failures too.
            QTRY_VERIFY_WITH_TIMEOUT(orchestrator.progress().completed >= 60 && orchestrator.progress().failed >= 10,
                                     30000);
        }
        MetricsDock *dock = window.metricsDock();
        dock->show();
        dock->raise();
        window.resizeDocks({dock}, {360}, Qt::Vertical);
        if (agents > 0) {
            QSignalSpy updated(dock, &MetricsDock::metricsUpdated);
            QVERIFY(updated.wait(10000));
            QTRY_VERIFY_WITH_TIMEOUT(updated.size() >= 2, 10000); // one live sample after the seeded past
        }
        QTRY_VERIFY(dock->isVisible());
        layOut();
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        QVERIFY(window.grab().save(QDir(m_outDir).filePath(tag + u".png"_s)));
        QVERIFY(dock->grab().save(QDir(m_outDir).filePath(tag + u"-dock.png"_s)));
        // Narrow, as in a side dock: the tiles re-flow into two columns.
        dock->setFloating(true);
        dock->resize(400, 760);
        QTRY_COMPARE(dock->size(), QSize(400, 760));
        if (agents > 0) { // the tiles re-flow: the third one starts the second row
            QTRY_VERIFY(dock->tile(MetricsTimeline::Series::SuccessRate)->y() >
                        dock->tile(MetricsTimeline::Series::InProgress)->y());
        }
        layOut();
        QVERIFY(dock->grab().save(QDir(m_outDir).filePath(tag + u"-narrow.png"_s)));
        window.close();
        orchestrator.cancelAll();
        orchestrator.waitAll(10000);
    }

    void recovery_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("recovery") << false;
        QTest::newRow("recovery-dark") << true;
    }

    // After a crash with automatic resume off: interrupted cards with their ▶ button among finished ones;
    // then the database fills up and the storage banner appears.
    void recovery()
    {
        QFETCH(bool, dark);
        QApplication::setPalette(dark ? darkPalette() : m_lightPalette);
        QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/ui.ini"_s);
        QTemporaryDir dir;
        const QString db = dir.filePath(u"before.db"_s);
        const QString crashed = dir.filePath(u"crashed.db"_s);
        AgentProfile profile;
        profile.name = u"developer"_s;
        profile.backend = u"demo"_s;
        profile.retry.maxRetries = 0;
        const QList<Card> cards = many(8);
        QList<Goal> goals;
        for (int i = 0; i < cards.size(); ++i) {
            Goal goal;
            goal.id = u"g%1"_s.arg(i + 1);
            goal.title = cards.at(i).title;
            goal.profile = profile.name;
            goal.priority = cards.at(i).priority;
            goals << goal;
        }
        {
            Store store;
            QVERIFY(store.open(db));
            Orchestrator before;
            before.setStore(&store);
            profile.settings.insert(u"duration_ms"_s, 60000);
            before.setProfiles({profile});
            before.setMaxParallel(8);
            // Three finish before the "crash"; five are still running in the image of the database.
            AgentProfile quick = profile;
            quick.name = u"tester"_s;
            quick.settings.insert(u"duration_ms"_s, 50);
            before.setProfiles({profile, quick});
            for (int i = 0; i < 3; ++i)
                goals[i].profile = quick.name;
            QCOMPARE(before.spawnParallel(goals).size(), goals.size());
            QTRY_VERIFY_WITH_TIMEOUT(before.progress().completed == 3 && before.progress().inProgress == 5, 10000);
            QVERIFY(store.flush());
            QVERIFY(test::copyDatabaseImage(db, crashed));
            before.cancelAll();
            before.waitAll(10000);
        }
        Store store;
        QVERIFY(store.open(crashed));
        Orchestrator orchestrator;
        orchestrator.setStore(&store);
        profile.settings.insert(u"duration_ms"_s, 60000);
        AgentProfile quick = profile;
        quick.name = u"tester"_s;
        orchestrator.setProfiles({profile, quick});
        orchestrator.setMaxParallel(8);
        Config config = ConfigLoader::defaults();
        config.profiles = {profile, quick};
        MainWindow window(&orchestrator, config);
        window.resize(1280, 800);
        window.setPlanName(u"Full-stack web app"_s);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(orchestrator.restore(store.load(store.runs().constLast().id), false));
        // One of them resumed already, so the picture has a running card among the held ones.
        QVERIFY(orchestrator.resumeInterrupted(orchestrator.agentForGoal(u"g4"_s)));
        QStringList restored;
        for (const Goal &goal : std::as_const(goals))
            restored << orchestrator.agentForGoal(goal.id);
        QTRY_COMPARE(window.proxyModel()->rowCount(), int(goals.size()));
        QTRY_VERIFY(orchestrator.status(restored.at(3))->state == AgentState::Running &&
                    boardShows(orchestrator, window, restored) && countsShown(orchestrator, window));
        window.boardView()->selectAgent(restored.at(4));
        QTRY_COMPARE(window.detailPane()->agentId(), restored.at(4));
        layOut();
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        QVERIFY(window.grab().save(QDir(m_outDir).filePath(tag + u"-interrupted.png"_s)));

        // The disk fills up.
        QSqlQuery count(store.readConnection());
        QVERIFY(count.exec(u"PRAGMA page_count"_s) && count.next());
        store.setMaxPageCountForTesting(count.value(0).toInt() + 1);
        QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(u"database or disk is full"_s));
        Goal big = goals.first();
        big.id.clear();
        big.description = QString(20000, u'x');
        for (int i = 0; i < 50 && !orchestrator.isStorageFailed(); ++i) {
            orchestrator.spawn(big);
            store.flush();
            QCoreApplication::processEvents();
        }
        QTRY_VERIFY(orchestrator.isStorageFailed());
        QTRY_VERIFY(window.storageBanner()->isVisible());
        layOut();
        QVERIFY(window.grab().save(QDir(m_outDir).filePath(tag + u"-storage-failed.png"_s)));
        window.close();
        orchestrator.cancelAll();
        orchestrator.waitAll(10000);
    }

    void reviewBoard_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("mainwindow-review") << false;
        QTest::newRow("mainwindow-review-dark") << true;
    }

    // The board with real goals in Review: process agents that wrote files in their own worktrees of two
    // repositories, one with a long name, and summaries long and short; the selected one in the detail pane.
    void reviewBoard()
    {
        QFETCH(bool, dark);
        QApplication::setPalette(dark ? darkPalette() : m_lightPalette);
        QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/ui.ini"_s);
        QTemporaryDir dir;
        test::GitRepository app;
        QVERIFY(app.isValid());
        // A second repository with the kind of long name monorepos have.
        const QString portal = dir.filePath(u"customer-self-service-portal-frontend-monorepo"_s);
        QVERIFY(QDir().mkpath(portal));
        for (const QStringList &args : {QStringList{u"init"_s, u"-q"_s, u"-b"_s, u"main"_s},
                                        {u"config"_s, u"user.name"_s, u"Test"_s},
                                        {u"config"_s, u"user.email"_s, u"test@example.com"_s},
                                        {u"commit"_s, u"-q"_s, u"--allow-empty"_s, u"-m"_s, u"base"_s}}) {
            bool ok = false;
            test::GitReviewController::git(portal, args, &ok);
            QVERIFY2(ok, qPrintable(args.join(u' ')));
        }
        // The agent writes the file and reports the summary its goal's description gives (line 1: the file).
        const QString script = test::writeScript(
            dir.path(), u"agent.py"_s,
            u"import json, os, sys\n"
            "goal = json.loads(sys.stdin.readline())\n"
            "path, summary = goal['description'].split('\\n', 1)\n"
            "os.makedirs(os.path.dirname(path), exist_ok=True)\n"
            "open(path, 'w').write('written by the agent\\n')\n"
            "print(json.dumps({'type': 'usage', 'input_tokens': 18400, 'output_tokens': 2100, 'cost_usd': 0.12}))\n"
            "print(json.dumps({'type': 'result', 'summary': summary}), flush=True)\n"_s);
        QList<AgentProfile> profiles;
        for (const auto &[name, repo] : {std::pair{u"coder"_s, app.path()}, std::pair{u"frontend"_s, portal}}) {
            AgentProfile profile = test::ProfileBuilder(name, u"process"_s).command({u"python3"_s, script});
            profile.isolation.mode = IsolationMode::Worktree;
            profile.isolation.repo = repo;
            profiles << profile;
        }
        Orchestrator orchestrator;
        orchestrator.setDataDirectory(dir.filePath(u"data"_s));
        orchestrator.setWorkspace(app.path());
        orchestrator.setEscalateExhaustedRetries(false);
        orchestrator.setProfiles(profiles);
        Config config = ConfigLoader::defaults();
        config.profiles = profiles;
        MainWindow window(&orchestrator, config);
        window.resize(1280, 800);
        window.setPlanName(u"Login and sign-up"_s);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.setReviewController(orchestrator.review());

        const QList<Goal> goals{
            test::GoalBuilder(u"api"_s)
                .title(u"Add the /login endpoint"_s)
                .profile(u"coder"_s)
                .description(u"src/login.cpp\nAdded POST /login with rate limiting and tests; the session cookie is "
                             u"HttpOnly and SameSite=Strict"_s),
            test::GoalBuilder(u"hash"_s)
                .title(u"Hash passwords with Argon2"_s)
                .profile(u"coder"_s)
                .description(u"src/hash.cpp\nSwitched to Argon2id"_s),
            test::GoalBuilder(u"form"_s)
                .title(u"Sign-up form with validation"_s)
                .profile(u"frontend"_s)
                .description(u"src/SignUpForm.tsx\nNew SignUpForm component: email and password checks inline, "
                             u"submit disabled until valid"_s),
            test::GoalBuilder(u"copy"_s)
                .title(u"Error messages for the sign-in page"_s)
                .profile(u"frontend"_s)
                .description(u"src/messages.ts\nWrote friendlier error messages"_s),
        };
        const QStringList ids = orchestrator.spawnParallel(goals);
        QCOMPARE(ids.size(), goals.size());
        for (const QString &id : ids)
            QTRY_COMPARE_WITH_TIMEOUT(orchestrator.status(id)->state, AgentState::Review, 20000);
        QTRY_VERIFY(boardShows(orchestrator, window, ids));
        window.boardView()->selectAgent(ids.at(2));
        QTRY_COMPARE(window.detailPane()->agentId(), ids.at(2));
        QTRY_VERIFY(!window.detailPane()->findChild<QLabel *>(u"detailRepository"_s)->text().isEmpty());
        QTRY_VERIFY(!window.detailPane()->findChild<QLabel *>(u"detailChanges"_s)->text().isEmpty());
        layOut();
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        QVERIFY(window.grab().save(QDir(m_outDir).filePath(tag + u".png"_s)));
        window.close();
        orchestrator.cancelAll();
        QVERIFY(orchestrator.waitAll(10000));
    }

    void review_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("review") << false;
        QTest::newRow("review-dark") << true;
    }

    // The review pane over a real repository: a goal's worktree with a commit, a deletion and an untracked
    // file, another goal touching the same file (the overlap warning), one file folded.
    void review()
    {
        QFETCH(bool, dark);
        QApplication::setPalette(dark ? darkPalette() : m_lightPalette);
        QTemporaryDir dir;
        const QString repo = dir.filePath(u"switchboard"_s);
        QVERIFY(QDir().mkpath(repo));
        const auto git = [](const QString &where, const QStringList &args) {
            bool ok = false;
            const QString out = test::GitReviewController::git(where, args, &ok);
            if (!ok)
                qWarning("git %s failed", qPrintable(args.join(u' ')));
            return out;
        };
        const auto write = [](const QString &path, const QByteArray &content) {
            QFile file(path);
            if (file.open(QIODevice::WriteOnly))
                file.write(content);
        };
        git(repo, {u"init"_s, u"-q"_s, u"-b"_s, u"main"_s});
        git(repo, {u"config"_s, u"user.name"_s, u"Test"_s});
        git(repo, {u"config"_s, u"user.email"_s, u"test@example.com"_s});
        write(repo + u"/parser.cpp"_s,
              "#include \"parser.h\"\n\nint parse(const char *text)\n{\n    if (!text)\n        return 0;\n"
              "    return count(text);\n}\n");
        write(repo + u"/NOTES.md"_s, "Old notes\n");
        git(repo, {u"add"_s, u"-A"_s});
        git(repo, {u"commit"_s, u"-q"_s, u"-m"_s, u"base"_s});
        WorktreeRecord wt;
        wt.goalId = u"g3"_s;
        wt.runId = u"r1"_s;
        wt.repo = repo;
        wt.path = dir.filePath(u"worktrees/g3"_s);
        wt.branch = u"switchboard/g3"_s;
        wt.baseBranch = u"main"_s;
        wt.baseCommit = git(repo, {u"rev-parse"_s, u"main"_s}).trimmed();
        git(repo, {u"worktree"_s, u"add"_s, u"-q"_s, u"-b"_s, wt.branch, wt.path, u"main"_s});
        write(wt.path + u"/parser.cpp"_s,
              "#include \"parser.h\"\n\n#include <cstring>\n\nint parse(const char *text)\n{\n"
              "    if (!text || !*text)\n        return -1; // empty input is an error now\n"
              "    return count(text);\n}\n");
        write(wt.path + u"/parser_test.cpp"_s,
              "#include \"parser.h\"\n#include <cassert>\n\nint main()\n{\n    assert(parse(\"\") == -1);\n"
              "    assert(parse(\"a b\") == 2);\n}\n");
        git(wt.path, {u"add"_s, u"-A"_s});
        git(wt.path, {u"commit"_s, u"-q"_s, u"-m"_s, u"Reject empty input"_s});
        QFile::remove(wt.path + u"/NOTES.md"_s);

        test::GitReviewController controller;
        test::GitReviewController::GoalEntry goal;
        goal.worktree = wt;
        goal.title = u"Make the parser reject empty input"_s;
        goal.summary = u"parse() now returns -1 for empty input; added parser_test.cpp covering it. "
                       u"Removed the stale NOTES.md."_s;
        goal.turns = 14;
        goal.inputTokens = 48210;
        goal.outputTokens = 6120;
        goal.costUsd = 0.37;
        goal.overlaps = {ReviewOverlap{u"g5"_s, u"Speed up the tokenizer"_s, u"running"_s, {u"parser.cpp"_s}}};
        controller.addGoal(goal);

        ReviewPane pane;
        pane.setController(&controller);
        pane.resize(1200, 720);
        QSignalSpy loaded(&pane, &ReviewPane::loaded);
        pane.setGoal(wt.goalId);
        pane.show();
        QVERIFY(loaded.wait(30000));
        pane.diffView()->setFileCollapsed(u"NOTES.md"_s, true);
        layOut();
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        QVERIFY(pane.grab().save(QDir(m_outDir).filePath(tag + u".png"_s)));

        // The start-up clean-up offer, with the goal's worktree as a leftover.
        controller.setLeftovers({wt});
        LeftoverWorktreesDialog leftovers(&controller);
        QSignalSpy listed(&leftovers, &LeftoverWorktreesDialog::loaded);
        leftovers.load();
        leftovers.show();
        QVERIFY(listed.wait(30000));
        QTRY_VERIFY(leftovers.list()->topLevelItem(0)->text(3) != u"measuring…"_s);
        layOut();
        QVERIFY(leftovers.grab().save(QDir(m_outDir).filePath(tag + u"-leftovers.png"_s)));

        FollowUpDialog followUp(goal.title);
        followUp.setInstructions(u"Also reject input that is only whitespace, and test it."_s);
        followUp.show();
        layOut();
        QVERIFY(followUp.grab().save(QDir(m_outDir).filePath(tag + u"-followup.png"_s)));
        QVERIFY(!controller.calledOnGuiThread());
    }

    void teams_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("teams") << false;
        QTest::newRow("teams-dark") << true;
    }

    // Teams (issue 16) on demo profiles: a running parallel team (one member failed) and a finished debate, each
    // with its members under it; the debate's transcript in the detail pane; the New goal form's Team section.
    void teams()
    {
        QFETCH(bool, dark);
        QApplication::setPalette(dark ? darkPalette() : m_lightPalette);
        QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/ui.ini"_s);
        const QString tag = QString::fromLatin1(QTest::currentDataTag());

        Orchestrator orchestrator;
        const QList<AgentProfile> profiles{
            test::ProfileBuilder::demo(u"researcher"_s, 600000).steps({u"Reading recent papers"_s}),
            test::ProfileBuilder::demo(u"writer"_s, 600000).steps({u"Drafting the trends"_s}),
            test::ProfileBuilder::demo(u"editor"_s, 50).failing(),
            test::ProfileBuilder::demo(u"optimist"_s, 80),
            test::ProfileBuilder::demo(u"pessimist"_s, 80),
            test::ProfileBuilder::demo(u"lead"_s, 80),
            test::ProfileBuilder::demo(u"coder"_s, 600000).steps({u"Writing the parser"_s})};
        orchestrator.setProfiles(profiles);
        orchestrator.setMaxParallel(12);
        Config config = ConfigLoader::defaults();
        config.profiles = profiles;
        MainWindow window(&orchestrator, config);
        window.resize(1280, 860);
        window.setPlanName(u"AI trends"_s);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        Goal debate = test::GoalBuilder::titled(u"Should we adopt AI in hiring?"_s);
        debate.id = u"hiring"_s;
        debate.team = TeamPattern{};
        debate.team->kind = TeamKind::Debate;
        debate.team->profiles = {u"optimist"_s, u"pessimist"_s};
        debate.team->rounds = 2;
        debate.team->judge = u"lead"_s;
        Goal views = test::GoalBuilder::titled(u"Analyse AI trends"_s);
        views.id = u"views"_s;
        views.team = TeamPattern{};
        views.team->profiles = {u"researcher"_s, u"writer"_s, u"editor"_s};
        views.team->minSuccessful = 2;
        Goal parser = test::GoalBuilder::titled(u"Parse the survey answers"_s).profile(u"coder"_s);
        parser.id = u"parser"_s;
        QCOMPARE(orchestrator.spawnParallel({debate, views, parser}).size(), 3);
        const QString debateAgent = orchestrator.agentForGoal(u"hiring"_s);
        const QString viewsAgent = orchestrator.agentForGoal(u"views"_s);
        QTRY_COMPARE_WITH_TIMEOUT(orchestrator.status(debateAgent)->state, AgentState::Completed, 20000);
        AgentBoardModel *board = window.boardModel();
        QTRY_COMPARE(board->memberCount(u"views"_s), 3);
        QTRY_VERIFY(orchestrator.status(viewsAgent)->memberStates.contains(AgentState::Failed));
        QTRY_COMPARE(board->memberCount(u"hiring"_s), 5);
        QTRY_VERIFY(boardShows(orchestrator, window, {debateAgent, viewsAgent}));
        QTRY_VERIFY(board->statusAt(board->rowForAgent(viewsAgent)).memberStates.contains(AgentState::Failed));
        QVERIFY(window.boardView()->selectAgent(debateAgent));
        QTRY_COMPARE(window.detailPane()->agentId(), debateAgent);
        layOut();
        QVERIFY(window.grab().save(QDir(m_outDir).filePath(tag + u".png"_s)));

        {
            // The debate's transcript, in a pane as wide as the dock's default and tall enough to read it.
            AgentDetailPane pane(&orchestrator, board);
            pane.resize(420, 1000);
            pane.setAgent(debateAgent);
            pane.show();
            QVERIFY(QTest::qWaitForWindowExposed(&pane));
            layOut();
            QVERIFY(pane.grab().save(QDir(m_outDir).filePath(tag + u"-debate-detail.png"_s)));
            // A member: which team it is in.
            pane.setAgent(orchestrator.agentForGoal(orchestrator.teamMembers(u"hiring"_s).constFirst()));
            layOut();
            QVERIFY(pane.grab().save(QDir(m_outDir).filePath(tag + u"-member-detail.png"_s)));
        }

        // Compact cards with the debate folded.
        board->setTeamExpanded(u"hiring"_s, false);
        window.boardView()->setCompactCards(true);
        layOut();
        QVERIFY(window.grab().save(QDir(m_outDir).filePath(tag + u"-compact.png"_s)));
        window.boardView()->setCompactCards(false);

        {
            NewGoalDialog dialog(&orchestrator);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QTest::keyClicks(dialog.findChild<QLineEdit *>(u"titleEdit"_s), u"Should we adopt AI in hiring?"_s);
            TeamSection *team = dialog.teamSection();
            team->setExpanded(true);
            team->kindCombo()->setCurrentIndex(team->kindCombo()->findData(static_cast<int>(TeamKind::Debate)));
            team->profilesList()->item(3)->setCheckState(Qt::Checked);
            QTest::mouseClick(dialog.findChild<QPushButton *>(u"submitButton"_s), Qt::LeftButton); // the errors
            QTRY_VERIFY(team->profilesError()->isVisible());
            layOut();
            QVERIFY(dialog.grab().save(
                QDir(m_outDir).filePath(u"dialog-newgoal-team"_s + (dark ? u"-dark.png"_s : u".png"_s))));
        }
        window.close();
        orchestrator.cancelAll();
        orchestrator.waitAll(10000);
    }

    void cleanupTestCase() { QApplication::setPalette(m_lightPalette); }

private:
    static QList<Card> dozen()
    {
        QVariantMap fails = script(u"fail"_s, 35, u"Applying the manifests"_s, 4200, 900, 0.02);
        fails.insert(u"error"_s, u"kubectl apply failed: ImagePullBackOff for api:1.4.2"_s);
        QVariantMap done = script(u"complete"_s, 100, u"Writing the decision record"_s, 18400, 5200, 0.11);
        done.insert(u"summary"_s, u"Schema with 7 tables, 3 migrations and an ER diagram"_s);
        QVariantMap done2 = script(u"complete"_s, 100, u"Writing the report"_s, 9100, 2300, 0.05);
        done2.insert(u"summary"_s, u"14 user stories with acceptance criteria"_s);
        QVariantMap retry = script(u"hold"_s, 15, u"Reading the design"_s, 2100, 300, 0.01);
        retry.insert(u"fail_first"_s, true);
        return {
            {u"Gather requirements for task boards"_s, u"architect"_s, Priority::Critical, done2},
            {u"Design the database schema"_s, u"architect"_s, Priority::High, done},
            {u"Implement the REST endpoints"_s, u"developer"_s, Priority::High,
             script(u"hold"_s, 45, u"Writing request handlers"_s, 9800, 2600, 0.04)},
            {u"Build the board UI components"_s, u"developer"_s, Priority::Medium,
             script(u"hold"_s, 70, u"Running unit tests"_s, 15200, 4100, 0.07)},
            {u"Refactor the config loader"_s, u"developer"_s, Priority::Medium, retry},
            {u"Write integration tests"_s, u"tester"_s, Priority::Medium,
             script(u"hold"_s, 82, u"Triaging two flaky tests"_s)},
            {u"Deploy to staging"_s, u"operator"_s, Priority::Critical, fails},
            {u"Smoke-test staging"_s, u"tester"_s, Priority::High, script(u"hold"_s, 0, QString()), u"g7"_s},
            {u"Benchmark the board queries"_s, u"tester"_s, Priority::Low,
             script(u"cancel"_s, 25, u"Warming the cache"_s)},
            {u"Review the API pull request"_s, u"tester"_s, Priority::Medium,
             script(u"hold"_s, 30, u"Reading the change"_s, 3100, 700, 0.01)},
            {u"Write the release notes"_s, u"architect"_s, Priority::Low, script(u"hold"_s, 10, u"Drafting"_s)},
            {u"Translate the UI strings"_s, u"developer"_s, Priority::Low, script(u"hold"_s, 10, u"Extracting"_s)},
        };
    }

    static QList<Card> many(int count)
    {
        static const QStringList verbs{u"Implement"_s, u"Test"_s,    u"Review"_s, u"Document"_s,
                                       u"Refactor"_s,  u"Profile"_s, u"Fix"_s,    u"Migrate"_s};
        static const QStringList things{u"the login flow"_s, u"the billing API"_s,  u"search indexing"_s,
                                        u"the export job"_s, u"rate limiting"_s,    u"the settings page"_s,
                                        u"audit logging"_s,  u"the CSV importer"_s, u"webhooks"_s};
        static const QStringList profiles{u"architect"_s, u"developer"_s, u"tester"_s, u"operator"_s};
        QList<Card> cards;
        for (int i = 0; i < count; ++i) {
            const QString title =
                u"%1 %2 (%3)"_s.arg(verbs.at(i % verbs.size()), things.at(i % things.size())).arg(i + 1);
            QVariantMap s;
            if (i % 11 == 3) {
                s = script(u"fail"_s, 40, u"Running the suite"_s);
                s.insert(u"error"_s, u"3 tests failed in test_billing.py"_s);
            } else if (i % 5 == 1) {
                s = script(u"complete"_s, 100, u"Done"_s, 5000 + i * 37, 1200, 0.02);
                s.insert(u"summary"_s, u"Change merged"_s);
            } else {
                s = script(u"hold"_s, (i * 37) % 95 + 3, u"Step %1 of 5"_s.arg(i % 5 + 1), 1000 + i * 53, 400,
                           0.001 * (i % 40));
            }
            cards << Card{title, profiles.at(i % profiles.size()), static_cast<Priority>(i % 4), s};
        }
        return cards;
    }

    QPalette m_lightPalette;
    QString m_outDir;
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
