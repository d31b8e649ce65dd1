#include "history/HistoryGoalList.h"

#include "history/HistoryGoalModel.h"
#include "history/HistoryTable.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace switchboard {

HistoryGoalList::HistoryGoalList(QAbstractItemModel *goals, QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_view(new HistoryTable(QStringLiteral("historyGoals")))
    , m_message(nullptr)
    , m_clearSearch(nullptr)
{
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(6, 6, 0, 0);
    column->setSpacing(4);
    m_summary->setObjectName(QStringLiteral("historyRunSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(m_summary);

    m_view->setModel(goals);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    // Fixed widths: sizing to contents would measure every one of a hundred thousand rows.
    header->resizeSection(HistoryGoalModel::TitleColumn, 250);
    header->resizeSection(HistoryGoalModel::RunColumn, 150);
    header->resizeSection(HistoryGoalModel::StateColumn, 110);
    header->resizeSection(HistoryGoalModel::AttemptsColumn, 44);
    header->resizeSection(HistoryGoalModel::DurationColumn, 80);
    header->resizeSection(HistoryGoalModel::CostColumn, 64);
    header->resizeSection(HistoryGoalModel::ResultColumn, 260);
    header->resizeSection(HistoryGoalModel::ProfileColumn, 90);
    header->resizeSection(HistoryGoalModel::IdColumn, 80);
    header->resizeSection(HistoryGoalModel::StartedColumn, 130);
    header->resizeSection(HistoryGoalModel::TokensColumn, 80);
    header->setSortIndicator(-1, Qt::AscendingOrder); // spawn order until a header is clicked
    m_view->setSortingEnabled(true);
    m_stack->addWidget(m_view);

    auto *messagePage = new QWidget;
    auto *messageColumn = new QVBoxLayout(messagePage);
    messageColumn->addStretch(1);
    m_message = new QLabel(messagePage);
    m_message->setObjectName(QStringLiteral("historyGoalsMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setForegroundRole(QPalette::PlaceholderText);
    messageColumn->addWidget(m_message);
    m_clearSearch = new QPushButton(messagePage);
    m_clearSearch->setObjectName(QStringLiteral("historyClearSearchButton"));
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addStretch(1);
    buttonRow->addWidget(m_clearSearch);
    buttonRow->addStretch(1);
    messageColumn->addLayout(buttonRow);
    messageColumn->addStretch(2);
    m_stack->addWidget(messagePage);
    column->addWidget(m_stack, 1);

    connect(m_clearSearch, &QPushButton::clicked, this, &HistoryGoalList::clearSearchRequested);
    retranslate();
}

void HistoryGoalList::setSummary(const QString &richText)
{
    m_summary->setText(richText);
}

void HistoryGoalList::showMessage(const QString &text, bool offerClearSearch)
{
    m_message->setText(text);
    m_clearSearch->setVisible(offerClearSearch);
    m_stack->setCurrentIndex(1);
}

void HistoryGoalList::showTable()
{
    m_stack->setCurrentIndex(0);
}

void HistoryGoalList::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void HistoryGoalList::retranslate()
{
    m_clearSearch->setText(tr("Clear search"));
}

} // namespace switchboard
