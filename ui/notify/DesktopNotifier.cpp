#include "notify/DesktopNotifier.h"

#include "UiSettings.h"
#include "coordination/EscalationInbox.h"
#include "notify/NotificationSink.h"
#include "orchestration/Orchestrator.h"

#include <QAction>
#include <QMenu>
#include <QSettings>

namespace switchboard {

namespace {

constexpr Notification::Kind kKinds[] = {Notification::Kind::NeedsInput, Notification::Kind::Failed,
                                         Notification::Kind::ReviewReady, Notification::Kind::RunFinished};

} // namespace

DesktopNotifier::DesktopNotifier(Orchestrator *orchestrator, NotificationSink *sink, QObject *parent)
    : QObject(parent)
    , m_orchestrator(orchestrator)
    , m_sink(sink)
{
    // Read once: events can come in bursts (a run of failures), the file need not be read for each.
    const QSettings settings(UiSettings::filePath(), QSettings::IniFormat);
    for (const Notification::Kind kind : kKinds)
        m_enabled.insert(static_cast<int>(kind),
                         settings.value(QStringLiteral("Notifications/") + key(kind), true).toBool());
    if (!m_orchestrator)
        return;
    connect(&m_orchestrator->inbox(), &EscalationInbox::escalationRaised, this,
            [this](const Escalation &e) { send(needsInput(e.agentId, e.question)); });
    connect(m_orchestrator, &Orchestrator::agentFailed, this,
            [this](const QString &agentId, const QString &error) { send(failed(agentId, error)); });
    connect(m_orchestrator, &Orchestrator::agentInReview, this,
            [this](const QString &agentId) { send(reviewReady(agentId)); });
    connect(m_orchestrator, &Orchestrator::allFinished, this, [this] { send(runFinished()); });
}

DesktopNotifier::~DesktopNotifier() = default;

QString DesktopNotifier::key(Notification::Kind kind)
{
    switch (kind) {
    case Notification::Kind::NeedsInput:
        return QStringLiteral("needsInput");
    case Notification::Kind::Failed:
        return QStringLiteral("failed");
    case Notification::Kind::ReviewReady:
        return QStringLiteral("reviewReady");
    case Notification::Kind::RunFinished:
        return QStringLiteral("runFinished");
    }
    return {};
}

bool DesktopNotifier::isEnabled(Notification::Kind kind) const
{
    return m_enabled.value(static_cast<int>(kind), true);
}

void DesktopNotifier::setEnabled(Notification::Kind kind, bool enabled)
{
    m_enabled.insert(static_cast<int>(kind), enabled);
    QSettings settings(UiSettings::writableFilePath(), QSettings::IniFormat);
    settings.setValue(QStringLiteral("Notifications/") + key(kind), enabled);
    if (QAction *action = m_actions.value(static_cast<int>(kind)); action && action->isChecked() != enabled) {
        const QSignalBlocker blocker(action);
        action->setChecked(enabled);
    }
}

void DesktopNotifier::populateMenu(QMenu *menu)
{
    for (const Notification::Kind kind : kKinds) {
        QAction *action = menu->addAction(QString());
        const QString name = key(kind);
        action->setObjectName(QStringLiteral("notify") + name.at(0).toUpper() + name.mid(1));
        action->setCheckable(true);
        action->setChecked(isEnabled(kind));
        connect(action, &QAction::toggled, this, [this, kind](bool on) { setEnabled(kind, on); });
        m_actions.insert(static_cast<int>(kind), action);
    }
    menu->addSeparator();
    m_noSound = menu->addAction(QString());
    m_noSound->setObjectName(QStringLiteral("notifyNoSound"));
    m_noSound->setEnabled(false); // a statement, not a switch: Switchboard plays no sounds
    retranslate();
}

QList<Notification::Kind> DesktopNotifier::kinds()
{
    return {std::begin(kKinds), std::end(kKinds)};
}

QString DesktopNotifier::kindText(Notification::Kind kind)
{
    switch (kind) {
    case Notification::Kind::NeedsInput:
        return tr("An agent needs &input");
    case Notification::Kind::Failed:
        return tr("An agent &failed");
    case Notification::Kind::ReviewReady:
        return tr("Changes ready for &review");
    case Notification::Kind::RunFinished:
        break;
    }
    return tr("The run &finished");
}

void DesktopNotifier::retranslate()
{
    for (const Notification::Kind kind : kKinds) {
        if (QAction *action = m_actions.value(static_cast<int>(kind)))
            action->setText(kindText(kind));
    }
    if (m_noSound)
        m_noSound->setText(tr("Notifications make no sound"));
}

QString DesktopNotifier::agentName(const QString &agentId) const
{
    if (m_orchestrator) {
        if (const std::optional<AgentStatus> status = m_orchestrator->status(agentId);
            status && !status->name.isEmpty())
            return status->name;
    }
    return agentId;
}

QString DesktopNotifier::goalTitle(const QString &agentId) const
{
    if (m_orchestrator) {
        if (const std::optional<AgentStatus> status = m_orchestrator->status(agentId))
            return status->goalTitle.isEmpty() ? status->goalId : status->goalTitle;
    }
    return {};
}

Notification DesktopNotifier::needsInput(const QString &agentId, const QString &question) const
{
    return {Notification::Kind::NeedsInput, tr("%1 needs your input").arg(agentName(agentId)),
            tr("Goal: %1\n%2").arg(goalTitle(agentId), question), agentId};
}

Notification DesktopNotifier::failed(const QString &agentId, const QString &error) const
{
    return {Notification::Kind::Failed, tr("%1 failed").arg(agentName(agentId)),
            tr("Goal: %1\n%2").arg(goalTitle(agentId), error), agentId};
}

Notification DesktopNotifier::reviewReady(const QString &agentId) const
{
    return {Notification::Kind::ReviewReady, tr("%1 is ready for review").arg(agentName(agentId)),
            tr("Goal: %1").arg(goalTitle(agentId)), agentId};
}

Notification DesktopNotifier::runFinished() const
{
    const qsizetype inReview = m_orchestrator ? m_orchestrator->goalsInReview().size() : 0;
    // Not a %n plural: the English plural forms come from translations/*.ts, which this change leaves alone.
    QString body = tr("All agents have finished.");
    if (inReview == 1)
        body = tr("All agents have finished; 1 goal waits for your review.");
    else if (inReview > 1)
        body = tr("All agents have finished; %1 goals wait for your review.").arg(inReview);
    return {Notification::Kind::RunFinished, tr("Run finished"), body, {}};
}

void DesktopNotifier::send(const Notification &notification)
{
    if (!m_sink || !isEnabled(notification.kind) || (m_quiet && m_quiet()))
        return;
    m_sink->show(notification);
}

} // namespace switchboard
