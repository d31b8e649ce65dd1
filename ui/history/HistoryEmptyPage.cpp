#include "history/HistoryEmptyPage.h"

#include "style/ThemedIcons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace switchboard {

HistoryEmptyPage::HistoryEmptyPage(bool otherInstance, QWidget *parent)
    : QWidget(parent)
    , m_otherInstance(otherInstance)
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("historyEmptyPage"));
    auto *column = new QVBoxLayout(this);
    column->addStretch(2);
    m_icon->setAlignment(Qt::AlignCenter);
    column->addWidget(m_icon);
    m_title->setObjectName(QStringLiteral("historyEmptyTitle"));
    m_title->setAlignment(Qt::AlignCenter);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    column->addWidget(m_title);
    m_hint->setObjectName(QStringLiteral("historyEmptyHint"));
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setMinimumWidth(440);
    m_hint->setMaximumWidth(560);
    auto *hintRow = new QHBoxLayout;
    hintRow->addStretch(1);
    hintRow->addWidget(m_hint);
    hintRow->addStretch(1);
    column->addLayout(hintRow);
    column->addStretch(3);
    retranslate();
    updateIcon();
}

void HistoryEmptyPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        updateIcon();
    QWidget::changeEvent(event);
}

void HistoryEmptyPage::retranslate()
{
    m_title->setText(tr("No runs recorded yet"));
    m_hint->setText(m_otherInstance ? tr("The other Switchboard has not started a goal or a plan yet. This window "
                                         "looks again every few seconds.")
                                    : tr("Every goal you start and every plan you run is kept here, with its "
                                         "attempts, log, answers and result, so you can search it, run it again or "
                                         "export a report."));
}

void HistoryEmptyPage::updateIcon()
{
    m_icon->setPixmap(ThemedIcons::pixmap(QStringLiteral("clock"), palette().color(QPalette::PlaceholderText), 48,
                                          devicePixelRatioF()));
}

} // namespace switchboard
