#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace switchboard {

// What the board shows instead of cards: on first run, what to do next (with buttons that do it);
// when a filter hides every card, that the filter did it (with a button to clear it).
class EmptyBoardOverlay final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmptyBoardOverlay)

public:
    enum class Mode
    {
        FirstRun,
        NoMatches,
    };

    explicit EmptyBoardOverlay(QWidget *parent = nullptr);

    void setMode(Mode mode);
    Mode mode() const { return m_mode; }

Q_SIGNALS:
    void newGoalRequested();
    void runPlanRequested();
    void clearFilterRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateIcon();

    Mode m_mode = Mode::FirstRun;
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_hint;
    QPushButton *m_newGoal;
    QPushButton *m_runPlan;
    QPushButton *m_clearFilter;
};

} // namespace switchboard
