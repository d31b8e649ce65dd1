#pragma once

#include "notify/Notification.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

class QAction;
class QMenu;

namespace switchboard {

class NotificationSink;
class Orchestrator;

// Decides what the person is told outside the window: an agent that needs input (a question raised), one that
// failed, one whose changes are ready for review, and the run finished. Each names the agent and its goal. Each
// kind has an on/off switch kept in ui.ini ([Notifications]); all are on by default. Notifications make no
// sound: Switchboard plays none.
class DesktopNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopNotifier)

public:
    // The sink outlives the notifier.
    DesktopNotifier(Orchestrator *orchestrator, NotificationSink *sink, QObject *parent = nullptr);
    ~DesktopNotifier() override;

    // Every kind, in the order the menu and the Settings dialog list them.
    static QList<Notification::Kind> kinds();
    // The kind's switch as the menu shows it ("An agent needs &input").
    static QString kindText(Notification::Kind kind);

    bool isEnabled(Notification::Kind kind) const;
    void setEnabled(Notification::Kind kind, bool enabled);
    // Nothing is sent while this returns true (the window is in front: the person sees it there).
    void setQuietWhile(std::function<bool()> quiet) { m_quiet = std::move(quiet); }

    // Fills a "Notifications" menu: one checkable action per kind (object names notifyNeedsInput, notifyFailed,
    // notifyReviewReady, notifyRunFinished) and a line saying there are no sounds.
    void populateMenu(QMenu *menu);
    void retranslate();

    // The texts, for the events as the orchestrator reports them.
    Notification needsInput(const QString &agentId, const QString &question) const;
    Notification failed(const QString &agentId, const QString &error) const;
    Notification reviewReady(const QString &agentId) const;
    Notification runFinished() const;

private:
    void send(const Notification &notification);
    QString agentName(const QString &agentId) const;
    QString goalTitle(const QString &agentId) const;
    static QString key(Notification::Kind kind);

    QPointer<Orchestrator> m_orchestrator;
    NotificationSink *m_sink;
    std::function<bool()> m_quiet;
    QHash<int, bool> m_enabled; // by Kind
    QHash<int, QAction *> m_actions;
    QAction *m_noSound = nullptr;
};

} // namespace switchboard
