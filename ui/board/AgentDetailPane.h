#pragma once

#include "model/TranscriptEntry.h"

#include <QList>
#include <QPointer>
#include <QString>
#include <QThreadPool>
#include <QWidget>

#include <functional>

class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTimer;

namespace switchboard {

class AgentBoardModel;
class Orchestrator;
class TeamDetailSection;
class TranscriptView;

// Everything about one agent, for the detail dock: its goal (title, description, priority, deadline,
// success criteria, dependencies, resources, profile), the steps seen so far, the live log tail, a model
// agent's transcript, the result or error, timestamps, attempt, tokens and cost. It refreshes only when that
// agent changes.
class AgentDetailPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentDetailPane)

public:
    AgentDetailPane(Orchestrator *orchestrator, AgentBoardModel *board, QWidget *parent = nullptr);

    void setAgent(const QString &agentId);
    QString agentId() const { return m_agentId; }
    // The log lines currently shown (for tests and copy).
    QString logText() const;
    TranscriptView *transcriptView() const { return m_transcript; }
    // Shows the Log or the Transcript tab.
    void showTranscript(bool transcript);
    // A review controller is wired: a goal in Review offers "Review changes…" (reviewRequested).
    void setReviewAvailable(bool available);

Q_SIGNALS:
    // "Go to question": show this escalation in the inbox.
    void escalationRequested(const QString &escalationId);
    // "Review changes…" on a goal ready for review.
    void reviewRequested(const QString &goalId);
    // A member's "member of <team>" link: show that agent (the team's card) on the board.
    void agentRequested(const QString &agentId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void handleAgentsUpdated(const QStringList &agentIds);
    void handleAgentsRemoved(const QStringList &agentIds);
    void refreshStatus();
    // Counts the goal's changed files and lines in its worktree (git, on m_storeReads), for m_changes.
    void readChanges(const QString &goalId);
    void refreshLog(bool reset);
    void refreshTranscript(bool reset);
    // Reads the agent's committed steps on m_storeReads (not the GUI thread); done() gets them unless another
    // read or agent came first. Refreshes wait meanwhile, so no newer step is shown before older ones.
    void readStoredTranscript(std::function<void(const QList<TranscriptEntry> &stored)> done);
    // An agent put back from the database has no live log: its committed lines are read on m_storeReads and
    // shown unless another agent was selected or the live log started meanwhile.
    void readStoredLog();
    QString transcriptEmptyText() const;
    void retranslate();
    QLabel *addRow(QFormLayout *form, const QString &objectName);

    QPointer<Orchestrator> m_orchestrator;
    AgentBoardModel *m_board;
    QString m_agentId;
    qint64 m_shownLogTotal = 0;        // dropped + lines shown so far, to append only what is new
    qint64 m_shownTranscriptTotal = 0; // the orchestrator's count of steps when last looked
    quint64 m_transcriptRead = 0;      // the store read whose answer is wanted; 0: none pending
    quint64 m_lastTranscriptRead = 0;
    quint64 m_logRead = 0; // the stored-log read whose answer is wanted (same counter as transcripts)
    QThreadPool m_storeReads;

    QWidget *m_content;
    QLabel *m_placeholder;
    QLabel *m_stateIcon;
    QLabel *m_state;
    QLabel *m_name;
    QLabel *m_goalTitle;
    QLabel *m_goalHeading;
    QLabel *m_progressHeading;
    QLabel *m_resultHeading;
    QFormLayout *m_goalForm;
    QFormLayout *m_progressForm;
    QLabel *m_description;
    QLabel *m_priority;
    QLabel *m_deadline;
    QLabel *m_criteria;
    QLabel *m_dependsOn;
    QLabel *m_resources;
    QLabel *m_profile;
    QLabel *m_step;
    QLabel *m_steps;
    QLabel *m_attempt;
    QLabel *m_nextTry;
    QLabel *m_rateLimit;
    QLabel *m_errorKind;
    QLabel *m_lockWait;
    QLabel *m_questionHeading;
    QLabel *m_question;
    QPushButton *m_goToQuestion;
    QPushButton *m_reviewChanges;
    QLabel *m_changes;     // "2 files changed · +14 −3" next to Review changes…
    QString m_changesGoal; // the goal whose changes are shown or being read
    quint64 m_changesRead = 0;
    bool m_reviewAvailable = false;
    QLabel *m_repository;
    QLabel *m_agentSession;
    QLabel *m_executor; // where the job runs when not here, with its external id
    QLabel *m_usage;
    QLabel *m_created;
    QLabel *m_started;
    QLabel *m_completed;
    QLabel *m_elapsed;
    QLabel *m_result;
    QLabel *m_memberOf; // a team member: "Member of <team>" with a link to the team's card
    QString m_memberOfAgent;
    QLabel *m_pattern;   // a team goal's pattern
    QLabel *m_condition; // the goal's `when`
    TeamDetailSection *m_team;
    QLabel *m_logDropped;
    QPlainTextEdit *m_log;
    QTabWidget *m_tabs;
    TranscriptView *m_transcript;
    QTimer *m_elapsedTimer;
};

} // namespace switchboard
