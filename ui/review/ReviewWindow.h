#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QTimer;

namespace switchboard {

class AgentBoardModel;
class ReviewController;
class ReviewPane;

// The Review window: the goals waiting in Review on the left (from the board, so the list is live), the
// selected one's ReviewPane on the right. A window rather than a dock: a diff needs the width.
class ReviewWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewWindow)

public:
    explicit ReviewWindow(AgentBoardModel *board, QWidget *parent = nullptr);

    void setController(ReviewController *controller);
    // Selects the goal (empty: keeps the selection, or takes the first in the list).
    void showGoal(const QString &goalId);
    ReviewPane *pane() const { return m_pane; }
    QListWidget *goalList() const { return m_goals; }
    // Goals on the board in Review now.
    int count() const;

Q_SIGNALS:
    void countChanged(int count);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void handleCurrentRowChanged(int row);
    void retranslate();

    AgentBoardModel *m_board;
    QListWidget *m_goals;
    QLabel *m_goalsHeading;
    ReviewPane *m_pane;
    QTimer *m_rebuild;
    QString m_wanted; // a goal asked for before it reached the list
    int m_count = -1;
};

} // namespace switchboard
