#pragma once

#include <QColor>
#include <QList>
#include <QPointF>
#include <QWidget>

#include <optional>

namespace switchboard {

// A small line chart without axes, painted with QPainter: how one number moved over a time span (the
// Metrics dock's last hour). x is time (any unit, usually msecs since the epoch); the y range fits the
// values, from 0 unless they go below it, and includes the target line when one is set.
class Sparkline final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Sparkline)

public:
    explicit Sparkline(QWidget *parent = nullptr);

    // The points in x order, drawn over [xFrom, xTo].
    void setPoints(QList<QPointF> points, double xFrom, double xTo);
    const QList<QPointF> &points() const { return m_points; }
    // The line's colour; invalid = the palette's highlight.
    void setColor(const QColor &color);
    // A dashed reference line (the metric's target); nullopt for none.
    void setTarget(std::optional<double> target);
    // Rates stay within 0..1: the chart then always spans that range, so 5 % never looks like a spike.
    void setFixedRange(std::optional<double> minimum, std::optional<double> maximum);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<QPointF> m_points;
    double m_xFrom = 0.0;
    double m_xTo = 1.0;
    QColor m_color;
    std::optional<double> m_target;
    std::optional<double> m_fixedMinimum;
    std::optional<double> m_fixedMaximum;
};

} // namespace switchboard
