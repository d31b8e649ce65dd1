// Teams on the board (issue 16), with real teams run by the orchestrator on demo profiles: members sit right after
// their team, collapse hides them, filters and sorts keep them with it, the card shows the pattern and the member
// strip's count, + and − and the card's control fold a team, and the detail pane shows a team's work and a
// member's team. QAbstractItemModelTester watches the board model and the proxy.
#include "MainWindow.h"
#include "board/AgentBoardModel.h"
#include "board/AgentBoardView.h"
#include "board/AgentCardDelegate.h"
#include "board/AgentDetailPane.h"
#include "board/AgentFilterProxyModel.h"
#include "board/TeamDetailSection.h"
#include "config/ConfigLoader.h"
#include "orchestration/Orchestrator.h"
#include "support/GoalBuilder.h"
#include "support/ProfileBuilder.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {
Goal teamGoal(const QString &id, const QString &title, const TeamPattern &pattern)
{
    Goal goal = test::GoalBuilder::titled(title);
    goal.id = id;
    goal.team = pattern;
    return goal;
}

Goal plainGoal(const QString &id, const QString &profile)
{
    Goal goal = test::GoalBuilder::titled(u"plain %1"_s.arg(id)).profile(profile);
    goal.id = id;
    return goal;
}

TeamPattern parallel(const QStringList &profiles)
{
    TeamPattern pattern;
    pattern.kind = TeamKind::Parallel;
    pattern.profiles = profiles;
    return pattern;
}

// The members' rows of a team in the board model, in row order.
QList<int> memberRows(const AgentBoardModel &model, const QString &team)
{
    QList<int> rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.statusAt(row).memberOf == team)
            rows << row;
    }
    return rows;
}

// The goal ids a view of the board shows, top to bottom.
QStringList shownGoals(const QAbstractItemModel &view)
{
    QStringList goals;
    for (int row = 0; row < view.rowCount(); ++row)
        goals << view.index(row, 0).data(AgentBoardModel::GoalIdRole).toString();
    return goals;
}

// Every member shown comes right after its team or a fellow member.
bool membersFollowTheirTeams(const QAbstractItemModel &view)
{
    QString group; // the team whose block the previous row belongs to
    for (int row = 0; row < view.rowCount(); ++row) {
        const QModelIndex index = view.index(row, 0);
        const QString memberOf = index.data(AgentBoardModel::MemberOfRole).toString();
        if (!memberOf.isEmpty() && memberOf != group)
            return false;
        if (memberOf.isEmpty())
            group = index.data(AgentBoardModel::TeamKindRole).toString().isEmpty()
                        ? QString()
                        : index.data(AgentBoardModel::GoalIdRole).toString();
    }
    return true;
}
} // namespace

class TestTeamBoard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_orchestrator = std::make_unique<Orchestrator>();
        m_orchestrator->setProfiles(
            {test::ProfileBuilder::demo(u"researcher"_s, 60000), test::ProfileBuilder::demo(u"writer"_s, 60000),
             test::ProfileBuilder::demo(u"editor"_s, 50).failing(), test::ProfileBuilder::demo(u"quick"_s, 60),
             test::ProfileBuilder::demo(u"lead"_s, 60)});
        m_orchestrator->setMaxParallel(12);
    }

    void cleanup()
    {
        if (m_orchestrator) {
            m_orchestrator->cancelAll();
            m_orchestrator->waitAll(10000);
        }
        m_orchestrator.reset();
    }

    void membersSitUnderTheirTeam()
    {
        AgentBoardModel model(m_orchestrator.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setInsertDelay(0);

        QVERIFY(!m_orchestrator->spawn(plainGoal(u"before"_s, u"researcher"_s)).isEmpty());
        QVERIFY(!m_orchestrator
                     ->spawn(teamGoal(u"views"_s, u"Analyse AI trends"_s,
                                      parallel({u"researcher"_s, u"writer"_s, u"editor"_s})))
                     .isEmpty());
        QVERIFY(!m_orchestrator->spawn(plainGoal(u"after"_s, u"researcher"_s)).isEmpty());
        QTRY_COMPARE(memberRows(model, u"views"_s).size(), 3);

        const int team = model.rowForAgent(m_orchestrator->agentForGoal(u"views"_s));
        QVERIFY(team >= 0);
        QVERIFY(model.isTeamAt(team));
        QCOMPARE(model.data(model.index(team), AgentBoardModel::TeamKindRole).toString(), u"parallel"_s);
        QCOMPARE(model.memberCount(u"views"_s), 3);
        // Spawned after "after", the members still come right after their team.
        QCOMPARE(memberRows(model, u"views"_s), (QList<int>{team + 1, team + 2, team + 3}));
        QCOMPARE(model.statusAt(team + 4).goalId, u"after"_s);
        QStringList labels;
        for (int row = team + 1; row <= team + 3; ++row) {
            QCOMPARE(model.teamRowAt(row), team);
            labels << model.data(model.index(row), AgentBoardModel::MemberLabelRole).toString();
        }
        QCOMPARE(labels, (QStringList{u"member · researcher"_s, u"member · writer"_s, u"member · editor"_s}));
        QCOMPARE(model.teamRowAt(team), -1);
        QCOMPARE(model.teamRowAt(model.rowForAgent(m_orchestrator->agentForGoal(u"before"_s))), -1);
        // The team's strip follows its members: the failing editor shows as failed.
        QTRY_VERIFY(model.statusAt(team).memberStates.contains(AgentState::Failed));
        QCOMPARE(model.data(model.index(team), AgentBoardModel::MemberStatesRole).toList().size(), 3);
    }

    void laterMembersJoinTheirGroup()
    {
        AgentBoardModel model(m_orchestrator.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setInsertDelay(0);
        TeamPattern debate;
        debate.kind = TeamKind::Debate;
        debate.profiles = {u"quick"_s, u"lead"_s};
        debate.rounds = 2;
        debate.judge = u"lead"_s;
        QVERIFY(!m_orchestrator->spawn(teamGoal(u"hiring"_s, u"Adopt AI in hiring?"_s, debate)).isEmpty());
        QTRY_COMPARE(memberRows(model, u"hiring"_s).size(), 2); // round 1
        // On the board after round 1's members, before round 2's are spawned.
        QVERIFY(!m_orchestrator->spawn(plainGoal(u"after"_s, u"researcher"_s)).isEmpty());
        QTRY_VERIFY(model.rowForAgent(m_orchestrator->agentForGoal(u"after"_s)) >= 0);
        QCOMPARE(model.statusAt(model.rowCount() - 1).goalId, u"after"_s);

        const QString teamAgent = m_orchestrator->agentForGoal(u"hiring"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_orchestrator->status(teamAgent)->state == AgentState::Completed, 20000);
        QTRY_COMPARE(memberRows(model, u"hiring"_s).size(), 5);
        const int team = model.rowForAgent(teamAgent);
        QCOMPARE(memberRows(model, u"hiring"_s), (QList<int>{team + 1, team + 2, team + 3, team + 4, team + 5}));
        QStringList labels;
        for (int row = team + 1; row <= team + 5; ++row)
            labels << model.statusAt(row).memberLabel;
        QCOMPARE(labels, (QStringList{u"round 1 · quick"_s, u"round 1 · lead"_s, u"round 2 · quick"_s,
                                      u"round 2 · lead"_s, u"judge · lead"_s}));
        QCOMPARE(model.statusAt(team + 6).goalId, u"after"_s);
        QCOMPARE(model.memberAgentIds(u"hiring"_s).size(), 5);
        // The finished team's strip: every member done.
        QTRY_COMPARE(model.statusAt(team).memberStates, QList<AgentState>(5, AgentState::Completed));
    }

    void collapseHidesMembersAndFiltersKeepThemTogether()
    {
        AgentBoardModel model(m_orchestrator.get());
        model.setInsertDelay(0);
        AgentFilterProxyModel proxy;
        proxy.setBoardModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

        QVERIFY(!m_orchestrator->spawn(plainGoal(u"before"_s, u"researcher"_s)).isEmpty());
        QVERIFY(!m_orchestrator
                     ->spawn(teamGoal(u"views"_s, u"Analyse AI trends"_s,
                                      parallel({u"researcher"_s, u"writer"_s, u"editor"_s})))
                     .isEmpty());
        QVERIFY(!m_orchestrator->spawn(plainGoal(u"after"_s, u"writer"_s)).isEmpty());
        QTRY_COMPARE(memberRows(model, u"views"_s).size(), 3);
        QTRY_COMPARE(proxy.rowCount(), 6);
        QVERIFY(model.isTeamExpanded(u"views"_s)); // three members: few enough to show
        QCOMPARE(shownGoals(proxy).mid(0, 2), (QStringList{u"before"_s, u"views"_s}));
        QVERIFY(membersFollowTheirTeams(proxy));

        QSignalSpy toggled(&model, &AgentBoardModel::teamExpandedChanged);
        model.setTeamExpanded(u"views"_s, false);
        QCOMPARE(toggled.count(), 1);
        QCOMPARE(shownGoals(proxy), (QStringList{u"before"_s, u"views"_s, u"after"_s}));
        model.setTeamExpanded(u"views"_s, true);
        QCOMPARE(proxy.rowCount(), 6);
        QVERIFY(membersFollowTheirTeams(proxy));
        QCOMPARE(shownGoals(proxy).constLast(), u"after"_s);

        // A member that matches brings its team along; the team's title brings all its members.
        proxy.setSearchText(u"member · editor"_s);
        QCOMPARE(proxy.rowCount(), 2);
        QCOMPARE(proxy.index(0, 0).data(AgentBoardModel::GoalIdRole).toString(), u"views"_s);
        QCOMPARE(proxy.index(1, 0).data(AgentBoardModel::MemberLabelRole).toString(), u"member · editor"_s);
        proxy.setSearchText(u"analyse ai"_s);
        QCOMPARE(proxy.rowCount(), 4);
        QVERIFY(membersFollowTheirTeams(proxy));
        proxy.setSearchText(QString());

        // The failing editor: the Failed filter shows it under its (running) team, and nothing else of the team.
        proxy.setStateFilter(AgentFilterProxyModel::StateFilter::Failed);
        QTRY_COMPARE(proxy.rowCount(), 2);
        QCOMPARE(proxy.index(0, 0).data(AgentBoardModel::GoalIdRole).toString(), u"views"_s);
        QCOMPARE(proxy.index(1, 0).data(AgentBoardModel::MemberLabelRole).toString(), u"member · editor"_s);
        // Collapsed, the team stays (a member matches) but its members do not show.
        model.setTeamExpanded(u"views"_s, false);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data(AgentBoardModel::GoalIdRole).toString(), u"views"_s);
        model.setTeamExpanded(u"views"_s, true);
        proxy.setStateFilter(AgentFilterProxyModel::StateFilter::All);

        // Sorted any way, the members stay right after their team, in spawn order.
        for (const auto key : {AgentFilterProxyModel::SortKey::Name, AgentFilterProxyModel::SortKey::Priority,
                               AgentFilterProxyModel::SortKey::SpawnOrder, AgentFilterProxyModel::SortKey::Progress}) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                proxy.setSortKey(key, order);
                QCOMPARE(proxy.rowCount(), 6);
                QVERIFY2(membersFollowTheirTeams(proxy), qPrintable(shownGoals(proxy).join(u", "_s)));
                const int team = static_cast<int>(shownGoals(proxy).indexOf(u"views"_s));
                QStringList labels;
                for (int row = team + 1; row <= team + 3; ++row)
                    labels << proxy.index(row, 0).data(AgentBoardModel::MemberLabelRole).toString();
                QCOMPARE(labels, (QStringList{u"member · researcher"_s, u"member · writer"_s, u"member · editor"_s}));
            }
        }
    }

    void bigTeamsStartCollapsed()
    {
        AgentBoardModel model(m_orchestrator.get());
        model.setInsertDelay(0);
        AgentFilterProxyModel proxy;
        proxy.setBoardModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        TeamPattern debate;
        debate.kind = TeamKind::Debate;
        debate.profiles = {u"researcher"_s, u"writer"_s, u"researcher"_s};
        debate.rounds = 3;
        debate.judge = u"lead"_s;
        QVERIFY(!m_orchestrator->spawn(teamGoal(u"hiring"_s, u"Adopt AI in hiring?"_s, debate)).isEmpty());
        QTRY_VERIFY(!memberRows(model, u"hiring"_s).isEmpty());
        QVERIFY(!model.isTeamExpanded(u"hiring"_s)); // ten members expected: folded
        QCOMPARE(shownGoals(proxy), QStringList{u"hiring"_s});
        model.setTeamExpanded(u"hiring"_s, true);
        QCOMPARE(proxy.rowCount(), 1 + memberRows(model, u"hiring"_s).size());
    }

    void cardAndViewFoldTeams()
    {
        AgentBoardModel model(m_orchestrator.get());
        model.setInsertDelay(0);
        AgentFilterProxyModel proxy;
        proxy.setBoardModel(&model);
        AgentCardDelegate delegate;
        delegate.setBoardModel(&model);
        AgentBoardView view;
        view.setCardDelegate(&delegate);
        view.setModel(&proxy);
        view.resize(1000, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        QVERIFY(!m_orchestrator
                     ->spawn(teamGoal(u"views"_s, u"Analyse AI trends"_s,
                                      parallel({u"researcher"_s, u"writer"_s, u"editor"_s})))
                     .isEmpty());
        QTRY_COMPARE(proxy.rowCount(), 4);
        const QString teamAgent = m_orchestrator->agentForGoal(u"views"_s);
        const QModelIndex team = proxy.index(0, 0);
        QCOMPARE(team.data(AgentBoardModel::AgentIdRole).toString(), teamAgent);
        const QString text = delegate.cardText(team);
        QVERIFY2(text.contains(u"Parallel"_s), qPrintable(text));
        QVERIFY2(text.contains(u"/3 done"_s), qPrintable(text));
        QVERIFY2(text.contains(u"Analyse AI trends"_s), qPrintable(text));
        const QString memberText = delegate.cardText(proxy.index(1, 0));
        QVERIFY2(memberText.contains(u"member · researcher"_s), qPrintable(memberText));
        // A member's card is indented under its team; the team's is not.
        const QRect memberCell = view.visualRect(proxy.index(1, 0));
        QCOMPARE(delegate.cardRect(proxy.index(1, 0), memberCell).left(),
                 memberCell.left() + AgentCardDelegate::kMemberIndent);
        QCOMPARE(delegate.cardRect(team, view.visualRect(team)), view.visualRect(team));

        // The keyboard: − folds the current team, + unfolds it; − on a member folds its team and moves to it.
        QVERIFY(view.selectAgent(teamAgent));
        QTest::keyClick(view.viewport(), Qt::Key_Minus);
        QVERIFY(!model.isTeamExpanded(u"views"_s));
        QCOMPARE(proxy.rowCount(), 1);
        QTest::keyClick(view.viewport(), Qt::Key_Plus);
        QVERIFY(model.isTeamExpanded(u"views"_s));
        QCOMPARE(proxy.rowCount(), 4);
        view.setCurrentIndex(proxy.index(2, 0));
        QTest::keyClick(view.viewport(), Qt::Key_Minus);
        QVERIFY(!model.isTeamExpanded(u"views"_s));
        QCOMPARE(view.currentAgentId(), teamAgent);

        // The mouse: the card's control.
        QVERIFY(delegate.hasExpandButton(team));
        const QRect cell = view.visualRect(proxy.index(0, 0));
        const QPoint control = delegate.expandButtonRect(proxy.index(0, 0), delegate.cardRect(team, cell)).center();
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, control);
        QVERIFY(model.isTeamExpanded(u"views"_s));
        QCOMPARE(proxy.rowCount(), 4);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, control);
        QVERIFY(!model.isTeamExpanded(u"views"_s));

        // Selecting a hidden member (the detail pane's or the inbox's "show on board") unfolds its team.
        const QString member = model.memberAgentIds(u"views"_s).constLast();
        QVERIFY(view.selectAgent(member));
        QVERIFY(model.isTeamExpanded(u"views"_s));
        QCOMPARE(view.currentAgentId(), member);
    }

    void mainWindowJumpsToTheTeamAndFoldsIt()
    {
        MainWindow window(m_orchestrator.get(), ConfigLoader::defaults());
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!m_orchestrator
                     ->spawn(teamGoal(u"views"_s, u"Analyse AI trends"_s,
                                      parallel({u"researcher"_s, u"writer"_s, u"editor"_s})))
                     .isEmpty());
        AgentBoardModel *model = window.boardModel();
        QTRY_COMPARE(model->memberCount(u"views"_s), 3);
        const QString teamAgent = m_orchestrator->agentForGoal(u"views"_s);
        const QString member = model->memberAgentIds(u"views"_s).constFirst();
        AgentBoardView *view = window.boardView();

        // The member's detail pane links to its team: following it selects the team's card.
        QVERIFY(view->selectAgent(member));
        QTRY_COMPARE(window.detailPane()->agentId(), member);
        auto *memberOf = window.detailPane()->findChild<QLabel *>(u"detailMemberOf"_s);
        QVERIFY(memberOf->isVisible());
        QVERIFY(QMetaObject::invokeMethod(memberOf, "linkActivated", Q_ARG(QString, u"team"_s)));
        QCOMPARE(view->currentAgentId(), teamAgent);

        // The card's menu on a member folds its team and leaves the team's card current.
        QVERIFY(view->selectAgent(member));
        const QPoint where = view->visualRect(view->currentIndex()).center();
        QContextMenuEvent event(QContextMenuEvent::Mouse, where, view->viewport()->mapToGlobal(where));
        QApplication::sendEvent(view->viewport(), &event);
        QMenu *menu = nullptr;
        QTRY_VERIFY((menu = window.findChild<QMenu *>(u"cardContextMenu"_s)) && menu->isVisible());
        auto *fold = menu->findChild<QAction *>(u"foldTeamAction"_s);
        QVERIFY(fold);
        QVERIFY2(fold->text().startsWith(u"Hide the team's members"_s), qPrintable(fold->text()));
        fold->trigger();
        menu->close();
        QVERIFY(!model->isTeamExpanded(u"views"_s));
        QCOMPARE(view->currentAgentId(), teamAgent);
        QCOMPARE(window.proxyModel()->rowCount(), 1);
    }

    void detailPaneShowsADebateInOrder()
    {
        AgentBoardModel model(m_orchestrator.get());
        model.setInsertDelay(0);
        TeamPattern debate;
        debate.kind = TeamKind::Debate;
        debate.profiles = {u"quick"_s, u"lead"_s};
        debate.rounds = 2;
        debate.judge = u"lead"_s;
        QVERIFY(!m_orchestrator->spawn(teamGoal(u"hiring"_s, u"Adopt AI in hiring?"_s, debate)).isEmpty());
        const QString teamAgent = m_orchestrator->agentForGoal(u"hiring"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_orchestrator->status(teamAgent)->state == AgentState::Completed, 20000);
        QTRY_COMPARE(memberRows(model, u"hiring"_s).size(), 5);

        AgentDetailPane pane(m_orchestrator.get(), &model);
        pane.setAgent(teamAgent);
        auto *section = pane.findChild<TeamDetailSection *>();
        QVERIFY(section);
        QVERIFY(section->isVisibleTo(&pane));
        const QStringList lines = section->plainText().split(u'\n');
        // Heading, then round 1 (quick, lead), round 2 (quick, lead), then the judge's conclusion.
        QCOMPARE(lines.size(), 8);
        QCOMPARE(lines.at(0), u"Debate transcript"_s);
        QCOMPARE(lines.at(1), u"Round 1 of 2"_s);
        QVERIFY2(lines.at(2).startsWith(u"  quick · Completed: "_s), qPrintable(lines.at(2)));
        QVERIFY2(lines.at(3).startsWith(u"  lead · Completed: "_s), qPrintable(lines.at(3)));
        QCOMPARE(lines.at(4), u"Round 2 of 2"_s);
        QVERIFY2(lines.at(5).startsWith(u"  quick · Completed: "_s), qPrintable(lines.at(5)));
        QVERIFY2(lines.at(6).startsWith(u"  lead · Completed: "_s), qPrintable(lines.at(6)));
        QVERIFY2(lines.at(7).startsWith(u"Conclusion · judge lead · Completed: "_s), qPrintable(lines.at(7)));
        // Each statement is that member's own summary.
        const QStringList members = model.memberAgentIds(u"hiring"_s);
        const QString judgeSummary = m_orchestrator->status(members.constLast())->summary;
        QVERIFY(!judgeSummary.isEmpty());
        QVERIFY(lines.at(7).endsWith(judgeSummary.simplified()));

        // A member: "Member of <team>", and its link asks for the team's card.
        QCOMPARE(pane.findChild<QLabel *>(u"detailProfile"_s)->text(), u"quick, lead (the team's members)"_s);
        auto *pattern = pane.findChild<QLabel *>(u"detailPattern"_s);
        QVERIFY(pattern->isVisibleTo(&pane));
        QCOMPARE(pattern->text(), u"Team: "_s + debate.describe());
        pane.setAgent(members.first());
        QVERIFY(!section->isVisibleTo(&pane));
        QVERIFY(!pattern->isVisibleTo(&pane));
        QCOMPARE(pane.findChild<QLabel *>(u"detailProfile"_s)->text(), u"quick"_s);
        auto *memberOf = pane.findChild<QLabel *>(u"detailMemberOf"_s);
        QVERIFY(memberOf && memberOf->isVisibleTo(&pane));
        QVERIFY2(memberOf->text().contains(u"Adopt AI in hiring?"_s), qPrintable(memberOf->text()));
        QVERIFY2(memberOf->text().contains(u"round 1 · quick"_s), qPrintable(memberOf->text()));
        QSignalSpy requested(&pane, &AgentDetailPane::agentRequested);
        QVERIFY(QMetaObject::invokeMethod(memberOf, "linkActivated", Q_ARG(QString, u"team"_s)));
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.first().first().toString(), teamAgent);
    }

    void detailPaneShowsASupervisorsPlan()
    {
        // A process planner: its first call hands two steps to the workers, its second writes the answer.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString script = dir.filePath(u"planner.py"_s);
        QFile file(script);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"(import json, os, sys
goal = os.environ["SWITCHBOARD_GOAL_ID"]
def say(message):
    print(json.dumps(message), flush=True)
if goal.endswith(".plan1"):
    say({"type": "delegate", "worker": "quick", "task": "Find the papers"})
    say({"type": "delegate", "worker": "lead", "task": "Draft the post"})
    say({"type": "result", "summary": "Two steps: papers, then a draft"})
else:
    say({"type": "result", "summary": "FINAL: the post, from the papers and the draft"})
)");
        file.close();
        QList<AgentProfile> profiles = m_orchestrator->profiles();
        profiles << test::ProfileBuilder(u"planner"_s, u"process"_s).command({u"python3"_s, script});
        m_orchestrator->setProfiles(profiles);

        AgentBoardModel model(m_orchestrator.get());
        model.setInsertDelay(0);
        TeamPattern supervisor;
        supervisor.kind = TeamKind::Supervisor;
        supervisor.planner = u"planner"_s;
        supervisor.workers = {u"quick"_s, u"lead"_s};
        supervisor.maxIterations = 2;
        QVERIFY(!m_orchestrator->spawn(teamGoal(u"post"_s, u"Write the blog post"_s, supervisor)).isEmpty());
        const QString teamAgent = m_orchestrator->agentForGoal(u"post"_s);
        QTRY_VERIFY_WITH_TIMEOUT(isFinalState(m_orchestrator->status(teamAgent)->state), 30000);
        QCOMPARE(m_orchestrator->status(teamAgent)->state, AgentState::Completed);

        AgentDetailPane pane(m_orchestrator.get(), &model);
        pane.setAgent(teamAgent);
        auto *section = pane.findChild<TeamDetailSection *>();
        QVERIFY(section);
        const QStringList lines = section->plainText().split(u'\n');
        QVERIFY2(lines.size() >= 5, qPrintable(lines.join(u'\n')));
        QCOMPARE(lines.at(0), u"Supervisor's plan"_s);
        QCOMPARE(lines.at(1), u"Plan 1 of 2 · planner · Completed: Two steps: papers, then a draft"_s);
        // Each step: its worker, the planner's task, its state and its result (the worker's summary).
        QVERIFY2(lines.at(2).startsWith(u"  Step 1.1 · quick · Completed — Find the papers: [demo]"_s),
                 qPrintable(lines.at(2)));
        QVERIFY2(lines.at(3).startsWith(u"  Step 1.2 · lead · Completed — Draft the post: [demo]"_s),
                 qPrintable(lines.at(3)));
        QVERIFY2(lines.constLast().endsWith(u"Completed: FINAL: the post, from the papers and the draft"_s),
                 qPrintable(lines.constLast()));
    }

    void detailPaneMarksFailedAnswers()
    {
        AgentBoardModel model(m_orchestrator.get());
        model.setInsertDelay(0);
        TeamPattern pattern = parallel({u"quick"_s, u"editor"_s, u"lead"_s});
        pattern.minSuccessful = 2;
        QVERIFY(!m_orchestrator->spawn(teamGoal(u"views"_s, u"Analyse AI trends"_s, pattern)).isEmpty());
        const QString teamAgent = m_orchestrator->agentForGoal(u"views"_s);
        QTRY_VERIFY_WITH_TIMEOUT(isFinalState(m_orchestrator->status(teamAgent)->state), 20000);
        QCOMPARE(m_orchestrator->status(teamAgent)->state, AgentState::Completed);

        AgentDetailPane pane(m_orchestrator.get(), &model);
        pane.setAgent(teamAgent);
        auto *section = pane.findChild<TeamDetailSection *>();
        QVERIFY(section);
        const QStringList lines = section->plainText().split(u'\n');
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines.at(0), u"Answers"_s);
        QVERIFY2(lines.at(1).startsWith(u"quick · Completed: "_s), qPrintable(lines.at(1)));
        QVERIFY2(lines.at(2).startsWith(u"editor · Failed · not counted: "_s), qPrintable(lines.at(2)));
        QVERIFY2(lines.at(3).startsWith(u"lead · Completed: "_s), qPrintable(lines.at(3)));
    }

private:
    std::unique_ptr<Orchestrator> m_orchestrator;
};

QTEST_MAIN(TestTeamBoard)
#include "tst_teamboard.moc"
