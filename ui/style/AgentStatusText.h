#pragma once

#include "model/AgentStatus.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace switchboard {

// The short, translated phrases cards, tooltips and the detail pane use for retries, rate limits, lock
// waits and failure kinds, so the board and the pane always word them the same way.
class AgentStatusText final
{
    Q_DECLARE_TR_FUNCTIONS(AgentStatusText)

public:
    AgentStatusText() = delete;

    // The attempt running now, or the next one while backing off (never below 1).
    static int shownAttempt(const AgentStatus &status);
    // "attempt 2/4", "attempt 2/5 · resumed after an interruption"; empty for a first attempt.
    static QString attempt(const AgentStatus &status);
    // "next try in 4:12"; empty when it is not waiting to retry.
    static QString nextTry(const AgentStatus &status, const QDateTime &now = QDateTime::currentDateTimeUtc());
    // "rate limited · resumes in 0:42"; empty when its profile is not rate limited.
    static QString rateLimit(const AgentStatus &status, const QDateTime &now = QDateTime::currentDateTimeUtc());
    // "Waiting for lock: src/a.py, db:schema"; empty when it waits for no resource.
    static QString lockWait(const AgentStatus &status);
    // The error with its kind when the kind tells something: "Timed out: no result after 30 s".
    static QString failure(const AgentStatus &status);
    // Where the card's goal works, for its subtitle: "in webapp · slurm (debug) · job 123"; empty when local
    // and in no repository.
    static QString place(const AgentStatus &status);
};

} // namespace switchboard
