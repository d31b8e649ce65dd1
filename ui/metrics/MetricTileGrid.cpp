#include "metrics/MetricTileGrid.h"

#include "metrics/MetricTile.h"
#include "widgets/Sparkline.h"

namespace switchboard {

namespace {
bool isFraction(MetricTileGrid::Series series)
{
    using Series = MetricTileGrid::Series;
    return series == Series::SuccessRate || series == Series::Utilisation || series == Series::EscalationRate ||
           series == Series::LockConflictRate;
}
} // namespace

MetricTileGrid::MetricTileGrid(QWidget *tileParent)
{
    setHorizontalSpacing(kSpacing);
    setVerticalSpacing(kSpacing);
    for (const Series series : kOrder) {
        auto *tile = new MetricTile(tileParent);
        tile->setObjectName(QStringLiteral("metricTile%1").arg(int(series)));
        if (isFraction(series))
            tile->sparkline()->setFixedRange(0.0, std::nullopt);
        m_tiles[std::size_t(series)] = tile;
    }
}

void MetricTileGrid::setWidth(int width)
{
    int columns = 1;
    for (const int candidate : {8, 4, 2}) {
        if (candidate * kTileMinimumWidth + (candidate - 1) * kSpacing <= width) {
            columns = candidate;
            break;
        }
    }
    if (columns == m_columns)
        return;
    m_columns = columns;
    for (const Series series : kOrder)
        removeWidget(tile(series));
    for (int column = 0; column < 8; ++column)
        setColumnStretch(column, column < columns ? 1 : 0);
    for (int i = 0; i < int(kOrder.size()); ++i)
        addWidget(tile(kOrder[std::size_t(i)]), i / columns, i % columns);
}

} // namespace switchboard
