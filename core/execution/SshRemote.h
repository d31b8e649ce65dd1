#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace switchboard {

// What SshChannel runs on the remote host and how it talks to it: the POSIX sh scripts (started as
// `sh -c SCRIPT switchboard-ssh ARGS...`), the quoting for the remote login shell, the environment block that
// travels over stdin instead of any command line, and the marker lines the scripts print. The remote host must be
// Linux (/proc) with util-linux setsid and GNU grep; its login shell must be a POSIX shell (sh, bash, dash, zsh).
class SshRemote final
{
public:
    SshRemote() = delete;

    // Inherited by everything the agent starts on the remote host, with the attempt's job name as its value: how
    // a stop (or a later Switchboard's cancelLeftovers) finds the agent's process groups without the channel.
    static constexpr const char *kJobVariable = "SWITCHBOARD_SSH_JOB";
    // The first stdout line of the bootstrap ("\x1eSB-PGID 4242"), its last ("\x1eSB-EXIT 0") and the stop
    // script's report ("\x1eSB-STOP <groups found> <processes left>"). An agent never prints the record separator.
    static constexpr QByteArrayView kPgidMarker = "\x1eSB-PGID ";
    static constexpr QByteArrayView kExitMarker = "\x1eSB-EXIT ";
    static constexpr QByteArrayView kStopMarker = "\x1eSB-STOP ";
    // The bootstrap's own exit code when the environment block did not arrive or the directory is unusable.
    static constexpr int kBootstrapFailed = 125;

    // One word for the remote login shell: 'it'\''s' (bare when it has only harmless characters).
    static QString quote(const QString &word);
    // The words quoted and joined with spaces: the one command string ssh hands to the remote login shell.
    static QString command(const QStringList &words);

    // Reads the environment block from stdin, exports it and the job mark, enters the directory, starts the
    // program in a session (and process group) of its own with the rest of stdin, prints its group id first, waits
    // for it, ends what the program left running in its group (SIGTERM, the grace, SIGKILL), prints the exit
    // status last and exits with it. Arguments: job name, remote directory (empty = stay in the login directory,
    // a leading "~/" is the remote home), whether to make the directory ("1": a workdir's; otherwise it must
    // exist), kill grace in ms, program, arguments.
    static QString bootstrapScript();
    // Ends every process group whose members carry the job mark, and the given group: SIGTERM, up to the grace,
    // SIGKILL, up to 2 s more; prints the stop marker. Arguments: job name, group id (may be empty), grace in ms.
    static QString stopScript();

    // The variables the remote program gets on top of its own login environment: every SWITCHBOARD_* variable of
    // the launch, and every other one the launch sets that `own` (our environment) lacks or has with another value
    // (API keys, settings a profile adds). PATH never travels (the remote host's own is right there), nor do names
    // a shell cannot export. Variables the launch removes from ours cannot be removed remotely.
    static QProcessEnvironment forwardedEnvironment(const QProcessEnvironment &launch, const QProcessEnvironment &own);
    // The block the bootstrap reads: one NAME=VALUE line per variable, the value escaped for printf %b (a
    // backslash doubled, control bytes as \0ooo), then an empty line.
    static QByteArray environmentBlock(const QProcessEnvironment &environment);

    // Where the agent works on the remote host: `workdir`/<name of the local workspace directory>, or `workdir`
    // itself when the local directory is empty; empty (the login directory) when workdir is empty.
    static QString remoteDirectory(const QString &workdir, const QString &localDirectory);

    // The numbers after a marker at the start of `line` ("\x1eSB-STOP 2 0" gives 2, 0); empty when the line is no
    // such marker or a number is missing.
    static QList<qint64> markerNumbers(QByteArrayView line, QByteArrayView marker, int count = 1);
};

} // namespace switchboard
