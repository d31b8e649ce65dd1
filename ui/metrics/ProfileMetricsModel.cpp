#include "metrics/ProfileMetricsModel.h"

#include "persistence/MetricsCalculator.h"
#include "style/AgentStateStyle.h"
#include "style/DisplayFormat.h"
#include "style/ThemedIcons.h"

#include <QApplication>
#include <QFont>
#include <QLocale>

#include <algorithm>

namespace switchboard {

namespace {
QString percent(double fraction)
{
    const double value = fraction * 100.0;
    //: A percentage in the metrics table and tiles
    return ProfileMetricsModel::tr("%1 %").arg(QLocale().toString(value, 'f', value > 0.0 && value < 10.0 ? 1 : 0));
}

QString compactCount(qint64 count)
{
    const QLocale locale;
    if (count < 10000)
        return locale.toString(count);
    if (count < 1000000)
        //: Thousands, e.g. "12.3k"
        return ProfileMetricsModel::tr("%1k").arg(locale.toString(double(count) / 1000.0, 'f', 1));
    //: Millions, e.g. "1.2M"
    return ProfileMetricsModel::tr("%1M").arg(locale.toString(double(count) / 1000000.0, 'f', 1));
}

QString noValue()
{
    return QStringLiteral("\u2014");
}

MetricAlert alertOf(const QList<MetricAlert> &alerts, MetricAlert::Metric metric)
{
    for (const MetricAlert &alert : alerts) {
        if (alert.metric == metric)
            return alert;
    }
    return {};
}
} // namespace

ProfileMetricsModel::ProfileMetricsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ProfileMetricsModel::setMetrics(const Metrics &metrics, const MetricThresholds &thresholds)
{
    QList<Row> rows;
    const auto makeRow = [&thresholds](const ProfileMetrics &m, bool overall) {
        // The thresholds apply per profile too: the same rule as the dock's tiles, on this profile's numbers.
        Metrics one;
        one.overall = m;
        const QList<MetricAlert> alerts = MetricsCalculator::evaluate(one, thresholds);
        Row row;
        row.metrics = m;
        row.overall = overall;
        row.escalation = alertOf(alerts, MetricAlert::Metric::EscalationRate);
        row.completion = alertOf(alerts, MetricAlert::Metric::AverageCompletion);
        return row;
    };
    for (const ProfileMetrics &m : metrics.profiles)
        rows.append(makeRow(m, false));
    rows.append(makeRow(metrics.overall, true));
    sortRows(rows);

    bool sameRows = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameRows && i < rows.size(); ++i)
        sameRows =
            rows.at(i).overall == m_rows.at(i).overall && rows.at(i).metrics.profile == m_rows.at(i).metrics.profile;
    if (!sameRows) {
        bool sameSet = rows.size() == m_rows.size();
        for (qsizetype i = 0; sameSet && i < rows.size(); ++i)
            sameSet = rows.at(i).overall || rowForProfile(rows.at(i).metrics.profile) >= 0;
        if (!sameSet) {
            beginResetModel();
            m_rows = std::move(rows);
            endResetModel();
            return;
        }
        // The same profiles in a new order (the sorted values changed): move the rows, keep their identity.
        relayout(std::move(rows));
    } else {
        m_rows = std::move(rows);
    }
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void ProfileMetricsModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int ProfileMetricsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProfileMetricsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

ProfileMetrics ProfileMetricsModel::metricsAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).metrics : ProfileMetrics();
}

bool ProfileMetricsModel::isOverallRow(int row) const
{
    return row >= 0 && row < m_rows.size() && m_rows.at(row).overall;
}

int ProfileMetricsModel::rowForProfile(const QString &profile) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (!m_rows.at(i).overall && m_rows.at(i).metrics.profile == profile)
            return int(i);
    }
    return -1;
}

const MetricAlert *ProfileMetricsModel::alertFor(const Row &row, int column) const
{
    if (column == EscalationRateColumn)
        return &row.escalation;
    if (column == AverageCompletionColumn)
        return &row.completion;
    return nullptr;
}

QVariant ProfileMetricsModel::displayValue(const Row &row, int column) const
{
    const ProfileMetrics &m = row.metrics;
    const QLocale locale;
    switch (column) {
    case ProfileColumn:
        if (row.overall)
            return tr("All profiles");
        return m.profile.isEmpty() ? tr("(no profile)") : m.profile;
    case AssignmentsColumn:
        return locale.toString(m.assignments);
    case CompletionsColumn:
        return locale.toString(m.completions);
    case FailuresColumn:
        return locale.toString(m.failures);
    case SuccessRateColumn:
        return m.completions + m.failures > 0 ? percent(m.successRate) : noValue();
    case IterationsColumn:
        return m.assignments > 0 && m.iterations != m.assignments
                   //: Attempts, then attempts per goal: "14 (1.4 per goal)"
                   ? tr("%1 (%2 per goal)")
                         .arg(locale.toString(m.iterations), locale.toString(m.iterationsPerGoal, 'f', 1))
                   : locale.toString(m.iterations);
    case AverageDurationColumn:
        return m.averageDurationMs > 0.0 ? DisplayFormat::duration(qint64(m.averageDurationMs)) : noValue();
    case P95DurationColumn:
        return m.p95DurationMs > 0 ? DisplayFormat::duration(m.p95DurationMs) : noValue();
    case AverageCompletionColumn:
        return m.completions > 0 ? DisplayFormat::duration(qint64(m.averageCompletionMs)) : noValue();
    case TokensColumn:
        return compactCount(m.tokens());
    case CostColumn:
        return DisplayFormat::cost(m.costUsd);
    case CostPerGoalColumn:
        return m.assignments > 0 ? DisplayFormat::cost(m.costPerGoalUsd) : noValue();
    case EscalationRateColumn:
        return m.assignments > 0 ? percent(m.escalationRate) : noValue();
    default:
        return {};
    }
}

QVariant ProfileMetricsModel::sortValue(const Row &row, int column) const
{
    const ProfileMetrics &m = row.metrics;
    switch (column) {
    case ProfileColumn:
        return m.profile;
    case AssignmentsColumn:
        return m.assignments;
    case CompletionsColumn:
        return m.completions;
    case FailuresColumn:
        return m.failures;
    case SuccessRateColumn:
        // Nothing finished sorts below 0 %.
        return m.completions + m.failures > 0 ? m.successRate : -1.0;
    case IterationsColumn:
        return m.iterations;
    case AverageDurationColumn:
        return m.averageDurationMs;
    case P95DurationColumn:
        return m.p95DurationMs;
    case AverageCompletionColumn:
        return m.averageCompletionMs;
    case TokensColumn:
        return m.tokens();
    case CostColumn:
        return m.costUsd;
    case CostPerGoalColumn:
        return m.costPerGoalUsd;
    case EscalationRateColumn:
        return m.escalationRate;
    default:
        return {};
    }
}

QVariant ProfileMetricsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    const MetricAlert *alert = alertFor(row, column);
    const bool crossed = alert && alert->hasData && alert->level != MetricAlert::Level::Ok;
    const AgentState levelState =
        alert && alert->level == MetricAlert::Level::Alert ? AgentState::Failed : AgentState::Escalated;
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(row, column);
    case SortRole:
        return sortValue(row, column);
    case ProfileRole:
        return row.overall ? QString() : row.metrics.profile;
    case IsOverallRole:
        return row.overall;
    case LevelRole:
        return alert ? QVariant(int(alert->hasData ? alert->level : MetricAlert::Level::Ok)) : QVariant();
    case Qt::TextAlignmentRole:
        return column == ProfileColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                       : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if (row.overall) {
            QFont font;
            font.setWeight(QFont::DemiBold);
            return font;
        }
        return {};
    case Qt::DecorationRole:
        if (crossed)
            return ThemedIcons::icon(alert->level == MetricAlert::Level::Alert ? QStringLiteral("metric-alert")
                                                                               : QStringLiteral("metric-warning"),
                                     AgentStateStyle::foreground(levelState, QApplication::palette()));
        return {};
    case Qt::ForegroundRole:
        if (crossed)
            return AgentStateStyle::foreground(levelState, QApplication::palette());
        return {};
    case Qt::ToolTipRole:
        if (alert && alert->hasData) {
            const QString level = alert->level == MetricAlert::Level::Alert     ? tr("Alert")
                                  : alert->level == MetricAlert::Level::Warning ? tr("Missed target")
                                                                                : tr("On target");
            //: Tooltip of a table cell with a threshold: "Alert: Escalation rate: 45 % (target < 20 %, ...)"
            return tr("%1: %2").arg(level, alert->message);
        }
        if (column == ProfileColumn && row.overall)
            return tr("Every agent of the run, whatever its profile");
        return {};
    default:
        return {};
    }
}

QVariant ProfileMetricsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case ProfileColumn:
            return tr("Profile");
        case AssignmentsColumn:
            return tr("Goals");
        case CompletionsColumn:
            return tr("Done");
        case FailuresColumn:
            return tr("Failed");
        case SuccessRateColumn:
            return tr("Success");
        case IterationsColumn:
            return tr("Attempts");
        case AverageDurationColumn:
            return tr("Avg time");
        case P95DurationColumn:
            return tr("p95 time");
        case AverageCompletionColumn:
            return tr("Avg completion");
        case TokensColumn:
            return tr("Tokens");
        case CostColumn:
            return tr("Cost");
        case CostPerGoalColumn:
            return tr("Cost/goal");
        case EscalationRateColumn:
            return tr("Escalated");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case AssignmentsColumn:
            return tr("Goals assigned to an agent of this profile (started at least once)");
        case CompletionsColumn:
            return tr("Goals completed");
        case FailuresColumn:
            return tr("Goals that failed for good");
        case SuccessRateColumn:
            return tr("Completed out of completed and failed");
        case IterationsColumn:
            return tr("Attempts in total (retries and resumes count), and per goal");
        case AverageDurationColumn:
            return tr("Average run time of a successful attempt");
        case P95DurationColumn:
            return tr("95 % of successful attempts ran at most this long");
        case AverageCompletionColumn:
            return tr("From queued to completed, waiting and retries included");
        case TokensColumn:
            return tr("Input and output tokens");
        case CostColumn:
            return tr("Cost of every attempt");
        case CostPerGoalColumn:
            return tr("Cost divided by the goals assigned");
        case EscalationRateColumn:
            return tr("Goals whose agent asked a human at least once");
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole)
        return section == ProfileColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                        : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

void ProfileMetricsModel::sortRows(QList<Row> &rows) const
{
    if (m_sortColumn < 0 || m_sortColumn >= ColumnCount)
        return;
    const int column = m_sortColumn;
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    // The overall row stays last; ties keep profile-name order.
    std::stable_sort(rows.begin(), rows.end(), [this, column, descending](const Row &a, const Row &b) {
        if (a.overall != b.overall)
            return b.overall;
        const QVariant left = sortValue(a, column);
        const QVariant right = sortValue(b, column);
        const QPartialOrdering order = QVariant::compare(left, right);
        if (order == QPartialOrdering::Equivalent || order == QPartialOrdering::Unordered)
            return false;
        return descending ? order == QPartialOrdering::Greater : order == QPartialOrdering::Less;
    });
}

void ProfileMetricsModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    if (m_rows.size() < 2)
        return;
    QList<Row> rows = m_rows;
    sortRows(rows);
    relayout(std::move(rows));
}

void ProfileMetricsModel::relayout(QList<Row> rows)
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex &index : before) {
        const Row &old = m_rows.at(index.row());
        int newRow = 0;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            if (rows.at(i).overall == old.overall && rows.at(i).metrics.profile == old.metrics.profile) {
                newRow = int(i);
                break;
            }
        }
        after.append(createIndex(newRow, index.column()));
    }
    m_rows = std::move(rows);
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

} // namespace switchboard
