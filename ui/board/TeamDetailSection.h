#pragma once

#include <QPointer>
#include <QString>
#include <QWidget>

class QLabel;

namespace switchboard {

class AgentBoardModel;
class Orchestrator;

// The detail pane's part for a team goal (issue 16), read live from its members' statuses and goals: a debate's
// transcript (by round, then speaking order) and the judge's conclusion; a supervisor's plan iterations, each with
// its steps (worker, task, state, result) and the synthesis; a parallel team's answers, failed ones marked.
class TeamDetailSection final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TeamDetailSection)

public:
    TeamDetailSection(Orchestrator *orchestrator, AgentBoardModel *board, QWidget *parent = nullptr);

    // The team goal to show; empty hides the section.
    void setTeam(const QString &teamGoalId);
    QString team() const { return m_team; }
    void refresh();
    // Whether a change to these agents changes what the section shows (the team or one of its members).
    bool concerns(const QStringList &agentIds) const;
    // The section as plain text, in the order shown (for tests and copy).
    QString plainText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Entry
    {
        int round = 0;
        int step = 0;
        int role = 0; // TeamMember::Role
        bool synthesis = false;
        quint64 order = 0; // board order: spawn order
        QString profile;
        QString worker;
        QString task;
        QString label;
        QString agentId;
        int state = 0; // AgentState
        QString text;  // summary, or why it failed
    };

    QString stateWord(const Entry &entry) const;

    QPointer<Orchestrator> m_orchestrator;
    AgentBoardModel *m_board;
    QString m_team;
    QLabel *m_heading;
    QLabel *m_body;
    QString m_plain;
};

} // namespace switchboard
