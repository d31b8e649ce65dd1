#include "style/IndicatorContrastStyle.h"

#include "style/AgentStateStyle.h"

#include <QApplication>
#include <QStyleOption>

namespace switchboard {

namespace {
QColor mixed(const QColor &a, const QColor &b, qreal towardsB)
{
    return QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * towardsB,
                            a.greenF() + (b.greenF() - a.greenF()) * towardsB,
                            a.blueF() + (b.blueF() - a.blueF()) * towardsB);
}
} // namespace

IndicatorContrastStyle::IndicatorContrastStyle(const QString &key)
    : QProxyStyle(key)
{}

void IndicatorContrastStyle::install()
{
    // QApplication deletes the style it replaces; the key is all that is needed to make the same one again.
    QApplication::setStyle(new IndicatorContrastStyle(QApplication::style()->name()));
}

void IndicatorContrastStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                                           const QWidget *widget) const
{
    const bool checkIndicator = element == PE_IndicatorItemViewItemCheck || element == PE_IndicatorCheckBox;
    if (!checkIndicator || !option || !AgentStateStyle::isDarkPalette(option->palette)) {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        return;
    }
    // Fusion draws the outline in Window.darker(140).lighter(110); choose Window so that comes out about 40% of
    // the way from Base to Text, clearly visible on Base and on Window.
    const QColor base = option->palette.color(QPalette::Base);
    const QColor outline = mixed(base, option->palette.color(QPalette::Text), 0.4);
    const QColor window = outline.darker(110).lighter(140);
    if (element == PE_IndicatorItemViewItemCheck) {
        if (const auto *item = qstyleoption_cast<const QStyleOptionViewItem *>(option)) {
            QStyleOptionViewItem copy = *item;
            copy.palette.setColor(QPalette::Window, window);
            QProxyStyle::drawPrimitive(element, &copy, painter, widget);
            return;
        }
    } else if (const auto *button = qstyleoption_cast<const QStyleOptionButton *>(option)) {
        QStyleOptionButton copy = *button;
        copy.palette.setColor(QPalette::Window, window);
        QProxyStyle::drawPrimitive(element, &copy, painter, widget);
        return;
    }
    QProxyStyle::drawPrimitive(element, option, painter, widget);
}

} // namespace switchboard
