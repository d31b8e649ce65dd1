#include "locks/LocksDock.h"

#include "locks/LockTableModel.h"
#include "orchestration/Orchestrator.h"
#include "style/AgentStateStyle.h"
#include "style/ThemedIcons.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace switchboard {

LocksDock::LocksDock(Orchestrator *orchestrator, QWidget *parent)
    : QDockWidget(parent)
    , m_orchestrator(orchestrator)
    , m_model(new LockTableModel(orchestrator, this))
{
    setObjectName(QStringLiteral("locksDock"));
    setAllowedAreas(Qt::AllDockWidgetAreas);
    auto *body = new QWidget(this);
    body->setObjectName(QStringLiteral("locksBody"));

    m_view = new QTreeView(body);
    m_view->setObjectName(QStringLiteral("locksTable"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAllColumnsShowFocus(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(true);
    header->setSectionResizeMode(LockTableModel::ResourceColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(LockTableModel::HolderColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(LockTableModel::GoalColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(LockTableModel::HeldSinceColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(LockTableModel::ExpiresColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(LockTableModel::TokenColumn, QHeaderView::ResizeToContents);
    header->resizeSection(LockTableModel::ResourceColumn, 200);
    header->resizeSection(LockTableModel::HolderColumn, 120);
    header->resizeSection(LockTableModel::GoalColumn, 200);

    m_summary = new QLabel(body);
    m_summary->setObjectName(QStringLiteral("locksSummary"));
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    m_forceButton = new QPushButton(body);
    m_forceButton->setObjectName(QStringLiteral("forceReleaseButton"));
    m_forceAction = new QAction(this);
    m_forceAction->setObjectName(QStringLiteral("actionForceRelease"));
    connect(m_forceAction, &QAction::triggered, this, &LocksDock::confirmForceRelease);
    connect(m_forceButton, &QPushButton::clicked, this, &LocksDock::confirmForceRelease);

    auto *bar = new QHBoxLayout;
    bar->setSpacing(6);
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_forceButton);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 2, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    setWidget(body);

    connect(m_view, &QWidget::customContextMenuRequested, this, &LocksDock::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &LocksDock::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &LocksDock::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &LocksDock::updateSummary);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &LocksDock::updateSummary);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &LocksDock::updateSummary);

    retranslate();
    updateSummary();
    updateActions();
}

QString LocksDock::currentResource() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(LockTableModel::ResourceRole).toString() : QString();
}

void LocksDock::updateActions()
{
    const QModelIndex current = m_view->currentIndex();
    const bool held = current.isValid() && !current.data(LockTableModel::HolderRole).toString().isEmpty();
    m_forceAction->setEnabled(held);
    m_forceButton->setEnabled(held);
}

void LocksDock::updateSummary()
{
    int held = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->lockAt(row).isHeld())
            ++held;
    }
    const int contended = m_model->contendedCount();
    QString text = held > 0 ? tr("%n lock(s) held", nullptr, held) : tr("No locks held");
    if (contended > 0)
        text += QStringLiteral(" · ") + tr("%n contended", nullptr, contended);
    m_summary->setText(text);
}

void LocksDock::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_view->indexAt(position);
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index);
    updateActions();
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("lockContextMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(m_forceAction);
    menu->popup(m_view->viewport()->mapToGlobal(position));
}

void LocksDock::confirmForceRelease()
{
    const QModelIndex current = m_view->currentIndex();
    if (!m_orchestrator || !current.isValid())
        return;
    const LockInfo info = m_model->lockAt(current.row());
    if (!info.isHeld())
        return;
    QString holder = info.agentId;
    if (const std::optional<AgentStatus> status = m_orchestrator->status(info.agentId);
        status && !status->name.isEmpty())
        holder = tr("%1 (%2)").arg(status->name, info.agentId);

    auto *box = new QMessageBox(QMessageBox::Warning, tr("Force release lock"),
                                tr("Take “%1” away from %2?").arg(info.resource, holder), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("forceReleaseConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("The agent is told it lost the lock. Unless it takes the lock again, its attempt "
                               "fails; other agents waiting for the resource may start at once."));
    QPushButton *confirm = box->addButton(tr("Force release"), QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirmForceReleaseButton"));
    QPushButton *keep = box->addButton(tr("Keep the lock"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepLockButton"));
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    const QString resource = info.resource;
    connect(box, &QMessageBox::buttonClicked, this, [this, confirm, resource](QAbstractButton *button) {
        if (button != confirm || !m_orchestrator)
            return;
        QString error;
        if (!m_orchestrator->locks().forceRelease(resource, &error))
            m_summary->setText(tr("Could not release “%1”: %2").arg(resource, error));
        m_model->refresh();
    });
    box->open();
}

void LocksDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        updateSummary();
    } else if (event->type() == QEvent::PaletteChange) {
        retranslate();
    }
    QDockWidget::changeEvent(event);
}

void LocksDock::retranslate()
{
    setWindowTitle(tr("Locks"));
    m_forceButton->setText(tr("&Force release…"));
    m_forceButton->setToolTip(tr("Take the selected lock away from the agent holding it"));
    m_forceAction->setText(tr("&Force release…"));
    m_forceButton->setIcon(ThemedIcons::icon(QStringLiteral("state-waiting-lock"), palette()));
    m_forceAction->setIcon(m_forceButton->icon());
}

} // namespace switchboard
