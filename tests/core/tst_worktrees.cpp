// Isolation: worktree against real git repositories made by the tests: a worktree per goal, its setup command,
// goals that never see each other's changes, the Review state, merge, conflicts, rebase, overlaps, discard,
// clean-up, leftovers, dependents waiting for a merge, agent sessions handed to retries and follow-ups.

#include "orchestration/Orchestrator.h"
#include "review/GitCommand.h"
#include "review/ReviewController.h"
#include "review/Worktrees.h"
#include "support/GitRepository.h"
#include "support/GoalBuilder.h"
#include "support/WorkspaceBackend.h"

#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;
using namespace switchboard;
using namespace switchboard::test;

namespace {
constexpr int kWaitMs = 20000;

// An orchestrator whose profile "w" works in worktrees of repo, under its own data folder.
struct Rig
{
    QTemporaryDir data;
    GitRepository repo;
    Orchestrator o;

    explicit Rig(int maxParallel = 2, int maxRetries = 0, const QStringList &setup = {})
    {
        o.setBackends(WorkspaceBackend::registry());
        AgentProfile worktree = WorkspaceBackend::profile(u"w"_s, maxRetries);
        worktree.isolation.mode = IsolationMode::Worktree;
        worktree.isolation.repo = repo.path();
        worktree.isolation.setup = setup;
        AgentProfile shared = WorkspaceBackend::profile(u"s"_s);
        o.setProfiles({worktree, shared});
        o.setDataDirectory(data.path());
        o.setWorkspace(repo.path());
        o.setMaxParallel(maxParallel);
        o.setEscalateExhaustedRetries(false);
    }

    AgentState state(const QString &goalId) const { return o.status(o.agentForGoal(goalId))->state; }
    AgentStatus status(const QString &goalId) const { return *o.status(o.agentForGoal(goalId)); }
};

QString readIn(const QString &dir, const QString &name)
{
    QFile file(QDir(dir).filePath(name));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : u"missing"_s;
}

bool branchExists(const GitRepository &repo, const QString &branch)
{
    return repo.branches().contains(branch);
}
} // namespace

class TestWorktrees final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void eachGoalWorksInItsOwnWorktree();
    void unchangedGoalCompletesAndItsWorktreeGoes();
    void failingSetupFailsTheAttempt();
    void dependentsWaitUntilMerged();
    void conflictingMergeIsRefusedAndRebaseAborted();
    void rebaseBringsTheBaseIn();
    void mergeRefusedOnWrongBranchOrDirtyCheckout();
    void discardRefusesToLoseWorkWithoutForce();
    void cleanUpAndLeftovers();
    void sessionGoesToTheRetryAndTheFollowUp();
    void followUpWithoutAWorktreeFailsSayingWhy();
    void reviewCallsWorkFromAnotherThread();
    void sharedIsolationWorksInTheRepository();
};

void TestWorktrees::eachGoalWorksInItsOwnWorktree()
{
    Rig rig(2, 0, {u"cp"_s, u"../../../env.txt"_s, u".env"_s});
    QVERIFY(rig.repo.isValid());
    // The setup copies a file the repository does not track (like .env) into the fresh worktree.
    {
        QFile env(rig.data.filePath(u"env.txt"_s));
        QVERIFY(env.open(QIODevice::WriteOnly));
        env.write("SECRET=1\n");
    }
    QTemporaryDir signals_;
    const QString written = signals_.filePath(u"a-wrote"_s);
    rig.o.spawnParallel({GoalBuilder(u"a"_s).profile(u"w"_s).description(
                             u"write shared.txt from a\nread .env\nworkspace\ntouch "_s + written),
                         GoalBuilder(u"b"_s).profile(u"w"_s).description(
                             u"wait-file "_s + written + u"\nread shared.txt\nwrite shared.txt from b\nworkspace"_s)});
    QTRY_COMPARE_WITH_TIMEOUT(rig.state(u"a"_s), AgentState::Review, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(rig.state(u"b"_s), AgentState::Review, kWaitMs);

    const WorktreeRecord a = *rig.o.worktree(u"a"_s);
    const WorktreeRecord b = *rig.o.worktree(u"b"_s);
    QVERIFY(a.path != b.path);
    QVERIFY2(a.path.startsWith(QDir(rig.data.path()).filePath(u"worktrees/"_s)), qPrintable(a.path));
    QCOMPARE(a.branch, u"switchboard/a"_s);
    QCOMPARE(a.baseBranch, u"main"_s);
    QCOMPARE(a.repoName(), QFileInfo(rig.repo.path()).fileName());
    QCOMPARE(rig.status(u"a"_s).repository, QFileInfo(rig.repo.path()).fileName());
    QVERIFY(rig.status(u"a"_s).summary.contains(u".env=SECRET=1"_s));
    QVERIFY(rig.status(u"a"_s).summary.contains(u"workspace="_s + a.path));
    // b ran after a had written (it waited for a's signal) and still did not see a's file.
    QVERIFY2(rig.status(u"b"_s).summary.contains(u"shared.txt=missing"_s), qPrintable(rig.status(u"b"_s).summary));
    QCOMPARE(readIn(a.path, u"shared.txt"_s), u"from a\n"_s);
    QCOMPARE(readIn(b.path, u"shared.txt"_s), u"from b\n"_s);
    QCOMPARE(readIn(rig.repo.path(), u"shared.txt"_s), u"missing"_s); // nothing reached the main checkout
    QVERIFY(branchExists(rig.repo, u"switchboard/a"_s));

    // Review: no slot, not final; the run has nothing else to do.
    QVERIFY(rig.o.isIdle());
    QCOMPARE(rig.o.progress().poolBusy, 0);
    QList<QString> inReview = rig.o.review()->goalsInReview();
    std::sort(inReview.begin(), inReview.end()); // in the order they finished: either may have been first
    QCOMPARE(inReview, (QList<QString>{u"a"_s, u"b"_s}));
    QCOMPARE(rig.o.summary().inReview, 2);

    QString error;
    const std::optional<ReviewInfo> info = rig.o.review()->review(u"a"_s, &error);
    QVERIFY2(info, qPrintable(error));
    QCOMPARE(info->files.size(), 2); // shared.txt and the .env the setup copied (both untracked)
    const auto shared = std::find_if(info->files.cbegin(), info->files.cend(),
                                     [](const ChangedFile &f) { return f.path == u"shared.txt"; });
    QVERIFY(shared != info->files.cend());
    QCOMPARE(shared->status, u'?');
    QCOMPARE(shared->additions, 1);
    QVERIFY(info->uncommitted);
    QCOMPARE(info->commitsAhead, 0);
    QVERIFY(info->diff.contains(u"+from a"_s));
    QVERIFY(info->diskBytes > 0);
    // b changed the same file: the overlap is named before a merge.
    QCOMPARE(info->overlaps.size(), 1);
    QCOMPARE(info->overlaps.first().goalId, u"b"_s);
    QVERIFY(info->overlaps.first().files.contains(u"shared.txt"_s));

    const ReviewOutcome merged = rig.o.review()->merge(u"a"_s);
    QVERIFY2(merged.ok, qPrintable(merged.message));
    QTRY_COMPARE(rig.state(u"a"_s), AgentState::Completed);
    QCOMPARE(rig.repo.readFile(u"shared.txt"_s), u"from a\n"_s);
    QCOMPARE(rig.repo.git({u"log"_s, u"-1"_s, u"--format=%s"_s}), u"a"_s); // the merge commit, titled by the goal
    QCOMPARE(rig.repo.git({u"rev-list"_s, u"--count"_s, u"--merges"_s, u"HEAD"_s}), u"1"_s);
    QCOMPARE(rig.o.worktree(u"a"_s)->state, WorktreeRecord::State::Merged);
    // b now conflicts with what a brought in (both added shared.txt).
    const ReviewOutcome refused = rig.o.review()->merge(u"b"_s);
    QVERIFY(!refused.ok);
    QCOMPARE(refused.conflicts, QStringList{u"shared.txt"_s});
    QVERIFY(refused.message.contains(u"goal 'b'"_s));
    QCOMPARE(rig.state(u"b"_s), AgentState::Review);
}

void TestWorktrees::unchangedGoalCompletesAndItsWorktreeGoes()
{
    Rig rig;
    rig.o.spawn(GoalBuilder(u"idle"_s).profile(u"w"_s).description(u"read README.md"_s));
    QTRY_COMPARE_WITH_TIMEOUT(rig.state(u"idle"_s), AgentState::Completed, kWaitMs);
    QVERIFY(rig.status(u"idle"_s).summary.contains(u"README.md=line one"_s));
    const WorktreeRecord wt = *rig.o.worktree(u"idle"_s);
    QCOMPARE(wt.state, WorktreeRecord::State::Removed);
    QVERIFY(!QFileInfo::exists(wt.path));
    QVERIFY(!branchExists(rig.repo, u"switchboard/idle"_s));
}

void TestWorktrees::failingSetupFailsTheAttempt()
{
    Rig rig(2, 0, {u"sh"_s, u"-c"_s, u"echo setting up; exit 3"_s});
    rig.o.spawn(GoalBuilder(u"g"_s).profile(u"w"_s).description(u"write x.txt never"_s));
    QTRY_COMPARE_WITH_TIMEOUT(rig.state(u"g"_s), AgentState::Failed, kWaitMs);
    const AgentStatus s = rig.status(u"g"_s);
    QCOMPARE(s.errorKind, u"workspace"_s);
    QVERIFY2(s.error.contains(u"exit code 3"_s) && s.error.contains(u"sh -c"_s), qPrintable(s.error));
    QVERIFY(rig.o.agentLog(s.agentId).contains(u"setup: setting up"_s));
}

void TestWorktrees::dependentsWaitUntilMerged()
{
    Rig rig;
    QSignalSpy finished(&rig.o, &Orchestrator::allFinished);
    rig.o.spawnParallel({GoalBuilder(u"api"_s).profile(u"w"_s).description(u"write api.txt v1\ncommit add api"_s),
                         GoalBuilder(u"client"_s)
                             .profile(u"w"_s)
                             .dependsOn({u"api"_s})
                             .description(u"read api.txt\nwrite client.txt uses api"_s)});
    QTRY_COMPARE_WITH_TIMEOUT(rig.state(u"api"_s), AgentState::Review, kWaitMs);
    // Nothing else can run: the run is idle (a headless run ends here) and the dependent still waits.
    QTRY_VERIFY(finished.count() >= 1);
    QCOMPARE(rig.state(u"client"_s), AgentState::Queued);
    QVERIFY(rig.o.waitAll(0));

    QString error;
    const std::optional<ReviewInfo> info = rig.o.review()->review(u"api"_s, &error);
    QVERIFY2(info, qPrintable(error));
    QCOMPARE(info->commitsAhead, 1);
    QVERIFY(!info->uncommitted);
    QCOMPARE(info->files.size(), 1);
    QCOMPARE(info->files.first().status, u'A');

    const ReviewOutcome merged = rig.o.review()->merge(u"api"_s);
    QVERIFY2(merged.ok, qPrintable(merged.message));
    QTRY_COMPARE_WITH_TIMEOUT(rig.state(u"client"_s), AgentState::Review, kWaitMs);
    QCOMPARE(rig.state(u"api"_s), AgentState::Completed);
    // The dependent's worktree was made from the base after the merge: it sees the api.
    QVERIFY2(rig.status(u"client"_s).summary.contains(u"api.txt=v1"_s), qPrintable(rig.status(u"client"_s).summary));
}

void TestWorktrees::conflictingMergeIsRefusedAndRebaseAborted()
{
    Rig rig;
    rig.o.spawn(GoalBuilder(u"edit"_s).profile(u"w"_s).description(u"write README.md changed by the agent"_s));
    QTRY_COMPARE_WITH_TIMEOUT(rig.state(u"edit"_s), AgentState::Review, kWaitMs);
    // Meanwhile the base moves on in the same lines.
    QVERIFY(rig.repo.commitFile(u"README.md"_s, u"changed by a human\n"_s, u"human edit"_s));
    const QString head = rig.repo.git({u"rev-parse"_s, u"HEAD"_s});

    const ReviewOutcome merged = rig.o.review()->merge(u"edit"_s);
    QVERIFY(!merged.ok);
    QCOMPARE(merged.conflicts, QStringList{u"README.md"_s});
    QVERIFY2(merged.message.contains(u"conflict"_s), qPrintable(merged.message));
    // Everything as it was: the base did not move, no merge is in progress, the goal still waits.
    QCOMPARE(rig.repo.git({u"rev-parse"_s, u"HEAD"_s}), head);
    QVERIFY(!QFileInfo::exists(rig.repo.filePath(u".git/MERGE_HEAD"_s)));
    QCOMPARE(rig.repo.readFile(u"README.md"_s), u"changed by a human\n"_s);
    QCOMPARE(rig.state(u"edit"_s), AgentState::Review);

    const ReviewOutcome rebased = rig.o.review()->rebase(u"edit"_s);
    QVERIFY(!rebased.ok);
    QCOMPARE(rebased.conflicts, QStringList{u"README.md"_s});
    const WorktreeRecord wt = *rig.o.worktree(u"edit"_s);
    // Aborted: the worktree holds the agent's (now committed) change, no rebase in progress.
    QCOMPARE(readIn(wt.path, u"README.md"_s), u"changed by the agent\n"_s);
    QVERIFY(GitCommand::run(wt.path, {u"status"_s}).outText().contains(u"nothing to commit"_s));
    QCOMPARE(GitCommand::run(wt.path, {u"log"_s, u"-1"_s, u"--format=%s"_s}).outText().trimmed(),
             u"switchboard: edit"_s);
}

void TestWorktrees::rebaseBringsTheBaseIn()
{
    Rig rig;
    rig.o.spawn(GoalBuilder(u"feature"_s).profile(u"w"_s).description(u"write feature.txt new\ncommit feature"_s));
    QTRY_COMPARE_WITH_TIMEOUT(rig.state(u"feature"_s), AgentState::Review, kWaitMs);
    QVERIFY(rig.repo.commitFile(u"other.txt"_s, u"elsewhere\n"_s, u"unrelated"_s));
    const ReviewOutcome rebased = rig.o.review()->rebase(u"feature"_s);
    QVERIFY2(rebased.ok, qPrintable(rebased.message));
    const WorktreeRecord wt = *rig.o.worktree(u"feature"_s);
    QCOMPARE(readIn(wt.path, u"other.txt"_s), u"elsewhere\n"_s);
    QVERIFY2(rig.o.review()->merge(u"feature"_s).ok, "merge after rebase");
    QCOMPARE(rig.repo.readFile(u"feature.txt"_s), u"new\n"_s);
}

void TestWorktrees::mergeRefusedOnWrongBranchOrDirtyCheckout()
{
    Rig rig;
    rig.o.spawn(GoalBuilder(u"g"_s).profile(u"w"_s).description(u"write README.md agent\nwrite notes.txt n"_s));
    QTRY_COMPARE_WITH_TIMEOUT(rig.state(u"g"_s), AgentState::Review, kWaitMs);

    rig.repo.git({u"checkout"_s, u"-q"_s, u"-b"_s, u"elsewhere"_s});
    ReviewOutcome outcome = rig.o.review()->merge(u"g"_s);
    QVERIFY(!outcome.ok);
    QVERIFY2(outcome.message.contains(u"'elsewhere'"_s) && outcome.message.contains(u"'main'"_s),
             qPrintable(outcome.message));
    rig.repo.git({u"checkout"_s, u"-q"_s, u"main"_s});

    // Uncommitted work of a human in a file the merge touches is never overwritten.
    {
        QFile readme(rig.repo.filePath(u"README.md"_s));
        QVERIFY(readme.open(QIODevice::Append));
        readme.write("human, not committed\n");
    }
    outcome = rig.o.review()->merge(u"g"_s);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.conflicts, QStringList{u"README.md"_s});
    QVERIFY(outcome.message.contains(u"uncommitted"_s));
    QVERIFY(rig.repo.readFile(u"README.md"_s).endsWith(u"human, not committed\n"_s));
    QCOMPARE(rig.state(u"g"_s), AgentState::Review);
}

void TestWorktrees::discardRefusesToLoseWorkWithoutForce()
{
    Rig rig;
    rig.o.spawnParallel({GoalBuilder(u"g"_s).profile(u"w"_s).description(u"write a.txt 1\ncommit one\nwrite b.txt 2"_s),
                         GoalBuilder(u"after"_s).profile(u"s"_s).dependsOn({u"g"_s}).description(u"read a.txt"_s)});
    QTRY_COMPARE_WITH_TIMEOUT(rig.state(u"g"_s), AgentState::Review, kWaitMs);
    const WorktreeRecord wt = *rig.o.worktree(u"g"_s);

    ReviewOutcome outcome = rig.o.review()->discard(u"g"_s, false);
    QVERIFY(!outcome.ok);
    QVERIFY(outcome.needsConfirm);
    QVERIFY2(outcome.message.contains(u"1 commit"_s) && outcome.message.contains(u"b.txt"_s),
             qPrintable(outcome.message));
    QVERIFY(QFileInfo::exists(QDir(wt.path).filePath(u"b.txt"_s)));
    QCOMPARE(rig.state(u"g"_s), AgentState::Review);

    outcome = rig.o.review()->discard(u"g"_s, true);
    QVERIFY2(outcome.ok, qPrintable(outcome.message));
    QTRY_COMPARE(rig.state(u"g"_s), AgentState::Cancelled);
    QTRY_COMPARE(rig.state(u"after"_s), AgentState::Blocked);
    QVERIFY(rig.status(u"after"_s).error.contains(u"'g'"_s));
    QVERIFY(!QFileInfo::exists(wt.path));
    QVERIFY(!branchExists(rig.repo, wt.branch));
    QCOMPARE(rig.o.worktree(u"g"_s)->state, WorktreeRecord::State::Removed);
    QCOMPARE(readIn(rig.repo.path(), u"a.txt"_s), u"missing"_s);
}

void TestWorktrees::cleanUpAndLeftovers()
{
    Rig rig;
    rig.o.spawn(GoalBuilder(u"g"_s).profile(u"w"_s).description(u"write a.txt 1"_s));
    QTRY_COMPARE_WITH_TIMEOUT(rig.state(u"g"_s), AgentState::Review, kWaitMs);
    QVERIFY(rig.o.review()->merge(u"g"_s).ok);
    const WorktreeRecord merged = *rig.o.worktree(u"g"_s);
    QVERIFY(QFileInfo::exists(merged.path)); // kept until clean-up

    // A worktree under the data folder that no goal of this run knows, with a commit nobody merged.
    QString error;
    std::optional<WorktreeRecord> stray =
        Worktrees::create(rig.data.path(), rig.repo.path(), QString(), u"old-goal"_s, u"r-9"_s, &error);
    QVERIFY2(stray, qPrintable(error));
    QVERIFY(GitCommand::run(stray->path, {u"commit"_s, u"-q"_s, u"--allow-empty"_s, u"-m"_s, u"lost?"_s}).ok());

    const QList<WorktreeRecord> leftovers = rig.o.review()->leftovers();
    QCOMPARE(leftovers.size(), 1);
    QCOMPARE(leftovers.first().goalId, u"old-goal"_s);
    QCOMPARE(leftovers.first().branch, u"switchboard/old-goal"_s);

    QStringList refused;
    QList<WorktreeRecord> removed = rig.o.review()->cleanUp(leftovers, false, &refused);
    QCOMPARE(removed.size(), 1); // the merged one
    QCOMPARE(removed.first().goalId, u"g"_s);
    QVERIFY(!QFileInfo::exists(merged.path));
    QVERIFY(!branchExists(rig.repo, u"switchboard/g"_s));
    QCOMPARE(rig.o.worktree(u"g"_s)->state, WorktreeRecord::State::Removed);
    QCOMPARE(refused.size(), 1);
    QVERIFY2(refused.first().contains(u"1 commit"_s), qPrintable(refused.first()));
    QVERIFY(QFileInfo::exists(stray->path)); // never deleted without force

    refused.clear();
    removed = rig.o.review()->cleanUp(rig.o.review()->leftovers(), true, &refused);
    QCOMPARE(removed.size(), 1);
    QVERIFY(refused.isEmpty());
    QVERIFY(!QFileInfo::exists(stray->path));
    QVERIFY(!branchExists(rig.repo, u"switchboard/old-goal"_s));
    QVERIFY(rig.o.review()->leftovers().isEmpty());
}

void TestWorktrees::sessionGoesToTheRetryAndTheFollowUp()
{
    Rig rig(2, 1);
    rig.o.spawn(GoalBuilder(u"g"_s).profile(u"w"_s).description(
        u"resumed\nsession S-1\nwrite work.txt first\nfail-first try again"_s));
    QTRY_COMPARE_WITH_TIMEOUT(rig.state(u"g"_s), AgentState::Review, kWaitMs);
    const AgentStatus s = rig.status(u"g"_s);
    QCOMPARE(s.attempt, 2);
    QCOMPARE(s.agentSession, u"S-1"_s);
    // The retry got the session the first attempt recorded, in the same worktree (its file is still there).
    QVERIFY2(s.summary.contains(u"resume=S-1"_s), qPrintable(s.summary));
    const WorktreeRecord wt = *rig.o.worktree(u"g"_s);
    QCOMPARE(readIn(wt.path, u"work.txt"_s), u"first\n"_s);

    QString error;
    const QString followUp =
        rig.o.review()->followUp(u"g"_s, u"resumed\nread work.txt\nappend work.txt second\nworkspace"_s, &error);
    QVERIFY2(!followUp.isEmpty(), qPrintable(error));
    QCOMPARE(rig.o.goal(followUp)->followUpOf, u"g"_s);
    QTRY_COMPARE_WITH_TIMEOUT(rig.state(followUp), AgentState::Review, kWaitMs);
    const QString summary = rig.status(followUp).summary;
    QVERIFY2(summary.contains(u"resume=S-1"_s) && summary.contains(u"work.txt=first"_s) &&
                 summary.contains(u"workspace="_s + wt.path),
             qPrintable(summary));

    // Merging the follow-up merges the shared worktree and ends both goals.
    const ReviewOutcome merged = rig.o.review()->merge(followUp);
    QVERIFY2(merged.ok, qPrintable(merged.message));
    QTRY_COMPARE(rig.state(followUp), AgentState::Completed);
    QTRY_COMPARE(rig.state(u"g"_s), AgentState::Completed);
    QCOMPARE(rig.repo.readFile(u"work.txt"_s), u"first\nsecond\n"_s);
}

void TestWorktrees::followUpWithoutAWorktreeFailsSayingWhy()
{
    // A follow-up whose original has not reached review has nothing to continue: it must not run on a fresh
    // worktree and session as if it were a goal of its own.
    Rig rig;
    Goal original = GoalBuilder(u"g"_s).profile(u"w"_s).description(u"write a.txt 1"_s);
    Goal followUp = GoalBuilder(u"more"_s).profile(u"w"_s).description(u"write b.txt 2"_s);
    followUp.followUpOf = u"g"_s;
    QString error;
    QVERIFY2(!rig.o.spawnParallel({original, followUp}, &error).isEmpty(), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(rig.state(u"more"_s), AgentState::Failed, kWaitMs);
    const AgentStatus s = rig.status(u"more"_s);
    QCOMPARE(s.errorKind, errorKindName(ErrorKind::Invalid));
    QVERIFY2(s.error.contains(u"follow-up of 'g'"_s) && s.error.contains(u"waits in review"_s), qPrintable(s.error));
    QVERIFY(!rig.o.worktree(u"more"_s));
    QTRY_COMPARE_WITH_TIMEOUT(rig.state(u"g"_s), AgentState::Review, kWaitMs);
}

void TestWorktrees::reviewCallsWorkFromAnotherThread()
{
    // The review pane calls the controller off the GUI thread: the goal's state still changes on the
    // orchestrator's thread.
    Rig rig;
    rig.o.spawn(GoalBuilder(u"g"_s).profile(u"w"_s).description(u"write a.txt 1"_s));
    QTRY_COMPARE_WITH_TIMEOUT(rig.state(u"g"_s), AgentState::Review, kWaitMs);
    ReviewController *review = rig.o.review();
    QFuture<ReviewOutcome> merged = QtConcurrent::run([review] { return review->merge(u"g"_s); });
    QTRY_VERIFY_WITH_TIMEOUT(merged.isFinished(), kWaitMs);
    QVERIFY2(merged.result().ok, qPrintable(merged.result().message));
    QTRY_COMPARE(rig.state(u"g"_s), AgentState::Completed);
}

void TestWorktrees::sharedIsolationWorksInTheRepository()
{
    // isolation: shared (the default) with a repo: the repository itself, no worktree, no review.
    Rig rig;
    QTemporaryDir elsewhere;
    rig.o.setWorkspace(elsewhere.path());
    Goal goal = GoalBuilder(u"g"_s).profile(u"s"_s).description(u"write direct.txt here\nworkspace"_s);
    goal.isolation.repo = rig.repo.path();
    rig.o.spawn(goal);
    QTRY_COMPARE_WITH_TIMEOUT(rig.state(u"g"_s), AgentState::Completed, kWaitMs);
    QVERIFY(!rig.o.worktree(u"g"_s));
    QCOMPARE(rig.repo.readFile(u"direct.txt"_s), u"here\n"_s);
    QVERIFY(rig.status(u"g"_s).summary.contains(u"workspace="_s + rig.repo.path()));
    QCOMPARE(rig.status(u"g"_s).repository, QFileInfo(rig.repo.path()).fileName());
    QVERIFY(rig.o.review()->goalsInReview().isEmpty());
}

QTEST_GUILESS_MAIN(TestWorktrees)
#include "tst_worktrees.moc"
