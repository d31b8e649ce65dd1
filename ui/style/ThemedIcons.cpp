#include "style/ThemedIcons.h"

#include <QImage>
#include <QPainter>
#include <QPixmapCache>
#include <QSvgRenderer>

#include <array>

namespace switchboard {

namespace {
constexpr std::array<int, 5> kIconSizes{16, 20, 24, 32, 48};
constexpr std::array<qreal, 2> kRatios{1.0, 2.0};

QString resourcePath(const QString &name)
{
    return QStringLiteral(":/icons/%1.svg").arg(name);
}
} // namespace

QPixmap ThemedIcons::pixmap(const QString &name, const QColor &color, int size, qreal devicePixelRatio)
{
    const QString key = QStringLiteral("sb-icon:%1:%2:%3:%4")
                            .arg(name)
                            .arg(color.rgba(), 8, 16, QLatin1Char('0'))
                            .arg(size)
                            .arg(devicePixelRatio);
    QPixmap cached;
    if (QPixmapCache::find(key, &cached))
        return cached;

    const int device = qMax(1, qRound(size * devicePixelRatio));
    QImage image(device, device, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QSvgRenderer renderer(resourcePath(name));
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter, QRectF(0, 0, device, device));
        if (color.isValid()) {
            // Keep the drawing's alpha, replace its colour.
            painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
            painter.fillRect(image.rect(), color);
        }
    }
    QPixmap result = QPixmap::fromImage(image);
    result.setDevicePixelRatio(devicePixelRatio);
    QPixmapCache::insert(key, result);
    return result;
}

QIcon ThemedIcons::icon(const QString &name, const QPalette &palette)
{
    QIcon result;
    const QColor normal = palette.color(QPalette::Active, QPalette::ButtonText);
    const QColor disabled = palette.color(QPalette::Disabled, QPalette::ButtonText);
    for (const int size : kIconSizes) {
        for (const qreal ratio : kRatios) {
            result.addPixmap(pixmap(name, normal, size, ratio), QIcon::Normal);
            result.addPixmap(pixmap(name, disabled, size, ratio), QIcon::Disabled);
        }
    }
    return result;
}

QIcon ThemedIcons::icon(const QString &name, const QColor &color)
{
    QIcon result;
    for (const int size : kIconSizes) {
        for (const qreal ratio : kRatios)
            result.addPixmap(pixmap(name, color, size, ratio));
    }
    return result;
}

QIcon ThemedIcons::appIcon()
{
    // Rendered here rather than through the SVG icon-engine plugin, which may not be installed.
    QIcon result;
    for (const int size : {16, 24, 32, 48, 64, 128, 256})
        result.addPixmap(pixmap(QStringLiteral("switchboard"), QColor(), size, 1.0));
    return result;
}

} // namespace switchboard
