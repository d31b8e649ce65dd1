#pragma once

#include "metrics/MetricsTimeline.h"

#include <QGridLayout>

#include <array>

namespace switchboard {

class MetricTile;

// The Metrics dock's eight tiles and their grid: what is happening now first, then how well, then what it
// costs; 8, 4, 2 or 1 across for the width, so rows stay full. The tiles belong to the widget given.
class MetricTileGrid final : public QGridLayout
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricTileGrid)

public:
    using Series = MetricsTimeline::Series;

    static constexpr int kTileMinimumWidth = 168;
    static constexpr int kSpacing = 8;
    static constexpr std::array<Series, MetricsTimeline::kSeriesCount> kOrder{
        Series::InProgress,
        Series::Completions,
        Series::SuccessRate,
        Series::Utilisation,
        Series::AverageCompletionMinutes,
        Series::EscalationRate,
        Series::LockConflictRate,
        Series::CostUsd,
    };

    // Not the layout's parent: add it to the tiles' widget's layout.
    explicit MetricTileGrid(QWidget *tileParent);

    MetricTile *tile(Series series) const { return m_tiles[std::size_t(series)]; }
    // Arranges the tiles for a grid this wide (nothing moves when the number across stays).
    void setWidth(int width);

private:
    std::array<MetricTile *, MetricsTimeline::kSeriesCount> m_tiles{};
    int m_columns = 0;
};

} // namespace switchboard
