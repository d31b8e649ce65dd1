#include "Team.h"

#include <QJsonArray>

namespace switchboard {

namespace {

QStringList stringList(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out << v.toString();
    return out;
}

} // namespace

QString teamKindToString(TeamKind kind)
{
    switch (kind) {
    case TeamKind::Parallel:
        return QStringLiteral("parallel");
    case TeamKind::Supervisor:
        return QStringLiteral("supervisor");
    case TeamKind::Debate:
        return QStringLiteral("debate");
    }
    return {};
}

std::optional<TeamKind> teamKindFromString(const QString &text)
{
    const QString name = text.trimmed().toLower();
    for (TeamKind kind : {TeamKind::Parallel, TeamKind::Supervisor, TeamKind::Debate}) {
        if (name == teamKindToString(kind))
            return kind;
    }
    return std::nullopt;
}

QString supervisorModeToString(SupervisorMode mode)
{
    switch (mode) {
    case SupervisorMode::Selective:
        return QStringLiteral("selective");
    case SupervisorMode::All:
        return QStringLiteral("all");
    case SupervisorMode::Sequential:
        return QStringLiteral("sequential");
    }
    return {};
}

std::optional<SupervisorMode> supervisorModeFromString(const QString &text)
{
    const QString name = text.trimmed().toLower();
    for (SupervisorMode mode : {SupervisorMode::Selective, SupervisorMode::All, SupervisorMode::Sequential}) {
        if (name == supervisorModeToString(mode))
            return mode;
    }
    return std::nullopt;
}

QString teamFormatToString(TeamFormat format)
{
    return format == TeamFormat::Xml ? QStringLiteral("xml") : QStringLiteral("markdown");
}

std::optional<TeamFormat> teamFormatFromString(const QString &text)
{
    const QString name = text.trimmed().toLower();
    if (name == u"markdown" || name == u"md")
        return TeamFormat::Markdown;
    if (name == u"xml")
        return TeamFormat::Xml;
    return std::nullopt;
}

QStringList TeamPattern::memberProfiles() const
{
    QStringList all;
    auto add = [&all](const QString &name) {
        if (!name.isEmpty() && !all.contains(name))
            all << name;
    };
    switch (kind) {
    case TeamKind::Parallel:
        for (const QString &p : profiles)
            add(p);
        break;
    case TeamKind::Supervisor:
        add(planner);
        for (const QString &w : workers)
            add(w);
        break;
    case TeamKind::Debate:
        for (const QString &p : profiles)
            add(p);
        add(judge);
        break;
    }
    return all;
}

int TeamPattern::requiredSuccesses() const
{
    if (minSuccessful)
        return *minSuccessful;
    return kind == TeamKind::Parallel ? static_cast<int>(profiles.size()) : 1;
}

QStringList TeamPattern::problems() const
{
    QStringList out;
    switch (kind) {
    case TeamKind::Parallel:
        if (profiles.isEmpty())
            out << QStringLiteral("a parallel team needs at least one profile in 'profiles'");
        if (minSuccessful && (*minSuccessful < 1 || *minSuccessful > profiles.size()))
            out << QStringLiteral("min_successful must be between 1 and the number of profiles (%1)")
                       .arg(profiles.size());
        break;
    case TeamKind::Supervisor:
        if (planner.isEmpty())
            out << QStringLiteral("a supervisor team needs a 'planner'");
        if (workers.isEmpty())
            out << QStringLiteral("a supervisor team needs at least one profile in 'workers'");
        if (maxWorkersPerStep < 1)
            out << QStringLiteral("max_workers_per_step must be at least 1");
        if (maxIterations < 1)
            out << QStringLiteral("max_iterations must be at least 1");
        if (minSuccessful && *minSuccessful < 1)
            out << QStringLiteral("min_successful must be at least 1");
        break;
    case TeamKind::Debate:
        if (profiles.size() < 2)
            out << QStringLiteral("a debate needs at least two profiles in 'profiles'");
        if (rounds < 1)
            out << QStringLiteral("rounds must be at least 1");
        if (judge.isEmpty())
            out << QStringLiteral("a debate needs a 'judge'");
        if (minSuccessful && (*minSuccessful < 1 || *minSuccessful > profiles.size()))
            out << QStringLiteral("min_successful must be between 1 and the number of profiles (%1)")
                       .arg(profiles.size());
        break;
    }
    return out;
}

QString TeamPattern::describe() const
{
    const QString dot = QStringLiteral(" \u00b7 ");
    QStringList parts{teamKindToString(kind)};
    switch (kind) {
    case TeamKind::Parallel:
        parts << profiles.join(QStringLiteral(", "));
        if (minSuccessful)
            parts << QStringLiteral("%1 of %2 must succeed").arg(*minSuccessful).arg(profiles.size());
        break;
    case TeamKind::Supervisor:
        parts << QStringLiteral("planner %1").arg(planner) << QStringLiteral("workers %1").arg(workers.join(u", "))
              << supervisorModeToString(mode)
              << (maxIterations == 1 ? QStringLiteral("up to 1 iteration")
                                     : QStringLiteral("up to %1 iterations").arg(maxIterations));
        break;
    case TeamKind::Debate:
        parts << profiles.join(QStringLiteral(", "))
              << (rounds == 1 ? QStringLiteral("1 round") : QStringLiteral("%1 rounds").arg(rounds))
              << QStringLiteral("judge %1").arg(judge);
        break;
    }
    return parts.join(dot);
}

QJsonObject TeamPattern::toJson() const
{
    QJsonObject o;
    o.insert(u"kind", teamKindToString(kind));
    switch (kind) {
    case TeamKind::Parallel:
        o.insert(u"profiles", QJsonArray::fromStringList(profiles));
        break;
    case TeamKind::Supervisor:
        o.insert(u"planner", planner);
        o.insert(u"workers", QJsonArray::fromStringList(workers));
        o.insert(u"mode", supervisorModeToString(mode));
        o.insert(u"max_workers_per_step", maxWorkersPerStep);
        o.insert(u"max_iterations", maxIterations);
        break;
    case TeamKind::Debate:
        o.insert(u"profiles", QJsonArray::fromStringList(profiles));
        o.insert(u"rounds", rounds);
        o.insert(u"judge", judge);
        break;
    }
    if (minSuccessful)
        o.insert(u"min_successful", *minSuccessful);
    o.insert(u"format", teamFormatToString(format));
    return o;
}

std::optional<TeamPattern> TeamPattern::fromJson(const QJsonObject &json)
{
    const std::optional<TeamKind> kind = teamKindFromString(json.value(u"kind").toString());
    if (!kind)
        return std::nullopt;
    TeamPattern p;
    p.kind = *kind;
    p.profiles = stringList(json.value(u"profiles"));
    p.planner = json.value(u"planner").toString();
    p.workers = stringList(json.value(u"workers"));
    p.mode = supervisorModeFromString(json.value(u"mode").toString()).value_or(SupervisorMode::Selective);
    p.maxWorkersPerStep = json.value(u"max_workers_per_step").toInt(p.maxWorkersPerStep);
    p.maxIterations = json.value(u"max_iterations").toInt(p.maxIterations);
    p.rounds = json.value(u"rounds").toInt(p.rounds);
    p.judge = json.value(u"judge").toString();
    if (json.contains(u"min_successful"))
        p.minSuccessful = json.value(u"min_successful").toInt();
    p.format = teamFormatFromString(json.value(u"format").toString()).value_or(TeamFormat::Markdown);
    return p;
}

QString TeamMember::roleToString(Role role)
{
    switch (role) {
    case Role::Member:
        return QStringLiteral("member");
    case Role::Participant:
        return QStringLiteral("participant");
    case Role::Judge:
        return QStringLiteral("judge");
    case Role::Planner:
        return QStringLiteral("planner");
    case Role::Worker:
        return QStringLiteral("worker");
    }
    return {};
}

std::optional<TeamMember::Role> TeamMember::roleFromString(const QString &text)
{
    for (Role role : {Role::Member, Role::Participant, Role::Judge, Role::Planner, Role::Worker}) {
        if (text == roleToString(role))
            return role;
    }
    return std::nullopt;
}

QString TeamMember::label() const
{
    const QString dot = QStringLiteral(" \u00b7 ");
    switch (role) {
    case Role::Member:
        return QStringLiteral("member") + dot + profile;
    case Role::Participant:
        return QStringLiteral("round %1").arg(round) + dot + profile;
    case Role::Judge:
        return QStringLiteral("judge") + dot + profile;
    case Role::Planner:
        return (synthesis ? QStringLiteral("synthesis") : QStringLiteral("plan %1").arg(round)) + dot + profile;
    case Role::Worker:
        return QStringLiteral("step %1.%2").arg(round).arg(step) + dot + profile;
    }
    return profile;
}

QJsonObject TeamMember::toJson() const
{
    QJsonObject o;
    o.insert(u"team", team);
    o.insert(u"role", roleToString(role));
    o.insert(u"profile", profile);
    if (round > 0)
        o.insert(u"round", round);
    if (step > 0)
        o.insert(u"step", step);
    if (!worker.isEmpty())
        o.insert(u"worker", worker);
    if (!task.isEmpty())
        o.insert(u"task", task);
    if (synthesis)
        o.insert(u"synthesis", true);
    if (!workers.isEmpty())
        o.insert(u"workers", QJsonArray::fromStringList(workers));
    return o;
}

std::optional<TeamMember> TeamMember::fromJson(const QJsonObject &json)
{
    const QString team = json.value(u"team").toString();
    const std::optional<Role> role = roleFromString(json.value(u"role").toString());
    if (team.isEmpty() || !role)
        return std::nullopt;
    TeamMember m;
    m.team = team;
    m.role = *role;
    m.profile = json.value(u"profile").toString();
    m.round = json.value(u"round").toInt();
    m.step = json.value(u"step").toInt();
    m.worker = json.value(u"worker").toString();
    m.task = json.value(u"task").toString();
    m.synthesis = json.value(u"synthesis").toBool();
    m.workers = stringList(json.value(u"workers"));
    return m;
}

} // namespace switchboard
