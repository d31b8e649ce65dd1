#include "RunStatusWidget.h"

#include "AgentStateStyle.h"
#include "ThemedIcons.h"
#include "orchestration/Orchestrator.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>

namespace switchboard {

namespace {
constexpr int kIconSize = 14;

QFrame *separator(QWidget *parent)
{
    auto *line = new QFrame(parent);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Plain);
    line->setForegroundRole(QPalette::Mid);
    line->setFixedHeight(14);
    return line;
}
} // namespace

RunStatusWidget::RunStatusWidget(Orchestrator *orchestrator, QWidget *parent)
    : QWidget(parent)
    , m_orchestrator(orchestrator)
    , m_pool(new QLabel(this))
    , m_pausedIcon(new QLabel(this))
    , m_paused(new QLabel(this))
    , m_refreshDelay(new QTimer(this))
{
    setObjectName(QStringLiteral("runStatus"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(4);

    m_pausedIcon->setObjectName(QStringLiteral("pausedIcon"));
    m_paused->setObjectName(QStringLiteral("pausedLabel"));
    layout->addWidget(m_pausedIcon);
    layout->addWidget(m_paused);
    layout->addSpacing(8);

    m_pending = addCounter(AgentState::Queued, QStringLiteral("pendingCount"));
    m_running = addCounter(AgentState::Running, QStringLiteral("runningCount"));
    m_waiting = addCounter(AgentState::Escalated, QStringLiteral("waitingCount"));
    m_completed = addCounter(AgentState::Completed, QStringLiteral("completedCount"));
    m_failed = addCounter(AgentState::Failed, QStringLiteral("failedCount"));
    m_blocked = addCounter(AgentState::Blocked, QStringLiteral("blockedCount"));
    m_cancelled = addCounter(AgentState::Cancelled, QStringLiteral("cancelledCount"));

    layout->addSpacing(6);
    layout->addWidget(separator(this));
    layout->addSpacing(6);
    m_pool->setObjectName(QStringLiteral("poolStatus"));
    layout->addWidget(m_pool);

    m_refreshDelay->setSingleShot(true);
    m_refreshDelay->setInterval(150);
    connect(m_refreshDelay, &QTimer::timeout, this, &RunStatusWidget::refresh);
    if (m_orchestrator) {
        connect(m_orchestrator, &Orchestrator::agentsUpdated, this, &RunStatusWidget::scheduleRefresh);
        connect(m_orchestrator, &Orchestrator::agentSpawned, this, &RunStatusWidget::scheduleRefresh);
        connect(m_orchestrator, &Orchestrator::agentsRemoved, this, &RunStatusWidget::scheduleRefresh);
        connect(m_orchestrator, &Orchestrator::dispatchPausedChanged, this, &RunStatusWidget::refresh);
        connect(m_orchestrator, &Orchestrator::maxParallelChanged, this, &RunStatusWidget::scheduleRefresh);
        connect(m_orchestrator, &Orchestrator::allFinished, this, &RunStatusWidget::refresh);
    }
    updateIcons();
    refresh();
}

RunStatusWidget::Counter RunStatusWidget::addCounter(AgentState state, const QString &objectName)
{
    Counter counter{state, new QLabel(this), new QLabel(this)};
    counter.text->setObjectName(objectName);
    auto *box = static_cast<QHBoxLayout *>(layout());
    box->addSpacing(6);
    box->addWidget(counter.icon);
    box->addWidget(counter.text);
    return counter;
}

void RunStatusWidget::scheduleRefresh()
{
    if (!m_refreshDelay->isActive())
        m_refreshDelay->start();
}

void RunStatusWidget::refresh()
{
    if (!m_orchestrator)
        return;
    const Orchestrator::Progress p = m_orchestrator->progress();
    const int running = qMax(0, p.inProgress - p.waiting);
    const auto show = [](const Counter &counter, const QString &text, bool visible) {
        counter.text->setText(text);
        counter.icon->setVisible(visible);
        counter.text->setVisible(visible);
    };
    show(m_pending, tr("%1 queued").arg(p.pending), true);
    show(m_running, tr("%1 running").arg(running), true);
    show(m_waiting, tr("%1 waiting").arg(p.waiting), p.waiting > 0);
    show(m_completed, tr("%1 completed").arg(p.completed), true);
    show(m_failed, tr("%1 failed").arg(p.failed), true);
    show(m_blocked, tr("%1 blocked").arg(p.blocked), p.blocked > 0);
    show(m_cancelled, tr("%1 cancelled").arg(p.cancelled), true);
    m_waiting.text->setToolTip(tr("Agents waiting for a lock or for your answer"));
    m_pool->setText(tr("Pool: %1 busy · %2 free").arg(p.poolBusy).arg(p.poolAvailable));
    m_pool->setToolTip(
        tr("Agent slots in use and still free under the current max parallel (%1)").arg(m_orchestrator->maxParallel()));
    const bool paused = m_orchestrator->isDispatchPaused();
    m_paused->setText(tr("Dispatch paused"));
    m_paused->setToolTip(tr("No new agents start until you resume dispatch; running agents go on"));
    m_paused->setVisible(paused);
    m_pausedIcon->setVisible(paused);
}

void RunStatusWidget::updateIcons()
{
    const qreal dpr = devicePixelRatioF();
    for (const Counter *counter :
         {&m_pending, &m_running, &m_waiting, &m_completed, &m_failed, &m_blocked, &m_cancelled}) {
        counter->icon->setPixmap(ThemedIcons::pixmap(AgentStateStyle::iconName(counter->state),
                                                     AgentStateStyle::foreground(counter->state, palette()), kIconSize,
                                                     dpr));
    }
    const QColor attention = AgentStateStyle::foreground(AgentState::Escalated, palette());
    m_pausedIcon->setPixmap(ThemedIcons::pixmap(QStringLiteral("pause"), attention, kIconSize, dpr));
    QPalette pausedPalette = m_paused->palette();
    pausedPalette.setColor(QPalette::WindowText, attention);
    m_paused->setPalette(pausedPalette);
    QFont bold = m_paused->font();
    bold.setWeight(QFont::DemiBold);
    m_paused->setFont(bold);
}

void RunStatusWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        updateIcons();
    else if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

} // namespace switchboard
