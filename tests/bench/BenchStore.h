#pragma once

#include "JsonLine.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace switchboard {
class Orchestrator;
class Store;
} // namespace switchboard

namespace switchboard::bench {

// --store on: a fresh SQLite store in a temporary directory, attached to the orchestrator before the
// workload spawns, so every goal, transition and result is committed before it is reported. It must
// outlive the orchestrator it is attached to.
class BenchStore final
{
    Q_DISABLE_COPY_MOVE(BenchStore)

public:
    BenchStore();
    ~BenchStore();

    bool open(QString *error);
    void attach(Orchestrator &orchestrator);
    // Commits what is still queued (the clock has stopped by then) and reports what the writer did.
    JsonLine finish();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
};

} // namespace switchboard::bench
