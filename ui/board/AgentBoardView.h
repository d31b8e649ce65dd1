#pragma once

#include <QListView>
#include <QStringList>

class QLabel;

namespace switchboard {

class AgentBoardModel;
class AgentCardDelegate;
class EmptyBoardOverlay;

// The board: a wrapping grid of uniform agent cards that fills the width (cards grow to share it), with
// keyboard navigation and extended selection, hover tracking for the cards' cancel buttons, and an
// overlay that explains an empty board.
class AgentBoardView final : public QListView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentBoardView)

public:
    explicit AgentBoardView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    void setCardDelegate(AgentCardDelegate *delegate);
    AgentCardDelegate *cardDelegate() const { return m_delegate; }
    EmptyBoardOverlay *emptyOverlay() const { return m_overlay; }
    // While the board is being filled at start-up it says so (a title, a hint and a busy bar) instead of
    // "No agents yet". An empty title ends it.
    void setRestoringText(const QString &title, const QString &hint);
    bool isShowingRestoring() const { return m_isRestoring; }
    QWidget *restoringPlaceholder() const { return m_restoring; }
    // Smaller cards (state, goal, progress), so hundreds of agents fit on a screen.
    void setCompactCards(bool compact);
    bool compactCards() const;

    // Selected agents in board order.
    QStringList selectedAgentIds() const;
    QString currentAgentId() const;
    // Selects the card of this agent and makes it current (expanding its team if it is a hidden member); false if
    // it is not on the board.
    bool selectAgent(const QString &agentId);
    // Shows or hides the members of the current card's team (the card itself or its team): + and − on the board.
    // A team collapsed from one of its members becomes the current card, so the focus never goes with the members.
    bool setCurrentTeamExpanded(bool expanded);

    static constexpr int kSpacing = 6;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateCardWidth();
    void updateOverlay();
    void createRestoringPlaceholder();
    bool sourceIsEmpty() const;
    AgentBoardModel *boardModel() const;

    AgentCardDelegate *m_delegate = nullptr;
    EmptyBoardOverlay *m_overlay;
    bool m_isRestoring = false;
    QWidget *m_restoring = nullptr; // made on first use
    QLabel *m_restoringTitle = nullptr;
    QLabel *m_restoringHint = nullptr;
    QPersistentModelIndex m_hoverIndex;
};

} // namespace switchboard
