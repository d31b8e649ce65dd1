#include "SlurmChannel.h"

#include <QDeadlineTimer>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThread>

namespace switchboard {

using namespace Qt::StringLiterals;

namespace {

// Runs a Slurm client command to its end (blocking); false with *error (its stderr, or why it did not run).
bool runCommand(const QString &program, const QStringList &arguments, QByteArray *output, QString *error)
{
    QProcess process;
    process.setProcessEnvironment(SlurmChannel::srunEnvironment(QProcessEnvironment::systemEnvironment()));
    process.start(program, arguments);
    if (!process.waitForStarted(SlurmChannel::CommandTimeoutMs)) {
        *error = u"cannot run %1: %2"_s.arg(program, process.errorString());
        if (QStandardPaths::findExecutable(program).isEmpty())
            *error += u" (not found in PATH: are Slurm's client tools installed?)"_s;
        return false;
    }
    if (!process.waitForFinished(SlurmChannel::CommandTimeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        *error = u"%1 did not answer within %2 s"_s.arg(program).arg(SlurmChannel::CommandTimeoutMs / 1000);
        return false;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QString why = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
        *error = u"%1 %2 failed (exit code %3)%4"_s.arg(program, arguments.join(u' '))
                     .arg(process.exitCode())
                     .arg(why.isEmpty() ? QString() : u": "_s + why);
        return false;
    }
    if (output)
        *output = process.readAllStandardOutput();
    return true;
}

// The ids and states squeue lists for this user's jobs named jobName; nullopt with *error when it cannot be asked.
std::optional<QStringList> listJobs(const QString &jobName, QString *error)
{
    QByteArray output;
    if (!runCommand(u"squeue"_s, {u"-h"_s, u"--me"_s, u"--name"_s, jobName, u"-o"_s, u"%i %T"_s}, &output, error))
        return std::nullopt;
    QStringList jobs;
    for (const QByteArray &line : output.split('\n')) {
        const QString text = QString::fromUtf8(line).trimmed();
        if (!text.isEmpty())
            jobs << text;
    }
    return jobs;
}

ProcessLineReader::Line makeLine(const QString &text)
{
    return ProcessLineReader::Line{text.toUtf8(), 0};
}

} // namespace

SlurmChannel::SlurmChannel(SlurmTarget target, qsizetype maxLineBytes, QObject *parent)
    : ExecutionChannel(parent)
    , m_target(std::move(target))
    , m_group(maxLineBytes)
{
    m_scancelDeadline.setSingleShot(true);
    connect(&m_group, &ExecutionChannel::stdoutLineReceived, this, &ExecutionChannel::stdoutLineReceived);
    connect(&m_group, &ExecutionChannel::stderrLineReceived, this, &SlurmChannel::handleStderrLine);
    connect(&m_group, &ExecutionChannel::noted, this, &ExecutionChannel::noted);
    connect(&m_group, &ExecutionChannel::exited, this, &SlurmChannel::handleExited);
    connect(&m_group, &ExecutionChannel::finished, this, &SlurmChannel::handleFinished);
    connect(&m_scancelDeadline, &QTimer::timeout, this, &SlurmChannel::handleScancelDeadline);
    m_scancel.setProcessEnvironment(srunEnvironment(QProcessEnvironment::systemEnvironment()));
}

SlurmChannel::~SlurmChannel()
{
    stopWatching();
    if (m_scancel.state() != QProcess::NotRunning) {
        m_scancel.kill();
        m_scancel.waitForFinished(1000);
    }
}

QStringList SlurmChannel::srunArguments(const SlurmTarget &target, const QString &jobName, const QString &directory)
{
    // --export=ALL: the environment travels with the job, whatever SLURM_EXPORT_ENV a user's shell set.
    // -v: srun names the job id ("srun: jobid 12: nodes(1)...") before it launches the program, however quickly the
    // program then ends; its other verbose lines are dropped (interpretSlurmLine()).
    QStringList arguments{u"--job-name="_s + jobName, u"--unbuffered"_s, u"-n1"_s, u"--export=ALL"_s, u"-v"_s};
    if (!directory.isEmpty())
        arguments << u"--chdir="_s + directory;
    const auto add = [&arguments](const QString &option, const QString &value) {
        if (!value.isEmpty())
            arguments << option + value;
    };
    add(u"--partition="_s, target.partition);
    add(u"--account="_s, target.account);
    add(u"--qos="_s, target.qos);
    add(u"--time="_s, target.timeLimit);
    if (target.cpus > 0)
        arguments << u"--cpus-per-task="_s + QString::number(target.cpus);
    add(u"--mem="_s, target.mem);
    add(u"--gres="_s, target.gres);
    arguments << target.extraArgs;
    return arguments;
}

QProcessEnvironment SlurmChannel::srunEnvironment(const QProcessEnvironment &environment)
{
    QProcessEnvironment result = environment;
    for (const QString &name : environment.keys()) {
        if (name.startsWith(u"SLURM_"_s) && name != u"SLURM_CONF")
            result.remove(name);
    }
    return result;
}

bool SlurmChannel::start(const Launch &launch, QString *error)
{
    if (launch.jobName.isEmpty()) {
        if (error)
            *error = u"cannot submit a Slurm job without a job name"_s;
        return false;
    }
    m_jobName = launch.jobName;
    m_killGraceMs = qMax(0, launch.killGraceMs);
    Launch srun = launch;
    srun.program = u"srun"_s;
    srun.arguments = srunArguments(m_target, launch.jobName, launch.workingDirectory);
    srun.arguments << u"--"_s << launch.program << launch.arguments;
    srun.environment = srunEnvironment(launch.environment);
    QString why;
    if (!m_group.start(srun, &why)) {
        if (error)
            *error = why + (QStandardPaths::findExecutable(u"srun"_s).isEmpty()
                                ? u" (Slurm's srun is needed for the slurm executor)"_s
                                : QString());
        return false;
    }
    Q_EMIT noted(u"submitted %1 as Slurm job %2"_s.arg(launch.program, m_jobName));
    m_watching = true;
    SlurmQueue::instance().watch(this, m_jobName, PollIntervalMs,
                                 [this](const SlurmQueue::Answer &answer) { handleQueueAnswer(answer); });
    return true;
}

void SlurmChannel::writeLine(const QByteArray &line)
{
    if (!isRunning())
        return;
    if (m_jobId.isEmpty()) {
        // The attempt records the job id before the program gets its goal (externalIdKnown).
        m_heldInput.append(line);
        m_heldBytes += line.size() + 1;
        return;
    }
    m_group.writeLine(line);
}

qint64 SlurmChannel::pendingInputBytes() const
{
    return m_group.pendingInputBytes() + m_heldBytes;
}

void SlurmChannel::closeInput()
{
    if (m_jobId.isEmpty())
        m_closeInputHeld = true;
    else
        m_group.closeInput();
}

void SlurmChannel::terminate(const QString &why)
{
    if (!m_group.isRunning() || m_terminating) {
        // srun is gone already: only what it left in its group is left to end.
        if (!m_terminating)
            m_group.terminate(why);
        return;
    }
    m_terminating = true;
    m_why = why;
    Q_EMIT noted(u"%1: cancelling %2 (scancel)"_s.arg(why, description()));
    runScancel();
    m_scancelDeadline.start(qMax(ScancelGraceMs, m_killGraceMs));
}

QString SlurmChannel::description() const
{
    const QString job = m_jobId.isEmpty() ? u"Slurm job %1"_s.arg(m_jobName) : u"Slurm job %1"_s.arg(m_jobId);
    return u"%1 (srun in %2)"_s.arg(job, m_group.description());
}

void SlurmChannel::runScancel()
{
    if (m_scancel.state() != QProcess::NotRunning)
        return;
    // By name while the id is not known yet: the name is this attempt's alone.
    const QStringList arguments =
        m_jobId.isEmpty() ? QStringList{u"--me"_s, u"--name"_s, m_jobName} : QStringList{m_jobId};
    m_scancel.start(u"scancel"_s, arguments);
}

void SlurmChannel::handleScancelDeadline()
{
    if (!m_group.isRunning())
        return;
    const QString scancelError =
        m_scancel.state() == QProcess::NotRunning && m_scancel.exitCode() != 0
            ? u" (scancel: %1)"_s.arg(QString::fromLocal8Bit(m_scancel.readAllStandardError()).trimmed())
            : QString();
    Q_EMIT noted(u"srun still running %1 ms after scancel%2"_s.arg(m_scancelDeadline.interval()).arg(scancelError));
    m_group.terminate(m_why);
}

void SlurmChannel::stopWatching()
{
    if (std::exchange(m_watching, false))
        SlurmQueue::instance().unwatch(m_jobName);
}

void SlurmChannel::handleQueueAnswer(const SlurmQueue::Answer &answer)
{
    if (!m_watching)
        return;
    if (!answer.ok) {
        if (++m_squeueFailures == 1)
            Q_EMIT noted(answer.error);
        // Holding the program's input for an id nobody can tell would hang it: give up on the id instead.
        if (m_squeueFailures >= 3 && m_jobId.isEmpty()) {
            Q_EMIT noted(u"the Slurm job id of %1 is not known; delivering its input anyway"_s.arg(m_jobName));
            releaseHeldInput();
        }
        return;
    }
    m_squeueFailures = 0;
    const QString &line = answer.line;
    if (line.isEmpty())
        return; // not registered yet, or already gone
    const QStringList fields = line.split(u'|');
    if (fields.size() < 4)
        return;
    learnJobId(fields.at(0));
    const QString &state = fields.at(1);
    if (state == u"PENDING") {
        // Said again on every poll: waiting in the queue is not the agent hanging (its idle timeout).
        setQueued(true);
        const QString pending = u"pending in Slurm: %1"_s.arg(fields.at(2));
        if (pending == m_state)
            Q_EMIT externalStateChanged(pending);
        else
            setExternalState(pending);
        SlurmQueue::instance().setInterval(m_jobName, PendingPollIntervalMs);
    } else if (state == u"RUNNING") {
        setQueued(false);
        setExternalState(u"running on %1"_s.arg(fields.at(3)));
        if (!m_running) {
            m_running = true;
            SlurmQueue::instance().setInterval(m_jobName, RunningPollIntervalMs);
        }
    } else if (state == u"SUSPENDED" || state == u"REQUEUED") {
        setExternalState(u"%1 in Slurm"_s.arg(state.toLower()));
    }
}

void SlurmChannel::setQueued(bool queued)
{
    if (queued == m_queued)
        return;
    m_queued = queued;
    Q_EMIT queueChanged(queued);
}

void SlurmChannel::handleStderrLine(const ProcessLineReader::Line &line)
{
    if (!interpretSlurmLine(QString::fromUtf8(line.bytes)))
        Q_EMIT stderrLineReceived(line);
}

bool SlurmChannel::interpretSlurmLine(const QString &text)
{
    static const QRegularExpression queued(u"^srun: job (\\d+) queued and waiting for resources"_s);
    static const QRegularExpression allocated(u"^srun: job (\\d+) has been allocated resources"_s);
    static const QRegularExpression launching(u"^srun: jobid (\\d+): "_s);
    static const QRegularExpression cancelled(
        u"^slurmstepd\\S*: error: \\*\\*\\* (?:STEP|JOB) (\\d+)\\S* ON (\\S+) CANCELLED AT \\S+(?: DUE TO (.*?))?"
        u"(?: \\*\\*\\*)?$"_s);
    static const QRegularExpression taskEnd(u"^srun: error: (\\S+): task \\d+: (.*)$"_s);
    static const QRegularExpression refused(u"^srun: error: (?:Unable to allocate resources|.*failed): (.*)$"_s);

    QRegularExpressionMatch match;
    if ((match = queued.match(text)).hasMatch()) {
        learnJobId(match.captured(1));
        Q_EMIT noted(u"Slurm job %1 is queued and waiting for resources"_s.arg(match.captured(1)));
        setQueued(true);
        return true;
    }
    if ((match = allocated.match(text)).hasMatch()) {
        learnJobId(match.captured(1));
        Q_EMIT noted(u"Slurm job %1 has been allocated resources"_s.arg(match.captured(1)));
        setQueued(false);
        return true;
    }
    if ((match = launching.match(text)).hasMatch()) {
        learnJobId(match.captured(1));
        return true;
    }
    const QString job = m_jobId.isEmpty() ? m_jobName : m_jobId;
    if ((match = cancelled.match(text)).hasMatch()) {
        const QString reason = match.captured(3).trimmed();
        QString what;
        if (reason == u"TIME LIMIT")
            what = u"Slurm ended job %1 on %2: it reached its time limit%3"_s.arg(
                match.captured(1), match.captured(2),
                m_target.timeLimit.isEmpty() ? QString() : u" (time_limit %1)"_s.arg(m_target.timeLimit));
        else if (reason == u"NODE FAILURE")
            what = u"Slurm ended job %1: node %2 failed"_s.arg(match.captured(1), match.captured(2));
        else if (reason == u"PREEMPTION")
            what = u"Slurm ended job %1 on %2: it was preempted"_s.arg(match.captured(1), match.captured(2));
        else if (!reason.isEmpty())
            what = u"Slurm ended job %1 on %2: %3"_s.arg(match.captured(1), match.captured(2), reason.toLower());
        else if (m_terminating)
            what = u"Slurm job %1 on %2 was cancelled (%3)"_s.arg(match.captured(1), match.captured(2), m_why);
        else
            what = u"Slurm job %1 on %2 was cancelled outside Switchboard (scancel)"_s.arg(match.captured(1),
                                                                                           match.captured(2));
        Q_EMIT noted(what);
        Q_EMIT stderrLineReceived(makeLine(what));
        return true;
    }
    if ((match = taskEnd.match(text)).hasMatch()) {
        const QString how = match.captured(2);
        static const QRegularExpression exitCode(u"^Exited with exit code (\\d+)"_s);
        const QRegularExpressionMatch code = exitCode.match(how);
        const QString what =
            code.hasMatch()
                ? u"Slurm job %1: the program exited with code %2 on %3"_s.arg(job, code.captured(1), match.captured(1))
                : u"Slurm job %1: the program ended on %2: %3"_s.arg(job, match.captured(1), how);
        Q_EMIT stderrLineReceived(makeLine(what));
        return true;
    }
    if ((match = refused.match(text)).hasMatch()) {
        if (m_terminating)
            return true; // srun's complaint that the job it waited for was cancelled: the cancel itself
        const QString what = u"Slurm refused job %1: %2"_s.arg(m_jobName, match.captured(1));
        Q_EMIT noted(what);
        Q_EMIT stderrLineReceived(makeLine(what));
        return true;
    }
    if (text.startsWith(u"srun: Job step aborted"_s) || text.startsWith(u"srun: Force Terminated"_s) ||
        text.startsWith(u"srun: Job has been cancelled"_s) || text.startsWith(u"srun: Job step creation"_s)) {
        Q_EMIT noted(text);
        return true;
    }
    // What else srun says is its -v chatter (options, plugins, launch steps), except its errors and warnings.
    if (text.startsWith(u"srun: "_s))
        return !(text.startsWith(u"srun: error:"_s) || text.startsWith(u"srun: warning:"_s) ||
                 text.startsWith(u"srun: fatal:"_s));
    return false;
}

void SlurmChannel::learnJobId(const QString &id)
{
    if (!m_jobId.isEmpty() || id.isEmpty())
        return;
    m_jobId = id;
    Q_EMIT noted(u"Slurm job id %1 (%2)"_s.arg(id, m_jobName));
    Q_EMIT externalIdKnown(id);
    releaseHeldInput();
}

void SlurmChannel::setExternalState(const QString &state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT noted(state);
    Q_EMIT externalStateChanged(state);
}

void SlurmChannel::releaseHeldInput()
{
    const QList<QByteArray> held = std::exchange(m_heldInput, {});
    m_heldBytes = 0;
    for (const QByteArray &line : held)
        m_group.writeLine(line);
    if (std::exchange(m_closeInputHeld, false))
        m_group.closeInput();
}

void SlurmChannel::handleExited()
{
    stopWatching();
    m_heldInput.clear();
    m_heldBytes = 0;
    if (!m_state.isEmpty())
        setExternalState({});
    Q_EMIT exited();
}

void SlurmChannel::handleFinished()
{
    stopWatching();
    m_scancelDeadline.stop();
    Q_EMIT finished();
}

int SlurmChannel::cancelLeftovers(const QString &jobName, QString *error, int waitMs)
{
    QString why;
    const std::optional<QStringList> jobs = listJobs(jobName, &why);
    if (!jobs) {
        if (error)
            *error = u"cannot ask Slurm for jobs named %1: %2"_s.arg(jobName, why);
        return -1;
    }
    if (jobs->isEmpty())
        return 0;
    QByteArray ignored;
    if (!runCommand(u"scancel"_s, {u"--me"_s, u"--name"_s, jobName}, &ignored, &why)) {
        if (error)
            *error = u"cannot cancel Slurm jobs named %1 (%2): %3"_s.arg(jobName, jobs->join(u", "_s), why);
        return -1;
    }
    // A cancelled job may still be completing (its processes get KillWait to end): the goal must not start again
    // while its last attempt's work still runs.
    const QDeadlineTimer deadline(waitMs);
    QStringList left = *jobs;
    while (!left.isEmpty()) {
        if (deadline.hasExpired()) {
            if (error)
                *error = u"Slurm still lists jobs named %1 %2 s after scancel: %3"_s.arg(jobName)
                             .arg(waitMs / 1000)
                             .arg(left.join(u", "_s));
            return -1;
        }
        QThread::msleep(200);
        const std::optional<QStringList> now = listJobs(jobName, &why);
        if (!now) {
            if (error)
                *error = u"cannot ask Slurm whether jobs named %1 ended: %2"_s.arg(jobName, why);
            return -1;
        }
        left = *now;
    }
    return int(jobs->size());
}

} // namespace switchboard
