#include "review/ReviewHub.h"

#include "review/LeftoverWorktreesDialog.h"
#include "review/ReviewController.h"
#include "review/ReviewWindow.h"

#include <QAction>
#include <QWidget>

namespace switchboard {

ReviewHub::ReviewHub(QWidget *window, AgentBoardModel *board)
    : QObject(window)
    , m_window(window)
    , m_reviewWindow(new ReviewWindow(board, window))
    , m_showReview(new QAction(this))
    , m_cleanUpWorktrees(new QAction(this))
{
    m_showReview->setObjectName(QStringLiteral("actionShowReview"));
    m_showReview->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_cleanUpWorktrees->setObjectName(QStringLiteral("actionCleanUpWorktrees"));
    connect(m_showReview, &QAction::triggered, this, [this] { showReview(); });
    connect(m_cleanUpWorktrees, &QAction::triggered, this, &ReviewHub::showLeftovers);
    connect(m_reviewWindow, &ReviewWindow::countChanged, this, [this](int count) {
        retranslate();
        Q_EMIT reviewCountChanged(count);
    });
    retranslate();
    updateActions();
}

ReviewHub::~ReviewHub() = default;

LeftoverWorktreesDialog *ReviewHub::leftoversDialog() const
{
    return m_leftovers;
}

void ReviewHub::setController(ReviewController *controller)
{
    m_controller = controller;
    m_reviewWindow->setController(controller);
    updateActions();
    if (!controller)
        return;
    // Start-up: worktrees of goals that no longer exist are offered for clean-up, never removed unasked.
    LeftoverWorktreesDialog *dialog = makeLeftoversDialog();
    connect(
        dialog, &LeftoverWorktreesDialog::loaded, this,
        [dialog] {
            if (!dialog->leftovers().isEmpty() && !dialog->isVisible())
                dialog->open();
        },
        Qt::SingleShotConnection);
    dialog->load();
}

LeftoverWorktreesDialog *ReviewHub::makeLeftoversDialog()
{
    if (!m_leftovers) {
        m_leftovers = new LeftoverWorktreesDialog(m_controller, m_window);
        m_leftovers->setAttribute(Qt::WA_DeleteOnClose);
    }
    return m_leftovers;
}

void ReviewHub::showReview(const QString &goalId)
{
    m_reviewWindow->show();
    m_reviewWindow->showGoal(goalId);
    m_reviewWindow->raise();
    m_reviewWindow->activateWindow();
}

void ReviewHub::showLeftovers()
{
    if (!m_controller)
        return;
    LeftoverWorktreesDialog *dialog = makeLeftoversDialog();
    dialog->load();
    dialog->open();
}

void ReviewHub::updateActions()
{
    // Without a controller no goal can be in Review: the actions would only be noise on the toolbar.
    m_showReview->setVisible(m_controller != nullptr);
    m_cleanUpWorktrees->setVisible(m_controller != nullptr);
}

void ReviewHub::retranslate()
{
    const int count = m_reviewWindow->count();
    //: Toolbar button; %1 is the number of goals waiting for review
    m_showReview->setText(count > 0 ? tr("Review (%1)").arg(count) : tr("Review"));
    m_showReview->setToolTip(m_controller ? tr("%n goal(s) wait for review of their changes", nullptr, count)
                                          : tr("No goal works in a git worktree"));
    m_cleanUpWorktrees->setText(tr("Clean up &worktrees…"));
    m_cleanUpWorktrees->setToolTip(tr("Remove git worktrees left behind by goals that no longer exist"));
}

} // namespace switchboard
