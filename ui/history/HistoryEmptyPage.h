#pragma once

#include <QWidget>

class QLabel;

namespace switchboard {

// What the History window shows while nothing is recorded: a clock, "No runs recorded yet" and what will
// appear here, or, on another Switchboard's database, that the window keeps looking.
class HistoryEmptyPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryEmptyPage)

public:
    // otherInstance: the database belongs to another Switchboard (read-only).
    explicit HistoryEmptyPage(bool otherInstance, QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateIcon();

    bool m_otherInstance;
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_hint;
};

} // namespace switchboard
