#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace switchboard {

// Where a process-based agent (process, claude-code, codex, gemini, aider, acp) runs (issue 19): on this
// machine, as a Slurm job through srun, or on an SSH host. Read from a profile's `executor:` key; the backends
// do not know which one they got (they run an ExecutionChannel made by Executors::makeChannel()).
struct SlurmTarget
{
    QString partition; // empty = the cluster's default
    QString account;
    QString qos;
    QString timeLimit; // srun --time syntax ("30", "1:00:00"); empty = the partition's
    int cpus = 0;      // --cpus-per-task; 0 = default
    QString mem;       // --mem ("2G"); empty = default
    QString gres;      // --gres ("gpu:1")
    QStringList extraArgs;

    friend bool operator==(const SlurmTarget &, const SlurmTarget &) = default;
};

struct SshTarget
{
    QString host;
    QString user;         // empty = ssh's own default
    int port = 0;         // 0 = 22 / ssh_config
    QString identityFile; // empty = the agent's / ssh_config's keys
    // Where the agent's workspace maps to on the host: it runs in `workdir/<name of the local workspace directory>`
    // (see SshChannel); empty = the remote login directory.
    QString workdir;
    QStringList extraOptions; // more `-o Key=Value` options

    friend bool operator==(const SshTarget &, const SshTarget &) = default;
};

struct ExecutorSpec
{
    enum class Kind
    {
        Local,
        Slurm,
        Ssh,
    };

    Kind kind = Kind::Local;
    SlurmTarget slurm; // kind Slurm
    SshTarget ssh;     // kind Ssh

    bool isLocal() const { return kind == Kind::Local; }
    // "local" | "slurm" | "ssh"
    static QString kindName(Kind kind);
    // For cards and the detail pane: "local", "slurm (debug)", "ssh user@host:2222".
    QString describe() const;
    // What the store keeps with an attempt, so a later Switchboard ends leftovers on the executor the attempt
    // really used (the profile may have changed since): {"kind": "slurm", "partition": ...}; {} for local.
    QJsonObject toJson() const;
    // The inverse of toJson(); an unknown kind is refused with *error.
    static std::optional<ExecutorSpec> fromJson(const QJsonObject &json, QString *error = nullptr);
    // describe() of a spec stored as toJson() text; empty for a local (or unreadable) one.
    static QString describeStored(const QString &json);

    friend bool operator==(const ExecutorSpec &, const ExecutorSpec &) = default;
};

} // namespace switchboard
