// switchboard-bench-ui: the ui and scale workloads, apart from switchboard-bench so that the core workloads
// build and run even when the dashboard does not. Same options and JSON line (docs/BENCHMARKS.md).
#include "BenchOptions.h"
#include "BenchReport.h"
#include "ScaleWorkload.h"
#include "UiWorkload.h"

#include <QApplication>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace switchboard::bench;

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("switchboard-bench-ui"));
    QStandardPaths::setTestModeEnabled(true); // never read or write the user's window settings
    BenchOptions options;
    int exitCode = 0;
    if (!BenchOptions::parse(QCoreApplication::arguments(), &options, &exitCode))
        return exitCode;

    bool allOk = true;
    // The core workloads (w1, w2, w3, diagnostics) are switchboard-bench's; this one runs ui and scale.
    for (const QString &workload : std::as_const(options.workloads)) {
        if (workload == u"ui") {
            UiWorkloadConfig config;
            config.agents = options.tasks > 0 ? options.tasks : config.agents;
            config.parallel = options.parallel > 0 ? options.parallel : config.agents;
            config.seconds = options.uiSeconds > 0 ? options.uiSeconds : config.seconds;
            allOk &= BenchReport::runRepeated(workload, options, [&config] { return runUiWorkload(config); });
        } else if (workload == u"scale") {
            // The history is written once (outside every measurement); each repeat starts the app on it.
            QTemporaryDir dir(QDir::temp().filePath(QStringLiteral("switchboard-scale-XXXXXX")));
            ScaleWorkloadConfig config;
            config.goals = options.tasks > 0 ? options.tasks : config.goals;
            config.history = options.scaleHistory;
            config.databasePath =
                options.scaleDatabase.isEmpty() ? dir.filePath(QStringLiteral("scale.db")) : options.scaleDatabase;
            double populateMs = 0.0;
            QString error;
            const bool reuse = !options.scaleDatabase.isEmpty() && QFileInfo::exists(options.scaleDatabase);
            if (!dir.isValid() ||
                (!reuse && !populateScaleStore(config.databasePath, config.goals, &populateMs, &error))) {
                BenchReport::header(workload)
                    .add(QStringLiteral("ok"), false)
                    .add(QStringLiteral("failed"), dir.isValid() ? error : dir.errorString())
                    .print();
                allOk = false;
                continue;
            }
            allOk &= BenchReport::runRepeated(workload, options, [&config, populateMs] {
                RunResult result = runScaleWorkload(config);
                result.extras.add(QStringLiteral("populate_ms"), populateMs);
                return result;
            });
        }
    }
    return allOk ? 0 : 1;
}
