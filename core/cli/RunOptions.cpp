#include "RunOptions.h"

#include "Console.h"
#include "orchestration/Scheduler.h"

#include <QCommandLineParser>

namespace switchboard {

QList<QCommandLineOption> RunOptions::options()
{
    return {{QStringLiteral("json"), QString()},
            {QStringLiteral("config"), QString(), QStringLiteral("file")},
            {QStringLiteral("db"), QString(), QStringLiteral("path")},
            {QStringLiteral("max-parallel"), QString(), QStringLiteral("n")},
            {QStringLiteral("workspace"), QString(), QStringLiteral("dir")},
            {QStringLiteral("mode"), QString(), QStringLiteral("mode")},
            {QStringLiteral("auto-answer"), QString(), QStringLiteral("first|fail")}};
}

std::optional<RunOptions> RunOptions::fromParser(const QCommandLineParser &parser)
{
    RunOptions options;
    options.json = parser.isSet(QStringLiteral("json"));
    if (parser.isSet(QStringLiteral("max-parallel"))) {
        bool ok = false;
        options.maxParallel = parser.value(QStringLiteral("max-parallel")).toInt(&ok);
        if (!ok || options.maxParallel < 1) {
            Console::printError(QStringLiteral("error: --max-parallel: expected a whole number of at least 1, got '%1'")
                                    .arg(parser.value(QStringLiteral("max-parallel"))));
            return std::nullopt;
        }
    }
    options.mode = parser.value(QStringLiteral("mode"));
    if (!options.mode.isEmpty() && !Scheduler::modeFromString(options.mode)) {
        Console::printError(QStringLiteral("error: --mode: unknown mode '%1' (expected dependency, phased, sequential, "
                                           "parallel or pipeline)")
                                .arg(options.mode));
        return std::nullopt;
    }
    options.autoAnswer = parser.value(QStringLiteral("auto-answer"));
    if (!options.autoAnswer.isEmpty() && options.autoAnswer != u"first" && options.autoAnswer != u"fail") {
        Console::printError(
            QStringLiteral("error: --auto-answer: expected first or fail, got '%1'").arg(options.autoAnswer));
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("workspace")))
        options.workspace = parser.value(QStringLiteral("workspace"));
    return options;
}

RunSession::Overrides RunOptions::overrides() const
{
    return {.maxParallel = maxParallel, .mode = mode, .workspace = workspace};
}

} // namespace switchboard
