// switchboard-bench-ui: the ui workload, apart from switchboard-bench so that the core workloads build
// and run even when the dashboard does not. Same options and JSON line (docs/BENCHMARKS.md).
#include "BenchOptions.h"
#include "BenchReport.h"
#include "UiWorkload.h"

#include <QApplication>
#include <QStandardPaths>

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
    UiWorkloadConfig config;
    config.agents = options.tasks > 0 ? options.tasks : config.agents;
    config.parallel = options.parallel > 0 ? options.parallel : config.agents;
    config.seconds = options.uiSeconds > 0 ? options.uiSeconds : config.seconds;
    return BenchReport::runRepeated(QStringLiteral("ui"), options, [&config] { return runUiWorkload(config); }) ? 0 : 1;
}
