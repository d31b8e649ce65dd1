#pragma once

#include <QColor>
#include <QHash>
#include <QPixmap>
#include <QStaticText>
#include <QString>

#include <functional>

class QFontMetrics;
class QPainter;
class QRect;

namespace switchboard {

// What painting agent cards keeps from one paint to the next: each card's panel (background, the state's stripe,
// border, focus frame) as one pixmap per size and look, and each line of text elided and laid out once as a
// QStaticText. A board of live cards repaints many of them per frame and most of what they show has not changed:
// stroking the rounded outline and shaping the text were most of a card's paint.
class CardPaintCache final
{
    Q_DISABLE_COPY_MOVE(CardPaintCache)

public:
    CardPaintCache() = default;

    // How a card's panel looks; equal looks of equal size share a pixmap.
    struct Frame
    {
        QColor background;
        QColor stripe;
        QColor border;
        QColor focus; // invalid: no focus frame
        // What the board shows behind the card: filled into the rounded corners, the pixmap is opaque and drawn
        // as a plain copy (blending a card-sized pixmap with alpha cost more than painting the panel did).
        QColor under;
        bool selected = false;
    };
    void drawFrame(QPainter *painter, const QRect &cardArea, const Frame &frame, qreal dpr);

    // Draws text on one line in rect (left, right or centred horizontally, centred vertically), elided to the
    // rect's width, in the painter's font and pen. fontSlot names the font (the caller's fonts change together:
    // clear() then), metrics are that font's.
    void drawText(QPainter *painter, const QRect &rect, Qt::Alignment alignment, const QString &text, int fontSlot,
                  const QFontMetrics &metrics, Qt::TextElideMode elide = Qt::ElideRight);

    // A small picture drawn once per look (a state's badge): `draw` paints it into a transparent pixmap of `size`
    // (device-independent pixels). The look is what the picture depends on: a kind, two colours, a text, a height.
    struct Look
    {
        int kind = 0;
        QRgb first = 0;
        QRgb second = 0;
        int height = 0;
        QString text;
        bool operator==(const Look &other) const = default;
    };
    // The picture for look, or null when not drawn yet (then make() it).
    const QPixmap *picture(const Look &look, qreal dpr) const;
    const QPixmap &makePicture(const Look &look, const QSize &size, qreal dpr,
                               const std::function<void(QPainter &)> &draw);

    // After a font, style or palette change.
    void clear();

private:
    struct FrameKey
    {
        int width = 0;
        int height = 0;
        qreal dpr = 1.0;
        QRgb background = 0;
        QRgb stripe = 0;
        QRgb border = 0;
        QRgb focus = 0;
        QRgb under = 0;
        bool hasFocus = false;
        bool selected = false;
        bool operator==(const FrameKey &other) const = default;
    };
    struct TextKey
    {
        QString text;
        int fontSlot = 0;
        int width = 0;
        int elide = 0;
        bool operator==(const TextKey &other) const = default;
    };
    struct Text
    {
        QStaticText text;
        int width = 0;
    };
    struct LookKey
    {
        Look look;
        qreal dpr = 1.0;
        bool operator==(const LookKey &other) const = default;
    };
    friend size_t qHash(const FrameKey &key, size_t seed) noexcept;
    friend size_t qHash(const LookKey &key, size_t seed) noexcept;
    friend size_t qHash(const TextKey &key, size_t seed) noexcept;

    QHash<FrameKey, QPixmap> m_frames;
    QHash<TextKey, Text> m_texts;
    QHash<LookKey, QPixmap> m_pictures;
};

} // namespace switchboard
