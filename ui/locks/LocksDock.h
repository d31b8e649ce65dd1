#pragma once

#include <QDockWidget>
#include <QPointer>

class QAction;
class QLabel;
class QPushButton;
class QTreeView;

namespace switchboard {

class LockTableModel;
class Orchestrator;

// The Locks dock: who holds which file or named resource, since when, until when, under which fencing
// token and who waits for it. Contended rows stand out; a held lock can be force-released after a
// confirmation that names the resource and its holder.
class LocksDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocksDock)

public:
    explicit LocksDock(Orchestrator *orchestrator, QWidget *parent = nullptr);

    LockTableModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    // The selected row's resource; empty when nothing is selected.
    QString currentResource() const;

public Q_SLOTS:
    // Asks for confirmation, then takes the selected lock away from its holder.
    void confirmForceRelease();

protected:
    void changeEvent(QEvent *event) override;

private:
    void showContextMenu(const QPoint &position);
    void updateActions();
    void updateSummary();
    void retranslate();

    QPointer<Orchestrator> m_orchestrator;
    LockTableModel *m_model;
    QTreeView *m_view;
    QLabel *m_summary;
    QPushButton *m_forceButton;
    QAction *m_forceAction;
};

} // namespace switchboard
