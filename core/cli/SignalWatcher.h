#pragma once

#include <QObject>

class QSocketNotifier;

namespace switchboard {

// Turns SIGINT/SIGTERM into a Qt signal on the main thread (self-pipe), so the CLI can cancel
// its agents cleanly instead of dying with children left behind.
class SignalWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalWatcher)

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    void handleActivated();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace switchboard
