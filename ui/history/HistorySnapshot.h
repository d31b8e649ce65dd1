#pragma once

#include "model/AgentState.h"
#include "persistence/RunHistory.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QByteArrayView>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <vector>

namespace switchboard {

// One run's history (or every run's) as the History window shows it: the stored RunHistory plus one row per
// goal with what the table needs precomputed, and indexes from agent id to its attempts, questions and
// transitions. Built off the GUI thread (build() is a pure function), then shared read-only.
struct HistorySnapshot
{
    struct GoalRow
    {
        int goal = -1;  // index into history.goals
        int agent = -1; // index into history.agents; -1 when the goal has no agent
        AgentState state = AgentState::Queued;
        int attempts = 0;
        QDateTime startedAt;
        qint64 durationMs = -1; // the latest attempt's, once it ended
        qint64 tokens = 0;
        double costUsd = 0.0;
        QString result; // the error of a goal that did not complete, else its summary
    };

    QString runId; // empty: every run in the database
    RunHistory history;
    QList<GoalRow> rows; // spawn order
    // Every row's search text (case-folded title, ids, description, errors, summary, state and profile) in
    // UTF-8, one after the other in one buffer: row i's is searchText[searchStart[i], searchStart[i + 1]). A
    // search scans the buffer once per word (matchRows()) instead of a string per goal.
    QByteArray searchText;
    std::vector<qsizetype> searchStart;
    QHash<QString, int> rowByAgent;
    QHash<QString, QList<int>> transitionsByAgent; // indexes into history.transitions (attempts and questions
                                                   // by agent come from the history's own index)
    QHash<QString, QString> runNames;              // run id -> name
    QString error;                                 // why the read failed, if it did
    qint64 loadMs = 0;                             // time spent reading and building

    static HistorySnapshot build(RunHistory history, const QString &runId);

    QByteArrayView searchTextAt(int row) const;
    // Which rows' search texts contain every one of these (UTF-8, case-folded) words: 1 for a match, by row.
    std::vector<char> matchRows(const QByteArrayList &words) const;

    const GoalRecord &goalAt(int row) const { return history.goals.at(rows.at(row).goal); }
    // The agent of a row; nullptr when the goal never had one.
    const AgentStatus *agentAt(int row) const;
    // The run record of a single-run snapshot; nullptr for every run or when the run is gone.
    const RunRecord *run() const;
    QList<AttemptRecord> attemptsOf(const QString &agentId) const;
    QList<Escalation> escalationsOf(const QString &agentId) const;
    QList<TransitionRecord> transitionsOf(const QString &agentId) const;
};

} // namespace switchboard
