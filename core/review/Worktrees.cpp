#include "Worktrees.h"

#include "GitCommand.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QMutex>
#include <QSet>

namespace switchboard {

namespace {
void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

// `git worktree add/remove/prune` write the repository's .git/worktrees/ without a lock of their own: two at once
// (two goals starting together) can fail with "failed to read .git/worktrees/<x>/commondir". One at a time.
QMutex &worktreeListMutex()
{
    static QMutex mutex;
    return mutex;
}

QString branchFor(const QString &goalId)
{
    return QStringLiteral("switchboard/") + goalId;
}

// NUL-separated output of -z commands.
QStringList splitZ(const QByteArray &out)
{
    QStringList parts;
    for (const QByteArray &part : out.split('\0')) {
        if (!part.isEmpty())
            parts << QString::fromUtf8(part);
    }
    return parts;
}

QString mergeBase(const WorktreeRecord &wt)
{
    const GitCommand::Result r =
        GitCommand::run(wt.path, {QStringLiteral("merge-base"), wt.baseBranch, QStringLiteral("HEAD")});
    return r.ok() ? r.outText().trimmed() : wt.baseCommit;
}

QStringList untracked(const QString &dir)
{
    const GitCommand::Result r =
        GitCommand::run(dir, {QStringLiteral("ls-files"), QStringLiteral("-z"), QStringLiteral("--others"),
                              QStringLiteral("--exclude-standard")});
    return r.ok() ? splitZ(r.out) : QStringList();
}

// Paths `git status --porcelain` lists (both sides of a rename).
QStringList dirtyPaths(const QString &dir, bool *ok)
{
    const GitCommand::Result r = GitCommand::run(dir, {QStringLiteral("status"), QStringLiteral("--porcelain=v1"),
                                                       QStringLiteral("-z"), QStringLiteral("--untracked-files=all")});
    *ok = r.ok();
    QStringList paths;
    const QStringList parts = splitZ(r.out);
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString &entry = parts.at(i);
        if (entry.size() < 4)
            continue;
        paths << entry.mid(3);
        if (entry.at(0) == u'R' || entry.at(0) == u'C')
            paths << parts.value(++i); // the source of a rename comes as the next field
    }
    return paths;
}

QStringList conflictedFiles(const QString &dir)
{
    const GitCommand::Result r = GitCommand::run(dir, {QStringLiteral("diff"), QStringLiteral("--name-only"),
                                                       QStringLiteral("-z"), QStringLiteral("--diff-filter=U")});
    return splitZ(r.out);
}

ReviewOutcome refused(const QString &message, const QStringList &conflicts = {})
{
    ReviewOutcome outcome;
    outcome.message = message;
    outcome.conflicts = conflicts;
    return outcome;
}
} // namespace

QString Worktrees::topLevel(const QString &path, QString *error)
{
    if (!QFileInfo(path).isDir()) {
        setError(error, QStringLiteral("%1 is not a directory").arg(path));
        return {};
    }
    const GitCommand::Result r =
        GitCommand::run(path, {QStringLiteral("rev-parse"), QStringLiteral("--show-toplevel")});
    if (!r.ok()) {
        setError(error, QStringLiteral("%1 is not a git repository (%2)").arg(path, r.message()));
        return {};
    }
    return QDir::cleanPath(r.outText().trimmed());
}

QString Worktrees::currentBranch(const QString &repo, QString *error)
{
    const GitCommand::Result r = GitCommand::run(repo, {QStringLiteral("symbolic-ref"), QStringLiteral("--quiet"),
                                                        QStringLiteral("--short"), QStringLiteral("HEAD")});
    if (!r.ok()) {
        setError(error, QStringLiteral("%1 is not on a branch (detached HEAD or not a repository)").arg(repo));
        return {};
    }
    return r.outText().trimmed();
}

QString Worktrees::rootFor(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("worktrees"));
}

QString Worktrees::directoryFor(const QString &dataDir, const QString &repo, const QString &goalId)
{
    // The hash keeps two repositories of the same name apart.
    const QByteArray hash =
        QCryptographicHash::hash(QDir::cleanPath(repo).toUtf8(), QCryptographicHash::Sha1).toHex().left(8);
    return QDir(rootFor(dataDir))
        .filePath(QFileInfo(repo).fileName() + u'-' + QString::fromLatin1(hash) + u'/' + goalId);
}

std::optional<WorktreeRecord> Worktrees::create(const QString &dataDir, const QString &repoPath,
                                                const QString &baseBranch, const QString &goalId, const QString &runId,
                                                QString *error)
{
    const QString repo = topLevel(repoPath, error);
    if (repo.isEmpty())
        return std::nullopt;
    WorktreeRecord wt;
    wt.goalId = goalId;
    wt.runId = runId;
    wt.repo = repo;
    wt.branch = branchFor(goalId);
    wt.baseBranch = baseBranch.isEmpty() ? currentBranch(repo, error) : baseBranch;
    if (wt.baseBranch.isEmpty())
        return std::nullopt;
    const GitCommand::Result base =
        GitCommand::run(repo, {QStringLiteral("rev-parse"), QStringLiteral("--verify"), QStringLiteral("--quiet"),
                               wt.baseBranch + QStringLiteral("^{commit}")});
    if (!base.ok()) {
        setError(error, QStringLiteral("base branch '%1' does not exist in %2").arg(wt.baseBranch, repo));
        return std::nullopt;
    }
    wt.baseCommit = base.outText().trimmed();
    wt.path = directoryFor(dataDir, repo, goalId);
    if (QFileInfo::exists(wt.path)) {
        // This goal's own worktree, made by an attempt that stopped before it was recorded (a crash): taken over.
        const GitCommand::Result head =
            GitCommand::run(wt.path, {QStringLiteral("symbolic-ref"), QStringLiteral("--quiet"),
                                      QStringLiteral("--short"), QStringLiteral("HEAD")});
        const GitCommand::Result top =
            GitCommand::run(wt.path, {QStringLiteral("rev-parse"), QStringLiteral("--path-format=absolute"),
                                      QStringLiteral("--git-common-dir")});
        if (head.ok() && head.outText().trimmed() == wt.branch && top.ok() &&
            QDir::cleanPath(QFileInfo(top.outText().trimmed()).path()) == repo) {
            wt.state = WorktreeRecord::State::Active;
            wt.createdAt = QDateTime::currentDateTimeUtc();
            return wt;
        }
        setError(error, QStringLiteral("%1 exists already (a worktree left from an earlier run? remove it with "
                                       "`switchboard discard` or the review pane's clean-up)")
                            .arg(wt.path));
        return std::nullopt;
    }
    if (!QDir().mkpath(QFileInfo(wt.path).path())) {
        setError(error, QStringLiteral("cannot create %1").arg(QFileInfo(wt.path).path()));
        return std::nullopt;
    }
    const QMutexLocker locker(&worktreeListMutex());
    const GitCommand::Result add = GitCommand::run(repo, {QStringLiteral("worktree"), QStringLiteral("add"),
                                                          QStringLiteral("-b"), wt.branch, wt.path, wt.baseBranch});
    if (!add.ok()) {
        setError(error, QStringLiteral("git worktree add failed: %1").arg(add.message()));
        return std::nullopt;
    }
    wt.state = WorktreeRecord::State::Active;
    wt.createdAt = QDateTime::currentDateTimeUtc();
    return wt;
}

bool Worktrees::runSetup(const QString &worktree, const QStringList &argv, const std::function<void(QString)> &log,
                         QString *error)
{
    if (argv.isEmpty())
        return true;
    if (log)
        log(QStringLiteral("setup: %1").arg(argv.join(u' ')));
    const GitCommand::Result r = GitCommand::runProgram(worktree, argv);
    if (log) {
        for (const QByteArray &stream : {r.out, r.err}) {
            for (const QString &line : QString::fromUtf8(stream).split(u'\n', Qt::SkipEmptyParts))
                log(QStringLiteral("setup: ") + line);
        }
    }
    if (!r.error.isEmpty()) {
        setError(error, QStringLiteral("setup command '%1' failed: %2").arg(argv.join(u' '), r.error));
        return false;
    }
    if (!r.ok()) {
        setError(error,
                 QStringLiteral("setup command '%1' failed with exit code %2").arg(argv.join(u' ')).arg(r.exitCode));
        return false;
    }
    return true;
}

std::optional<Worktrees::Changes> Worktrees::changes(const WorktreeRecord &wt, QString *error)
{
    if (!QFileInfo(wt.path).isDir()) {
        setError(error, QStringLiteral("the worktree %1 is gone").arg(wt.path));
        return std::nullopt;
    }
    Changes changes;
    const GitCommand::Result ahead = GitCommand::run(
        wt.path, {QStringLiteral("rev-list"), QStringLiteral("--count"), wt.baseBranch + QStringLiteral("..HEAD")});
    if (!ahead.ok()) {
        setError(error, QStringLiteral("cannot compare with %1: %2").arg(wt.baseBranch, ahead.message()));
        return std::nullopt;
    }
    changes.commitsAhead = ahead.outText().trimmed().toInt();
    bool statusOk = false;
    changes.uncommitted = !dirtyPaths(wt.path, &statusOk).isEmpty();
    if (!statusOk) {
        setError(error, QStringLiteral("git status failed in %1").arg(wt.path));
        return std::nullopt;
    }

    // Tracked changes against the merge base, committed or not (the working tree against that commit).
    const QString base = mergeBase(wt);
    const GitCommand::Result names =
        GitCommand::run(wt.path, {QStringLiteral("diff"), QStringLiteral("-M"), QStringLiteral("--name-status"),
                                  QStringLiteral("-z"), base});
    const GitCommand::Result counts =
        GitCommand::run(wt.path, {QStringLiteral("diff"), QStringLiteral("-M"), QStringLiteral("--numstat"),
                                  QStringLiteral("-z"), base});
    const QStringList nameParts = splitZ(names.out);
    for (qsizetype i = 0; i < nameParts.size(); ++i) {
        ChangedFile file;
        const QString status = nameParts.at(i);
        file.status = status.isEmpty() ? u'M' : status.at(0);
        if (file.status == u'R' || file.status == u'C') {
            file.oldPath = nameParts.value(++i);
            file.path = nameParts.value(++i);
        } else {
            file.path = nameParts.value(++i);
        }
        changes.files << file;
    }
    // numstat -z: "add\tdel\tpath\0", or "add\tdel\t\0old\0new\0" for a rename.
    const QList<QByteArray> countParts = counts.out.split('\0');
    for (qsizetype i = 0; i < countParts.size(); ++i) {
        const QList<QByteArray> fields = countParts.at(i).split('\t');
        if (fields.size() < 3)
            continue;
        QString path = QString::fromUtf8(fields.at(2));
        if (path.isEmpty()) {
            i += 2;
            path = QString::fromUtf8(countParts.value(i));
        }
        for (ChangedFile &file : changes.files) {
            if (file.path != path)
                continue;
            file.binary = fields.at(0) == "-";
            file.additions = file.binary ? 0 : fields.at(0).toInt();
            file.deletions = file.binary ? 0 : fields.at(1).toInt();
        }
    }
    for (const QString &path : untracked(wt.path)) {
        ChangedFile file;
        file.path = path;
        file.status = u'?';
        QFile f(QDir(wt.path).filePath(path));
        if (f.open(QIODevice::ReadOnly)) {
            const QByteArray data = f.read(8 * 1024 * 1024);
            file.binary = data.contains('\0');
            file.additions = file.binary ? 0 : static_cast<int>(data.count('\n') + (data.endsWith('\n') ? 0 : 1));
            if (data.isEmpty())
                file.additions = 0;
        }
        changes.files << file;
    }
    return changes;
}

QString Worktrees::diff(const WorktreeRecord &wt)
{
    if (!QFileInfo(wt.path).isDir())
        return {};
    QString text = GitCommand::run(wt.path, {QStringLiteral("diff"), QStringLiteral("-M"), mergeBase(wt)}).outText();
    for (const QString &path : untracked(wt.path)) {
        // Exit code 1 means "they differ": the diff is on stdout either way.
        text += GitCommand::run(wt.path, {QStringLiteral("diff"), QStringLiteral("--no-index"), QStringLiteral("--"),
                                          QStringLiteral("/dev/null"), path})
                    .outText();
    }
    return text;
}

QStringList Worktrees::touchedFiles(const WorktreeRecord &wt)
{
    QStringList files;
    if (QFileInfo(wt.path).isDir()) {
        files = splitZ(GitCommand::run(wt.path, {QStringLiteral("diff"), QStringLiteral("--name-only"),
                                                 QStringLiteral("-z"), wt.baseCommit})
                           .out);
        files << untracked(wt.path);
    } else {
        files = splitZ(GitCommand::run(wt.repo, {QStringLiteral("diff"), QStringLiteral("--name-only"),
                                                 QStringLiteral("-z"), wt.baseCommit, wt.branch})
                           .out);
    }
    files.removeDuplicates();
    return files;
}

qint64 Worktrees::diskBytes(const QString &path)
{
    qint64 total = 0;
    QDirIterator it(path, QDir::Files | QDir::Hidden | QDir::NoSymLinks | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

bool Worktrees::commitAll(const WorktreeRecord &wt, const QString &message, QString *error)
{
    bool ok = false;
    if (dirtyPaths(wt.path, &ok).isEmpty()) {
        if (!ok)
            setError(error, QStringLiteral("git status failed in %1").arg(wt.path));
        return ok;
    }
    const GitCommand::Result add = GitCommand::run(wt.path, {QStringLiteral("add"), QStringLiteral("--all")});
    if (!add.ok()) {
        setError(error, QStringLiteral("git add failed: %1").arg(add.message()));
        return false;
    }
    // A repository without a configured identity (CI, a fresh machine) still gets its commit.
    const GitCommand::Result commit =
        GitCommand::run(wt.path, {QStringLiteral("-c"), QStringLiteral("user.name=Switchboard"), QStringLiteral("-c"),
                                  QStringLiteral("user.email=switchboard@localhost"), QStringLiteral("commit"),
                                  QStringLiteral("-q"), QStringLiteral("--no-verify"), QStringLiteral("-m"), message});
    // -c only fills in what the repository does not set: its own identity wins when it has one.
    if (!commit.ok()) {
        setError(error, QStringLiteral("git commit failed: %1").arg(commit.message()));
        return false;
    }
    return true;
}

ReviewOutcome Worktrees::merge(const WorktreeRecord &wt, const QString &goalTitle)
{
    QString why;
    if (!commitAll(wt, QStringLiteral("switchboard: %1").arg(goalTitle), &why))
        return refused(why);
    const QString branch = currentBranch(wt.repo, &why);
    if (branch != wt.baseBranch)
        return refused(branch.isEmpty() ? why
                                        : QStringLiteral("the repository %1 is on branch '%2', not on the base branch "
                                                         "'%3': check out '%3' first")
                                              .arg(wt.repo, branch, wt.baseBranch));
    const std::optional<Changes> touched = changes(wt, &why);
    if (!touched)
        return refused(why);
    QSet<QString> touchedPaths;
    for (const ChangedFile &f : touched->files) {
        touchedPaths.insert(f.path);
        if (!f.oldPath.isEmpty())
            touchedPaths.insert(f.oldPath);
    }
    bool ok = false;
    QStringList dirty;
    for (const QString &path : dirtyPaths(wt.repo, &ok)) {
        if (touchedPaths.contains(path))
            dirty << path;
    }
    if (!ok)
        return refused(QStringLiteral("git status failed in %1").arg(wt.repo));
    if (!dirty.isEmpty())
        return refused(QStringLiteral("the repository %1 has uncommitted changes in files the merge touches: %2")
                           .arg(wt.repo, dirty.join(QStringLiteral(", "))),
                       dirty);
    // Dry run first (git >= 2.38): nothing in the repository changes when it would conflict.
    const GitCommand::Result check = GitCommand::run(
        wt.repo, {QStringLiteral("merge-tree"), QStringLiteral("--write-tree"), QStringLiteral("--name-only"),
                  QStringLiteral("--no-messages"), wt.baseBranch, wt.branch});
    if (check.exitCode == 1) {
        QStringList files = check.outText().split(u'\n', Qt::SkipEmptyParts);
        if (!files.isEmpty())
            files.removeFirst(); // the tree id
        files.removeDuplicates();
        return refused(QStringLiteral("merging %1 into %2 would conflict in %3; rebase it and resolve, or discard it")
                           .arg(wt.branch, wt.baseBranch, files.join(QStringLiteral(", "))),
                       files);
    }
    if (!check.ok())
        return refused(QStringLiteral("cannot check the merge: %1").arg(check.message()));
    const GitCommand::Result merged =
        GitCommand::run(wt.repo, {QStringLiteral("-c"), QStringLiteral("user.name=Switchboard"), QStringLiteral("-c"),
                                  QStringLiteral("user.email=switchboard@localhost"), QStringLiteral("merge"),
                                  QStringLiteral("--no-ff"), QStringLiteral("--no-verify"), QStringLiteral("-m"),
                                  goalTitle, wt.branch});
    if (!merged.ok()) {
        const QStringList files = conflictedFiles(wt.repo);
        GitCommand::run(wt.repo, {QStringLiteral("merge"), QStringLiteral("--abort")});
        return refused(QStringLiteral("git merge failed: %1").arg(merged.message()), files);
    }
    ReviewOutcome outcome;
    outcome.ok = true;
    outcome.message = QStringLiteral("merged %1 into %2 (%3 %4)")
                          .arg(wt.branch, wt.baseBranch)
                          .arg(touched->files.size())
                          .arg(touched->files.size() == 1 ? QStringLiteral("file") : QStringLiteral("files"));
    return outcome;
}

ReviewOutcome Worktrees::rebase(const WorktreeRecord &wt, const QString &goalTitle)
{
    QString why;
    if (!commitAll(wt, QStringLiteral("switchboard: %1").arg(goalTitle), &why))
        return refused(why);
    const GitCommand::Result rebased = GitCommand::run(
        wt.path, {QStringLiteral("-c"), QStringLiteral("user.name=Switchboard"), QStringLiteral("-c"),
                  QStringLiteral("user.email=switchboard@localhost"), QStringLiteral("rebase"), wt.baseBranch});
    if (!rebased.ok()) {
        const QStringList files = conflictedFiles(wt.path);
        GitCommand::run(wt.path, {QStringLiteral("rebase"), QStringLiteral("--abort")});
        return refused(files.isEmpty() ? QStringLiteral("git rebase failed: %1").arg(rebased.message())
                                       : QStringLiteral("rebasing %1 onto %2 conflicts in %3; resolve it in %4")
                                             .arg(wt.branch, wt.baseBranch, files.join(QStringLiteral(", ")), wt.path),
                       files);
    }
    ReviewOutcome outcome;
    outcome.ok = true;
    outcome.message = QStringLiteral("rebased %1 onto %2").arg(wt.branch, wt.baseBranch);
    return outcome;
}

QString Worktrees::unmergedWork(const WorktreeRecord &wt)
{
    QStringList lost;
    const GitCommand::Result ahead = GitCommand::run(wt.repo, {QStringLiteral("rev-list"), QStringLiteral("--count"),
                                                               wt.baseBranch + QStringLiteral("..") + wt.branch});
    const int commits = ahead.ok() ? ahead.outText().trimmed().toInt() : 0;
    if (commits > 0)
        lost << QStringLiteral("%1 commit(s) on %2 not merged into %3").arg(commits).arg(wt.branch, wt.baseBranch);
    if (QFileInfo(wt.path).isDir()) {
        bool ok = false;
        const QStringList dirty = dirtyPaths(wt.path, &ok);
        if (!dirty.isEmpty())
            lost << QStringLiteral("uncommitted changes in %1").arg(dirty.join(QStringLiteral(", ")));
    }
    return lost.join(QStringLiteral("; "));
}

bool Worktrees::remove(const WorktreeRecord &wt, bool force, QString *error)
{
    if (!force) {
        const QString lost = unmergedWork(wt);
        if (!lost.isEmpty()) {
            setError(error, QStringLiteral("%1 holds work that would be lost: %2").arg(wt.path, lost));
            return false;
        }
    }
    const QMutexLocker locker(&worktreeListMutex());
    if (QFileInfo(wt.path).isDir()) {
        const GitCommand::Result removed = GitCommand::run(
            wt.repo, {QStringLiteral("worktree"), QStringLiteral("remove"), QStringLiteral("--force"), wt.path});
        if (!removed.ok()) {
            setError(error, QStringLiteral("git worktree remove %1 failed: %2").arg(wt.path, removed.message()));
            return false;
        }
    } else {
        GitCommand::run(wt.repo, {QStringLiteral("worktree"), QStringLiteral("prune")});
    }
    const GitCommand::Result exists =
        GitCommand::run(wt.repo, {QStringLiteral("rev-parse"), QStringLiteral("--verify"), QStringLiteral("--quiet"),
                                  QStringLiteral("refs/heads/") + wt.branch});
    if (exists.ok()) {
        const GitCommand::Result deleted =
            GitCommand::run(wt.repo, {QStringLiteral("branch"), QStringLiteral("-D"), wt.branch});
        if (!deleted.ok()) {
            setError(error, QStringLiteral("git branch -D %1 failed: %2").arg(wt.branch, deleted.message()));
            return false;
        }
    }
    return true;
}

QList<WorktreeRecord> Worktrees::scan(const QString &dataDir)
{
    QList<WorktreeRecord> found;
    const QDir root(rootFor(dataDir));
    for (const QFileInfo &repoDir : root.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        for (const QFileInfo &dir :
             QDir(repoDir.filePath()).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            WorktreeRecord wt;
            wt.path = dir.filePath();
            wt.goalId = dir.fileName();
            const GitCommand::Result common =
                GitCommand::run(wt.path, {QStringLiteral("rev-parse"), QStringLiteral("--path-format=absolute"),
                                          QStringLiteral("--git-common-dir")});
            if (common.ok()) {
                wt.repo = QDir::cleanPath(QFileInfo(common.outText().trimmed()).path());
                // The base it was made from is not known any more: unmerged means not in the checked-out branch.
                QString ignored;
                wt.baseBranch = currentBranch(wt.repo, &ignored);
            }
            const GitCommand::Result head =
                GitCommand::run(wt.path, {QStringLiteral("symbolic-ref"), QStringLiteral("--quiet"),
                                          QStringLiteral("--short"), QStringLiteral("HEAD")});
            wt.branch = head.ok() ? head.outText().trimmed() : QString();
            wt.createdAt = dir.birthTime().isValid() ? dir.birthTime().toUTC() : dir.lastModified().toUTC();
            found << wt;
        }
    }
    return found;
}

} // namespace switchboard
