#pragma once

#include <QObject>
#include <QPointer>

class QMessageBox;
class QProgressDialog;
class QWidget;

namespace switchboard {

class Orchestrator;

// What happens when the window closes while agents work: the person chooses to keep them running in the tray,
// to cancel them all and quit once they have wound down, or to wait for them to finish and then quit. A second
// quit while cancelling quits at once (the Orchestrator's destructor stops and waits for every runner).
// The window asks mayClose() from its closeEvent and closes itself again on quitReady().
class ShutdownController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShutdownController)

public:
    enum class Choice
    {
        KeepRunning,
        CancelAndQuit,
        Wait
    };
    enum class Phase
    {
        Working,
        Cancelling,
        Waiting,
        Quitting
    };

    ShutdownController(Orchestrator *orchestrator, QWidget *window);
    ~ShutdownController() override;

    // Whether "Keep running in the tray" can be offered; QSystemTrayIcon::isSystemTrayAvailable() by default.
    // Tests set it: the offscreen platform has no tray.
    void setTrayAvailable(bool available) { m_trayAvailable = available; }
    bool trayAvailable() const { return m_trayAvailable; }

    // From the window's closeEvent: true when it may close now (nothing at work, the quit decided, or a second
    // quit while cancelling); otherwise the choice is asked (without blocking) and false returned.
    bool mayClose();
    // The person's answer, as the dialog's buttons give it. False when the choice cannot be made (keep running
    // without a tray).
    bool choose(Choice choice);

    Phase phase() const { return m_phase; }
    // The open question, or null.
    QMessageBox *dialog() const;
    // The progress shown while cancelling or waiting, or null.
    QProgressDialog *progressDialog() const;
    // Agents queued or in progress.
    int activeAgents() const;

Q_SIGNALS:
    // The window should close for good now (and the application quit with it).
    void quitReady();
    // "Keep running in the tray": the window should hide; the agents go on.
    void hideRequested();

private:
    void ask();
    void showProgress(const QString &cancelText);
    void updateProgress();
    void stopWaiting();
    void closeProgress();
    void quitNow();

    QPointer<Orchestrator> m_orchestrator;
    QWidget *m_window;
    bool m_trayAvailable;
    Phase m_phase = Phase::Working;
    int m_startCount = 0;
    QPointer<QMessageBox> m_dialog;
    QPointer<QProgressDialog> m_progress;
};

} // namespace switchboard
