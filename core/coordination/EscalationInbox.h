#pragma once

#include "model/Escalation.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>

namespace switchboard {

// The questions agents ask the human. An in-process agent asks and blocks (only itself) until the human
// answers, it is cancelled, or a timeout policy applies; a process agent raises and gets a callback. The
// human answers from the GUI or CLI. Answered questions are remembered and never asked twice.
//
// Threads: the object lives on the orchestrator's (GUI) thread; every public function is thread-safe.
// ask() blocks the calling agent thread, so never call it on the GUI thread. Signals are always emitted on
// the inbox's own thread, posted in the order things happened, so they arrive a moment after the call.
//
// Integration (orchestrator / AgentContext):
//  - AgentContext::escalate(request) -> inbox.ask(request, {isCancelled = ctx.isCancelled,
//    onWaitBegin = pool.releaseThread() + state Escalated, onWaitEnd = pool.reserveThread() + state Running}).
//    Fill Request::agentId/goalId/priority from the context, not from the backend.
//  - Orchestrator::cancel(agentId) and the end of every attempt: cancelAgent(agentId).
//  - process agents: raise(request, contextObject, callback) on an `escalate` message; the callback writes
//    the answer (or cancellation/time-out) to the agent's stdin.
//  - persistence: store escalationRaised/Answered/Cancelled/TimedOut; at start-up preload() the closed
//    ones (this also keeps ids growing) so answered questions are not asked again after a crash.
//  - goalNeedsHuman(goalId): show the goal as needing attention; clearNeedsHuman() when a human has looked.
class EscalationInbox final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EscalationInbox)

public:
    // Wall clock (UTC) for createdAt/answeredAt; injectable for tests. Timeouts use a monotonic timer.
    using Clock = std::function<QDateTime()>;
    // Told once how a raised escalation ended: state Answered, Cancelled or TimedOut.
    using Callback = std::function<void(const Escalation &escalation)>;

    static constexpr int kDefaultRepeatThreshold = 3;

    struct Request
    {
        QString agentId; // required
        QString goalId;
        Escalation::Trigger trigger = Escalation::Trigger::Other;
        QString question; // required
        QString context;
        QList<Escalation::Option> options; // empty: free-text answer; keys must be unique and non-empty
        Priority priority = Priority::Medium;
        std::chrono::milliseconds timeout{0}; // 0: no timeout
        Escalation::TimeoutPolicy timeoutPolicy = Escalation::TimeoutPolicy::Fail;
        QString defaultOption; // TakeDefault: one of the option keys
        // False: always ask, even when the same question was answered before (a budget crossed again is a new
        // decision, not the old one).
        bool reuseAnswer = true;
    };

    struct WaitHooks
    {
        std::function<bool()> isCancelled; // polled before and during the wait (every 50 ms), under the
                                           // inbox's mutex: keep it a cheap flag read
        std::function<void()> onWaitBegin; // called before blocking (release the run slot)
        std::function<void()> onWaitEnd;   // called after waking, before ask() returns (take a slot back)
    };

    struct Outcome
    {
        enum class Status
        {
            Answered,  // option/text hold the answer (also a default taken on timeout: timedOut = true)
            Cancelled, // the agent was cancelled, the question withdrawn, or TimeoutPolicy::Cancel applied
            TimedOut,  // TimeoutPolicy::Fail applied
            Rejected,  // the request was invalid (error says why); nothing was registered
        };

        Status status = Status::Rejected;
        Escalation escalation; // final state (the earlier escalation for fromPriorAnswer); empty id if Rejected
        QString option;
        QString text;
        bool fromPriorAnswer = false; // answered before (this run or a preloaded one): nobody was asked
        bool timedOut = false;
        QString error; // for every status but Answered

        bool isAnswered() const { return status == Status::Answered; }
    };

    explicit EscalationInbox(QObject *parent = nullptr);
    // Open questions are cancelled and their askers woken; the orchestrator must have drained its pool.
    ~EscalationInbox() override;

    // --- configuration ---
    // Escalations on one goal that flag it "needs human" (the threshold-th raises goalNeedsHuman). Default 3.
    void setRepeatThreshold(int threshold);
    int repeatThreshold() const;
    void setClock(Clock clock);
    // New ids are "e-N" with N greater than lastIssued (never lowers the counter).
    void setIdFloor(quint64 lastIssued);

    // --- agents (any thread but the inbox's) ---
    // Registers the question, emits escalationRaised and blocks until it is closed. Returns at once with the
    // recorded answer when the same question (Escalation::answerKey) was answered before and that answer
    // is still valid (its option is among the options). onWaitBegin/End run only when it actually blocks.
    Outcome ask(const Request &request, const WaitHooks &hooks);
    Outcome ask(const Request &request);
    // Non-blocking: registers and returns the id ("" and *error when invalid). onClosed runs once, queued
    // to context's thread (the inbox's thread when context is null), unless context is destroyed first.
    // A question answered before returns the earlier id and onClosed gets the earlier answer.
    QString raise(const Request &request, QObject *context, Callback onClosed, QString *error = nullptr);

    // --- humans (any thread) ---
    // With options, option must be one of their keys (text is an optional note); without, text must not be
    // empty and option must be. False with *error for an unknown id, a closed escalation or a bad answer.
    bool answer(const QString &id, const QString &option, const QString &text, QString *error = nullptr,
                const QString &answeredBy = QStringLiteral("human"));
    // Withdraws one open escalation; its asker gets Cancelled.
    bool cancel(const QString &id, const QString &reason = {}, QString *error = nullptr);
    // Cancels every open escalation of the agent and wakes it; returns how many.
    int cancelAgent(const QString &agentId);

    // --- recovery ---
    // Registers closed escalations from the store (open ones are skipped: the retried agent asks again).
    // Answered ones are then never asked again. Emits nothing. Returns how many were added.
    int preload(const QList<Escalation> &escalations);

    // --- queries (any thread) ---
    // Open escalations, highest effective priority first, then oldest first.
    QList<Escalation> open() const;
    QList<Escalation> open(const QDateTime &now) const;
    // Closed escalations (answered, cancelled, timed out) in the order they closed.
    QList<Escalation> history() const;
    std::optional<Escalation> find(const QString &id) const;
    QList<Escalation> forGoal(const QString &goalId) const; // in id order
    int openCount() const;
    // How many escalations were raised on the goal this run (preloaded ones and prior answers not counted).
    int escalationCount(const QString &goalId) const;
    bool needsHuman(const QString &goalId) const;
    QStringList goalsNeedingHuman() const;
    // A human has looked: unflags the goal and restarts its count.
    void clearNeedsHuman(const QString &goalId);

Q_SIGNALS:
    void escalationRaised(const Escalation &escalation);
    void escalationAnswered(const Escalation &escalation);
    void escalationCancelled(const Escalation &escalation);
    void escalationTimedOut(const Escalation &escalation);
    // For badges; carries the count at the time of the change.
    void openCountChanged(int count);
    void goalNeedsHuman(const QString &goalId);

private:
    struct Entry;

    bool validateLocked(const Request &request, QString *error) const;
    std::optional<Escalation> priorAnswerLocked(const Request &request) const;
    Entry &registerLocked(const Request &request);
    void closeLocked(Entry &entry, Escalation::State state, const QString &option, const QString &text,
                     const QString &by);
    void timeOutLocked(Entry &entry);
    static Outcome outcomeFor(const Escalation &escalation);
    void postLocked(std::function<void()> emission);
    void scheduleTimeoutCheckLocked();
    void handleTimeouts();

    mutable QMutex m_mutex;
    std::unordered_map<QString, std::unique_ptr<Entry>> m_entries;
    QStringList m_order;                     // ids as registered
    QStringList m_closedOrder;               // ids as closed
    QHash<QString, QString> m_answeredByKey; // answerKey -> id
    QHash<QString, int> m_goalCounts;
    QSet<QString> m_needsHuman;
    int m_openCount = 0;
    quint64 m_lastId = 0;
    int m_repeatThreshold = kDefaultRepeatThreshold;
    Clock m_clock;
    QTimer m_timeoutTimer;
    bool m_timeoutCheckPosted = false;
};

} // namespace switchboard
