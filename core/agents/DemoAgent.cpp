#include "DemoAgent.h"

#include "AgentContext.h"

#include <QRandomGenerator>

namespace switchboard {

namespace {
QStringList defaultSteps()
{
    return {QStringLiteral("Reading the goal"), QStringLiteral("Planning"), QStringLiteral("Working"),
            QStringLiteral("Checking the success criteria"), QStringLiteral("Writing the summary")};
}
} // namespace

QJsonObject DemoAgent::settingsSchema()
{
    const auto property = [](const char *type, const char *description) {
        return QJsonObject{{QStringLiteral("type"), QLatin1String(type)},
                           {QStringLiteral("description"), QLatin1String(description)}};
    };
    QJsonObject steps = property("array", "the step names it walks through");
    steps.insert(u"items", QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}});
    return {{QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("properties"),
             QJsonObject{{QStringLiteral("duration_ms"), property("integer", "how long a run takes (default 6000)")},
                         {QStringLiteral("steps"), steps},
                         {QStringLiteral("fail"), property("boolean", "fail half-way (to try failure handling)")}}}};
}

DemoAgent::DemoAgent(AgentProfile profile)
    : m_profile(std::move(profile))
{}

AgentResult DemoAgent::run(AgentContext &context)
{
    const QVariantMap &settings = m_profile.settings;
    const int durationMs = qMax(0, settings.value(QStringLiteral("duration_ms"), 6000).toInt());
    QStringList steps = settings.value(QStringLiteral("steps")).toStringList();
    if (steps.isEmpty())
        steps = defaultSteps();
    const bool fail = settings.value(QStringLiteral("fail")).toBool();

    context.log(QStringLiteral("This is the built-in demo agent: no model is called and no file is changed."));
    context.log(QStringLiteral("Goal %1: %2").arg(context.goal().id, context.goal().title));

    // Ticks of ~100 ms (fewer for short runs), each a small slice of a step.
    const int ticks = qBound(1, durationMs / 100, 600);
    const auto tickMs = std::chrono::milliseconds(durationMs / ticks);
    int lastStep = -1;
    for (int tick = 0; tick < ticks; ++tick) {
        const int step = tick * static_cast<int>(steps.size()) / ticks;
        if (step != lastStep) {
            lastStep = step;
            context.log(QStringLiteral("[demo] %1").arg(steps.at(step)));
        }
        context.setProgress(tick * 100 / ticks, steps.at(step));
        if (durationMs > 0 && !context.sleepFor(tickMs))
            return AgentResult::cancelled();
        if (fail && tick >= ticks / 2)
            return AgentResult::failed(QStringLiteral("demo agent configured to fail (settings.fail: true)"));
    }
    if (context.isCancelled())
        return AgentResult::cancelled();
    // Demo agents report a small, plausible usage so the token/cost display has something to show.
    const qint64 input = 800 + QRandomGenerator::global()->bounded(1200);
    const qint64 output = 200 + QRandomGenerator::global()->bounded(600);
    context.addUsage(input, output, 0.0);
    context.setProgress(100, QStringLiteral("Done"));
    return AgentResult::completed(QStringLiteral("[demo] Finished '%1' (%2 steps, simulated; no real work done)")
                                      .arg(context.goal().title)
                                      .arg(steps.size()));
}

} // namespace switchboard
