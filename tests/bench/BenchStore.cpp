#include "BenchStore.h"

#include "orchestration/Orchestrator.h"
#include "persistence/Store.h"

#include <QDirIterator>
#include <QFileInfo>

namespace switchboard::bench {

BenchStore::BenchStore()
    : m_dir(QDir::temp().filePath(QStringLiteral("switchboard-bench-XXXXXX")))
{}

BenchStore::~BenchStore() = default;

bool BenchStore::open(QString *error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("cannot create a temporary directory: %1").arg(m_dir.errorString());
        return false;
    }
    m_store = std::make_unique<Store>();
    return m_store->open(m_dir.filePath(QStringLiteral("bench.db")), error);
}

void BenchStore::attach(Orchestrator &orchestrator)
{
    orchestrator.setStore(m_store.get());
}

JsonLine BenchStore::finish()
{
    JsonLine line;
    if (!m_store)
        return line;
    const bool flushed = m_store->flush();
    const Store::Stats stats = m_store->stats();
    line.add(QStringLiteral("store_flushed"), flushed);
    line.add(QStringLiteral("store_transactions"), static_cast<qint64>(stats.transactions));
    line.add(QStringLiteral("store_writes"), static_cast<qint64>(stats.writes));
    line.add(QStringLiteral("store_coalesced"), static_cast<qint64>(stats.coalesced));
    line.add(QStringLiteral("store_folded"), static_cast<qint64>(stats.folded));
    line.add(QStringLiteral("store_writer_cpu_ms"), stats.busyCpuMs);
    line.add(QStringLiteral("store_rejected"), static_cast<qint64>(stats.rejected));
    m_store->close();
    // The database and whatever its WAL and logs hold, after the final checkpoint of close().
    qint64 bytes = 0;
    QDirIterator files(m_dir.path(), QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext())
        bytes += QFileInfo(files.next()).size();
    line.add(QStringLiteral("store_disk_mb"), static_cast<double>(bytes) / (1024.0 * 1024.0), 2);
    return line;
}

} // namespace switchboard::bench
