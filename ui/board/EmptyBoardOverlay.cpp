#include "board/EmptyBoardOverlay.h"

#include "style/ThemedIcons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace switchboard {

EmptyBoardOverlay::EmptyBoardOverlay(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_newGoal(new QPushButton(this))
    , m_runPlan(new QPushButton(this))
    , m_clearFilter(new QPushButton(this))
{
    setObjectName(QStringLiteral("emptyBoardOverlay"));
    m_title->setObjectName(QStringLiteral("emptyTitle"));
    m_hint->setObjectName(QStringLiteral("emptyHint"));
    m_newGoal->setObjectName(QStringLiteral("emptyNewGoalButton"));
    m_runPlan->setObjectName(QStringLiteral("emptyRunPlanButton"));
    m_clearFilter->setObjectName(QStringLiteral("emptyClearFilterButton"));

    m_icon->setAlignment(Qt::AlignCenter);
    QFont titleFont = font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_newGoal->setDefault(true);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(10);
    buttons->addStretch();
    buttons->addWidget(m_newGoal);
    buttons->addWidget(m_runPlan);
    buttons->addWidget(m_clearFilter);
    buttons->addStretch();

    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(24, 24, 24, 24);
    column->setSpacing(10);
    column->addStretch(3);
    column->addWidget(m_icon);
    column->addSpacing(6);
    column->addWidget(m_title);
    column->addWidget(m_hint);
    column->addSpacing(10);
    column->addLayout(buttons);
    column->addStretch(4);

    connect(m_newGoal, &QPushButton::clicked, this, &EmptyBoardOverlay::newGoalRequested);
    connect(m_runPlan, &QPushButton::clicked, this, &EmptyBoardOverlay::runPlanRequested);
    connect(m_clearFilter, &QPushButton::clicked, this, &EmptyBoardOverlay::clearFilterRequested);

    updateIcon();
    retranslate();
    setMode(Mode::FirstRun);
}

void EmptyBoardOverlay::setMode(Mode mode)
{
    m_mode = mode;
    const bool firstRun = mode == Mode::FirstRun;
    m_newGoal->setVisible(firstRun);
    m_runPlan->setVisible(firstRun);
    m_clearFilter->setVisible(!firstRun);
    retranslate();
    updateIcon();
}

void EmptyBoardOverlay::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        updateIcon();
    QWidget::changeEvent(event);
}

void EmptyBoardOverlay::updateIcon()
{
    const qreal dpr = devicePixelRatioF();
    if (m_mode == Mode::FirstRun) {
        m_icon->setPixmap(ThemedIcons::pixmap(QStringLiteral("switchboard"), QColor(), 64, dpr));
    } else {
        m_icon->setPixmap(
            ThemedIcons::pixmap(QStringLiteral("search"), palette().color(QPalette::PlaceholderText), 48, dpr));
    }
    m_newGoal->setIcon(ThemedIcons::icon(QStringLiteral("new-goal"), palette()));
    m_runPlan->setIcon(ThemedIcons::icon(QStringLiteral("run-plan"), palette()));
}

void EmptyBoardOverlay::retranslate()
{
    if (m_mode == Mode::FirstRun) {
        m_title->setText(tr("No agents yet"));
        m_hint->setText(tr("Give an agent a goal with New goal (Ctrl+N), or start a whole plan from a template "
                           "with Run plan (Ctrl+O)."));
    } else {
        m_title->setText(tr("No agents match the filter"));
        m_hint->setText(tr("Change the search text or the state filter to see more agents."));
    }
    m_newGoal->setText(tr("New goal…"));
    m_runPlan->setText(tr("Run plan…"));
    m_clearFilter->setText(tr("Clear filter"));
}

} // namespace switchboard
