#pragma once

#include <QColor>
#include <QIcon>
#include <QPalette>
#include <QPixmap>
#include <QString>

namespace switchboard {

// Switchboard's own icons are monochrome SVGs (:/icons/<name>.svg). They are tinted when used, so the
// same drawing reads well on light and dark palettes and in any state colour. Tinted pixmaps are cached.
class ThemedIcons final
{
public:
    ThemedIcons() = delete;

    // The icon in the palette's button-text colour, greyed when disabled.
    static QIcon icon(const QString &name, const QPalette &palette);
    // The icon in one colour (state badges).
    static QIcon icon(const QString &name, const QColor &color);
    // One pixmap of size x size logical pixels at the given device pixel ratio (cached); an invalid colour
    // keeps the drawing's own colours.
    static QPixmap pixmap(const QString &name, const QColor &color, int size, qreal devicePixelRatio);
    // The application icon, in colour.
    static QIcon appIcon();
};

} // namespace switchboard
