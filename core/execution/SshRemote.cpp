#include "SshRemote.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace switchboard {

using namespace Qt::StringLiterals;

namespace {

// Shared by both scripts. alive: the live (not zombie) processes of the groups in $gs, as $a, and those groups as
// $lg, read from /proc without starting a process per poll. stop: SIGTERM to the live groups, up to $1 ms for them
// to go, SIGKILL, up to 2 s more; $n = the groups that were alive at first, $a = the processes left.
const QString kGroupFunctions = uR"sh(alive() {
  a=0 lg=
  for s in /proc/[0-9]*/stat; do
    read -r l 2>/dev/null <"$s" || continue
    l=${l##*") "}
    set -- $l
    [ "$1" = Z ] && continue
    case " $gs " in *" $3 "*) a=$((a + 1)); case " $lg " in *" $3 "*) ;; *) lg="$lg $3" ;; esac ;; esac
  done
}
stop() {
  alive
  n=0
  for x in $lg; do n=$((n + 1)); done
  [ "$a" -eq 0 ] && return
  for x in $lg; do kill -TERM -$x 2>/dev/null; done
  i=0
  while alive; [ "$a" -gt 0 ] && [ "$i" -lt $(($1 / 100)) ]; do sleep 0.1; i=$((i + 1)); done
  [ "$a" -eq 0 ] && return
  for x in $lg; do kill -KILL -$x 2>/dev/null; done
  i=0
  while alive; [ "$a" -gt 0 ] && [ "$i" -lt 20 ]; do sleep 0.1; i=$((i + 1)); done
}
)sh"_s;

// The environment arrives over stdin (never on a command line, where `ps` shows it); `read` takes a pipe byte by
// byte, so the agent's own stdin lines stay in the pipe for it. printf and export are builtins: no value is ever
// an argument of a process. setsid makes the program the leader of its own session and process group (the shell
// started it without job control, so setsid does not fork and $! is the group id), which one kill reaches whole.
// Only the program's group carries the job mark: the bootstrap's own helpers (sleep) must not, or a stop would
// take the bootstrap's group (the ssh session) for the program's.
const QString kBootstrap = uR"sh(job=$1 dir=$2 make=$3 grace=$4
shift 4
ok=0
while IFS= read -r l; do
  [ -z "$l" ] && { ok=1; break; }
  v=$(printf '%bx' "${l#*=}")
  export "${l%%=*}=${v%x}"
done
if [ "$ok" != 1 ]; then echo "switchboard: the environment did not arrive over stdin" >&2; exit 125; fi
if [ -n "$dir" ]; then
  case $dir in "~") dir=$HOME ;; "~/"*) dir=$HOME/${dir#"~/"} ;; esac
  [ "$make" = 1 ] && mkdir -p "$dir"
  if ! cd "$dir"; then
    if [ "$make" = 1 ]; then echo "switchboard: cannot use the remote directory $dir" >&2
    else echo "switchboard: the workspace $dir is not on this host: mount the shared filesystem at the same path, or set the ssh executor's workdir" >&2; fi
    exit 125
  fi
fi
[ -n "${SWITCHBOARD_WORKSPACE+x}" ] && export SWITCHBOARD_WORKSPACE="$PWD"
exec 3<&0 0</dev/null
SWITCHBOARD_SSH_JOB=$job setsid sh -c 'printf "\036SB-PGID %s\n" "$$"; exec "$@"' "$0" "$@" 0<&3 3<&- &
g=$!
exec 3<&-
wait "$g"
st=$?
gs=$g
stop "$grace"
printf '\036SB-EXIT %s\n' "$st"
exit "$st"
)sh"_s;

const QString kStop = uR"sh(job=$1 g=$2 grace=$3
gs=
case $g in '' | *[!0-9]*) ;; *) [ "$g" -gt 1 ] && gs=$g ;; esac
self=
if read -r l 2>/dev/null </proc/$$/stat; then l=${l##*") "}; set -- $l; self=$3; fi
if [ -n "$job" ]; then
  for f in $(grep -lsxzF -e "SWITCHBOARD_SSH_JOB=$job" /proc/[0-9]*/environ); do
    p=${f#/proc/}
    p=${p%/environ}
    read -r l 2>/dev/null <"/proc/$p/stat" || continue
    l=${l##*") "}
    set -- $l
    [ "$3" -gt 1 ] 2>/dev/null && [ "$3" != "$self" ] || continue
    case " $gs " in *" $3 "*) ;; *) gs="$gs $3" ;; esac
  done
fi
stop "$grace"
printf '\036SB-STOP %s %s\n' "$n" "$a"
)sh"_s;

bool isSafeWord(const QString &word)
{
    return !word.isEmpty() && std::all_of(word.cbegin(), word.cend(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
               QStringView(u"_@%+=:,./-").contains(c);
    });
}

bool isExportableName(const QString &name)
{
    static const QRegularExpression pattern(u"\\A[A-Za-z_][A-Za-z0-9_]*\\z"_s);
    return pattern.match(name).hasMatch();
}

} // namespace

QString SshRemote::quote(const QString &word)
{
    if (isSafeWord(word))
        return word;
    QString quoted = word;
    quoted.replace(u'\'', u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

QString SshRemote::command(const QStringList &words)
{
    QStringList quoted;
    quoted.reserve(words.size());
    for (const QString &word : words)
        quoted << quote(word);
    return quoted.join(u' ');
}

QString SshRemote::bootstrapScript()
{
    return kGroupFunctions + kBootstrap;
}

QString SshRemote::stopScript()
{
    return kGroupFunctions + kStop;
}

QProcessEnvironment SshRemote::forwardedEnvironment(const QProcessEnvironment &launch, const QProcessEnvironment &own)
{
    QProcessEnvironment forwarded;
    const QStringList names = launch.keys();
    for (const QString &name : names) {
        if (name == u"PATH" || !isExportableName(name))
            continue;
        const QString value = launch.value(name);
        if (name.startsWith(u"SWITCHBOARD_") || !own.contains(name) || own.value(name) != value)
            forwarded.insert(name, value);
    }
    return forwarded;
}

QByteArray SshRemote::environmentBlock(const QProcessEnvironment &environment)
{
    QByteArray block;
    QStringList names = environment.keys();
    names.sort();
    for (const QString &name : names) {
        block += name.toUtf8() + '=';
        const QByteArray value = environment.value(name).toUtf8();
        for (const char c : value) {
            const auto byte = static_cast<unsigned char>(c);
            if (c == '\\') {
                block += "\\\\";
            } else if (byte < 0x20 || byte == 0x7f) {
                // \0ooo: printf %b's octal escape; a newline must not end the line early.
                block += "\\0" + QByteArray::number(byte, 8).rightJustified(3, '0');
            } else {
                block += c;
            }
        }
        block += '\n';
    }
    block += '\n';
    return block;
}

QString SshRemote::remoteDirectory(const QString &workdir, const QString &localDirectory)
{
    if (workdir.isEmpty())
        return {};
    QString base = workdir;
    while (base.size() > 1 && base.endsWith(u'/'))
        base.chop(1);
    const QString name = localDirectory.isEmpty() ? QString() : QFileInfo(QDir::cleanPath(localDirectory)).fileName();
    if (name.isEmpty())
        return base;
    return base == u"/" ? QString(base + name) : QString(base + u'/' + name);
}

QList<qint64> SshRemote::markerNumbers(QByteArrayView line, QByteArrayView marker, int count)
{
    if (!line.startsWith(marker))
        return {};
    const QList<QByteArray> fields = line.sliced(marker.size()).toByteArray().simplified().split(' ');
    if (fields.size() < count)
        return {};
    QList<qint64> numbers;
    for (int i = 0; i < count; ++i) {
        bool ok = false;
        numbers << fields.at(i).toLongLong(&ok);
        if (!ok)
            return {};
    }
    return numbers;
}

} // namespace switchboard
