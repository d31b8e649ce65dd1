#include "PlanLoader.h"

#include "YamlExecutor.h"
#include "YamlSections.h"
#include "YamlSupport.h"
#include "agents/BackendRegistry.h"
#include "execution/ExecutorRules.h"
#include "model/InputLimits.h"
#include "orchestration/Scheduler.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

namespace switchboard {

namespace {

using yaml::Location;

const QStringList &planKeys()
{
    static const QStringList keys{QStringLiteral("name"), QStringLiteral("description"), QStringLiteral("workflow"),
                                  QStringLiteral("agents"), QStringLiteral("goals")};
    return keys;
}

const QStringList &goalKeys()
{
    static const QStringList keys{
        QStringLiteral("id"),           QStringLiteral("title"),
        QStringLiteral("description"),  QStringLiteral("priority"),
        QStringLiteral("depends_on"),   QStringLiteral("capabilities"),
        QStringLiteral("resources"),    QStringLiteral("success_criteria"),
        QStringLiteral("deadline"),     QStringLiteral("profile"),
        QStringLiteral("retry"),        QStringLiteral("budget"),
        QStringLiteral("follow_up_of"), QStringLiteral("when"),
        QStringLiteral("pattern"),      QStringLiteral("executor"),
    };
    static const QStringList withIsolation = keys + yaml::isolationKeys();
    return withIsolation;
}

QStringList profileNames(const Config &config)
{
    QStringList names;
    for (const AgentProfile &p : config.profiles)
        names << p.name;
    return names;
}

// A goal as read, with the locations later checks point at.
struct ReadGoal
{
    Goal goal;
    Location location;
    QList<std::pair<QString, Location>> dependencies;
    QList<std::pair<QString, Location>> capabilities;
    Location capabilitiesLocation;
    Location followUpLocation;
};

void checkCapabilities(const yaml::Document &doc, const Config &config, const ReadGoal &read)
{
    const Goal &goal = read.goal;
    const auto locationOfCapability = [&read](const QString &cap) {
        for (const auto &[text, where] : read.capabilities) {
            if (text == cap)
                return where;
        }
        return read.capabilitiesLocation;
    };
    if (!goal.profile.isEmpty()) {
        const AgentProfile *profile = config.profile(goal.profile);
        const QStringList missing = profile->missingCapabilities(goal.capabilities);
        if (!missing.isEmpty()) {
            doc.fail(locationOfCapability(missing.first()),
                     QStringLiteral("goal '%1': profile '%2' lacks capabilities: %3")
                         .arg(goal.id, goal.profile, missing.join(QStringLiteral(", "))));
        }
        return;
    }
    for (const AgentProfile &profile : config.profiles) {
        if (profile.hasCapabilities(goal.capabilities))
            return;
    }
    QStringList missing;
    for (const QString &cap : goal.capabilities) {
        bool someoneHas = false;
        for (const AgentProfile &profile : config.profiles)
            someoneHas = someoneHas || profile.capabilities.contains(cap, Qt::CaseInsensitive);
        if (!someoneHas && !missing.contains(cap, Qt::CaseInsensitive))
            missing << cap;
    }
    if (missing.isEmpty()) {
        doc.fail(read.capabilitiesLocation, QStringLiteral("goal '%1': no single profile has all of: %2")
                                                .arg(goal.id, goal.capabilities.join(QStringLiteral(", "))));
    }
    doc.fail(locationOfCapability(missing.first()), QStringLiteral("goal '%1': no profile has the capabilities: %2")
                                                        .arg(goal.id, missing.join(QStringLiteral(", "))));
}

// Fails at the offending character of the id's value (its column when the value is on one line).
void checkId(const yaml::Document &doc, const yaml::Map &map, const QString &label, const QString &id)
{
    const std::optional<InputLimits::Problem> problem = InputLimits::checkId(id);
    if (!problem)
        return;
    Location where = map.valueLocation("id");
    const YAML::Node node = map.value("id");
    if (problem->position >= 0 && where.line > 0) {
        // The value as written: skip the leading blanks trimmed away and an opening quote. Escapes in a quoted
        // value can shift this; the message names the character's position in the id as well.
        const QString raw = yaml::scalarText(node);
        qsizetype lead = 0;
        while (lead < raw.size() && raw.at(lead).isSpace())
            ++lead;
        const bool quoted = node.Tag() != "?";
        if (!raw.left(lead + problem->position).contains(u'\n'))
            where.column += static_cast<int>(lead + problem->position + (quoted ? 1 : 0));
    }
    doc.fail(where, QStringLiteral("%1: id: %2").arg(label, problem->message));
}

// ids maps each goal id read so far to the location of its id, to say where a duplicate was first defined.
ReadGoal readGoal(yaml::Document &doc, const YAML::Node &node, qsizetype index, const Config &config,
                  QHash<QString, Location> &ids)
{
    const QString path = QStringLiteral("goals[%1]").arg(index);
    if (!node.IsMap())
        doc.fail(node, QStringLiteral("%1: expected a mapping, got %2").arg(path, yaml::describe(node)));
    const QString peeked = yaml::peekScalar(node, "id");
    const QString label = peeked.isEmpty() ? path : QStringLiteral("goal %1").arg(InputLimits::shortQuote(peeked));
    const yaml::Map map(doc, node, label, label + u": ", goalKeys());

    ReadGoal read;
    read.location = map.location();
    Goal &goal = read.goal;
    goal.id = map.requiredString("id").trimmed();
    checkId(doc, map, label, goal.id);
    const auto first = ids.constFind(goal.id);
    if (first != ids.constEnd()) {
        map.failAt("id",
                   QStringLiteral("duplicate goal id '%1' (first defined at %2)").arg(goal.id, first->toString()));
    }
    ids.insert(goal.id, map.valueLocation("id"));
    goal.description = map.string("description");
    if (const std::optional<InputLimits::Problem> problem = InputLimits::checkDescription(goal.description))
        map.failAt("description", QStringLiteral("%1: description: %2").arg(label, problem->message));
    goal.title = map.string("title").trimmed();
    if (const std::optional<InputLimits::Problem> problem = InputLimits::checkTitle(goal.title))
        map.failAt("title", QStringLiteral("%1: title: %2").arg(label, problem->message));
    if (goal.title.isEmpty())
        goal.title = Goal::defaultTitle(goal.description, goal.id);
    if (map.has("priority")) {
        const QString text = map.string("priority");
        const std::optional<Priority> priority = priorityFromString(text);
        if (!priority) {
            map.failAt(
                "priority",
                QStringLiteral("%1: unknown priority '%2' (expected low, medium, high or critical)").arg(label, text));
        }
        goal.priority = *priority;
    }
    if (map.has("deadline")) {
        const QString text = map.string("deadline");
        goal.deadline = QDateTime::fromString(text.trimmed(), Qt::ISODate);
        if (!goal.deadline.isValid()) {
            map.failAt(
                "deadline",
                QStringLiteral("%1: invalid deadline '%2' (expected an ISO 8601 date, e.g. 2025-06-30T17:00:00Z)")
                    .arg(label, text));
        }
    }
    for (const auto &[dependency, where] : map.locatedStringList("depends_on")) {
        const QString id = dependency.trimmed();
        if (goal.dependsOn.contains(id)) {
            doc.warn(where, QStringLiteral("%1: depends on %2 more than once").arg(label, InputLimits::shortQuote(id)));
            continue;
        }
        goal.dependsOn << id;
        read.dependencies.append({id, where});
    }
    read.capabilities = map.locatedStringList("capabilities");
    read.capabilitiesLocation = map.valueLocation("capabilities");
    for (const auto &[cap, where] : read.capabilities)
        goal.capabilities << cap;
    goal.resources = map.stringList("resources");
    goal.successCriteria = map.stringList("success_criteria");
    if (map.has("retry"))
        goal.retry = yaml::readRetry(map, "retry", label);
    goal.budget = yaml::readBudget(map, "budget", label);
    goal.isolation = yaml::readIsolation(map, label);
    goal.when = yaml::readCondition(map, label, goal.id, goal.dependsOn);
    goal.team = yaml::readPattern(map, label, profileNames(config));
    goal.followUpOf = map.string("follow_up_of").trimmed();
    if (!goal.followUpOf.isEmpty()) {
        read.followUpLocation = map.valueLocation("follow_up_of");
        if (goal.followUpOf == goal.id)
            map.failAt("follow_up_of", QStringLiteral("%1: follow_up_of: a goal cannot follow up itself").arg(label));
    }
    goal.profile = map.string("profile").trimmed();
    goal.executor = yaml::readExecutor(map, label);
    if (goal.team) {
        // A team runs no agent of its own, so nothing would read these: refuse them rather than let a reader
        // believe they choose or constrain the members (the pattern names the members' profiles).
        for (const char *key : {"profile", "capabilities", "follow_up_of", "executor"}) {
            if (!map.has(key))
                continue;
            const QString why = qstrcmp(key, "follow_up_of") == 0
                                    ? QStringLiteral("it has no agent session to continue")
                                    : QStringLiteral("its members run on the profiles its pattern names");
            doc.fail(map.keyLocation(key), QStringLiteral("%1: %2: a team goal runs no agent of its own; %3")
                                               .arg(label, QString::fromLatin1(key), why));
        }
        return read;
    }
    if (!goal.profile.isEmpty() && !config.profile(goal.profile)) {
        map.failAt("profile", QStringLiteral("%1: unknown profile '%2' (known: %3)")
                                  .arg(label, goal.profile, profileNames(config).join(QStringLiteral(", "))));
    }
    if (goal.executor && !goal.executor->isLocal() && !goal.profile.isEmpty() &&
        !ExecutorRules::backendTakesExecutor(config.profile(goal.profile)->backend))
        map.failAt("executor", QStringLiteral("%1: executor: profile '%2' (backend '%3') runs inside Switchboard, not "
                                              "as a program")
                                   .arg(label, goal.profile, config.profile(goal.profile)->backend));
    checkCapabilities(doc, config, read);
    return read;
}

// Plan profiles replace base profiles of the same name; new ones are appended in file order.
void mergeProfiles(Config &config, const QList<yaml::ProfileEntry> &entries)
{
    for (const yaml::ProfileEntry &entry : entries) {
        bool replaced = false;
        for (AgentProfile &existing : config.profiles) {
            if (existing.name == entry.profile.name) {
                existing = entry.profile;
                replaced = true;
                break;
            }
        }
        if (!replaced)
            config.profiles.append(entry.profile);
    }
}

} // namespace

std::optional<Plan> PlanLoader::loadFile(const QString &path, const Config &base, ConfigError *error,
                                         const QStringList &knownBackends)
{
    return loadFile(path, base, error, BackendRegistry::forNames(knownBackends));
}

std::optional<Plan> PlanLoader::loadString(const QByteArray &yaml, const QString &fileName, const Config &base,
                                           ConfigError *error, const QStringList &knownBackends)
{
    return loadString(yaml, fileName, base, error, BackendRegistry::forNames(knownBackends));
}

std::optional<Plan> PlanLoader::loadFile(const QString &path, const Config &base, ConfigError *error,
                                         const BackendRegistry &backends)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = ConfigError{path, 0, 0, QStringLiteral("cannot read the file: %1").arg(file.errorString())};
        return std::nullopt;
    }
    return loadString(file.readAll(), path, base, error, backends);
}

std::optional<Plan> PlanLoader::loadString(const QByteArray &yaml, const QString &fileName, const Config &base,
                                           ConfigError *error, const BackendRegistry &backends)
{
    yaml::Document doc(fileName);
    try {
        const YAML::Node root = doc.parse(yaml);
        if (yaml::isNull(root))
            doc.fail(Location{}, QStringLiteral("the file is empty; expected a plan with 'name' and 'goals'"));
        const yaml::Map top(doc, root, QString(), QString(), planKeys());

        Plan plan;
        plan.file = fileName;
        plan.sourceText = yaml;
        plan.name = top.string("name").trimmed();
        if (plan.name.isEmpty())
            plan.name = QFileInfo(fileName).completeBaseName();
        plan.description = top.string("description").trimmed();
        plan.config = base;
        yaml::readWorkflow(doc, top, plan.config.workflow);
        mergeProfiles(plan.config, yaml::readAgents(doc, top, backends, plan.config.workflow));

        const QList<YAML::Node> goalNodes = top.sequence("goals");
        if (goalNodes.isEmpty()) {
            doc.warn(top.has("goals") ? top.valueLocation("goals") : top.location(),
                     QStringLiteral("the plan has no goals"));
        } else if (plan.config.profiles.isEmpty()) {
            doc.fail(top.keyLocation("goals"),
                     QStringLiteral("no agent profiles: neither the config nor the plan defines any"));
        }

        QList<ReadGoal> goals;
        QHash<QString, Location> idLocations;
        QHash<QString, Location> goalLocations;
        for (qsizetype i = 0; i < goalNodes.size(); ++i) {
            ReadGoal read = readGoal(doc, goalNodes.at(i), i, plan.config, idLocations);
            goalLocations.insert(read.goal.id, read.location);
            goals.append(read);
        }

        QStringList ids; // in file order, so a suggestion does not depend on hashing
        for (const ReadGoal &read : std::as_const(goals))
            ids << read.goal.id;
        for (const ReadGoal &read : std::as_const(goals)) {
            for (const auto &[dependency, where] : read.dependencies) {
                if (idLocations.contains(dependency))
                    continue;
                const QString guess = yaml::suggestion(dependency, ids);
                doc.fail(where, guess.isEmpty()
                                    ? QStringLiteral("goal '%1': unknown dependency %2")
                                          .arg(read.goal.id, InputLimits::shortQuote(dependency))
                                    : QStringLiteral("goal '%1': unknown dependency %2 (did you mean '%3'?)")
                                          .arg(read.goal.id, InputLimits::shortQuote(dependency), guess));
            }
        }

        QStringList teamIds;
        for (const ReadGoal &read : std::as_const(goals)) {
            if (read.goal.team)
                teamIds << read.goal.id;
        }
        for (const ReadGoal &read : std::as_const(goals)) {
            // A follow-up continues a goal of the same plan (its session and worktree).
            if (!read.goal.followUpOf.isEmpty() && !idLocations.contains(read.goal.followUpOf))
                doc.fail(read.followUpLocation, QStringLiteral("goal '%1': follow_up_of: unknown goal %2")
                                                    .arg(read.goal.id, InputLimits::shortQuote(read.goal.followUpOf)));
            if (!read.goal.followUpOf.isEmpty() && teamIds.contains(read.goal.followUpOf))
                doc.fail(read.followUpLocation,
                         QStringLiteral("goal '%1': follow_up_of: %2 is a team goal, which has no agent session to "
                                        "continue")
                             .arg(read.goal.id, InputLimits::shortQuote(read.goal.followUpOf)));
        }
        for (const ReadGoal &read : std::as_const(goals))
            plan.goals.append(read.goal);
        const QStringList cycle = Scheduler::findCycle(plan.goals);
        if (!cycle.isEmpty())
            doc.fail(goalLocations.value(cycle.first()),
                     QStringLiteral("cycle: %1").arg(cycle.join(QStringLiteral(" -> "))));

        plan.warnings = doc.takeWarnings();
        return plan;
    } catch (const yaml::LoadFailure &failure) {
        if (error)
            *error = failure.error();
    } catch (const YAML::Exception &e) {
        const Location where = e.mark.is_null() ? Location{} : Location{e.mark.line + 1, e.mark.column + 1};
        if (error)
            *error = doc.errorAt(where, QString::fromStdString(e.msg));
    }
    return std::nullopt;
}

QStringList PlanLoader::templates()
{
    QStringList paths;
    const QDir dir(QStringLiteral(":/plans"));
    for (const QString &name : dir.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name))
        paths << dir.filePath(name);
    return paths;
}

} // namespace switchboard
