#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace switchboard {

class AgentBoardModel;
class LeftoverWorktreesDialog;
class ReviewController;
class ReviewWindow;

// The main window's way into review: the "Review (n)" action that opens the Review window, the "Clean up
// worktrees…" action, and the start-up check for worktrees left behind. Without a controller (no goal in
// the configuration uses worktrees) the actions stay disabled.
class ReviewHub final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewHub)

public:
    ReviewHub(QWidget *window, AgentBoardModel *board);
    ~ReviewHub() override;

    // Set once the core has its controller; also looks for leftover worktrees (listed if any, never removed).
    void setController(ReviewController *controller);
    ReviewController *controller() const { return m_controller; }

    QAction *showReviewAction() const { return m_showReview; }
    QAction *cleanUpWorktreesAction() const { return m_cleanUpWorktrees; }
    ReviewWindow *reviewWindow() const { return m_reviewWindow; }
    // The clean-up dialog while it exists (start-up check or the menu), else null.
    LeftoverWorktreesDialog *leftoversDialog() const;

    void retranslate();

public Q_SLOTS:
    // Opens (or raises) the Review window at this goal; empty: at the first goal waiting.
    void showReview(const QString &goalId = {});
    void showLeftovers();

Q_SIGNALS:
    void reviewCountChanged(int count);

private:
    void updateActions();
    LeftoverWorktreesDialog *makeLeftoversDialog();

    QWidget *m_window;
    ReviewController *m_controller = nullptr;
    ReviewWindow *m_reviewWindow;
    QPointer<LeftoverWorktreesDialog> m_leftovers;
    QAction *m_showReview;
    QAction *m_cleanUpWorktrees;
};

} // namespace switchboard
