#include "ModelsCommand.h"

#include "Cli.h"
#include "Console.h"
#include "llm/LocalModelDiscovery.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTextStream>

#include <cstdio>

namespace switchboard {

using llm::LocalModelDiscovery;
using llm::LocalModelServer;

ModelsCommand::ModelsCommand()
    : Command(QStringLiteral("models"), QStringLiteral("list the model servers running on this machine"),
              Positional::None, QStringLiteral("models takes no FILE"),
              {{QStringLiteral("json"), QString()},
               {QStringLiteral("config"), QString(), QStringLiteral("file")},
               {QStringLiteral("db"), QString(), QStringLiteral("path")}})
{}

int ModelsCommand::executeParsed(const QCommandLineParser &parser)
{
    QString envError;
    const QList<LocalModelDiscovery::Candidate> candidates =
        LocalModelDiscovery::candidatesFromEnvironment(QProcessEnvironment::systemEnvironment(), &envError);
    if (!envError.isEmpty())
        Console::printError(QStringLiteral("warning: %1").arg(envError));
    const QList<LocalModelServer> servers = LocalModelDiscovery(candidates).discover();

    QTextStream out(stdout);
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const LocalModelServer &server : servers) {
            QJsonArray profiles;
            for (const QString &model : server.models) {
                const AgentProfile p = LocalModelDiscovery::profileFor(server, model);
                profiles.append(QJsonObject{{QStringLiteral("name"), p.name},
                                            {QStringLiteral("backend"), p.backend},
                                            {QStringLiteral("base_url"), p.llm.baseUrl},
                                            {QStringLiteral("model"), p.model}});
            }
            list.append(QJsonObject{{QStringLiteral("kind"), server.kind},
                                    {QStringLiteral("base_url"), server.baseUrl.toString()},
                                    {QStringLiteral("models"), QJsonArray::fromStringList(server.models)},
                                    {QStringLiteral("profiles"), profiles}});
        }
        out << QString::fromUtf8(
                   QJsonDocument(QJsonObject{{QStringLiteral("servers"), list}}).toJson(QJsonDocument::Compact))
            << '\n';
        return Cli::Success;
    }
    if (servers.isEmpty()) {
        out << QStringLiteral("no local model server found on 127.0.0.1 ports %1\n")
                   .arg(LocalModelDiscovery::portList(candidates));
        return Cli::Success;
    }
    for (const LocalModelServer &server : servers) {
        const qsizetype count = server.models.size();
        out << QStringLiteral("%1 at %2: %3\n")
                   .arg(server.kind, server.baseUrl.toString(),
                        count == 1 ? QStringLiteral("1 model") : QStringLiteral("%1 models").arg(count));
        for (const QString &model : server.models)
            out << QStringLiteral("  %1  profile: %2\n")
                       .arg(model, -30)
                       .arg(LocalModelDiscovery::profileName(server, model));
    }
    // One ready profile to paste into switchboard.yaml: the config stays the one place profiles come from.
    const QList<AgentProfile> profiles = LocalModelDiscovery::profilesFor(servers);
    if (!profiles.isEmpty()) {
        const AgentProfile &p = profiles.first();
        out << QStringLiteral("\nTo use one, add it under agents.definitions in switchboard.yaml:\n"
                              "    - name: %1\n"
                              "      backend: openai\n"
                              "      base_url: %2\n"
                              "      model: %3\n")
                   .arg(p.name, p.llm.baseUrl, p.model);
    }
    return Cli::Success;
}

} // namespace switchboard
