#include "board/AgentCardDelegate.h"

#include "board/AgentBoardModel.h"
#include "style/AgentStateStyle.h"
#include "style/AgentStatusText.h"
#include "style/DisplayFormat.h"
#include "style/TeamStyle.h"
#include "style/ThemedIcons.h"

#include <QAbstractItemView>
#include <QAbstractProxyModel>
#include <QApplication>
#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPixmapCache>
#include <QStyle>
#include <QStyleOptionProgressBar>
#include <QToolTip>
#include <QWidget>

namespace switchboard {

namespace {
constexpr int kStripeWidth = 4;
constexpr int kPaddingLeft = 14; // after the stripe
constexpr int kPaddingRight = 12;
constexpr int kPaddingY = 11;
constexpr int kCancelSize = 20;
constexpr int kIconSize = 14;
// CardPaintCache's names for the card's fonts.
constexpr int kBaseFont = 0;
constexpr int kTitleFont = 1;
constexpr int kSmallFont = 2;

QColor mix(const QColor &from, const QColor &to, qreal amount)
{
    const qreal keep = 1.0 - amount;
    return QColor::fromRgbF(static_cast<float>(from.redF() * keep + to.redF() * amount),
                            static_cast<float>(from.greenF() * keep + to.greenF() * amount),
                            static_cast<float>(from.blueF() * keep + to.blueF() * amount));
}

QColor secondaryText(const QPalette &palette)
{
    return mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.38);
}
} // namespace

AgentCardDelegate::AgentCardDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

void AgentCardDelegate::setBoardModel(AgentBoardModel *model)
{
    m_board = model;
}

void AgentCardDelegate::setCompact(bool compact)
{
    if (compact == m_compact)
        return;
    m_compact = compact;
    Q_EMIT sizeHintChanged(QModelIndex());
}

void AgentCardDelegate::setCardWidth(int width)
{
    width = qMax(minimumCardWidth(), width);
    if (width == m_cardWidth)
        return;
    m_cardWidth = width;
    Q_EMIT sizeHintChanged(QModelIndex());
}

const AgentCardDelegate::Metrics &AgentCardDelegate::metricsFor(const QFont &font) const
{
    if (m_metricsValid && m_metrics.base == font)
        return m_metrics;

    Metrics &m = m_metrics;
    m.base = font;
    m.title = font;
    m.title.setWeight(QFont::DemiBold);
    m.title.setPointSizeF(font.pointSizeF() > 0 ? font.pointSizeF() * 1.08 : font.pointSizeF());
    m.small = font;
    if (font.pointSizeF() > 0)
        m.small.setPointSizeF(font.pointSizeF() * 0.9);
    m.badge = m.small;
    m.badge.setWeight(QFont::DemiBold);
    m.baseHeight = QFontMetrics(m.base).height();
    m.titleHeight = QFontMetrics(m.title).height();
    m.smallHeight = QFontMetrics(m.small).height();
    m.badgeHeight = qMax(kIconSize, QFontMetrics(m.badge).height()) + 6;
    m.barHeight = 8;
    m.cardHeight = kPaddingY + m.badgeHeight + 9 + m.titleHeight + 1 + m.smallHeight + 10 + m.barHeight + 9 +
                   m.baseHeight + 3 + m.smallHeight + kPaddingY;
    // Compact: badge, goal (plus 1 px and the 7 px gap), bar.
    m.compactHeight = kPaddingY + m.badgeHeight + 7 + m.titleHeight + 1 + 7 + m.barHeight + kPaddingY + 4;
    m_metricsValid = true;
    m_cache.clear(); // its text was laid out in the old fonts
    return m;
}

QSize AgentCardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(index)
    const Metrics &m = metricsFor(option.font);
    return {m_cardWidth, m_compact ? m.compactHeight : m.cardHeight};
}

QRect AgentCardDelegate::cancelButtonRect(const QRect &cardRect) const
{
    return {cardRect.right() - kPaddingRight - kCancelSize + 4, cardRect.top() + kPaddingY - 1, kCancelSize,
            kCancelSize};
}

const AgentStatus *AgentCardDelegate::statusFor(const QModelIndex &index, int *sourceRow) const
{
    if (!m_board || !index.isValid())
        return nullptr;
    QModelIndex source = index;
    while (const auto *proxy = qobject_cast<const QAbstractProxyModel *>(source.model()))
        source = proxy->mapToSource(source);
    if (source.model() != m_board || !source.isValid())
        return nullptr;
    if (sourceRow)
        *sourceRow = source.row();
    return &m_board->statusAt(source.row());
}

bool AgentCardDelegate::hasCancelButton(const QModelIndex &index) const
{
    const AgentStatus *status = statusFor(index);
    return status && AgentStateStyle::isCancellable(status->state);
}

QRect AgentCardDelegate::resumeButtonRect(const QRect &cardRect) const
{
    return cancelButtonRect(cardRect).translated(-(kCancelSize + 4), 0);
}

bool AgentCardDelegate::hasResumeButton(const QModelIndex &index) const
{
    // On the board an Interrupted agent is always one held for the person (automatic resume re-queues at once).
    const AgentStatus *status = statusFor(index);
    return status && status->state == AgentState::Interrupted;
}

bool AgentCardDelegate::isNestedMember(int sourceRow) const
{
    return m_board && sourceRow >= 0 && m_board->teamRowAt(sourceRow) >= 0;
}

QRect AgentCardDelegate::cardRect(const QModelIndex &index, const QRect &cell) const
{
    int sourceRow = -1;
    return statusFor(index, &sourceRow) && isNestedMember(sourceRow) ? cell.adjusted(kMemberIndent, 0, 0, 0) : cell;
}

QRect AgentCardDelegate::expandButtonRect(const QModelIndex &index, const QRect &cardRect) const
{
    const AgentStatus *status = statusFor(index);
    const QRect left = resumeButtonRect(cardRect);
    // An interrupted team keeps its resume button where every card has it; the control goes left of it.
    return status && status->state == AgentState::Interrupted ? left.translated(-(kCancelSize + 4), 0) : left;
}

bool AgentCardDelegate::hasExpandButton(const QModelIndex &index) const
{
    const AgentStatus *status = statusFor(index);
    return status && m_board->memberCount(status->goalId) > 0;
}

void AgentCardDelegate::paintExpandButton(QPainter *painter, const QRect &rect, const QPalette &palette, bool expanded,
                                          bool hovered) const
{
    const QColor text = palette.color(QPalette::Text);
    painter->setPen(QPen(mix(palette.color(QPalette::Base), text, hovered ? 0.45 : 0.25), 1.0));
    painter->setBrush(hovered ? QBrush(mix(palette.color(QPalette::Base), text, 0.10)) : QBrush(Qt::NoBrush));
    painter->drawRoundedRect(QRectF(rect).adjusted(1.5, 1.5, -1.5, -1.5), 4.0, 4.0);
    // A chevron: down while the members show, right while they are folded away (as tree views do).
    QPen pen(hovered ? text : secondaryText(palette), 1.6);
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    const QPointF c = QRectF(rect).center();
    QPolygonF chevron;
    if (expanded)
        chevron << QPointF(c.x() - 4, c.y() - 2) << QPointF(c.x(), c.y() + 2) << QPointF(c.x() + 4, c.y() - 2);
    else
        chevron << QPointF(c.x() - 2, c.y() - 4) << QPointF(c.x() + 2, c.y()) << QPointF(c.x() - 2, c.y() + 4);
    painter->drawPolyline(chevron);
}

int AgentCardDelegate::paintKindPill(QPainter *painter, const QRect &rect, const QString &kind, const QPalette &palette,
                                     qreal dpr) const
{
    const Metrics &m = m_metrics;
    const QString label = TeamStyle::kindLabel(kind);
    const QFontMetrics metrics(m.badge);
    const int iconSize = kIconSize - 1;
    int width = 7 + iconSize + 5 + metrics.horizontalAdvance(label) + 9;
    const bool withText = width <= rect.width();
    if (!withText)
        width = 7 + iconSize + 7;
    if (width > rect.width())
        return 0;
    const QRect pill(rect.left(), rect.top(), width, m.badgeHeight);
    const QColor foreground = secondaryText(palette);
    painter->setPen(QPen(mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.30), 1.0));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(QRectF(pill).adjusted(0.5, 0.5, -0.5, -0.5), pill.height() / 2.0, pill.height() / 2.0);
    painter->drawPixmap(pill.left() + 7, pill.top() + (pill.height() - iconSize) / 2,
                        ThemedIcons::pixmap(TeamStyle::kindIconName(kind), foreground, iconSize, dpr));
    if (withText) {
        painter->setFont(m.badge);
        painter->setPen(foreground);
        painter->drawText(QRect(pill.left() + 7 + iconSize + 5, pill.top(), width - iconSize - 12, pill.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, label);
    }
    return width;
}

void AgentCardDelegate::paintMemberStrip(QPainter *painter, const QRect &rect, const QList<AgentState> &states,
                                         const QPalette &palette) const
{
    const QColor empty = mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.10);
    painter->setPen(Qt::NoPen);
    if (states.isEmpty()) {
        painter->setBrush(empty);
        painter->drawRoundedRect(QRectF(rect), 2.0, 2.0);
        return;
    }
    // One segment per member with a gap between, while they are wide enough to tell apart; a long team's
    // strip is one bar of coloured stretches.
    const int count = static_cast<int>(states.size());
    const int gap = rect.width() / count >= 8 ? 2 : 0;
    const qreal width = (rect.width() - gap * (count - 1)) / static_cast<qreal>(count);
    for (int i = 0; i < count; ++i) {
        const QRectF segment(rect.left() + i * (width + gap), rect.top(), width, rect.height());
        painter->setBrush(states.at(i) == AgentState::Queued ? empty : AgentStateStyle::accent(states.at(i), palette));
        if (gap > 0)
            painter->drawRoundedRect(segment, 2.0, 2.0);
        else
            painter->drawRect(segment.adjusted(0, 0, 0.5, 0)); // overlap half a pixel: no seams between stretches
    }
}

void AgentCardDelegate::paintRail(QPainter *painter, const QRect &cell, int joinY, bool last,
                                  const QPalette &palette) const
{
    const QColor color = mix(palette.color(QPalette::Window), palette.color(QPalette::Text), 0.35);
    QPen pen(color, 1.5);
    pen.setCapStyle(Qt::FlatCap);
    painter->setPen(pen);
    const qreal x = cell.left() + kMemberIndent / 2.0 - 1;
    painter->drawLine(QPointF(x, cell.top()), QPointF(x, last ? joinY : cell.bottom() + 1));
    painter->drawLine(QPointF(x, joinY), QPointF(cell.left() + kMemberIndent, joinY));
}

void AgentCardDelegate::paintBadge(QPainter *painter, const QRect &rect, const AgentStatus &status,
                                   const QPalette &palette, qreal dpr, int *badgeWidth) const
{
    const Metrics &m = m_metrics;
    const QString text = AgentStateStyle::label(status.state);
    const QColor foreground = AgentStateStyle::foreground(status.state, palette);
    const QColor background = AgentStateStyle::badgeBackground(status.state, palette);
    // Drawn once per state, colours and height (the antialiased pill and the shaped label were a third of a card).
    const CardPaintCache::Look look{int(status.state), foreground.rgba(), background.rgba(), m.badgeHeight, text};
    const QPixmap *badge = m_cache.picture(look, dpr);
    if (!badge) {
        const int textWidth = QFontMetrics(m.badge).horizontalAdvance(text);
        const QSize size(7 + kIconSize + 5 + textWidth + 9, m.badgeHeight);
        const QPixmap icon = ThemedIcons::pixmap(AgentStateStyle::iconName(status.state), foreground, kIconSize, dpr);
        badge = &m_cache.makePicture(look, size, dpr, [&](QPainter &p) {
            p.setPen(Qt::NoPen);
            p.setBrush(background);
            p.drawRoundedRect(QRectF(QPointF(0, 0), size), size.height() / 2.0, size.height() / 2.0);
            p.drawPixmap(7, (size.height() - kIconSize) / 2, icon);
            p.setFont(m.badge);
            p.setPen(foreground);
            p.drawText(QRect(7 + kIconSize + 5, 0, textWidth + 2, size.height()), Qt::AlignLeft | Qt::AlignVCenter,
                       text);
        });
    }
    painter->drawPixmap(rect.topLeft(), *badge);
    *badgeWidth = qRound(badge->width() / badge->devicePixelRatio());
}

void AgentCardDelegate::paintCancelButton(QPainter *painter, const QRect &rect, const QPalette &palette,
                                          bool hovered) const
{
    const QColor text = palette.color(QPalette::Text);
    if (hovered) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(mix(palette.color(QPalette::Base), text, 0.12));
        painter->drawEllipse(QRectF(rect));
    }
    QPen pen(hovered ? text : secondaryText(palette), 1.6);
    pen.setCapStyle(Qt::RoundCap);
    painter->setPen(pen);
    const QRectF cross = QRectF(rect).adjusted(6.5, 6.5, -6.5, -6.5);
    painter->drawLine(cross.topLeft(), cross.bottomRight());
    painter->drawLine(cross.topRight(), cross.bottomLeft());
}

void AgentCardDelegate::paintResumeButton(QPainter *painter, const QRect &rect, const QPalette &palette, qreal dpr,
                                          bool hovered) const
{
    // Always shown, unlike the cancel button: the agent waits for exactly this click.
    const QColor color = AgentStateStyle::foreground(AgentState::Interrupted, palette);
    painter->setPen(QPen(color, hovered ? 1.6 : 1.2));
    painter->setBrush(hovered ? QBrush(AgentStateStyle::badgeBackground(AgentState::Interrupted, palette))
                              : QBrush(Qt::NoBrush));
    painter->drawEllipse(QRectF(rect).adjusted(1.0, 1.0, -1.0, -1.0));
    const int iconSize = kCancelSize - 8;
    painter->drawPixmap(rect.left() + (rect.width() - iconSize) / 2 + 1, rect.top() + (rect.height() - iconSize) / 2,
                        ThemedIcons::pixmap(QStringLiteral("resume"), color, iconSize, dpr));
}

void AgentCardDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    int sourceRow = -1;
    const AgentStatus *status = statusFor(index, &sourceRow);
    if (!status) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const AgentStatus &s = *status;
    const Metrics &m = metricsFor(option.font);
    const QPalette &palette = option.palette;
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    const bool dark = AgentStateStyle::isDarkPalette(palette);
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const bool hovered = option.state.testFlag(QStyle::State_MouseOver);
    const bool focused = option.state.testFlag(QStyle::State_HasFocus);
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const QColor highlight = palette.color(QPalette::Highlight);
    const QColor secondary = secondaryText(palette);
    const QColor accent = AgentStateStyle::accent(s.state, palette);
    const bool team = !s.teamKind.isEmpty();
    const int teamRow = m_board->teamRowAt(sourceRow);
    const bool member = teamRow >= 0;
    // A member's panel is indented under its team, on a lighter frame; the rail in the indent joins them.
    const QRect cardArea = member ? option.rect.adjusted(kMemberIndent, 0, 0, 0) : option.rect;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    if (member) {
        const bool last = sourceRow == teamRow + m_board->memberCount(m_board->statusAt(teamRow).goalId);
        paintRail(painter, option.rect, cardArea.top() + kPaddingY + m.badgeHeight / 2, last, palette);
    }

    // The card: a rounded panel on the board's window colour, with a stripe in the state's colour (one pixmap per
    // size and look, see CardPaintCache).
    CardPaintCache::Frame frame;
    frame.background = member ? mix(base, palette.color(QPalette::Window), 0.45) : base;
    if (selected)
        frame.background = mix(base, highlight, dark ? 0.18 : 0.09);
    else if (hovered)
        frame.background = mix(frame.background, text, 0.03);
    frame.stripe = accent;
    frame.border = mix(base, text, member ? (dark ? 0.16 : 0.10) : (dark ? 0.24 : 0.16));
    if (selected)
        frame.border = highlight;
    else if (hovered)
        frame.border = mix(base, text, dark ? 0.40 : 0.30);
    frame.selected = selected;
    frame.under = palette.color(QPalette::Window); // the board's viewport (AgentBoardView)
    if (focused && !selected)
        frame.focus = highlight;
    m_cache.drawFrame(painter, cardArea, frame, dpr);

    const QRect content = cardArea.adjusted(kStripeWidth + kPaddingLeft, kPaddingY, -kPaddingRight, -kPaddingY);
    int y = content.top();

    // Row 1: state badge, attempt, priority; the cancel button on hover.
    int badgeWidth = 0;
    paintBadge(painter, QRect(content.left(), y, content.width(), m.badgeHeight), s, palette, dpr, &badgeWidth);
    int rightEdge = content.right();
    const bool cancellable = AgentStateStyle::isCancellable(s.state);
    if (cancellable)
        rightEdge -= kCancelSize + 2;
    if (cancellable && hovered) {
        const QRect cancelRect = cancelButtonRect(cardArea);
        paintCancelButton(painter, cancelRect, palette, cancelRect.contains(m_hoverPosition));
    }
    if (s.state == AgentState::Interrupted) {
        const QRect resumeRect = resumeButtonRect(cardArea);
        paintResumeButton(painter, resumeRect, palette, dpr, hovered && resumeRect.contains(m_hoverPosition));
        rightEdge = resumeRect.left() - 8;
    }
    if (m_board->memberCount(s.goalId) > 0) {
        const QRect expandRect = expandButtonRect(index, cardArea);
        paintExpandButton(painter, expandRect, palette, m_board->isTeamExpanded(s.goalId),
                          hovered && expandRect.contains(m_hoverPosition));
        rightEdge = expandRect.left() - 6;
    }
    painter->setFont(m.small);
    const QFontMetrics smallMetrics(m.small);
    if (s.priority == Priority::High || s.priority == Priority::Critical) {
        const QString priority = AgentStateStyle::priorityLabel(s.priority);
        const int width = smallMetrics.horizontalAdvance(priority) + 14;
        const QRect chip(rightEdge - width + 1, y + (m.badgeHeight - m.smallHeight - 4) / 2, width, m.smallHeight + 4);
        const QColor chipColor =
            s.priority == Priority::Critical ? AgentStateStyle::foreground(AgentState::Failed, palette) : secondary;
        painter->setPen(QPen(mix(base, chipColor, 0.55), 1.0));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(chip).adjusted(0.5, 0.5, -0.5, -0.5), chip.height() / 2.0, chip.height() / 2.0);
        painter->setPen(chipColor);
        painter->drawText(chip, Qt::AlignCenter, priority);
        rightEdge = chip.left() - 8;
    }
    if (s.needsHuman) {
        // It keeps asking: a person should look at the goal itself. Words and an outline, not colour alone.
        const QString marker = tr("Needs human");
        const int width = smallMetrics.horizontalAdvance(marker) + 14;
        const QRect chip(rightEdge - width + 1, y + (m.badgeHeight - m.smallHeight - 4) / 2, width, m.smallHeight + 4);
        const QColor chipColor = AgentStateStyle::foreground(AgentState::Failed, palette);
        painter->setPen(QPen(chipColor, 1.0));
        painter->setBrush(AgentStateStyle::badgeBackground(AgentState::Failed, palette));
        painter->drawRoundedRect(QRectF(chip).adjusted(0.5, 0.5, -0.5, -0.5), chip.height() / 2.0, chip.height() / 2.0);
        painter->setPen(chipColor);
        painter->drawText(chip, Qt::AlignCenter, marker);
        rightEdge = chip.left() - 6;
    }
    // A team's pattern, after its state (the chips at the right keep their place; the pill gives way).
    if (team) {
        const int left = content.left() + badgeWidth + 6;
        const int pill =
            paintKindPill(painter, QRect(left, y, rightEdge - left, m.badgeHeight), s.teamKind, palette, dpr);
        badgeWidth += pill > 0 ? pill + 6 : 0;
        painter->setFont(m.small);
    }
    // While it backs off, the attempt goes with the countdown in row 5 instead.
    const QString attemptText = s.nextAttemptAt.isValid() ? QString() : AgentStatusText::attempt(s);
    if (!attemptText.isEmpty()) {
        const QRect attemptRect(content.left() + badgeWidth + 8, y,
                                qMax(0, rightEdge - content.left() - badgeWidth - 8), m.badgeHeight);
        painter->setPen(secondary);
        m_cache.drawText(painter, attemptRect, Qt::AlignLeft, attemptText, kSmallFont, smallMetrics);
    }
    y += m.badgeHeight + (m_compact ? 7 : 9);

    // Row 2: the goal, the thing the person cares about.
    painter->setFont(m.title);
    painter->setPen(text);
    const QFontMetrics titleMetrics(m.title);
    // A member's title is what it is in its team ("round 2 · optimist"): the team card above names the goal.
    const QString title = member && !s.memberLabel.isEmpty() ? s.memberLabel
                          : s.goalTitle.isEmpty()            ? s.goalId
                                                             : s.goalTitle;
    m_cache.drawText(painter, QRect(content.left(), y, content.width(), m.titleHeight), Qt::AlignLeft, title,
                     kTitleFont, titleMetrics);
    y += m.titleHeight + 1;

    // Row 3: which agent, on which profile (compact cards go straight from the goal to the bar); a team's stage.
    if (m_compact) {
        y += 7;
    } else if (team) {
        painter->setFont(m.small);
        painter->setPen(secondary);
        const QString stage = s.teamStage.isEmpty() ? AgentStateStyle::description(s.state) : s.teamStage;
        // Not a %n plural: the English plural forms come from translations/*.ts, which this change leaves alone.
        const qsizetype members = s.memberStates.size();
        //: Card subtitle of a team goal: its stage and its members, "round 2 of 3 · 6 members"
        const QString where =
            members == 1 ? tr("%1 · 1 member").arg(stage) : tr("%1 · %2 members").arg(stage).arg(members);
        m_cache.drawText(painter, QRect(content.left(), y, content.width(), m.smallHeight), Qt::AlignLeft, where,
                         kSmallFont, smallMetrics);
        y += m.smallHeight + 10;
    } else {
        painter->setFont(m.small);
        painter->setPen(secondary);
        //: Card subtitle: agent name · profile name
        const QString who = tr("%1 · %2").arg(s.name, s.profile.isEmpty() ? tr("any profile") : s.profile);
        const QString place = AgentStatusText::place(s);
        if (place.isEmpty()) {
            m_cache.drawText(painter, QRect(content.left(), y, content.width(), m.smallHeight), Qt::AlignLeft, who,
                             kSmallFont, smallMetrics);
        } else {
            // The repository tells goals of several repositories apart, and the executor where a job runs, so they
            // keep their place at the right: the agent and profile give way first, and a long place is cut in the
            // middle, never dropped.
            const QString &where = place;
            const QString separator = QStringLiteral(" · ");
            const int whereWidth =
                qMin(smallMetrics.horizontalAdvance(where),
                     qMax(content.width() / 2, content.width() - smallMetrics.horizontalAdvance(who + separator)));
            // Whole when it fits (elidedText() may cut a text exactly as wide as the room it is given).
            const QString whereText = smallMetrics.horizontalAdvance(where) <= whereWidth
                                          ? where
                                          : smallMetrics.elidedText(where, Qt::ElideMiddle, whereWidth);
            const int whoWidth = content.width() - smallMetrics.horizontalAdvance(whereText);
            const QString whoText =
                smallMetrics.elidedText(who, Qt::ElideRight, whoWidth - smallMetrics.horizontalAdvance(separator)) +
                separator;
            painter->drawText(QRect(content.left(), y, content.width(), m.smallHeight),
                              Qt::AlignLeft | Qt::AlignVCenter, whoText + whereText);
        }
        y += m.smallHeight + 10;
    }

    // Row 4: the progress bar, drawn by the style like qBittorrent's transfer list; a team's member strip.
    const QString percent = team ? TeamStyle::memberSummary(s.memberStates) : tr("%1%").arg(s.progress);
    const int percentWidth = team ? qMin(smallMetrics.horizontalAdvance(percent) + 2, content.width() / 2)
                                  : smallMetrics.horizontalAdvance(QStringLiteral("100%")) + 2;
    if (team) {
        paintMemberStrip(painter, QRect(content.left(), y, content.width() - percentWidth - 8, m.barHeight),
                         s.memberStates, palette);
    } else {
        QStyleOptionProgressBar bar;
        if (widget)
            bar.initFrom(widget);
        bar.state = QStyle::State_Enabled | QStyle::State_Horizontal;
        bar.direction = option.direction;
        bar.rect = QRect(content.left(), y, content.width() - percentWidth - 8, m.barHeight);
        bar.minimum = 0;
        bar.maximum = 100;
        bar.progress = qBound(0, s.progress, 100);
        bar.textVisible = false;
        bar.palette = palette;
        bar.palette.setColor(QPalette::Highlight, accent);
        bar.palette.setColor(QPalette::Base, mix(base, text, dark ? 0.14 : 0.08));
        bar.palette.setColor(QPalette::Window, mix(base, text, dark ? 0.14 : 0.08));
        // The style's bar looks the same for the same size, value and colours: drawn once into a cached pixmap
        // (QFusionStyle's bar was ~a third of painting a card; a board of live cards repaints many per frame).
        const QRect barRect = bar.rect;
        const QString key =
            QStringLiteral("sb-progress:%1x%2@%3:%4:%5:%6:%7")
                .arg(barRect.width())
                .arg(barRect.height())
                .arg(dpr)
                .arg(bar.progress)
                .arg(accent.rgba())
                .arg(bar.palette.color(QPalette::Base).rgba())
                .arg(QString::number(qintptr(style), 16) + (option.direction == Qt::RightToLeft ? u'r' : u'l'));
        QPixmap cached;
        if (!QPixmapCache::find(key, &cached) && barRect.isValid()) {
            cached = QPixmap(barRect.size() * dpr);
            cached.setDevicePixelRatio(dpr);
            cached.fill(Qt::transparent);
            QPainter barPainter(&cached);
            barPainter.setRenderHints(painter->renderHints());
            bar.rect = QRect(QPoint(0, 0), barRect.size());
            // At 0 % only the groove: some styles draw a sliver of chunk even for an empty bar.
            style->drawControl(s.progress > 0 ? QStyle::CE_ProgressBar : QStyle::CE_ProgressBarGroove, &bar,
                               &barPainter, widget);
            barPainter.end();
            QPixmapCache::insert(key, cached);
        }
        if (!cached.isNull())
            painter->drawPixmap(barRect.topLeft(), cached);
    }
    painter->setFont(m.small);
    painter->setPen(secondary);
    m_cache.drawText(
        painter,
        QRect(content.right() - percentWidth + 1, y - (m.smallHeight - m.barHeight) / 2, percentWidth, m.smallHeight),
        Qt::AlignRight, percent, kSmallFont, smallMetrics);
    y += m.barHeight + 9;
    if (m_compact) {
        painter->restore();
        return;
    }

    // Row 5: what it is doing now, why it waits, or why it stopped.
    const QString line = statusLine(s, sourceRow);
    QColor lineColor = text;
    switch (s.state) {
    case AgentState::Failed:
    case AgentState::Blocked:
    case AgentState::Escalated:
        lineColor = AgentStateStyle::foreground(s.state, palette);
        break;
    case AgentState::Completed:
    case AgentState::Running:
        break;
    case AgentState::Review:
        lineColor = AgentStateStyle::foreground(s.state, palette);
        break;
    case AgentState::Queued:
        lineColor = s.nextAttemptAt.isValid() || s.rateLimitedUntil.isValid()
                        ? AgentStateStyle::foreground(AgentState::Escalated, palette)
                        : secondary;
        break;
    case AgentState::WaitingForLock:
        lineColor = AgentStateStyle::foreground(s.state, palette);
        break;
    case AgentState::Cancelled:
    case AgentState::Skipped:
    case AgentState::Paused:
    case AgentState::Interrupted:
        lineColor = secondary;
        break;
    }
    painter->setFont(m.base);
    painter->setPen(lineColor);
    const QFontMetrics baseMetrics(m.base);
    m_cache.drawText(painter, QRect(content.left(), y, content.width(), m.baseHeight), Qt::AlignLeft, line.simplified(),
                     kBaseFont, baseMetrics);
    y += m.baseHeight + 3;

    // Row 6: the time the program ran (time in an executor's queue is the step's, "pending in Slurm: …"); tokens
    // and cost when the backend reports them.
    painter->setFont(m.small);
    painter->setPen(secondary);
    const QRect footer(content.left(), y, content.width(), m.smallHeight);
    int footerLeft = footer.left();
    if (s.startedAt.isValid()) {
        const int clockSize = 12;
        painter->drawPixmap(footerLeft, footer.top() + (footer.height() - clockSize) / 2,
                            ThemedIcons::pixmap(QStringLiteral("clock"), secondary, clockSize, dpr));
        footerLeft += clockSize + 5;
        m_cache.drawText(painter, QRect(footerLeft, footer.top(), footer.width() / 2, footer.height()), Qt::AlignLeft,
                         DisplayFormat::clock(s.runMs()), kSmallFont, smallMetrics);
    } else {
        const QString notStarted =
            s.state == AgentState::Queued && s.createdAt.isValid()
                ? tr("Queued at %1").arg(QLocale().toString(s.createdAt.toLocalTime().time(), QLocale::ShortFormat))
                : tr("Not started");
        m_cache.drawText(painter, QRect(footerLeft, footer.top(), footer.width() / 2, footer.height()), Qt::AlignLeft,
                         notStarted, kSmallFont, smallMetrics);
    }
    if (s.tokens() > 0 || s.costUsd > 0.0) {
        QStringList usage;
        if (s.tokens() > 0)
            usage << DisplayFormat::tokens(s.tokens());
        if (s.costUsd > 0.0)
            usage << DisplayFormat::cost(s.costUsd);
        const int usageWidth = footer.width() / 2 + 20;
        m_cache.drawText(painter, QRect(footer.right() - usageWidth + 1, footer.top(), usageWidth, footer.height()),
                         Qt::AlignRight, usage.join(QStringLiteral(" · ")), kSmallFont, smallMetrics, Qt::ElideLeft);
    }

    painter->restore();
}

QString AgentCardDelegate::statusLine(const AgentStatus &s, int sourceRow) const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    switch (s.state) {
    case AgentState::Failed:
        return AgentStatusText::failure(s);
    case AgentState::Blocked:
        return s.error.isEmpty() ? AgentStateStyle::description(s.state) : s.error;
    case AgentState::Completed:
    case AgentState::Skipped: // the summary says why: "skipped: condition on 'post' was false (...)"
        return s.summary.isEmpty() ? AgentStateStyle::description(s.state) : s.summary;
    case AgentState::Review:
        // The badge already says "Ready for review": the line is the agent's own summary (its first line; the
        // whole of it is in the detail pane and the Review window).
        return s.summary.isEmpty() ? AgentStateStyle::description(s.state)
                                   : s.summary.section(QLatin1Char('\n'), 0, 0, QString::SectionSkipEmpty);
    case AgentState::Running: {
        const QString limited = AgentStatusText::rateLimit(s, now);
        if (!limited.isEmpty())
            return limited;
        if (s.currentStep.isEmpty() && !s.teamKind.isEmpty())
            return s.teamStage.isEmpty() ? tr("Members working") : s.teamStage;
        return s.currentStep.isEmpty() ? tr("Starting…") : s.currentStep;
    }
    case AgentState::Queued: {
        if (s.nextAttemptAt.isValid()) {
            //: Card of an agent backing off: "attempt 2/4 · next try in 4:12"
            QString line = tr("%1 · %2").arg(AgentStatusText::attempt(s), AgentStatusText::nextTry(s, now));
            if (!s.error.isEmpty())
                line += QStringLiteral(" — ") + s.error;
            return line;
        }
        const QString limited = AgentStatusText::rateLimit(s, now);
        if (!limited.isEmpty())
            return limited;
        const QString locks = AgentStatusText::lockWait(s);
        if (!locks.isEmpty())
            return locks;
        const QStringList waitingFor = m_board && sourceRow >= 0 ? m_board->waitingForAt(sourceRow) : QStringList();
        return waitingFor.isEmpty() ? tr("Waiting for a free slot")
                                    : tr("Waiting for %1").arg(waitingFor.join(QStringLiteral(", ")));
    }
    case AgentState::WaitingForLock: {
        const QString locks = AgentStatusText::lockWait(s);
        return locks.isEmpty() ? AgentStateStyle::description(s.state) : locks;
    }
    case AgentState::Escalated: {
        const QString question = m_board && sourceRow >= 0 ? m_board->questionAt(sourceRow) : QString();
        //: Card of an agent waiting for an answer; %1 is its question
        return question.isEmpty() ? AgentStateStyle::description(s.state) : tr("Asks: %1").arg(question);
    }
    case AgentState::Interrupted:
        //: Card of an agent a crash or quit interrupted, held until the person resumes it
        return tr("Stopped with Switchboard; resume it (▶) to start a new attempt");
    case AgentState::Cancelled:
    case AgentState::Paused:
        return AgentStateStyle::description(s.state);
    }
    return {};
}

QString AgentCardDelegate::cardText(const QModelIndex &index) const
{
    int sourceRow = -1;
    const AgentStatus *status = statusFor(index, &sourceRow);
    if (!status)
        return {};
    QStringList parts{AgentStateStyle::label(status->state)};
    if (status->needsHuman)
        parts << tr("Needs human");
    if (!status->nextAttemptAt.isValid() && !AgentStatusText::attempt(*status).isEmpty())
        parts << AgentStatusText::attempt(*status);
    const bool member = isNestedMember(sourceRow);
    if (!status->teamKind.isEmpty())
        parts << TeamStyle::kindLabel(status->teamKind);
    parts << (member && !status->memberLabel.isEmpty() ? status->memberLabel
              : status->goalTitle.isEmpty()            ? status->goalId
                                                       : status->goalTitle);
    if (!status->teamKind.isEmpty()) {
        parts << (status->teamStage.isEmpty() ? AgentStateStyle::description(status->state) : status->teamStage)
              << TeamStyle::memberSummary(status->memberStates);
    } else {
        //: Card subtitle: agent name · profile name
        QString who = tr("%1 · %2").arg(status->name, status->profile.isEmpty() ? tr("any profile") : status->profile);
        if (const QString place = AgentStatusText::place(*status); !place.isEmpty())
            who += QStringLiteral(" · ") + place;
        parts << who;
    }
    parts << statusLine(*status, sourceRow);
    return parts.join(QLatin1Char('\n'));
}

bool AgentCardDelegate::editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                                    const QModelIndex &index)
{
    const QEvent::Type type = event->type();
    if (type == QEvent::MouseButtonPress || type == QEvent::MouseButtonRelease || type == QEvent::MouseButtonDblClick) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        const QRect card = cardRect(index, option.rect);
        if (mouse->button() == Qt::LeftButton && hasExpandButton(index) &&
            expandButtonRect(index, card).contains(mouse->position().toPoint())) {
            if (type == QEvent::MouseButtonRelease) {
                const QString teamGoal = statusFor(index)->goalId;
                m_board->setTeamExpanded(teamGoal, !m_board->isTeamExpanded(teamGoal));
            }
            return true;
        }
        if (mouse->button() == Qt::LeftButton && hasResumeButton(index) &&
            resumeButtonRect(card).contains(mouse->position().toPoint())) {
            if (type == QEvent::MouseButtonRelease)
                Q_EMIT resumeRequested(index.data(AgentBoardModel::AgentIdRole).toString());
            return true;
        }
        if (mouse->button() == Qt::LeftButton && hasCancelButton(index) &&
            cancelButtonRect(card).contains(mouse->position().toPoint())) {
            if (type == QEvent::MouseButtonRelease)
                Q_EMIT cancelRequested(index.data(AgentBoardModel::AgentIdRole).toString());
            return true; // the button owns the click: no editing, no double-click activation
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

bool AgentCardDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                                  const QModelIndex &index)
{
    if (event && event->type() == QEvent::ToolTip && view) {
        QString tip;
        const QRect card = cardRect(index, option.rect);
        if (hasExpandButton(index) && expandButtonRect(index, card).contains(event->pos()))
            tip = m_board->isTeamExpanded(statusFor(index)->goalId) ? tr("Hide this team's members (−)")
                                                                    : tr("Show this team's members (+)");
        else if (hasResumeButton(index) && resumeButtonRect(card).contains(event->pos()))
            tip = tr("Resume: start this agent again with a new attempt");
        else if (hasCancelButton(index) && cancelButtonRect(card).contains(event->pos()))
            tip = tr("Cancel this agent");
        if (!tip.isEmpty()) {
            QToolTip::showText(event->globalPos(), tip, view->viewport(), option.rect);
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace switchboard
