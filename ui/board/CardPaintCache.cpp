#include "board/CardPaintCache.h"

#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>
#include <QRect>

namespace switchboard {

namespace {
constexpr int kStripeWidth = 4;
constexpr qreal kRadius = 7.0;
// Bounds: a frame per size and look (states x hover/selection/focus), the lines of the cards on screen and of
// those scrolled past lately. Full, a cache starts over rather than tracking what was used last.
constexpr qsizetype kMaxFrames = 128;
constexpr qsizetype kMaxTexts = 8192;
constexpr qsizetype kMaxPictures = 256;
} // namespace

size_t qHash(const CardPaintCache::FrameKey &key, size_t seed) noexcept
{
    return qHashMulti(seed, key.width, key.height, key.dpr, key.background, key.stripe, key.border, key.focus,
                      key.under, key.hasFocus, key.selected);
}

size_t qHash(const CardPaintCache::TextKey &key, size_t seed) noexcept
{
    return qHashMulti(seed, key.text, key.fontSlot, key.width, key.elide);
}

size_t qHash(const CardPaintCache::LookKey &key, size_t seed) noexcept
{
    return qHashMulti(seed, key.look.kind, key.look.first, key.look.second, key.look.height, key.look.text, key.dpr);
}

void CardPaintCache::clear()
{
    m_frames.clear();
    m_texts.clear();
    m_pictures.clear();
}

const QPixmap *CardPaintCache::picture(const Look &look, qreal dpr) const
{
    const auto it = m_pictures.constFind(LookKey{look, dpr});
    return it == m_pictures.cend() ? nullptr : &*it;
}

const QPixmap &CardPaintCache::makePicture(const Look &look, const QSize &size, qreal dpr,
                                           const std::function<void(QPainter &)> &draw)
{
    if (m_pictures.size() >= kMaxPictures)
        m_pictures.clear();
    QPixmap pixmap(size * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    draw(painter);
    painter.end();
    return *m_pictures.insert(LookKey{look, dpr}, pixmap);
}

void CardPaintCache::drawFrame(QPainter *painter, const QRect &cardArea, const Frame &frame, qreal dpr)
{
    if (cardArea.isEmpty())
        return;
    const FrameKey key{cardArea.width(),
                       cardArea.height(),
                       dpr,
                       frame.background.rgba(),
                       frame.stripe.rgba(),
                       frame.border.rgba(),
                       frame.focus.isValid() ? frame.focus.rgba() : 0u,
                       frame.under.isValid() ? frame.under.rgba() : 0u,
                       frame.focus.isValid(),
                       frame.selected};
    auto it = m_frames.constFind(key);
    if (it == m_frames.cend()) {
        if (m_frames.size() >= kMaxFrames)
            m_frames.clear();
        QPixmap pixmap(cardArea.size() * dpr);
        pixmap.setDevicePixelRatio(dpr);
        pixmap.fill(frame.under.isValid() && frame.under.alpha() == 255 ? frame.under : QColor(Qt::transparent));
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        // The rounded panel on the board's window colour, with a stripe in the state's colour.
        const QRectF card = QRectF(QRect(QPoint(0, 0), cardArea.size())).adjusted(0.5, 0.5, -0.5, -0.5);
        QPainterPath outline;
        outline.addRoundedRect(card, kRadius, kRadius);
        p.fillPath(outline, frame.background);
        p.save();
        p.setClipPath(outline);
        p.fillRect(QRectF(card.left(), card.top(), kStripeWidth, card.height()), frame.stripe);
        p.restore();
        p.setBrush(Qt::NoBrush);
        if (frame.selected) {
            // A 2 px border drawn inside the card, so selection never changes the card's footprint.
            p.setPen(QPen(frame.border, 2.0));
            p.drawRoundedRect(card.adjusted(0.5, 0.5, -0.5, -0.5), kRadius - 0.5, kRadius - 0.5);
        } else {
            p.setPen(QPen(frame.border, 1.0));
            p.drawPath(outline);
        }
        if (frame.focus.isValid()) {
            p.setPen(QPen(frame.focus, 1.0, Qt::DashLine));
            p.drawRoundedRect(card.adjusted(2.5, 2.5, -2.5, -2.5), kRadius - 2, kRadius - 2);
        }
        p.end();
        it = m_frames.insert(key, pixmap);
    }
    painter->drawPixmap(cardArea.topLeft(), *it);
}

void CardPaintCache::drawText(QPainter *painter, const QRect &rect, Qt::Alignment alignment, const QString &text,
                              int fontSlot, const QFontMetrics &metrics, Qt::TextElideMode elide)
{
    if (rect.width() <= 0 || text.isEmpty())
        return;
    const TextKey key{text, fontSlot, rect.width(), int(elide)};
    auto it = m_texts.constFind(key);
    if (it == m_texts.cend()) {
        if (m_texts.size() >= kMaxTexts)
            m_texts.clear();
        const QString shown = metrics.elidedText(text, elide, rect.width());
        Text laidOut;
        laidOut.text.setText(shown);
        laidOut.text.setTextFormat(Qt::PlainText);
        laidOut.text.setPerformanceHint(QStaticText::AggressiveCaching);
        laidOut.text.prepare(QTransform(), painter->font());
        laidOut.width = metrics.horizontalAdvance(shown);
        it = m_texts.insert(key, laidOut);
    }
    int x = rect.left();
    if (alignment.testFlag(Qt::AlignRight))
        x = rect.right() + 1 - it->width;
    else if (alignment.testFlag(Qt::AlignHCenter))
        x = rect.left() + (rect.width() - it->width) / 2;
    const int y = rect.top() + (rect.height() - metrics.height()) / 2;
    painter->drawStaticText(QPointF(x, y), it->text);
}

} // namespace switchboard
