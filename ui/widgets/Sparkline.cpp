#include "widgets/Sparkline.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace switchboard {

namespace {
constexpr qreal kLineWidth = 1.6;
constexpr qreal kDotRadius = 2.4;

QColor blend(const QColor &from, const QColor &to, qreal amount)
{
    const qreal keep = 1.0 - amount;
    return QColor::fromRgbF(static_cast<float>(from.redF() * keep + to.redF() * amount),
                            static_cast<float>(from.greenF() * keep + to.greenF() * amount),
                            static_cast<float>(from.blueF() * keep + to.blueF() * amount));
}
} // namespace

Sparkline::Sparkline(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAttribute(Qt::WA_OpaquePaintEvent, false);
}

void Sparkline::setPoints(QList<QPointF> points, double xFrom, double xTo)
{
    m_points = std::move(points);
    m_xFrom = xFrom;
    m_xTo = xTo;
    update();
}

void Sparkline::setColor(const QColor &color)
{
    if (color == m_color)
        return;
    m_color = color;
    update();
}

void Sparkline::setTarget(std::optional<double> target)
{
    m_target = target;
    update();
}

void Sparkline::setFixedRange(std::optional<double> minimum, std::optional<double> maximum)
{
    m_fixedMinimum = minimum;
    m_fixedMaximum = maximum;
    update();
}

QSize Sparkline::sizeHint() const
{
    return {120, 26};
}

QSize Sparkline::minimumSizeHint() const
{
    return {48, 20};
}

void Sparkline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette &p = palette();
    const QColor line = m_color.isValid() ? m_color : p.color(QPalette::Highlight);
    const QColor muted = blend(p.color(QPalette::Window), p.color(QPalette::WindowText), 0.35);
    const QRectF area = QRectF(rect()).adjusted(kDotRadius + 1, kDotRadius + 1, -(kDotRadius + 1), -(kDotRadius + 1));
    if (area.width() <= 2 || area.height() <= 2)
        return;

    if (m_points.isEmpty()) {
        // Nothing measured yet: a dotted baseline, so the tile does not look broken.
        QPen pen(muted, 1.0, Qt::DotLine);
        painter.setPen(pen);
        painter.drawLine(QPointF(area.left(), area.bottom()), QPointF(area.right(), area.bottom()));
        return;
    }

    double low = 0.0;
    double high = 0.0;
    bool first = true;
    for (const QPointF &point : std::as_const(m_points)) {
        low = first ? point.y() : qMin(low, point.y());
        high = first ? point.y() : qMax(high, point.y());
        first = false;
    }
    low = qMin(low, 0.0);
    if (m_target) {
        low = qMin(low, *m_target);
        high = qMax(high, *m_target);
    }
    if (m_fixedMinimum)
        low = qMin(low, *m_fixedMinimum);
    if (m_fixedMaximum)
        high = qMax(high, *m_fixedMaximum);
    if (high - low < 1e-9)
        high = low + 1.0;
    const double xSpan = qMax(1e-9, m_xTo - m_xFrom);
    const auto map = [&](const QPointF &point) {
        const double x = std::clamp((point.x() - m_xFrom) / xSpan, 0.0, 1.0);
        const double y = (point.y() - low) / (high - low);
        return QPointF(area.left() + x * area.width(), area.bottom() - y * area.height());
    };

    // A faint baseline at the bottom gives the line something to stand on.
    painter.setPen(QPen(blend(p.color(QPalette::Window), p.color(QPalette::WindowText), 0.15), 1.0));
    painter.drawLine(QPointF(area.left(), area.bottom() + 0.5), QPointF(area.right(), area.bottom() + 0.5));

    if (m_target) {
        const double y = map(QPointF(m_xFrom, *m_target)).y();
        QPen pen(muted, 1.0, Qt::DashLine);
        pen.setDashPattern({3.0, 3.0});
        painter.setPen(pen);
        painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
    }

    QPainterPath path;
    path.moveTo(map(m_points.constFirst()));
    for (qsizetype i = 1; i < m_points.size(); ++i)
        path.lineTo(map(m_points.at(i)));
    if (m_points.size() > 1) {
        QPainterPath fill = path;
        fill.lineTo(map(m_points.constLast()).x(), area.bottom());
        fill.lineTo(map(m_points.constFirst()).x(), area.bottom());
        fill.closeSubpath();
        QColor wash = line;
        wash.setAlphaF(0.16F);
        painter.fillPath(fill, wash);
        QPen pen(line, kLineWidth);
        pen.setJoinStyle(Qt::RoundJoin);
        pen.setCapStyle(Qt::RoundCap);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(path);
    }
    // The latest value, so the eye finds "now".
    painter.setPen(Qt::NoPen);
    painter.setBrush(line);
    painter.drawEllipse(map(m_points.constLast()), kDotRadius, kDotRadius);
}

} // namespace switchboard
