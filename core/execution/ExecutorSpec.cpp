#include "ExecutorSpec.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace switchboard {

using namespace Qt::StringLiterals;

namespace {

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList toList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list << item.toString();
    return list;
}

// Only what is set, so a stored spec stays short and readable in the database.
void putString(QJsonObject &json, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        json.insert(key, value);
}

} // namespace

QString ExecutorSpec::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Local:
        return u"local"_s;
    case Kind::Slurm:
        return u"slurm"_s;
    case Kind::Ssh:
        return u"ssh"_s;
    }
    return u"local"_s;
}

QString ExecutorSpec::describe() const
{
    switch (kind) {
    case Kind::Local:
        return u"local"_s;
    case Kind::Slurm:
        return slurm.partition.isEmpty() ? u"slurm"_s : u"slurm (%1)"_s.arg(slurm.partition);
    case Kind::Ssh: {
        QString where = ssh.user.isEmpty() ? ssh.host : ssh.user + u'@' + ssh.host;
        if (ssh.port > 0)
            where += u':' + QString::number(ssh.port);
        return u"ssh "_s + where;
    }
    }
    return u"local"_s;
}

QJsonObject ExecutorSpec::toJson() const
{
    QJsonObject json;
    if (kind == Kind::Local)
        return json;
    json.insert(u"kind"_s, kindName(kind));
    if (kind == Kind::Slurm) {
        putString(json, u"partition"_s, slurm.partition);
        putString(json, u"account"_s, slurm.account);
        putString(json, u"qos"_s, slurm.qos);
        putString(json, u"time_limit"_s, slurm.timeLimit);
        if (slurm.cpus > 0)
            json.insert(u"cpus"_s, slurm.cpus);
        putString(json, u"mem"_s, slurm.mem);
        putString(json, u"gres"_s, slurm.gres);
        if (!slurm.extraArgs.isEmpty())
            json.insert(u"extra_args"_s, toArray(slurm.extraArgs));
    } else {
        putString(json, u"host"_s, ssh.host);
        putString(json, u"user"_s, ssh.user);
        if (ssh.port > 0)
            json.insert(u"port"_s, ssh.port);
        putString(json, u"identity_file"_s, ssh.identityFile);
        putString(json, u"workdir"_s, ssh.workdir);
        if (!ssh.extraOptions.isEmpty())
            json.insert(u"extra_options"_s, toArray(ssh.extraOptions));
    }
    return json;
}

std::optional<ExecutorSpec> ExecutorSpec::fromJson(const QJsonObject &json, QString *error)
{
    ExecutorSpec spec;
    const QString kind = json.value(u"kind"_s).toString(u"local"_s);
    if (kind == u"local") {
        return spec;
    } else if (kind == u"slurm") {
        spec.kind = Kind::Slurm;
        spec.slurm.partition = json.value(u"partition"_s).toString();
        spec.slurm.account = json.value(u"account"_s).toString();
        spec.slurm.qos = json.value(u"qos"_s).toString();
        spec.slurm.timeLimit = json.value(u"time_limit"_s).toString();
        spec.slurm.cpus = json.value(u"cpus"_s).toInt();
        spec.slurm.mem = json.value(u"mem"_s).toString();
        spec.slurm.gres = json.value(u"gres"_s).toString();
        spec.slurm.extraArgs = toList(json.value(u"extra_args"_s));
    } else if (kind == u"ssh") {
        spec.kind = Kind::Ssh;
        spec.ssh.host = json.value(u"host"_s).toString();
        spec.ssh.user = json.value(u"user"_s).toString();
        spec.ssh.port = json.value(u"port"_s).toInt();
        spec.ssh.identityFile = json.value(u"identity_file"_s).toString();
        spec.ssh.workdir = json.value(u"workdir"_s).toString();
        spec.ssh.extraOptions = toList(json.value(u"extra_options"_s));
    } else {
        if (error)
            *error = u"unknown executor kind '%1' (expected local, slurm or ssh)"_s.arg(kind);
        return std::nullopt;
    }
    return spec;
}

QString ExecutorSpec::describeStored(const QString &json)
{
    if (json.isEmpty())
        return {};
    const std::optional<ExecutorSpec> spec = fromJson(QJsonDocument::fromJson(json.toUtf8()).object());
    return spec && !spec->isLocal() ? spec->describe() : QString();
}

} // namespace switchboard
