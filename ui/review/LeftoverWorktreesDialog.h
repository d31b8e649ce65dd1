#pragma once

#include "review/ReviewTypes.h"

#include <QDialog>
#include <QList>
#include <QPointer>
#include <QThreadPool>

class QDialogButtonBox;
class QLabel;
class QMessageBox;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace switchboard {

class ReviewController;

// Worktrees left under the data folder by goals that no longer exist: listed with their size and branch,
// the person ticks what to remove. Nothing goes without a click, and a worktree holding unmerged work goes
// only after a second confirmation that names it. Reads and removals run off the GUI thread.
class LeftoverWorktreesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LeftoverWorktreesDialog)

public:
    LeftoverWorktreesDialog(ReviewController *controller, QWidget *parent = nullptr);
    ~LeftoverWorktreesDialog() override;

    // Asks the controller for its leftovers (on a worker thread).
    void load();
    // Shows these (already read) and measures their sizes on a worker thread.
    void setLeftovers(const QList<WorktreeRecord> &leftovers);
    QList<WorktreeRecord> leftovers() const { return m_leftovers; }
    QTreeWidget *list() const { return m_list; }
    QPushButton *removeButton() const { return m_remove; }
    bool isBusy() const { return m_busy > 0; }
    QString statusText() const;
    // The directory's size on disk, summed over its files (symlinks not followed).
    static qint64 directorySize(const QString &path);

Q_SIGNALS:
    void loaded();
    // A removal finished: what went, and what was refused (and kept).
    void removalFinished(const QList<WorktreeRecord> &removed, const QStringList &refused);

protected:
    void changeEvent(QEvent *event) override;

private:
    void removeSelected();
    void remove(const QList<WorktreeRecord> &records, bool force);
    void confirmForce(const QList<WorktreeRecord> &records, const QStringList &reasons);
    void updateButtons();
    void setBusy(bool busy);
    void retranslate();

    ReviewController *m_controller;
    QThreadPool m_calls;
    QList<WorktreeRecord> m_leftovers;
    int m_busy = 0;
    QLabel *m_intro;
    QTreeWidget *m_list;
    QLabel *m_status;
    QProgressBar *m_busyBar;
    QPushButton *m_remove;
    QDialogButtonBox *m_buttons;
    QPointer<QMessageBox> m_forceConfirm;
};

} // namespace switchboard
