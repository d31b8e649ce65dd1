#pragma once

#include "review/ReviewController.h"

#include <QHash>
#include <QMutex>
#include <QSemaphore>
#include <QStringList>

#include <atomic>

namespace switchboard::test {

// A ReviewController for UI tests, over a real git repository and real worktrees the test made: review()
// runs git diff/numstat/rev-list in the worktree, merge() really merges (refusing and aborting on a
// conflict), discard() really removes the worktree and branch. It records every call, notes any call made
// on the GUI thread, and can hold calls until released, so a test can see the GUI stay responsive.
class GitReviewController final : public ReviewController
{
public:
    struct GoalEntry
    {
        WorktreeRecord worktree;
        QString title;
        QString summary;
        int turns = 0;
        qint64 inputTokens = 0;
        qint64 outputTokens = 0;
        double costUsd = 0.0;
        QList<ReviewOverlap> overlaps;
    };

    GitReviewController() = default;

    void addGoal(const GoalEntry &entry);
    void setLeftovers(const QList<WorktreeRecord> &leftovers);

    // Calls made so far, "merge g1", "discard g1 force", "followUp g1: text", ... in order.
    QStringList calls() const;
    // Any call ran on the application's (GUI) thread.
    bool calledOnGuiThread() const { return m_onGuiThread.load(); }
    // While held, every call waits (on its worker thread) until release().
    void hold();
    void release();
    // How many calls wait in hold() right now.
    int waiting() const { return m_waiting.load(); }
    // Every call then asks the GUI thread for something before it returns, as the real controller asks the
    // orchestrator's thread (BlockingQueuedConnection).
    void setAsksGuiThread(bool asks) { m_asksGuiThread = asks; }

    QList<QString> goalsInReview() const override;
    std::optional<ReviewInfo> review(const QString &goalId, QString *error) const override;
    ReviewOutcome merge(const QString &goalId) override;
    ReviewOutcome rebase(const QString &goalId) override;
    ReviewOutcome discard(const QString &goalId, bool force) override;
    QString followUp(const QString &goalId, const QString &instructions, QString *error) override;
    QList<WorktreeRecord> leftovers() const override;
    QList<WorktreeRecord> cleanUp(const QList<WorktreeRecord> &leftovers, bool force, QStringList *refused) override;

    // Runs git with args in dir; returns its standard output, *ok whether it exited 0.
    static QString git(const QString &dir, const QStringList &args, bool *ok = nullptr);

private:
    void enter(const QString &call) const;
    std::optional<GoalEntry> entry(const QString &goalId) const;

    mutable QMutex m_mutex;
    QHash<QString, GoalEntry> m_goals;
    QStringList m_order;
    QList<WorktreeRecord> m_leftovers;
    mutable QStringList m_calls;
    mutable std::atomic_bool m_onGuiThread{false};
    std::atomic_bool m_held{false};
    std::atomic_bool m_asksGuiThread{false};
    mutable std::atomic_int m_waiting{0};
    mutable QSemaphore m_gate;
};

} // namespace switchboard::test
