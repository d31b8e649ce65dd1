#include "PlanCommand.h"

#include "Cli.h"
#include "orchestration/Scheduler.h"
#include "session/RunSession.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

namespace switchboard {

PlanCommand::PlanCommand()
    : Command(QStringLiteral("plan"), QStringLiteral("show a plan's phases and goals"), Positional::OneFile,
              QStringLiteral("plan takes exactly one FILE"),
              {{QStringLiteral("json"), QString()}, {QStringLiteral("config"), QString(), QStringLiteral("file")}})
{}

int PlanCommand::executeParsed(const QCommandLineParser &parser)
{
    RunSession session;
    const std::optional<Plan> plan =
        loadPlan(session, parser.positionalArguments().at(1), parser.value(QStringLiteral("config")));
    if (!plan)
        return Cli::InvalidInput;

    QHash<QString, const Goal *> byId;
    for (const Goal &g : plan->goals)
        byId.insert(g.id, &g);
    const QList<QStringList> phases = Scheduler::phases(plan->goals);

    QTextStream out(stdout);
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray jsonPhases;
        for (int i = 0; i < phases.size(); ++i) {
            QJsonArray goals;
            for (const QString &id : phases.at(i)) {
                const Goal *g = byId.value(id);
                QJsonObject o;
                o.insert(u"id", g->id);
                o.insert(u"title", g->title);
                o.insert(u"priority", priorityToString(g->priority));
                o.insert(u"profile", g->profile);
                o.insert(u"depends_on", QJsonArray::fromStringList(g->dependsOn));
                goals.append(o);
            }
            jsonPhases.append(QJsonObject{{QStringLiteral("phase"), i + 1}, {QStringLiteral("goals"), goals}});
        }
        const QJsonObject root{{QStringLiteral("name"), plan->name},
                               {QStringLiteral("file"), QFileInfo(plan->file).absoluteFilePath()},
                               {QStringLiteral("goals"), static_cast<int>(plan->goals.size())},
                               {QStringLiteral("phases"), jsonPhases}};
        out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Compact)) << '\n';
        return Cli::Success;
    }
    out << QStringLiteral("Plan: %1 (%2 goals in %3 phases)\n")
               .arg(plan->name)
               .arg(plan->goals.size())
               .arg(phases.size());
    for (int i = 0; i < phases.size(); ++i) {
        out << QStringLiteral("\nPhase %1\n").arg(i + 1);
        for (const QString &id : phases.at(i)) {
            const Goal *g = byId.value(id);
            QString line =
                QStringLiteral("  %1  %2  [%3]").arg(g->id, -20).arg(g->title).arg(priorityToString(g->priority));
            if (!g->profile.isEmpty())
                line += QStringLiteral("  profile: %1").arg(g->profile);
            if (!g->dependsOn.isEmpty())
                line += QStringLiteral("  after: %1").arg(g->dependsOn.join(QStringLiteral(", ")));
            out << line << '\n';
        }
    }
    return Cli::Success;
}

} // namespace switchboard
