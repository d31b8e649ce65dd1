#pragma once

#include "board/CardPaintCache.h"
#include "model/AgentState.h"

#include <QFont>
#include <QFontMetrics>
#include <QPoint>
#include <QSize>
#include <QStyledItemDelegate>

namespace switchboard {

class AgentBoardModel;
struct AgentStatus;

// Paints one agent as a card (no widget per agent): state badge, goal, agent and profile, a progress bar,
// the current step or the reason it stopped, elapsed time, usage and a hover "×" to cancel it (and a "▶" to
// resume an agent that was interrupted and waits for the person). Sizes are
// computed once per font and card width, so the view can lay out thousands of uniform cards cheaply.
class AgentCardDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentCardDelegate)

public:
    explicit AgentCardDelegate(QObject *parent = nullptr);

    // The board model behind the view's (proxy) model: cards read statuses straight from it.
    void setBoardModel(AgentBoardModel *model);
    void setCardWidth(int width);
    int cardWidth() const { return m_cardWidth; }
    int minimumCardWidth() const { return m_compact ? 230 : 290; }
    // Compact cards show state, goal and progress only, so a big run fits on one screen.
    void setCompact(bool compact);
    bool isCompact() const { return m_compact; }
    // Where the mouse is in the view's viewport, so the hovered "×" can be highlighted.
    void setHoverPosition(const QPoint &position) { m_hoverPosition = position; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // The cancel button's place on a card whose rectangle is cardRect.
    QRect cancelButtonRect(const QRect &cardRect) const;
    // Whether the card at index shows a cancel button (its agent can still be cancelled).
    bool hasCancelButton(const QModelIndex &index) const;
    // The resume button's place (left of the cancel button); shown on every Interrupted card.
    QRect resumeButtonRect(const QRect &cardRect) const;
    bool hasResumeButton(const QModelIndex &index) const;
    // The words the card at index shows (state, markers, goal, status line), for tests and accessibility.
    QString cardText(const QModelIndex &index) const;
    // The card's panel inside its cell: a team member's is indented under its team, a rail joining them.
    QRect cardRect(const QModelIndex &index, const QRect &cell) const;
    // A team card's expand/collapse control (its members shown after it or not); shown once it has members.
    QRect expandButtonRect(const QModelIndex &index, const QRect &cardRect) const;
    bool hasExpandButton(const QModelIndex &index) const;
    static constexpr int kMemberIndent = 18;

Q_SIGNALS:
    void cancelRequested(const QString &agentId);
    void resumeRequested(const QString &agentId);

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

private:
    struct Metrics
    {
        QFont base;
        QFont title;
        QFont small;
        QFont badge;
        int baseHeight = 0;
        int titleHeight = 0;
        int smallHeight = 0;
        int badgeHeight = 0;
        int barHeight = 0;
        int cardHeight = 0;
        int compactHeight = 0;
    };

    const Metrics &metricsFor(const QFont &font) const;
    const AgentStatus *statusFor(const QModelIndex &index, int *sourceRow = nullptr) const;
    void paintBadge(QPainter *painter, const QRect &rect, const AgentStatus &status, const QPalette &palette, qreal dpr,
                    int *badgeWidth) const;
    // Row 5: what it is doing now, why it waits or why it stopped.
    QString statusLine(const AgentStatus &status, int sourceRow) const;
    void paintCancelButton(QPainter *painter, const QRect &rect, const QPalette &palette, bool hovered) const;
    void paintResumeButton(QPainter *painter, const QRect &rect, const QPalette &palette, qreal dpr,
                           bool hovered) const;
    void paintExpandButton(QPainter *painter, const QRect &rect, const QPalette &palette, bool expanded,
                           bool hovered) const;
    // The kind pill after a team's state badge ("⧉ Debate"); returns its width (0: no room).
    int paintKindPill(QPainter *painter, const QRect &rect, const QString &kind, const QPalette &palette,
                      qreal dpr) const;
    // A team's members as segments in their states' colours, in spawn order.
    void paintMemberStrip(QPainter *painter, const QRect &rect, const QList<AgentState> &states,
                          const QPalette &palette) const;
    // The rail in a member's indent that joins it to its team (└ for the last member, ├ before).
    void paintRail(QPainter *painter, const QRect &cell, int joinY, bool last, const QPalette &palette) const;
    // A member placed under its team on the board (and so indented).
    bool isNestedMember(int sourceRow) const;

    AgentBoardModel *m_board = nullptr;
    bool m_compact = false;
    int m_cardWidth = 290;
    QPoint m_hoverPosition{-1, -1};
    mutable Metrics m_metrics;
    mutable bool m_metricsValid = false;
    mutable CardPaintCache m_cache; // painting is const; what it keeps is not what the card shows
};

} // namespace switchboard
