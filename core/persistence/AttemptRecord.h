#pragma once

#include "model/AgentState.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace switchboard {

// One attempt of one agent at its goal: when it ran, how it ended, what it produced and what it cost.
// An interrupted or retried agent has several; attempt numbers start at 1.
struct AttemptRecord
{
    QString agentId;
    QString goalId;
    QString runId;
    QString profile;
    int attempt = 1;
    QDateTime startedAt;               // UTC
    QDateTime finishedAt;              // UTC; invalid while it runs
    std::optional<AgentState> outcome; // Completed/Failed/Cancelled/Interrupted once over
    QString summary;
    QString error;
    std::optional<int> exitCode;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    double costUsd = 0.0;

    qint64 tokens() const { return inputTokens + outputTokens; }
    // Run time in ms; -1 while unfinished.
    qint64 durationMs() const
    {
        return startedAt.isValid() && finishedAt.isValid() ? startedAt.msecsTo(finishedAt) : -1;
    }
};

} // namespace switchboard
