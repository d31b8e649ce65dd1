#include "AgentsCommand.h"

#include "Cli.h"
#include "agents/coding/CodingAgentDetector.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

namespace switchboard {

using namespace Qt::StringLiterals;

namespace {

QString yamlList(const QStringList &items)
{
    QStringList quoted;
    for (const QString &item : items)
        quoted << QString::fromUtf8(QJsonDocument(QJsonArray{item}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    return u'[' + quoted.join(u", "_s) + u']';
}

} // namespace

AgentsCommand::AgentsCommand()
    : Command(u"agents"_s, u"find the coding-agent CLIs installed on this machine"_s, Positional::None,
              u"agents takes no FILE"_s,
              {{u"detect"_s, QString()},
               {u"json"_s, QString()},
               {u"config"_s, QString(), u"file"_s},
               {u"db"_s, QString(), u"path"_s}})
{}

int AgentsCommand::executeParsed(const QCommandLineParser &parser)
{
    if (!parser.isSet(u"detect"_s))
        return printUsageError(u"agents needs --detect"_s);
    const QList<CodingAgentDetector::Detected> agents = CodingAgentDetector().detect();

    QTextStream out(stdout);
    if (parser.isSet(u"json"_s)) {
        QJsonArray list;
        for (const CodingAgentDetector::Detected &agent : agents) {
            const AgentProfile &p = agent.profile;
            QJsonObject profile{{u"name"_s, p.name},
                                {u"backend"_s, p.backend},
                                {u"capabilities"_s, QJsonArray::fromStringList(p.capabilities)}};
            if (!p.command.isEmpty())
                profile.insert(u"command"_s, QJsonArray::fromStringList(p.command));
            QJsonObject entry{{u"program"_s, agent.agent.program}, {u"label"_s, agent.agent.label},
                              {u"backend"_s, agent.agent.backend}, {u"path"_s, agent.path},
                              {u"version"_s, agent.version},       {u"profile"_s, profile}};
            if (!agent.versionError.isEmpty())
                entry.insert(u"version_error"_s, agent.versionError);
            list.append(entry);
        }
        out << QString::fromUtf8(QJsonDocument(QJsonObject{{u"agents"_s, list}}).toJson(QJsonDocument::Compact))
            << '\n';
        return Cli::Success;
    }
    if (agents.isEmpty()) {
        QStringList names;
        for (const CodingAgentDetector::Known &known : CodingAgentDetector::knownAgents())
            names << known.program;
        out << u"no coding agent found on PATH (looked for %1)\n"_s.arg(names.join(u", "_s));
        return Cli::Success;
    }
    out << u"%1 %2 %3 %4\n"_s.arg(u"AGENT"_s, -16).arg(u"BACKEND"_s, -12).arg(u"VERSION"_s, -28).arg(u"PATH"_s);
    for (const CodingAgentDetector::Detected &agent : agents) {
        const QString version = agent.version.isEmpty() ? u"(%1)"_s.arg(agent.versionError) : agent.version;
        out << u"%1 %2 %3 %4\n"_s.arg(agent.agent.label, -16)
                   .arg(agent.agent.backend, -12)
                   .arg(version, -28)
                   .arg(agent.path);
    }
    out << u"\nTo use them, add them under agents.definitions in switchboard.yaml:\n"_s;
    for (const CodingAgentDetector::Detected &agent : agents) {
        const AgentProfile &p = agent.profile;
        out << u"    - name: %1\n      backend: %2\n      capabilities: %3\n"_s.arg(p.name, p.backend,
                                                                                    yamlList(p.capabilities));
        if (!p.command.isEmpty())
            out << u"      command: %1\n"_s.arg(yamlList(p.command));
    }
    return Cli::Success;
}

} // namespace switchboard
