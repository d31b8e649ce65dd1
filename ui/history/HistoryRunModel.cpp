#include "history/HistoryRunModel.h"

#include "style/AgentStateStyle.h"
#include "style/DisplayFormat.h"

#include <QFileInfo>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>

namespace switchboard {

HistoryRunModel::HistoryRunModel(QObject *parent)
    : KeyedTableModel(parent)
    , m_palette(QGuiApplication::palette())
{
    m_rows.append(HistoryRunEntry{});
}

int HistoryRunModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int HistoryRunModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void HistoryRunModel::setRuns(const QList<HistoryRunEntry> &runs)
{
    HistoryRunEntry all;
    all.runs = static_cast<int>(runs.size());
    for (const HistoryRunEntry &entry : runs) {
        all.goals += entry.goals;
        all.completed += entry.completed;
        all.failed += entry.failed;
        all.cancelled += entry.cancelled;
        all.blocked += entry.blocked;
        all.skipped += entry.skipped;
        all.interrupted += entry.interrupted;
        all.inProgress += entry.inProgress;
        all.queued += entry.queued;
        all.attempts += entry.attempts;
        all.tokens += entry.tokens;
        all.costUsd += entry.costUsd;
        if (entry.run.startedAt.isValid() && (!all.run.startedAt.isValid() || entry.run.startedAt < all.run.startedAt))
            all.run.startedAt = entry.run.startedAt;
    }
    QList<HistoryRunEntry> fresh;
    fresh.reserve(runs.size() + 1);
    fresh.append(all);
    fresh.append(runs);
    syncRows(m_rows, fresh, [](const HistoryRunEntry &entry) { return entry.run.id; });
}

void HistoryRunModel::setLiveRunId(const QString &runId)
{
    if (m_liveRunId == runId)
        return;
    m_liveRunId = runId;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void HistoryRunModel::setPalette(const QPalette &palette)
{
    m_palette = palette;
    m_icons.clear();
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DecorationRole});
}

void HistoryRunModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int HistoryRunModel::rowForRun(const QString &runId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).run.id == runId)
            return row;
    }
    return -1;
}

QString HistoryRunModel::outcomeText(const HistoryRunEntry &e)
{
    if (e.goals == 0)
        return tr("No goals");
    if (e.completed == e.goals)
        return tr("All %n completed", nullptr, e.goals);
    QStringList parts;
    const auto add = [&parts](int n, const QString &text) {
        if (n > 0)
            parts << text;
    };
    add(e.completed, tr("%n completed", nullptr, e.completed));
    add(e.failed, tr("%n failed", nullptr, e.failed));
    add(e.cancelled, tr("%n cancelled", nullptr, e.cancelled));
    add(e.blocked, tr("%n blocked", nullptr, e.blocked));
    add(e.skipped, tr("%n skipped", nullptr, e.skipped));
    add(e.interrupted, tr("%n interrupted", nullptr, e.interrupted));
    add(e.inProgress, tr("%n in progress", nullptr, e.inProgress));
    add(e.queued, tr("%n queued", nullptr, e.queued));
    return parts.join(QStringLiteral(" · "));
}

QString HistoryRunModel::searchText(const HistoryRunEntry &e) const
{
    const bool live = !e.run.id.isEmpty() && e.run.id == m_liveRunId;
    QString text = e.run.id + u'\n' + e.run.name + u'\n' + e.run.planFile + u'\n' + outcomeText(e) + u'\n';
    text += e.run.isFinished() ? tr("Finished") : live ? tr("In progress") : tr("Unfinished");
    return text.toCaseFolded();
}

QIcon HistoryRunModel::outcomeIcon(const HistoryRunEntry &e, bool live) const
{
    AgentState state = AgentState::Completed;
    if (!e.run.isFinished())
        state = live ? AgentState::Running : AgentState::Interrupted;
    else if (e.failed > 0)
        state = AgentState::Failed;
    else if (e.completed < e.goals)
        state = AgentState::Cancelled;
    auto it = m_icons.find(static_cast<int>(state));
    if (it == m_icons.end())
        it = m_icons.insert(static_cast<int>(state), AgentStateStyle::icon(state, m_palette));
    return *it;
}

QVariant HistoryRunModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HistoryRunEntry &e = m_rows.at(index.row());
    const bool all = index.row() == 0;
    const bool live = !all && e.run.id == m_liveRunId;
    switch (role) {
    case RunIdRole:
        return e.run.id;
    case SearchTextRole:
        return all ? QString() : searchText(e);
    case AllRunsRole:
        return all;
    case Qt::FontRole:
        if (all) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == GoalsColumn || index.column() == CostColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DecorationRole:
        if (index.column() == OutcomeColumn && !all && e.goals > 0)
            return outcomeIcon(e, live);
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case NameColumn:
            return all ? tr("Every goal of every run, to search them all") : tr("Run %1").arg(e.run.id);
        case PlanColumn:
            return e.run.planFile;
        case CostColumn:
            return tr("%1 over %n attempt(s)", nullptr, e.attempts).arg(DisplayFormat::tokens(e.tokens));
        case FinishedColumn:
            if (!all && !e.run.isFinished())
                return live ? tr("Still running: goals are being added and worked on")
                            : tr("The run did not finish: the app was closed or stopped while it ran");
            return {};
        default:
            return {};
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            if (all)
                return tr("All runs (%n)", nullptr, e.runs);
            return e.run.name.isEmpty() ? e.run.id : e.run.name;
        case StartedColumn:
            return all ? QString() : DisplayFormat::dateTime(e.run.startedAt);
        case FinishedColumn:
            if (all)
                return QString();
            if (e.run.isFinished())
                return DisplayFormat::dateTime(e.run.finishedAt);
            return live ? tr("In progress") : tr("Unfinished");
        case GoalsColumn:
            return QLocale().toString(e.goals);
        case OutcomeColumn:
            return all ? QString() : outcomeText(e);
        case CostColumn:
            return DisplayFormat::cost(e.costUsd);
        case PlanColumn:
            return e.run.planFile.isEmpty() ? QString() : QFileInfo(e.run.planFile).fileName();
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant HistoryRunModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Run");
    case StartedColumn:
        return tr("Started");
    case FinishedColumn:
        return tr("Finished");
    case GoalsColumn:
        return tr("Goals");
    case OutcomeColumn:
        return tr("Outcome");
    case CostColumn:
        return tr("Cost");
    case PlanColumn:
        return tr("Plan file");
    default:
        return {};
    }
}

} // namespace switchboard
