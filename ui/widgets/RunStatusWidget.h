#pragma once

#include "model/AgentState.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QToolButton;
class QTimer;

namespace switchboard {

class Orchestrator;

// The status bar's live summary: how many agents are queued, running, waiting, completed, failed,
// blocked and cancelled, how busy the pool is, and whether dispatch is paused. Refreshes at most a few
// times a second however fast the agents report.
class RunStatusWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunStatusWidget)

public:
    explicit RunStatusWidget(Orchestrator *orchestrator, QWidget *parent = nullptr);

    // Reads the orchestrator's counters now.
    void refresh();

Q_SIGNALS:
    // The person clicked the "waiting for you" count.
    void inboxRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Counter
    {
        AgentState state;
        QLabel *icon;
        QLabel *text;
    };

    void scheduleRefresh();
    void updateIcons();
    Counter addCounter(AgentState state, const QString &objectName);

    QPointer<Orchestrator> m_orchestrator;
    Counter m_pending;
    Counter m_running;
    Counter m_waiting;
    Counter m_completed;
    Counter m_failed;
    Counter m_blocked;
    Counter m_cancelled;
    Counter m_review;
    Counter m_skipped;
    QToolButton *m_questions; // "2 waiting for you": opens the inbox
    Counter m_retrying;
    QLabel *m_rateLimitedIcon;
    QLabel *m_rateLimited;
    QLabel *m_pool;
    QLabel *m_pausedIcon;
    QLabel *m_paused;
    QTimer *m_refreshDelay;
};

} // namespace switchboard
