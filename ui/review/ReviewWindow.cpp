#include "review/ReviewWindow.h"

#include "board/AgentBoardModel.h"
#include "review/ReviewPane.h"

#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace switchboard {

namespace {
constexpr int kGoalIdRole = Qt::UserRole;
}

ReviewWindow::ReviewWindow(AgentBoardModel *board, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_board(board)
    , m_goals(new QListWidget)
    , m_goalsHeading(new QLabel)
    , m_pane(new ReviewPane)
    , m_rebuild(new QTimer(this))
{
    setObjectName(QStringLiteral("reviewWindow"));
    m_goals->setObjectName(QStringLiteral("reviewGoals"));
    m_goals->setWordWrap(true);
    m_goals->setSpacing(2);
    QFont headingFont = m_goalsHeading->font();
    headingFont.setWeight(QFont::DemiBold);
    m_goalsHeading->setFont(headingFont);

    auto *left = new QWidget;
    auto *leftColumn = new QVBoxLayout(left);
    leftColumn->setContentsMargins(10, 10, 0, 10);
    leftColumn->addWidget(m_goalsHeading);
    leftColumn->addWidget(m_goals, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(m_pane);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 4);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({220, 980});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    // Board changes come in bursts: the list is rebuilt once per burst.
    m_rebuild->setSingleShot(true);
    m_rebuild->setInterval(0);
    connect(m_rebuild, &QTimer::timeout, this, &ReviewWindow::rebuild);
    const auto schedule = [this] { m_rebuild->start(); };
    connect(m_board, &QAbstractItemModel::rowsInserted, this, schedule);
    connect(m_board, &QAbstractItemModel::rowsRemoved, this, schedule);
    connect(m_board, &QAbstractItemModel::modelReset, this, schedule);
    connect(m_board, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                if (roles.isEmpty() || roles.contains(AgentBoardModel::StateRole) ||
                    roles.contains(AgentBoardModel::GoalTitleRole))
                    m_rebuild->start();
            });
    connect(m_goals, &QListWidget::currentRowChanged, this, &ReviewWindow::handleCurrentRowChanged);
    // A merged or discarded goal leaves Review; the board says so soon after, and the list follows.
    connect(m_pane, &ReviewPane::goalResolved, this, schedule);

    retranslate();
    resize(1200, 780);
    rebuild();
}

void ReviewWindow::setController(ReviewController *controller)
{
    m_pane->setController(controller);
}

int ReviewWindow::count() const
{
    return qMax(m_count, 0);
}

void ReviewWindow::showGoal(const QString &goalId)
{
    // Asked for again (the card, the detail pane): the worktree may have changed since, so it is read anew.
    if (!goalId.isEmpty() && goalId == m_pane->goalId() && !m_pane->isBusy())
        m_pane->reload();
    rebuild();
    if (!goalId.isEmpty()) {
        for (int row = 0; row < m_goals->count(); ++row) {
            if (m_goals->item(row)->data(kGoalIdRole).toString() == goalId) {
                m_goals->setCurrentRow(row);
                return;
            }
        }
        // Not in Review on the board (yet): shown anyway, and selected in the list once it is.
        m_wanted = goalId;
        m_goals->setCurrentRow(-1);
        m_pane->setGoal(goalId);
        return;
    }
    if (m_goals->currentRow() < 0 && m_goals->count() > 0)
        m_goals->setCurrentRow(0);
}

void ReviewWindow::rebuild()
{
    const QString current = m_goals->currentItem() ? m_goals->currentItem()->data(kGoalIdRole).toString()
                                                   : (m_wanted.isEmpty() ? m_pane->goalId() : m_wanted);
    QSignalBlocker blocker(m_goals);
    m_goals->clear();
    int currentRow = -1;
    for (int row = 0; row < m_board->rowCount(); ++row) {
        const AgentStatus &s = m_board->statusAt(row);
        if (s.state != AgentState::Review)
            continue;
        const QString title = s.goalTitle.isEmpty() ? s.goalId : s.goalTitle;
        auto *item = new QListWidgetItem(s.repository.isEmpty() ? title : tr("%1\n%2").arg(title, s.repository));
        item->setData(kGoalIdRole, s.goalId);
        item->setToolTip(tr("Goal %1 · agent %2").arg(s.goalId, s.name));
        m_goals->addItem(item);
        if (s.goalId == current)
            currentRow = m_goals->count() - 1;
    }
    if (currentRow >= 0) {
        m_goals->setCurrentRow(currentRow);
        m_wanted.clear();
    }
    blocker.unblock();
    if (m_goals->count() != m_count) {
        m_count = m_goals->count();
        m_goalsHeading->setText(tr("Waiting for review (%1)").arg(m_count));
        Q_EMIT countChanged(m_count);
    }
    // Nothing kept selected (the goal was merged, or none was chosen yet): the next one in line.
    if (isVisible() && currentRow < 0 && m_wanted.isEmpty() && m_goals->count() > 0 && m_pane->goalId() != current)
        m_goals->setCurrentRow(0);
}

void ReviewWindow::handleCurrentRowChanged(int row)
{
    if (row < 0)
        return;
    m_wanted.clear();
    m_pane->setGoal(m_goals->item(row)->data(kGoalIdRole).toString());
}

void ReviewWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ReviewWindow::retranslate()
{
    setWindowTitle(tr("Review — Switchboard"));
    m_goalsHeading->setText(tr("Waiting for review (%1)").arg(count()));
}

} // namespace switchboard
