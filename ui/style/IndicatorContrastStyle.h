#pragma once

#include <QProxyStyle>

namespace switchboard {

// The application's style with check boxes that stay visible on a dark palette. Fusion outlines a check box in
// Window.darker(140) and fills it with Base; on a dark palette both are nearly the Base colour, so an unchecked
// box in an item view (the review pane's file list, the leftover-worktrees list) vanished. This lifts the outline
// to a colour between Base and Text for those indicators only.
class IndicatorContrastStyle final : public QProxyStyle
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IndicatorContrastStyle)

public:
    // Wraps the style named key (QStyleFactory), e.g. the one QApplication chose.
    explicit IndicatorContrastStyle(const QString &key);

    // Wraps the application's current style and makes the result the application's style.
    static void install();

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;
};

} // namespace switchboard
