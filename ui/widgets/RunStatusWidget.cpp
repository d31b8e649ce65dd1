#include "widgets/RunStatusWidget.h"

#include "orchestration/Orchestrator.h"
#include "style/AgentStateStyle.h"
#include "style/ThemedIcons.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QTimer>
#include <QToolButton>

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
    , m_questions(new QToolButton(this))
    , m_rateLimitedIcon(new QLabel(this))
    , m_rateLimited(new QLabel(this))
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

    // What needs the person first: questions to answer, then retries and rate limits.
    m_questions->setObjectName(QStringLiteral("questionsButton"));
    m_questions->setAutoRaise(true);
    m_questions->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_questions->setIconSize(QSize(kIconSize, kIconSize));
    connect(m_questions, &QToolButton::clicked, this, &RunStatusWidget::inboxRequested);
    layout->addWidget(m_questions);
    m_rateLimitedIcon->setObjectName(QStringLiteral("rateLimitedIcon"));
    m_rateLimited->setObjectName(QStringLiteral("rateLimitedLabel"));
    layout->addSpacing(6);
    layout->addWidget(m_rateLimitedIcon);
    layout->addWidget(m_rateLimited);
    m_retrying = addCounter(AgentState::Interrupted, QStringLiteral("retryingCount"));

    m_pending = addCounter(AgentState::Queued, QStringLiteral("pendingCount"));
    m_running = addCounter(AgentState::Running, QStringLiteral("runningCount"));
    m_waiting = addCounter(AgentState::WaitingForLock, QStringLiteral("waitingCount"));
    m_review = addCounter(AgentState::Review, QStringLiteral("reviewCount"));
    m_completed = addCounter(AgentState::Completed, QStringLiteral("completedCount"));
    m_failed = addCounter(AgentState::Failed, QStringLiteral("failedCount"));
    m_blocked = addCounter(AgentState::Blocked, QStringLiteral("blockedCount"));
    m_cancelled = addCounter(AgentState::Cancelled, QStringLiteral("cancelledCount"));
    m_skipped = addCounter(AgentState::Skipped, QStringLiteral("skippedCount"));

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
        connect(m_orchestrator, &Orchestrator::agentRetryScheduled, this, &RunStatusWidget::scheduleRefresh);
        connect(m_orchestrator, &Orchestrator::profileRateLimited, this, &RunStatusWidget::scheduleRefresh);
        connect(&m_orchestrator->inbox(), &EscalationInbox::openCountChanged, this, &RunStatusWidget::scheduleRefresh);
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
    const QLocale locale; // 100,000 completed, not 100000
    const auto show = [](const Counter &counter, const QString &text, bool visible) {
        counter.text->setText(text);
        counter.icon->setVisible(visible);
        counter.text->setVisible(visible);
    };
    show(m_pending, tr("%1 queued").arg(locale.toString(p.pending)), true);
    show(m_running, tr("%1 running").arg(locale.toString(running)), true);
    const int questions = m_orchestrator->inbox().openCount();
    m_questions->setText(tr("%n waiting for you", nullptr, questions));
    m_questions->setToolTip(tr("Agents that asked a question and wait for your answer; click to open the inbox"));
    m_questions->setVisible(questions > 0);
    show(m_retrying, tr("%1 retrying").arg(locale.toString(p.retrying)), p.retrying > 0);
    m_retrying.text->setToolTip(tr("Failed attempts waiting out their backoff before the next try"));
    QStringList limited = p.rateLimitedProfiles;
    limited.sort();
    m_rateLimited->setText(tr("rate limited: %1").arg(limited.join(QStringLiteral(", "))));
    m_rateLimited->setToolTip(tr("No new agents start on these profiles until their rate limit resets"));
    m_rateLimited->setVisible(!limited.isEmpty());
    m_rateLimitedIcon->setVisible(!limited.isEmpty());
    // p.waiting counts both kinds of waiting; the questions have their own count above.
    const int lockWaits = qMax(0, p.waiting - questions);
    show(m_waiting, tr("%1 waiting for locks").arg(locale.toString(lockWaits)), lockWaits > 0);
    show(m_review, tr("%1 in review").arg(locale.toString(p.inReview)), p.inReview > 0);
    m_review.text->setToolTip(
        tr("Goals that finished in their own worktree and wait for you to merge or discard them"));
    show(m_completed, tr("%1 completed").arg(locale.toString(p.completed)), true);
    show(m_failed, tr("%1 failed").arg(locale.toString(p.failed)), true);
    show(m_blocked, tr("%1 blocked").arg(locale.toString(p.blocked)), p.blocked > 0);
    show(m_cancelled, tr("%1 cancelled").arg(locale.toString(p.cancelled)), true);
    show(m_skipped, tr("%1 skipped").arg(locale.toString(p.skipped)), p.skipped > 0);
    m_skipped.text->setToolTip(tr("Goals whose condition was false, and their dependents: they did not run"));
    m_waiting.text->setToolTip(tr("Agents waiting for a resource another agent holds"));
    m_pool->setText(
        tr("Pool: %1 busy · %2 free").arg(locale.toString(p.poolBusy)).arg(locale.toString(p.poolAvailable)));
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
    for (const Counter *counter : {&m_pending, &m_running, &m_waiting, &m_review, &m_completed, &m_failed, &m_blocked,
                                   &m_cancelled, &m_skipped, &m_retrying}) {
        counter->icon->setPixmap(ThemedIcons::pixmap(AgentStateStyle::iconName(counter->state),
                                                     AgentStateStyle::foreground(counter->state, palette()), kIconSize,
                                                     dpr));
    }
    const QColor attention = AgentStateStyle::foreground(AgentState::Escalated, palette());
    m_questions->setIcon(ThemedIcons::icon(AgentStateStyle::iconName(AgentState::Escalated), attention));
    QPalette questionsPalette = m_questions->palette();
    questionsPalette.setColor(QPalette::ButtonText, attention);
    m_questions->setPalette(questionsPalette);
    QFont questionsFont = m_questions->font();
    questionsFont.setWeight(QFont::DemiBold);
    m_questions->setFont(questionsFont);
    m_rateLimitedIcon->setPixmap(ThemedIcons::pixmap(QStringLiteral("clock"), attention, kIconSize, dpr));
    QPalette limitedPalette = m_rateLimited->palette();
    limitedPalette.setColor(QPalette::WindowText, attention);
    m_rateLimited->setPalette(limitedPalette);
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
