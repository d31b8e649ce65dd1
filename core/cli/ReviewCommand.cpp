#include "ReviewCommand.h"

#include "Cli.h"
#include "Console.h"
#include "review/Worktrees.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTextStream>

#include <cstdio>

namespace switchboard {

ReviewCommand::ReviewCommand()
    : StoredReviewCommand(QStringLiteral("review"), QStringLiteral("the goals waiting for a merge or discard"),
                          Positional::None, QStringLiteral("review takes no argument"),
                          commonOptions() << QCommandLineOption(QStringLiteral("json")))
{}

int ReviewCommand::executeParsed(const QCommandLineParser &parser)
{
    std::optional<StoredRun> stored = openRun(parser, false);
    if (!stored)
        return Cli::InvalidInput;
    const bool json = parser.isSet(QStringLiteral("json"));
    QTextStream out(stdout);
    QJsonArray goals;
    int count = 0;
    for (const AgentStatus &agent : std::as_const(stored->snapshot.agents)) {
        if (agent.state != AgentState::Review)
            continue;
        ++count;
        QString why;
        std::optional<WorktreeRecord> wt;
        for (const WorktreeRecord &w : std::as_const(stored->snapshot.worktrees)) {
            if (w.goalId == agent.goalId)
                wt = w;
        }
        if (!wt) {
            for (const GoalRecord &g : std::as_const(stored->snapshot.goals)) {
                if (g.goal.id != agent.goalId)
                    continue;
                for (const WorktreeRecord &w : std::as_const(stored->snapshot.worktrees)) {
                    if (w.goalId == g.goal.followUpOf)
                        wt = w;
                }
            }
        }
        const std::optional<Worktrees::Changes> changes =
            wt ? Worktrees::changes(*wt, &why) : std::optional<Worktrees::Changes>();
        if (!wt)
            why = QStringLiteral("no worktree recorded");
        // Other goals of the run whose worktrees changed some of the same files (the merge may clash with theirs).
        QStringList overlaps;
        QJsonArray overlapsJson;
        if (changes) {
            QSet<QString> mine;
            for (const ChangedFile &f : changes->files)
                mine.insert(f.path);
            for (const WorktreeRecord &other : std::as_const(stored->snapshot.worktrees)) {
                if (other.goalId == wt->goalId || other.state == WorktreeRecord::State::Discarded)
                    continue;
                QStringList shared;
                for (const QString &file : Worktrees::touchedFiles(other)) {
                    if (mine.contains(file))
                        shared << file;
                }
                if (shared.isEmpty())
                    continue;
                overlaps << QStringLiteral("%1: %2").arg(other.goalId, shared.join(QStringLiteral(", ")));
                overlapsJson.append(QJsonObject{{QStringLiteral("goal"), other.goalId},
                                                {QStringLiteral("files"), QJsonArray::fromStringList(shared)}});
            }
        }
        if (json) {
            QJsonArray files;
            for (const ChangedFile &f : changes ? changes->files : QList<ChangedFile>()) {
                files.append(QJsonObject{{QStringLiteral("path"), f.path},
                                         {QStringLiteral("old_path"), f.oldPath},
                                         {QStringLiteral("status"), QString(f.status)},
                                         {QStringLiteral("additions"), f.additions},
                                         {QStringLiteral("deletions"), f.deletions},
                                         {QStringLiteral("binary"), f.binary}});
            }
            QJsonObject goal{{QStringLiteral("id"), agent.goalId},     {QStringLiteral("title"), agent.goalTitle},
                             {QStringLiteral("agent"), agent.agentId}, {QStringLiteral("summary"), agent.summary},
                             {QStringLiteral("files"), files},         {QStringLiteral("overlaps"), overlapsJson}};
            if (wt) {
                goal.insert(u"worktree", wt->path);
                goal.insert(u"repo", wt->repo);
                goal.insert(u"branch", wt->branch);
                goal.insert(u"base_branch", wt->baseBranch);
            }
            if (changes) {
                goal.insert(u"commits_ahead", changes->commitsAhead);
                goal.insert(u"uncommitted", changes->uncommitted);
            } else {
                goal.insert(u"error", why);
            }
            goals.append(goal);
            continue;
        }
        out << QStringLiteral("%1  %2  (agent %3)\n").arg(agent.goalId, agent.goalTitle, agent.agentId);
        if (!wt || !changes) {
            out << QStringLiteral("  error: %1\n").arg(why);
            continue;
        }
        out << QStringLiteral("  %1  %2 -> %3, %4 commit(s)%5\n")
                   .arg(wt->path, wt->branch, wt->baseBranch)
                   .arg(changes->commitsAhead)
                   .arg(changes->uncommitted ? QStringLiteral(", uncommitted changes") : QString());
        for (const ChangedFile &f : changes->files) {
            const QString name = f.oldPath.isEmpty() ? f.path : f.oldPath + QStringLiteral(" -> ") + f.path;
            out << QStringLiteral("  %1 %2 %3\n")
                       .arg(f.status)
                       .arg(name, f.binary ? QStringLiteral("(binary)")
                                           : QStringLiteral("(+%1 -%2)").arg(f.additions).arg(f.deletions));
        }
        for (const QString &overlap : std::as_const(overlaps))
            out << QStringLiteral("  overlaps with %1\n").arg(overlap);
    }
    if (json) {
        out << QJsonDocument(QJsonObject{{QStringLiteral("run"), stored->run->id}, {QStringLiteral("goals"), goals}})
                   .toJson(QJsonDocument::Compact)
            << '\n';
    } else if (count == 0) {
        out << QStringLiteral("No goal of run %1 is waiting for review.\n").arg(stored->run->id);
    } else {
        out << QStringLiteral("\n`switchboard diff GOAL` shows a goal's changes; `switchboard merge GOAL` merges them, "
                              "`switchboard discard GOAL` throws them away.\n");
    }
    return Cli::Success;
}

} // namespace switchboard
