#include "board/BoardFilterBar.h"

#include "board/AgentBoardModel.h"
#include "style/ThemedIcons.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTimer>
#include <QToolButton>

namespace switchboard {

namespace {
// The direction a sort key reads best in at first: most urgent, newest progress, A to Z.
Qt::SortOrder naturalOrder(AgentFilterProxyModel::SortKey key)
{
    switch (key) {
    case AgentFilterProxyModel::SortKey::Priority:
    case AgentFilterProxyModel::SortKey::Progress:
        return Qt::DescendingOrder;
    case AgentFilterProxyModel::SortKey::SpawnOrder:
    case AgentFilterProxyModel::SortKey::Started:
    case AgentFilterProxyModel::SortKey::Name:
        return Qt::AscendingOrder;
    }
    return Qt::AscendingOrder;
}
} // namespace

BoardFilterBar::BoardFilterBar(AgentFilterProxyModel *proxy, QWidget *parent)
    : QWidget(parent)
    , m_proxy(proxy)
    , m_search(new QLineEdit(this))
    , m_stateFilter(new QComboBox(this))
    , m_sortKey(new QComboBox(this))
    , m_sortOrder(new QToolButton(this))
    , m_count(new QLabel(this))
    , m_stateLabel(new QLabel(this))
    , m_sortLabel(new QLabel(this))
    , m_searchDelay(new QTimer(this))
    , m_countDelay(new QTimer(this))
{
    setObjectName(QStringLiteral("boardFilterBar"));
    m_search->setObjectName(QStringLiteral("searchField"));
    m_stateFilter->setObjectName(QStringLiteral("stateFilter"));
    m_sortKey->setObjectName(QStringLiteral("sortKey"));
    m_sortOrder->setObjectName(QStringLiteral("sortOrder"));
    m_count->setObjectName(QStringLiteral("agentCount"));

    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(220);
    m_sortOrder->setCheckable(true);
    m_sortOrder->setAutoRaise(true);
    m_count->setForegroundRole(QPalette::PlaceholderText);

    using StateFilter = AgentFilterProxyModel::StateFilter;
    using SortKey = AgentFilterProxyModel::SortKey;
    for (const StateFilter filter : {StateFilter::All, StateFilter::Active, StateFilter::Waiting, StateFilter::Finished,
                                     StateFilter::Failed, StateFilter::Review})
        m_stateFilter->addItem(QString(), static_cast<int>(filter));
    for (const SortKey key :
         {SortKey::SpawnOrder, SortKey::Priority, SortKey::Started, SortKey::Progress, SortKey::Name})
        m_sortKey->addItem(QString(), static_cast<int>(key));
    m_stateFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_sortKey->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_stateLabel->setBuddy(m_stateFilter);
    m_sortLabel->setBuddy(m_sortKey);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 4);
    layout->setSpacing(6);
    layout->addWidget(m_search, 3);
    layout->addSpacing(10);
    layout->addWidget(m_stateLabel);
    layout->addWidget(m_stateFilter);
    layout->addSpacing(10);
    layout->addWidget(m_sortLabel);
    layout->addWidget(m_sortKey);
    layout->addWidget(m_sortOrder);
    layout->addStretch(1);
    layout->addWidget(m_count);

    // Typing re-filters after a short pause, not on every key, so a big board stays smooth.
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(120);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this] { m_proxy->setSearchText(m_search->text()); });
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setStateFilter(static_cast<StateFilter>(m_stateFilter->currentData().toInt())); });
    connect(m_sortKey, &QComboBox::currentIndexChanged, this, [this] {
        const QSignalBlocker blocker(m_sortOrder);
        m_sortOrder->setChecked(naturalOrder(static_cast<SortKey>(m_sortKey->currentData().toInt())) ==
                                Qt::DescendingOrder);
        updateIcons();
        applySort();
    });
    connect(m_sortOrder, &QToolButton::toggled, this, [this] {
        updateIcons();
        applySort();
    });

    m_countDelay->setSingleShot(true);
    m_countDelay->setInterval(100);
    connect(m_countDelay, &QTimer::timeout, this, &BoardFilterBar::updateCount);
    const auto scheduleCount = [this] {
        if (!m_countDelay->isActive())
            m_countDelay->start();
    };
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, scheduleCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, scheduleCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, scheduleCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, scheduleCount);

    retranslate();
    updateIcons();
    updateCount();
}

void BoardFilterBar::clearFilters()
{
    m_search->clear();
    m_searchDelay->stop();
    m_proxy->setSearchText(QString());
    m_stateFilter->setCurrentIndex(0);
}

void BoardFilterBar::addViewAction(QAction *action)
{
    auto *button = new QToolButton(this);
    button->setObjectName(action->objectName() + QStringLiteral("Button"));
    button->setDefaultAction(action);
    button->setAutoRaise(true);
    layout()->addWidget(button);
}

void BoardFilterBar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void BoardFilterBar::saveState(QVariantMap &state) const
{
    state.insert(QStringLiteral("stateFilter"), m_stateFilter->currentIndex());
    state.insert(QStringLiteral("sortKey"), m_sortKey->currentIndex());
    state.insert(QStringLiteral("sortDescending"), m_sortOrder->isChecked());
}

void BoardFilterBar::restoreState(const QVariantMap &state)
{
    m_stateFilter->setCurrentIndex(
        qBound(0, state.value(QStringLiteral("stateFilter")).toInt(), m_stateFilter->count() - 1));
    m_sortKey->setCurrentIndex(qBound(0, state.value(QStringLiteral("sortKey")).toInt(), m_sortKey->count() - 1));
    if (state.contains(QStringLiteral("sortDescending")))
        m_sortOrder->setChecked(state.value(QStringLiteral("sortDescending")).toBool());
}

void BoardFilterBar::applySort()
{
    m_proxy->setSortKey(static_cast<AgentFilterProxyModel::SortKey>(m_sortKey->currentData().toInt()),
                        m_sortOrder->isChecked() ? Qt::DescendingOrder : Qt::AscendingOrder);
}

void BoardFilterBar::updateCount()
{
    const int shown = m_proxy->rowCount();
    const int total = m_proxy->sourceModel() ? m_proxy->sourceModel()->rowCount() : 0;
    if (shown == total)
        m_count->setText(tr("%Ln agent(s)", nullptr, total));
    else
        m_count->setText(tr("%1 of %Ln agent(s)", nullptr, total).arg(QLocale().toString(shown)));
}

void BoardFilterBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        updateIcons();
    QWidget::changeEvent(event);
}

void BoardFilterBar::updateIcons()
{
    m_search->removeAction(m_search->actions().value(0));
    m_search->addAction(ThemedIcons::icon(QStringLiteral("search"), palette().color(QPalette::PlaceholderText)),
                        QLineEdit::LeadingPosition);
    m_sortOrder->setIcon(ThemedIcons::icon(
        m_sortOrder->isChecked() ? QStringLiteral("sort-descending") : QStringLiteral("sort-ascending"), palette()));
}

void BoardFilterBar::retranslate()
{
    m_search->setPlaceholderText(tr("Search agents, goals, steps, profiles…"));
    m_search->setToolTip(tr("Filter the board by agent name, goal title, current step or profile (Ctrl+F)"));
    m_stateFilter->setItemText(0, tr("All states"));
    m_stateFilter->setItemText(1, tr("Active"));
    m_stateFilter->setItemText(2, tr("Waiting"));
    m_stateFilter->setItemText(3, tr("Finished"));
    m_stateFilter->setItemText(4, tr("Failed or blocked"));
    m_stateFilter->setItemText(5, tr("Ready for review"));
    m_stateFilter->setItemData(5, tr("Finished in a git worktree; the changes wait to be merged or discarded"),
                               Qt::ToolTipRole);
    m_stateFilter->setItemData(1, tr("Running, waiting for a lock or for you, or paused"), Qt::ToolTipRole);
    m_stateFilter->setItemData(2, tr("Queued, blocked, waiting for a lock or for you, paused or interrupted"),
                               Qt::ToolTipRole);
    m_stateFilter->setItemData(3, tr("Completed, failed or cancelled"), Qt::ToolTipRole);
    m_sortKey->setItemText(0, tr("Spawn order"));
    m_sortKey->setItemText(1, tr("Priority"));
    m_sortKey->setItemText(2, tr("Started"));
    m_sortKey->setItemText(3, tr("Progress"));
    m_sortKey->setItemText(4, tr("Name"));
    m_sortOrder->setToolTip(tr("Reverse the sort order"));
    m_stateLabel->setText(tr("&Show:"));
    m_sortLabel->setText(tr("S&ort:"));
    updateCount();
}

} // namespace switchboard
