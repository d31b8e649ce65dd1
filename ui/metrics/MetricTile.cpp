#include "metrics/MetricTile.h"

#include "style/AgentStateStyle.h"
#include "style/ThemedIcons.h"
#include "widgets/Sparkline.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QVBoxLayout>

namespace switchboard {

namespace {
constexpr qreal kRadius = 6.0;
constexpr int kStripeWidth = 3;
constexpr int kMarkerIconSize = 14;

QColor blend(const QColor &from, const QColor &to, qreal amount)
{
    const qreal keep = 1.0 - amount;
    return QColor::fromRgbF(static_cast<float>(from.redF() * keep + to.redF() * amount),
                            static_cast<float>(from.greenF() * keep + to.greenF() * amount),
                            static_cast<float>(from.blueF() * keep + to.blueF() * amount));
}

// Warnings borrow the amber of a waiting agent, alerts the red of a failed one: both are tuned for light and
// dark palettes.
AgentState stateFor(MetricAlert::Level level)
{
    return level == MetricAlert::Level::Alert ? AgentState::Failed : AgentState::Escalated;
}
} // namespace

MetricTile::MetricTile(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_value(new QLabel(this))
    , m_levelIcon(new QLabel(this))
    , m_levelText(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_sparkline(new Sparkline(this))
{
    setObjectName(QStringLiteral("metricTile"));
    m_title->setObjectName(QStringLiteral("metricTitle"));
    m_value->setObjectName(QStringLiteral("metricValue"));
    m_levelText->setObjectName(QStringLiteral("metricLevel"));
    m_detail->setObjectName(QStringLiteral("metricDetail"));
    m_sparkline->setObjectName(QStringLiteral("metricSparkline"));

    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.92);
    m_title->setFont(small);
    m_title->setForegroundRole(QPalette::PlaceholderText);
    m_detail->setFont(small);
    m_detail->setForegroundRole(QPalette::PlaceholderText);
    // A long title or context line is cut at the tile's edge instead of widening the whole grid.
    m_detail->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.45);
    big.setWeight(QFont::DemiBold);
    m_value->setFont(big);
    QFont marker = small;
    marker.setWeight(QFont::DemiBold);
    m_levelText->setFont(marker);
    m_levelIcon->setFixedSize(kMarkerIconSize, kMarkerIconSize);

    auto *valueRow = new QHBoxLayout;
    valueRow->setSpacing(4);
    valueRow->addWidget(m_value);
    valueRow->addStretch(1);
    valueRow->addWidget(m_levelIcon, 0, Qt::AlignVCenter);
    valueRow->addWidget(m_levelText, 0, Qt::AlignVCenter);

    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(kStripeWidth + 9, 6, 9, 7);
    column->setSpacing(1);
    column->addWidget(m_title);
    column->addLayout(valueRow);
    column->addWidget(m_detail);
    column->addSpacing(3);
    column->addWidget(m_sparkline);

    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    updateLevelLook();
}

void MetricTile::setTitle(const QString &title)
{
    m_title->setText(title);
}

QString MetricTile::title() const
{
    return m_title->text();
}

void MetricTile::setValue(const QString &value)
{
    m_value->setText(value);
}

QString MetricTile::value() const
{
    return m_value->text();
}

void MetricTile::setDetail(const QString &detail)
{
    m_detail->setText(detail);
}

QString MetricTile::detail() const
{
    return m_detail->text();
}

void MetricTile::setLevel(MetricAlert::Level level)
{
    if (level == m_level)
        return;
    m_level = level;
    updateLevelLook();
    update();
}

QString MetricTile::levelText() const
{
    switch (m_level) {
    case MetricAlert::Level::Ok:
        return {};
    case MetricAlert::Level::Warning:
        //: Marker on a metric that is worse than its target (a warning)
        return tr("Missed target");
    case MetricAlert::Level::Alert:
        //: Marker on a metric past its alert threshold
        return tr("Alert");
    }
    return {};
}

void MetricTile::updateLevelLook()
{
    const bool crossed = m_level != MetricAlert::Level::Ok;
    m_levelIcon->setVisible(crossed);
    m_levelText->setVisible(crossed);
    if (!crossed)
        return;
    const QColor color = AgentStateStyle::foreground(stateFor(m_level), palette());
    m_levelIcon->setPixmap(ThemedIcons::pixmap(m_level == MetricAlert::Level::Alert ? QStringLiteral("metric-alert")
                                                                                    : QStringLiteral("metric-warning"),
                                               color, kMarkerIconSize, devicePixelRatioF()));
    QPalette textPalette = m_levelText->palette();
    textPalette.setColor(QPalette::WindowText, color);
    m_levelText->setPalette(textPalette);
    m_levelText->setText(levelText());
}

QSize MetricTile::minimumSizeHint() const
{
    return {140, QWidget::minimumSizeHint().height()};
}

void MetricTile::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette &p = palette();
    const bool dark = AgentStateStyle::isDarkPalette(p);
    const QColor base = p.color(QPalette::Base);
    const QColor text = p.color(QPalette::Text);
    const QRectF box = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    QPainterPath outline;
    outline.addRoundedRect(box, kRadius, kRadius);
    QColor border = blend(base, text, dark ? 0.22 : 0.15);
    QColor fill = base;
    if (m_level != MetricAlert::Level::Ok) {
        const AgentState state = stateFor(m_level);
        border = AgentStateStyle::accent(state, p);
        fill = blend(base, border, dark ? 0.10 : 0.06);
        painter.fillPath(outline, fill);
        painter.save();
        painter.setClipPath(outline);
        painter.fillRect(QRectF(box.left(), box.top(), kStripeWidth, box.height()), border);
        painter.restore();
        painter.setPen(QPen(border, 1.2));
    } else {
        painter.fillPath(outline, fill);
        painter.setPen(QPen(border, 1.0));
    }
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(outline);
}

void MetricTile::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::LanguageChange)
        updateLevelLook();
    QWidget::changeEvent(event);
}

} // namespace switchboard
