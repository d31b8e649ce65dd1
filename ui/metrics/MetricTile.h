#pragma once

#include "persistence/MetricAlert.h"

#include <QWidget>

class QLabel;

namespace switchboard {

class Sparkline;

// One number of the Metrics dock: its name, its value in large type, a line of context, a sparkline of its
// last hour and, when it crossed a threshold, a marker that says so in words and with an icon (a triangle
// for a missed target, an octagon for an alert), not in colour alone.
class MetricTile final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricTile)

public:
    explicit MetricTile(QWidget *parent = nullptr);

    void setTitle(const QString &title);
    QString title() const;
    void setValue(const QString &value);
    QString value() const;
    void setDetail(const QString &detail);
    QString detail() const;
    // Ok hides the marker; the tooltip (the threshold) goes on the whole tile.
    void setLevel(MetricAlert::Level level);
    MetricAlert::Level level() const { return m_level; }
    // The marker's words ("Alert", "Missed target"); empty when Ok.
    QString levelText() const;
    Sparkline *sparkline() const { return m_sparkline; }

    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateLevelLook();

    MetricAlert::Level m_level = MetricAlert::Level::Ok;
    QLabel *m_title;
    QLabel *m_value;
    QLabel *m_levelIcon;
    QLabel *m_levelText;
    QLabel *m_detail;
    Sparkline *m_sparkline;
};

} // namespace switchboard
