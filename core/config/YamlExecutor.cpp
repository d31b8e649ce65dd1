#include "YamlExecutor.h"

#include "execution/ExecutorRules.h"
#include "model/InputLimits.h"

#include <QJsonArray>
#include <QJsonObject>

namespace switchboard::yaml {

using namespace Qt::StringLiterals;

namespace {

const QStringList &slurmKeys()
{
    static const QStringList keys{u"kind"_s, u"partition"_s, u"account"_s, u"qos"_s,       u"time_limit"_s,
                                  u"cpus"_s, u"mem"_s,       u"gres"_s,    u"extra_args"_s};
    return keys;
}

const QStringList &sshKeys()
{
    static const QStringList keys{u"kind"_s,          u"host"_s,    u"user"_s,         u"port"_s,
                                  u"identity_file"_s, u"workdir"_s, u"extra_options"_s};
    return keys;
}

QStringList allKeys()
{
    QStringList keys = slurmKeys();
    for (const QString &key : sshKeys()) {
        if (!keys.contains(key))
            keys << key;
    }
    return keys;
}

std::optional<ExecutorSpec::Kind> kindFromText(const QString &text)
{
    if (text == u"local")
        return ExecutorSpec::Kind::Local;
    if (text == u"slurm")
        return ExecutorSpec::Kind::Slurm;
    if (text == u"ssh")
        return ExecutorSpec::Kind::Ssh;
    return std::nullopt;
}

[[noreturn]] void failKind(const Map &map, const char *key, const QString &field, const QString &text)
{
    static const QStringList kinds{u"local"_s, u"slurm"_s, u"ssh"_s};
    const QString guess = suggestion(text, kinds);
    map.failAt(
        key, guess.isEmpty()
                 ? u"%1: unknown executor %2 (expected local, slurm or ssh)"_s.arg(field, InputLimits::shortQuote(text))
                 : u"%1: unknown executor %2 (did you mean '%3'?)"_s.arg(field, InputLimits::shortQuote(text), guess));
}

void failIf(const Map &map, const char *key, const QString &problem)
{
    if (!problem.isEmpty())
        map.failAt(key, u"%1: %2"_s.arg(map.fieldName(key), problem));
}

void readSlurm(const Map &map, SlurmTarget &slurm)
{
    slurm.partition = map.string("partition").trimmed();
    slurm.account = map.string("account").trimmed();
    slurm.qos = map.string("qos").trimmed();
    slurm.timeLimit = map.string("time_limit").trimmed();
    // The value checks are ExecutorRules', which the GUI's forms use too.
    if (map.has("time_limit"))
        failIf(map, "time_limit", ExecutorRules::timeLimitProblem(slurm.timeLimit));
    slurm.cpus = map.integer("cpus", 0);
    if (map.has("cpus"))
        failIf(map, "cpus", ExecutorRules::cpusProblem(slurm.cpus));
    slurm.mem = map.string("mem").trimmed();
    if (map.has("mem"))
        failIf(map, "mem", ExecutorRules::memoryProblem(slurm.mem));
    slurm.gres = map.string("gres").trimmed();
    if (map.has("extra_args") && !map.value("extra_args").IsSequence())
        map.failAt("extra_args", u"%1: expected a list of srun options, got %2"_s.arg(
                                     map.fieldName("extra_args"), describe(map.value("extra_args"))));
    for (const auto &[arg, where] : map.locatedStringList("extra_args")) {
        if (const QString problem = ExecutorRules::srunArgumentProblem(arg); !problem.isEmpty())
            map.document().fail(where, u"%1: %2"_s.arg(map.fieldName("extra_args"), problem));
        slurm.extraArgs << arg;
    }
}

void readSsh(const Map &map, SshTarget &ssh)
{
    ssh.host = map.requiredString("host").trimmed();
    failIf(map, "host", ExecutorRules::hostProblem(ssh.host));
    ssh.user = map.string("user").trimmed();
    ssh.port = map.integer("port", 0);
    if (map.has("port"))
        failIf(map, "port", ExecutorRules::portProblem(ssh.port));
    ssh.identityFile = map.string("identity_file").trimmed();
    ssh.workdir = map.string("workdir").trimmed();
    if (map.has("extra_options") && !map.value("extra_options").IsSequence())
        map.failAt("extra_options", u"%1: expected a list of Key=Value options, got %2"_s.arg(
                                        map.fieldName("extra_options"), describe(map.value("extra_options"))));
    ssh.extraOptions = map.stringList("extra_options");
}

} // namespace

void writeExecutor(YAML::Emitter &out, const ExecutorSpec &spec)
{
    out << YAML::Key << "executor" << YAML::Value;
    writeExecutorValue(out, spec);
}

void writeExecutorValue(YAML::Emitter &out, const ExecutorSpec &spec, ExecutorStyle style)
{
    if (spec.isLocal()) {
        out << "local";
        return;
    }
    const bool flow = style == ExecutorStyle::Flow;
    if (flow)
        out << YAML::Flow;
    out << YAML::BeginMap;
    // toJson() holds exactly the keys that are set, named as the config names them.
    const QJsonObject json = spec.toJson();
    const QStringList order = spec.kind == ExecutorSpec::Kind::Slurm ? slurmKeys() : sshKeys();
    for (const QString &key : order) {
        const QJsonValue value = json.value(key);
        if (value.isUndefined())
            continue;
        out << YAML::Key << key.toStdString() << YAML::Value;
        if (value.isArray()) {
            out << YAML::Flow << YAML::BeginSeq;
            for (const QJsonValue &item : value.toArray()) {
                if (flow)
                    out << YAML::DoubleQuoted;
                out << item.toString().toStdString();
            }
            out << YAML::EndSeq;
        } else if (value.isDouble()) {
            out << value.toInt();
        } else {
            // A time such as 1:30:00 reads as a number in YAML 1.1: quoted, as the docs write it. The reader takes
            // every other value as text, so a person's file needs no quotes there (the emitter adds what YAML needs).
            if (flow || key == u"time_limit")
                out << YAML::DoubleQuoted;
            out << value.toString().toStdString();
        }
    }
    out << YAML::EndMap;
}

std::optional<ExecutorSpec> readExecutor(const Map &parent, const QString &label)
{
    if (!parent.has("executor"))
        return std::nullopt;
    const QString field = parent.fieldName("executor");
    const YAML::Node node = parent.value("executor");
    ExecutorSpec spec;
    if (node.IsScalar()) {
        const QString text = scalarText(node).trimmed();
        const std::optional<ExecutorSpec::Kind> kind = kindFromText(text);
        if (!kind)
            failKind(parent, "executor", field, text);
        if (*kind == ExecutorSpec::Kind::Ssh)
            parent.failAt("executor", u"%1: an ssh executor needs a host: {kind: ssh, host: ...}"_s.arg(field));
        spec.kind = *kind;
        return spec;
    }
    const QString mapLabel = label + u": executor"_s;
    const QStringList keys = allKeys();
    const Map map = parent.map("executor", mapLabel, mapLabel + u'.', keys);
    for (const auto &entry : map.node()) {
        const QString key = scalarText(entry.first).trimmed();
        if (keys.contains(key))
            continue;
        const QString guess = suggestion(key, keys);
        map.document().fail(locationOf(entry.first),
                            guess.isEmpty()
                                ? u"%1: unknown key '%2' (expected %3)"_s.arg(mapLabel, key, keys.join(u", "_s))
                                : u"%1: unknown key '%2' (did you mean '%3'?)"_s.arg(mapLabel, key, guess));
    }
    const QString kindText = map.requiredString("kind").trimmed();
    const std::optional<ExecutorSpec::Kind> kind = kindFromText(kindText);
    if (!kind)
        failKind(map, "kind", map.fieldName("kind"), kindText);
    spec.kind = *kind;
    const QStringList own = spec.kind == ExecutorSpec::Kind::Slurm ? slurmKeys()
                            : spec.kind == ExecutorSpec::Kind::Ssh ? sshKeys()
                                                                   : QStringList{u"kind"_s};
    for (const auto &entry : map.node()) {
        const QString key = scalarText(entry.first).trimmed();
        if (!own.contains(key))
            map.document().fail(locationOf(entry.first),
                                u"%1: '%2' does not apply to a %3 executor (its keys: %4)"_s.arg(
                                    mapLabel, key, kindText, own.join(u", "_s)));
    }
    if (spec.kind == ExecutorSpec::Kind::Slurm)
        readSlurm(map, spec.slurm);
    else if (spec.kind == ExecutorSpec::Kind::Ssh)
        readSsh(map, spec.ssh);
    return spec;
}

} // namespace switchboard::yaml
