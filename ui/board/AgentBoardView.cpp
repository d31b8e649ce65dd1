#include "board/AgentBoardView.h"

#include "board/AgentBoardModel.h"
#include "board/AgentCardDelegate.h"
#include "board/EmptyBoardOverlay.h"
#include "style/ThemedIcons.h"

#include <QAbstractProxyModel>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QProgressBar>
#include <QScrollBar>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

namespace switchboard {

AgentBoardView::AgentBoardView(QWidget *parent)
    : QListView(parent)
    , m_overlay(new EmptyBoardOverlay(viewport()))
{
    setObjectName(QStringLiteral("agentBoard"));
    setViewMode(QListView::ListMode);
    setFlow(QListView::LeftToRight);
    setWrapping(true);
    setResizeMode(QListView::Adjust);
    setMovement(QListView::Static);
    setUniformItemSizes(true);
    setLayoutMode(QListView::Batched);
    setBatchSize(256);
    setSpacing(kSpacing);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionRectVisible(true);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    verticalScrollBar()->setSingleStep(24);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setMouseTracking(true);
    setFrameShape(QFrame::NoFrame);
    // Line the first column up with the filter bar's search field.
    setViewportMargins(4, 0, 0, 0);
    setContextMenuPolicy(Qt::CustomContextMenu);
    // Cards are Base-coloured panels on the window colour, like a dashboard.
    viewport()->setBackgroundRole(QPalette::Window);
    setAccessibleName(tr("Agent board"));
    m_overlay->hide();
}

void AgentBoardView::setModel(QAbstractItemModel *model)
{
    if (QAbstractItemModel *old = this->model())
        disconnect(old, nullptr, this, nullptr);
    QListView::setModel(model);
    if (model) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &AgentBoardView::updateOverlay);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &AgentBoardView::updateOverlay);
        connect(model, &QAbstractItemModel::modelReset, this, &AgentBoardView::updateOverlay);
        connect(model, &QAbstractItemModel::layoutChanged, this, &AgentBoardView::updateOverlay);
    }
    updateOverlay();
}

void AgentBoardView::setCardDelegate(AgentCardDelegate *delegate)
{
    m_delegate = delegate;
    setItemDelegate(delegate);
    updateCardWidth();
}

QStringList AgentBoardView::selectedAgentIds() const
{
    if (!selectionModel())
        return {};
    QModelIndexList indexes = selectionModel()->selectedIndexes();
    std::sort(indexes.begin(), indexes.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList ids;
    ids.reserve(indexes.size());
    for (const QModelIndex &index : std::as_const(indexes))
        ids << index.data(AgentBoardModel::AgentIdRole).toString();
    return ids;
}

QString AgentBoardView::currentAgentId() const
{
    return currentIndex().data(AgentBoardModel::AgentIdRole).toString();
}

bool AgentBoardView::selectAgent(const QString &agentId)
{
    if (!model())
        return false;
    if (AgentBoardModel *board = boardModel()) {
        // A member of a collapsed team is not on the board until its team shows its members.
        const int row = board->rowForAgent(agentId);
        const int team = row >= 0 ? board->teamRowAt(row) : -1;
        if (team >= 0)
            board->setTeamExpanded(board->statusAt(team).goalId, true);
    }
    const int rows = model()->rowCount();
    for (int row = 0; row < rows; ++row) {
        const QModelIndex index = model()->index(row, 0);
        if (index.data(AgentBoardModel::AgentIdRole).toString() == agentId) {
            selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
            scrollTo(index);
            return true;
        }
    }
    return false;
}

AgentBoardModel *AgentBoardView::boardModel() const
{
    QAbstractItemModel *source = model();
    while (const auto *proxy = qobject_cast<const QAbstractProxyModel *>(source))
        source = proxy->sourceModel();
    return qobject_cast<AgentBoardModel *>(source);
}

bool AgentBoardView::setCurrentTeamExpanded(bool expanded)
{
    AgentBoardModel *board = boardModel();
    const QString agentId = currentAgentId();
    const int row = board && !agentId.isEmpty() ? board->rowForAgent(agentId) : -1;
    if (row < 0)
        return false;
    const int member = board->teamRowAt(row);
    const int team = member >= 0 ? member : row;
    if (!board->isTeamAt(team))
        return false;
    const QString teamAgent = board->statusAt(team).agentId;
    board->setTeamExpanded(board->statusAt(team).goalId, expanded);
    if (team != row && !expanded)
        selectAgent(teamAgent);
    return true;
}

void AgentBoardView::keyPressEvent(QKeyEvent *event)
{
    // + and − fold a team like a tree's branch (the arrows move between cards on this grid).
    const bool plus = event->key() == Qt::Key_Plus || event->key() == Qt::Key_Equal;
    const bool minus = event->key() == Qt::Key_Minus;
    if ((plus || minus) && !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)) &&
        setCurrentTeamExpanded(plus)) {
        event->accept();
        return;
    }
    QListView::keyPressEvent(event);
}

void AgentBoardView::resizeEvent(QResizeEvent *event)
{
    QListView::resizeEvent(event);
    updateCardWidth();
    m_overlay->setGeometry(viewport()->rect());
    if (m_restoring)
        m_restoring->setGeometry(viewport()->rect());
}

void AgentBoardView::setRestoringText(const QString &title, const QString &hint)
{
    m_isRestoring = !title.isEmpty();
    if (!m_isRestoring) {
        // The cards that just went in are laid out (their first batch) before the notice goes, so the
        // board never shows a blank frame in between.
        executeDelayedItemsLayout();
        if (m_restoring)
            m_restoring->hide();
        updateOverlay();
        return;
    }
    if (!m_restoring)
        createRestoringPlaceholder();
    m_restoringTitle->setText(title);
    m_restoringHint->setText(hint);
    m_restoring->setAccessibleDescription(hint);
    updateOverlay();
}

void AgentBoardView::createRestoringPlaceholder()
{
    // Laid out like the empty board's overlay, so the board does not jump from one to the other.
    m_restoring = new QWidget(viewport());
    m_restoring->setObjectName(QStringLiteral("restoringPlaceholder"));
    auto *icon = new QLabel(m_restoring);
    icon->setAlignment(Qt::AlignCenter);
    icon->setPixmap(ThemedIcons::pixmap(QStringLiteral("switchboard"), QColor(), 64, devicePixelRatioF()));
    m_restoringTitle = new QLabel(m_restoring);
    m_restoringTitle->setObjectName(QStringLiteral("restoringTitle"));
    QFont titleFont = font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setWeight(QFont::DemiBold);
    m_restoringTitle->setFont(titleFont);
    m_restoringTitle->setAlignment(Qt::AlignCenter);
    m_restoringTitle->setWordWrap(true);
    m_restoringHint = new QLabel(m_restoring);
    m_restoringHint->setObjectName(QStringLiteral("restoringHint"));
    m_restoringHint->setAlignment(Qt::AlignCenter);
    m_restoringHint->setWordWrap(true);
    m_restoringHint->setForegroundRole(QPalette::PlaceholderText);
    // Busy, not a percentage: the read cannot say how far it is.
    auto *busy = new QProgressBar(m_restoring);
    busy->setRange(0, 0);
    busy->setTextVisible(false);
    busy->setFixedWidth(240);

    auto *column = new QVBoxLayout(m_restoring);
    column->setContentsMargins(24, 24, 24, 24);
    column->setSpacing(10);
    column->addStretch(3);
    column->addWidget(icon);
    column->addSpacing(6);
    column->addWidget(m_restoringTitle);
    column->addWidget(m_restoringHint);
    column->addSpacing(10);
    column->addWidget(busy, 0, Qt::AlignHCenter);
    column->addStretch(4);
}

void AgentBoardView::updateCardWidth()
{
    if (!m_delegate)
        return;
    // Share the width between as many columns of at least the minimum card width as fit. In list mode
    // QListView steps each item by its size plus twice the spacing, inside the maximum viewport width
    // less a scroll bar (reserved up front so the bar appearing never re-wraps the grid). Two pixels of
    // slack keep rounding from wrapping the last column.
    const int bounds =
        maximumViewportSize().width() - style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, verticalScrollBar());
    const int available = bounds - kSpacing - 2;
    const int slot = m_delegate->minimumCardWidth() + 2 * kSpacing;
    const int columns = qMax(1, available / slot);
    m_delegate->setCardWidth(available / columns - 2 * kSpacing);
}

void AgentBoardView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint position = event->position().toPoint();
    if (m_delegate)
        m_delegate->setHoverPosition(position);
    const QModelIndex index = indexAt(position);
    if (m_hoverIndex.isValid() && m_hoverIndex != index)
        update(m_hoverIndex);
    if (index.isValid())
        update(index); // the cancel button lights up as the mouse crosses it
    m_hoverIndex = index;
    QListView::mouseMoveEvent(event);
}

bool AgentBoardView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::Leave || event->type() == QEvent::HoverLeave) {
        if (m_delegate)
            m_delegate->setHoverPosition({-1, -1});
        if (m_hoverIndex.isValid())
            update(m_hoverIndex);
        m_hoverIndex = QPersistentModelIndex();
    }
    return QListView::viewportEvent(event);
}

void AgentBoardView::setCompactCards(bool compact)
{
    if (!m_delegate || m_delegate->isCompact() == compact)
        return;
    m_delegate->setCompact(compact);
    updateCardWidth();
    scheduleDelayedItemsLayout();
}

bool AgentBoardView::compactCards() const
{
    return m_delegate && m_delegate->isCompact();
}

void AgentBoardView::changeEvent(QEvent *event)
{
    QListView::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        scheduleDelayedItemsLayout();
}

bool AgentBoardView::sourceIsEmpty() const
{
    const QAbstractItemModel *source = model();
    while (const auto *proxy = qobject_cast<const QAbstractProxyModel *>(source))
        source = proxy->sourceModel();
    return !source || source->rowCount() == 0;
}

void AgentBoardView::updateOverlay()
{
    const bool empty = !model() || model()->rowCount() == 0;
    if (isShowingRestoring()) {
        m_overlay->hide();
        m_restoring->setGeometry(viewport()->rect());
        m_restoring->show();
        m_restoring->raise();
    } else if (empty) {
        m_overlay->setMode(sourceIsEmpty() ? EmptyBoardOverlay::Mode::FirstRun : EmptyBoardOverlay::Mode::NoMatches);
        m_overlay->setGeometry(viewport()->rect());
        m_overlay->show();
        m_overlay->raise();
    } else {
        m_overlay->hide();
    }
}

} // namespace switchboard
