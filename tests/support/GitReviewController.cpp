#include "support/GitReviewController.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFileInfo>
#include <QProcess>
#include <QThread>

namespace switchboard::test {

QString GitReviewController::git(const QString &dir, const QStringList &args, bool *ok)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    process.start(QStringLiteral("git"), args);
    const bool finished = process.waitForFinished(60000);
    if (ok)
        *ok = finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    return QString::fromUtf8(process.readAllStandardOutput());
}

void GitReviewController::addGoal(const GoalEntry &entry)
{
    const QMutexLocker lock(&m_mutex);
    m_goals.insert(entry.worktree.goalId, entry);
    m_order << entry.worktree.goalId;
}

void GitReviewController::setLeftovers(const QList<WorktreeRecord> &leftovers)
{
    const QMutexLocker lock(&m_mutex);
    m_leftovers = leftovers;
}

QStringList GitReviewController::calls() const
{
    const QMutexLocker lock(&m_mutex);
    return m_calls;
}

void GitReviewController::hold()
{
    m_held = true;
}

void GitReviewController::release()
{
    m_held = false;
    m_gate.release(m_waiting.load());
}

void GitReviewController::enter(const QString &call) const
{
    if (QThread::currentThread() == QCoreApplication::instance()->thread())
        m_onGuiThread = true;
    {
        const QMutexLocker lock(&m_mutex);
        m_calls << call;
    }
    if (m_held) {
        ++m_waiting;
        m_gate.acquire();
        --m_waiting;
    }
    if (m_asksGuiThread && QThread::currentThread() != QCoreApplication::instance()->thread())
        QMetaObject::invokeMethod(
            QCoreApplication::instance(), [] {}, Qt::BlockingQueuedConnection);
}

std::optional<GitReviewController::GoalEntry> GitReviewController::entry(const QString &goalId) const
{
    const QMutexLocker lock(&m_mutex);
    const auto it = m_goals.constFind(goalId);
    if (it == m_goals.constEnd())
        return std::nullopt;
    return *it;
}

QList<QString> GitReviewController::goalsInReview() const
{
    enter(QStringLiteral("goalsInReview"));
    const QMutexLocker lock(&m_mutex);
    QList<QString> ids;
    for (const QString &id : m_order) {
        if (m_goals.value(id).worktree.state == WorktreeRecord::State::Active)
            ids << id;
    }
    return ids;
}

std::optional<ReviewInfo> GitReviewController::review(const QString &goalId, QString *error) const
{
    enter(QStringLiteral("review ") + goalId);
    const std::optional<GoalEntry> e = entry(goalId);
    if (!e || e->worktree.state != WorktreeRecord::State::Active) {
        if (error)
            *error = QStringLiteral("goal %1 has no worktree").arg(goalId);
        return std::nullopt;
    }
    const QString wt = e->worktree.path;
    const QString base = e->worktree.baseCommit;
    ReviewInfo info;
    info.worktree = e->worktree;
    info.goalTitle = e->title;
    info.agentId = QStringLiteral("a-") + goalId;
    info.summary = e->summary;
    info.turns = e->turns;
    info.inputTokens = e->inputTokens;
    info.outputTokens = e->outputTokens;
    info.costUsd = e->costUsd;
    info.overlaps = e->overlaps;

    // Tracked changes, committed or not, against the base commit; then the untracked files as additions.
    const QStringList status = git(wt, {QStringLiteral("diff"), QStringLiteral("--name-status"), base})
                                   .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QStringList numstat = git(wt, {QStringLiteral("diff"), QStringLiteral("--numstat"), base})
                                    .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < status.size() && i < numstat.size(); ++i) {
        const QStringList s = status.at(i).split(QLatin1Char('\t'));
        const QStringList n = numstat.at(i).split(QLatin1Char('\t'));
        ChangedFile file;
        file.status = s.value(0).at(0);
        file.path = s.value(s.size() - 1);
        file.binary = n.value(0) == u"-";
        file.additions = n.value(0).toInt();
        file.deletions = n.value(1).toInt();
        info.files << file;
    }
    info.diff = git(wt, {QStringLiteral("diff"), base});
    const QStringList untracked =
        git(wt, {QStringLiteral("ls-files"), QStringLiteral("--others"), QStringLiteral("--exclude-standard")})
            .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &path : untracked) {
        const QString fileDiff = git(wt, {QStringLiteral("diff"), QStringLiteral("--no-index"), QStringLiteral("--"),
                                          QStringLiteral("/dev/null"), path});
        ChangedFile file;
        file.status = QLatin1Char('?');
        file.path = path;
        file.additions = static_cast<int>(fileDiff.count(QStringLiteral("\n+")) - 1);
        info.files << file;
        info.diff += fileDiff;
    }
    info.commitsAhead =
        git(wt, {QStringLiteral("rev-list"), QStringLiteral("--count"), base + QStringLiteral("..HEAD")})
            .trimmed()
            .toInt();
    info.uncommitted = !git(wt, {QStringLiteral("status"), QStringLiteral("--porcelain")}).trimmed().isEmpty();
    QDirIterator it(wt, QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        info.diskBytes += it.fileInfo().size();
    }
    return info;
}

ReviewOutcome GitReviewController::merge(const QString &goalId)
{
    enter(QStringLiteral("merge ") + goalId);
    const std::optional<GoalEntry> e = entry(goalId);
    if (!e)
        return {false, QStringLiteral("no such goal"), {}, false};
    const QString repo = e->worktree.repo;
    bool ok = false;
    git(repo, {QStringLiteral("merge"), QStringLiteral("--no-ff"), QStringLiteral("-m"), e->title, e->worktree.branch},
        &ok);
    if (!ok) {
        const QStringList conflicts =
            git(repo, {QStringLiteral("diff"), QStringLiteral("--name-only"), QStringLiteral("--diff-filter=U")})
                .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        git(repo, {QStringLiteral("merge"), QStringLiteral("--abort")});
        return {false, QStringLiteral("would conflict in %1").arg(conflicts.join(QStringLiteral(", "))), conflicts,
                false};
    }
    const QMutexLocker lock(&m_mutex);
    m_goals[goalId].worktree.state = WorktreeRecord::State::Merged;
    return {true, QStringLiteral("merged %1 into %2").arg(e->worktree.branch, e->worktree.baseBranch), {}, false};
}

ReviewOutcome GitReviewController::rebase(const QString &goalId)
{
    enter(QStringLiteral("rebase ") + goalId);
    const std::optional<GoalEntry> e = entry(goalId);
    if (!e)
        return {false, QStringLiteral("no such goal"), {}, false};
    bool ok = false;
    // Uncommitted work is set aside for the rebase and put back after it (or after the abort).
    git(e->worktree.path,
        {QStringLiteral("-c"), QStringLiteral("rebase.autoStash=true"), QStringLiteral("rebase"),
         e->worktree.baseBranch},
        &ok);
    if (!ok) {
        const QStringList conflicts = git(e->worktree.path, {QStringLiteral("diff"), QStringLiteral("--name-only"),
                                                             QStringLiteral("--diff-filter=U")})
                                          .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        git(e->worktree.path, {QStringLiteral("rebase"), QStringLiteral("--abort")});
        return {false, QStringLiteral("would conflict in %1").arg(conflicts.join(QStringLiteral(", "))), conflicts,
                false};
    }
    return {true, QStringLiteral("rebased onto %1").arg(e->worktree.baseBranch), {}, false};
}

ReviewOutcome GitReviewController::discard(const QString &goalId, bool force)
{
    enter(QStringLiteral("discard ") + goalId + (force ? QStringLiteral(" force") : QString()));
    const std::optional<GoalEntry> e = entry(goalId);
    if (!e)
        return {false, QStringLiteral("no such goal"), {}, false};
    const QString wt = e->worktree.path;
    if (!force) {
        const int ahead = git(wt, {QStringLiteral("rev-list"), QStringLiteral("--count"),
                                   e->worktree.baseCommit + QStringLiteral("..HEAD")})
                              .trimmed()
                              .toInt();
        const QStringList dirty = git(wt, {QStringLiteral("status"), QStringLiteral("--porcelain")})
                                      .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        if (ahead > 0 || !dirty.isEmpty()) {
            QStringList files;
            for (const QString &line : dirty)
                files << line.mid(3);
            return {false,
                    QStringLiteral("%1 commit(s) on %2 and uncommitted changes in %3 would be lost")
                        .arg(ahead)
                        .arg(e->worktree.branch, files.join(QStringLiteral(", "))),
                    {},
                    true};
        }
    }
    bool ok = false;
    git(e->worktree.repo, {QStringLiteral("worktree"), QStringLiteral("remove"), QStringLiteral("--force"), wt}, &ok);
    if (!ok)
        return {false, QStringLiteral("git worktree remove failed"), {}, false};
    git(e->worktree.repo, {QStringLiteral("branch"), QStringLiteral("-D"), e->worktree.branch});
    const QMutexLocker lock(&m_mutex);
    m_goals[goalId].worktree.state = WorktreeRecord::State::Discarded;
    return {true, QStringLiteral("discarded %1").arg(e->worktree.branch), {}, false};
}

QString GitReviewController::followUp(const QString &goalId, const QString &instructions, QString *error)
{
    enter(QStringLiteral("followUp ") + goalId + QStringLiteral(": ") + instructions);
    if (!entry(goalId)) {
        if (error)
            *error = QStringLiteral("no such goal");
        return {};
    }
    return goalId + QStringLiteral("-f1");
}

QList<WorktreeRecord> GitReviewController::leftovers() const
{
    enter(QStringLiteral("leftovers"));
    const QMutexLocker lock(&m_mutex);
    return m_leftovers;
}

QList<WorktreeRecord> GitReviewController::cleanUp(const QList<WorktreeRecord> &records, bool force,
                                                   QStringList *refused)
{
    enter(QStringLiteral("cleanUp %1%2").arg(records.size()).arg(force ? QStringLiteral(" force") : QString()));
    QList<WorktreeRecord> removed;
    for (const WorktreeRecord &r : records) {
        const int unmerged = git(r.repo, {QStringLiteral("rev-list"), QStringLiteral("--count"),
                                          r.baseBranch + QStringLiteral("..") + r.branch})
                                 .trimmed()
                                 .toInt();
        if (unmerged > 0 && !force) {
            if (refused)
                *refused << QStringLiteral("%1 holds %2 unmerged commit(s)").arg(r.branch).arg(unmerged);
            continue;
        }
        bool ok = false;
        git(r.repo, {QStringLiteral("worktree"), QStringLiteral("remove"), QStringLiteral("--force"), r.path}, &ok);
        git(r.repo, {QStringLiteral("branch"), QStringLiteral("-D"), r.branch});
        if (ok) {
            WorktreeRecord gone = r;
            gone.state = WorktreeRecord::State::Removed;
            removed << gone;
        }
    }
    const QMutexLocker lock(&m_mutex);
    for (const WorktreeRecord &r : removed)
        m_leftovers.removeIf([&r](const WorktreeRecord &l) { return l.path == r.path; });
    return removed;
}

} // namespace switchboard::test
