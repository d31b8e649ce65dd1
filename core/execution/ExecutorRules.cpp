#include "ExecutorRules.h"

#include "model/InputLimits.h"

#include <QRegularExpression>
#include <QStringList>

namespace switchboard {

using namespace Qt::StringLiterals;

bool ExecutorRules::backendTakesExecutor(const QString &backend)
{
    static const QStringList names{u"process"_s, u"claude-code"_s, u"codex"_s, u"gemini"_s, u"aider"_s, u"acp"_s};
    return names.contains(backend);
}

bool ExecutorRules::isSlurmTime(const QString &text)
{
    static const QRegularExpression format(
        u"^(?:\\d+|\\d+:\\d{1,2}|\\d+:\\d{1,2}:\\d{1,2}|\\d+-\\d+|\\d+-\\d+:\\d{1,2}|\\d+-\\d+:\\d{1,2}:\\d{1,2}|"
        u"UNLIMITED|INFINITE|unlimited|infinite)$"_s);
    return format.match(text).hasMatch();
}

bool ExecutorRules::isMemorySize(const QString &text)
{
    static const QRegularExpression memory(u"^\\d+[KMGTkmgt]?$"_s);
    return memory.match(text).hasMatch();
}

QString ExecutorRules::timeLimitProblem(const QString &text)
{
    if (isSlurmTime(text))
        return {};
    return u"expected minutes or Slurm's [days-]hours:minutes:seconds, got %1"_s.arg(InputLimits::shortQuote(text));
}

QString ExecutorRules::memoryProblem(const QString &text)
{
    if (isMemorySize(text))
        return {};
    return u"expected a size such as 4G or 512M, got %1"_s.arg(InputLimits::shortQuote(text));
}

QString ExecutorRules::cpusProblem(int cpus)
{
    return cpus < 1 ? u"must be at least 1, got %1"_s.arg(cpus) : QString();
}

QString ExecutorRules::srunArgumentProblem(const QString &arg)
{
    // These would take the job away from what Switchboard finds it by, or change what it receives.
    for (const QString &reserved : {u"--job-name"_s, u"-J"_s, u"--export"_s, u"--chdir"_s, u"-D"_s}) {
        if (arg == reserved || arg.startsWith(reserved + u'=') || (reserved.size() == 2 && arg.startsWith(reserved)))
            return u"%1 is set by Switchboard (job name, environment and working directory belong to the attempt)"_s
                .arg(arg);
    }
    if (!arg.startsWith(u'-'))
        return u"expected srun options (starting with '-'), got %1"_s.arg(InputLimits::shortQuote(arg));
    return {};
}

QString ExecutorRules::hostProblem(const QString &host)
{
    if (host.trimmed().isEmpty())
        return u"an ssh executor needs a host"_s;
    // ssh would read it as an option ("-oProxyCommand=..."), running a command here instead of reaching a host.
    if (host.trimmed().startsWith(u'-'))
        return u"a host cannot start with '-', got %1"_s.arg(InputLimits::shortQuote(host));
    if (host.contains(QRegularExpression(u"\\s"_s)))
        return u"a host has no spaces, got %1"_s.arg(InputLimits::shortQuote(host));
    return {};
}

QString ExecutorRules::portProblem(int port)
{
    return port < 1 || port > 65535 ? u"expected a port between 1 and 65535, got %1"_s.arg(port) : QString();
}

QList<ExecutorRules::Problem> ExecutorRules::problems(const ExecutorSpec &spec)
{
    QList<Problem> found;
    const auto add = [&found](const char *field, const QString &message) {
        if (!message.isEmpty())
            found.append({QString::fromLatin1(field), message});
    };
    if (spec.kind == ExecutorSpec::Kind::Slurm) {
        const SlurmTarget &slurm = spec.slurm;
        if (!slurm.timeLimit.isEmpty())
            add("time_limit", timeLimitProblem(slurm.timeLimit));
        if (slurm.cpus != 0)
            add("cpus", cpusProblem(slurm.cpus));
        if (!slurm.mem.isEmpty())
            add("mem", memoryProblem(slurm.mem));
        for (const QString &arg : slurm.extraArgs)
            add("extra_args", srunArgumentProblem(arg));
    } else if (spec.kind == ExecutorSpec::Kind::Ssh) {
        add("host", hostProblem(spec.ssh.host));
        if (spec.ssh.port != 0)
            add("port", portProblem(spec.ssh.port));
    }
    return found;
}

} // namespace switchboard
