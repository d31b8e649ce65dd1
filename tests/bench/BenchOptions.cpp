#include "BenchOptions.h"

#include <QCommandLineParser>

#include <cstdio>

namespace switchboard::bench {

namespace {
bool readInt(const QCommandLineParser &parser, const QString &name, int minimum, int *out, QString *error)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < minimum) {
        *error = QStringLiteral("--%1 needs an integer >= %2, got '%3'").arg(name).arg(minimum).arg(parser.value(name));
        return false;
    }
    *out = value;
    return true;
}
} // namespace

bool BenchOptions::parse(const QStringList &arguments, BenchOptions *options, int *exitCode)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Measures Switchboard's orchestration paths; prints one JSON line per workload."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("workload"),
         QStringLiteral("w1, w2, w3, ui, scale or all; flood (chatty process agents, not part of all); w1-floor, "
                        "w1-floor-batched, w1-floor-pull, w1-floor-lookahead, w3-cancel or diag for all the "
                        "diagnostics (comma-separated list allowed)."),
         QStringLiteral("name"), QStringLiteral("all")},
        {QStringLiteral("tasks"), QStringLiteral("Goals (w1, w3) or total goals (w2: layers = tasks / width)."),
         QStringLiteral("N")},
        {QStringLiteral("parallel"), QStringLiteral("max_parallel (w1/w2 default 8, w3 default 64)."),
         QStringLiteral("C")},
        {QStringLiteral("repeat"), QStringLiteral("Runs per workload; best and median are reported."),
         QStringLiteral("R"), QStringLiteral("1")},
        {QStringLiteral("base-url"), QStringLiteral("w3: an OpenAI-compatible server (default: built-in server)."),
         QStringLiteral("URL")},
        {QStringLiteral("model"), QStringLiteral("w3: the model name sent in each request."), QStringLiteral("name"),
         QStringLiteral("bench-model")},
        {QStringLiteral("store"),
         QStringLiteral("on: w1/w2/w3 attach a fresh SQLite store (in a temporary directory) to the "
                        "orchestrator; off (default): no store."),
         QStringLiteral("on|off"), QStringLiteral("off")},
        {QStringLiteral("layers"), QStringLiteral("w2: DAG layers (default 50)."), QStringLiteral("L")},
        {QStringLiteral("width"), QStringLiteral("w2: goals per layer (default 100)."), QStringLiteral("W")},
        {QStringLiteral("calls"), QStringLiteral("w3: sequential chat calls per agent (default 4)."),
         QStringLiteral("K")},
        {QStringLiteral("latency-ms"), QStringLiteral("w3: built-in server reply latency (default 20)."),
         QStringLiteral("ms")},
        {QStringLiteral("ui-seconds"), QStringLiteral("ui: how long each agent runs (default 10)."),
         QStringLiteral("s")},
        {QStringLiteral("flood-seconds"), QStringLiteral("flood: how long the agents print (default 60)."),
         QStringLiteral("s")},
        {QStringLiteral("flood-agents"), QStringLiteral("flood: how many agents print at once (default 16)."),
         QStringLiteral("N")},
        {QStringLiteral("soak"),
         QStringLiteral("w1: run it again and again for this long in one process, printing resident memory over "
                        "time (stderr) and one w1-soak line with the samples and the growth."),
         QStringLiteral("s")},
        {QStringLiteral("scale-db"),
         QStringLiteral("scale: the database to start from, written first only when it does not exist yet "
                        "(kept; for profiling the start-up without writing the history each time)."),
         QStringLiteral("path")},
        {QStringLiteral("scale-history"),
         QStringLiteral("scale: on (default) also opens the History window on the run and times its load and search; "
                        "off measures the start-up only (History's read of 1,000,000 goals takes a minute)."),
         QStringLiteral("on|off"), QStringLiteral("on")},
        {QStringLiteral("nam"),
         QStringLiteral("w3: per-thread (default: one QNetworkAccessManager kept per pool thread, reused by the "
                        "agents it runs) or per-agent (diagnostic: one made and deleted in each run())."),
         QStringLiteral("mode"), QStringLiteral("per-thread")},
    });

    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "switchboard-bench: %s\n", qPrintable(parser.errorText()));
        *exitCode = 2;
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        *exitCode = 0;
        return false;
    }
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "switchboard-bench: unexpected argument '%s'\n",
                     qPrintable(parser.positionalArguments().constFirst()));
        *exitCode = 2;
        return false;
    }

    QString error;
    const QStringList all{QStringLiteral("w1"), QStringLiteral("w2"), QStringLiteral("w3"), QStringLiteral("ui"),
                          QStringLiteral("scale")};
    const QStringList diagnostics{QStringLiteral("w1-floor"), QStringLiteral("w1-floor-batched"),
                                  QStringLiteral("w1-floor-pull"), QStringLiteral("w1-floor-lookahead"),
                                  QStringLiteral("w3-cancel")};
    const QStringList known = all + diagnostics + QStringList{QStringLiteral("flood")};
    options->workloads.clear();
    const QStringList asked = parser.value(QStringLiteral("workload")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &name : asked) {
        const QString w = name.trimmed().toLower();
        if (w == u"all")
            options->workloads << all;
        else if (w == u"diag")
            options->workloads << diagnostics;
        else if (known.contains(w))
            options->workloads << w;
        else
            error = QStringLiteral("unknown workload '%1' (known: %2, all, diag)")
                        .arg(name, known.join(QStringLiteral(", ")));
    }
    options->workloads.removeDuplicates();
    if (error.isEmpty() && options->workloads.isEmpty())
        error = QStringLiteral("--workload needs a name");

    const QString store = parser.value(QStringLiteral("store")).toLower();
    if (store == u"on")
        options->storeRequested = true;
    else if (store == u"off")
        options->storeRequested = false;
    else if (error.isEmpty())
        error = QStringLiteral("--store takes on or off, got '%1'").arg(store);

    const QString nam = parser.value(QStringLiteral("nam")).toLower();
    if (nam == u"per-agent")
        options->managerPerThread = false;
    else if (nam != u"per-thread" && error.isEmpty())
        error = QStringLiteral("--nam takes per-agent or per-thread, got '%1'").arg(nam);

    const QString scaleHistory = parser.value(QStringLiteral("scale-history")).toLower();
    if (scaleHistory == u"off")
        options->scaleHistory = false;
    else if (scaleHistory != u"on" && error.isEmpty())
        error = QStringLiteral("--scale-history takes on or off, got '%1'").arg(scaleHistory);

    options->baseUrl = parser.value(QStringLiteral("base-url"));
    options->scaleDatabase = parser.value(QStringLiteral("scale-db"));
    options->model = parser.value(QStringLiteral("model"));
    const bool numbersOk = error.isEmpty() && readInt(parser, QStringLiteral("tasks"), 1, &options->tasks, &error) &&
                           readInt(parser, QStringLiteral("parallel"), 1, &options->parallel, &error) &&
                           readInt(parser, QStringLiteral("repeat"), 1, &options->repeat, &error) &&
                           readInt(parser, QStringLiteral("layers"), 1, &options->layers, &error) &&
                           readInt(parser, QStringLiteral("width"), 3, &options->width, &error) &&
                           readInt(parser, QStringLiteral("calls"), 1, &options->calls, &error) &&
                           readInt(parser, QStringLiteral("latency-ms"), 0, &options->latencyMs, &error) &&
                           readInt(parser, QStringLiteral("ui-seconds"), 1, &options->uiSeconds, &error) &&
                           readInt(parser, QStringLiteral("flood-seconds"), 1, &options->floodSeconds, &error) &&
                           readInt(parser, QStringLiteral("flood-agents"), 1, &options->floodAgents, &error) &&
                           readInt(parser, QStringLiteral("soak"), 1, &options->soakSeconds, &error);
    if (!numbersOk || !error.isEmpty()) {
        std::fprintf(stderr, "switchboard-bench: %s\n", qPrintable(error));
        *exitCode = 2;
        return false;
    }
    return true;
}

} // namespace switchboard::bench
