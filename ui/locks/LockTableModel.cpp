#include "locks/LockTableModel.h"

#include "orchestration/Orchestrator.h"
#include "style/AgentStateStyle.h"
#include "style/DisplayFormat.h"
#include "style/ThemedIcons.h"

#include <QApplication>
#include <QHash>
#include <QLocale>
#include <QPalette>
#include <QSet>
#include <algorithm>

namespace switchboard {

LockTableModel::LockTableModel(Orchestrator *orchestrator, QObject *parent)
    : KeyedTableModel(parent)
    , m_orchestrator(orchestrator)
{
    // Many agents locking at once must not mean a refresh per lock.
    m_refreshDelay.setSingleShot(true);
    m_refreshDelay.setInterval(100);
    connect(&m_refreshDelay, &QTimer::timeout, this, &LockTableModel::refresh);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &LockTableModel::refresh);
    if (m_orchestrator)
        connect(&m_orchestrator->locks(), &LockManager::locksChanged, this, &LockTableModel::scheduleRefresh);
    refresh();
}

void LockTableModel::scheduleRefresh()
{
    if (!m_refreshDelay.isActive())
        m_refreshDelay.start();
}

int LockTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int LockTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags LockTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

void LockTableModel::refresh()
{
    m_refreshDelay.stop();
    const QList<LockInfo> fresh = m_orchestrator ? m_orchestrator->locks().snapshot() : QList<LockInfo>();
    syncRows(m_rows, fresh, [](const LockInfo &info) { return info.resource; });

    if (m_rows.isEmpty())
        m_tick.stop();
    else if (!m_tick.isActive())
        m_tick.start();
}

int LockTableModel::rowForResource(const QString &resource) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).resource == resource)
            return row;
    }
    return -1;
}

int LockTableModel::contendedCount() const
{
    return static_cast<int>(
        std::count_if(m_rows.cbegin(), m_rows.cend(), [](const LockInfo &info) { return !info.waiters.isEmpty(); }));
}

QString LockTableModel::agentName(const QString &agentId) const
{
    if (m_orchestrator) {
        if (const std::optional<AgentStatus> status = m_orchestrator->status(agentId);
            status && !status->name.isEmpty())
            return status->name;
    }
    return agentId;
}

QVariant LockTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const LockInfo &info = m_rows.at(index.row());
    const bool contended = !info.waiters.isEmpty();

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ResourceColumn:
            return info.resource;
        case HolderColumn:
            return info.isHeld() ? agentName(info.agentId) : tr("nobody yet");
        case GoalColumn: {
            if (!info.isHeld())
                return QStringLiteral("—");
            if (m_orchestrator) {
                if (const std::optional<Goal> goal = m_orchestrator->goal(info.goalId); goal && !goal->title.isEmpty())
                    return goal->title;
            }
            return info.goalId.isEmpty() ? QStringLiteral("—") : info.goalId;
        }
        case HeldSinceColumn:
            return info.acquiredAt.isValid()
                       ? QLocale().toString(info.acquiredAt.toLocalTime().time(), QLocale::ShortFormat)
                       : QStringLiteral("—");
        case ExpiresColumn:
            if (!info.isHeld())
                return QStringLiteral("—");
            if (!info.expiresAt.isValid())
                return tr("never");
            return DisplayFormat::clock(QDateTime::currentDateTimeUtc().msecsTo(info.expiresAt));
        case TokenColumn:
            return info.token > 0 ? QLocale().toString(info.token) : QStringLiteral("—");
        case WaitersColumn: {
            if (!contended)
                return tr("none");
            QStringList names;
            for (const QString &waiter : info.waiters)
                names << agentName(waiter);
            //: Locks table: "2 waiting: coder #3, tester #1"
            return tr("%n waiting: %1", nullptr, static_cast<int>(info.waiters.size()))
                .arg(names.join(QStringLiteral(", ")));
        }
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == WaitersColumn && contended)
            return tr("Other agents wait for this resource; they start when the holder releases it");
        if (index.column() == TokenColumn)
            return tr("Fencing token: grows with every grant, so a stale holder can be told apart");
        if (index.column() == HolderColumn && info.isHeld())
            return info.agentId;
        return {};
    case Qt::DecorationRole:
        // Contention is told by an icon and words as well as the row's colour.
        if (index.column() == WaitersColumn && contended)
            return ThemedIcons::icon(AgentStateStyle::iconName(AgentState::WaitingForLock),
                                     AgentStateStyle::foreground(AgentState::Escalated, QApplication::palette()));
        return {};
    case Qt::ForegroundRole:
        if (index.column() == WaitersColumn && contended)
            return AgentStateStyle::foreground(AgentState::Escalated, QApplication::palette());
        if (index.column() == HolderColumn && !info.isHeld())
            return QApplication::palette().color(QPalette::PlaceholderText);
        return {};
    case Qt::BackgroundRole:
        if (contended)
            return AgentStateStyle::badgeBackground(AgentState::Escalated, QApplication::palette());
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ExpiresColumn || index.column() == TokenColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case ResourceRole:
        return info.resource;
    case HolderRole:
        return info.agentId;
    case WaiterCountRole:
        return static_cast<int>(info.waiters.size());
    case ContendedRole:
        return contended;
    default:
        return {};
    }
}

QVariant LockTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ResourceColumn:
        return tr("Resource");
    case HolderColumn:
        return tr("Held by");
    case GoalColumn:
        return tr("Goal");
    case HeldSinceColumn:
        return tr("Since");
    case ExpiresColumn:
        return tr("Expires in");
    case TokenColumn:
        return tr("Token");
    case WaitersColumn:
        return tr("Waiters");
    default:
        return {};
    }
}

} // namespace switchboard
