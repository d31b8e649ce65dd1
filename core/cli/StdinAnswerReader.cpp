#include "StdinAnswerReader.h"

#include "orchestration/Orchestrator.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>

#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

namespace switchboard {

StdinAnswerReader::StdinAnswerReader(Orchestrator *orchestrator, int fd, QObject *parent)
    : QObject(parent)
    , m_orchestrator(orchestrator)
    , m_fd(fd)
{
    struct stat info = {};
    if (::fstat(fd, &info) != 0) {
        m_atEnd = true;
        return;
    }
    if (S_ISCHR(info.st_mode) && ::isatty(fd) != 1) {
        m_atEnd = true; // /dev/null and the like: nothing will ever come
        return;
    }
    m_notifier = new QSocketNotifier(fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &StdinAnswerReader::handleReadable);
}

void StdinAnswerReader::handleReadable()
{
    char chunk[4096];
    const ssize_t n = ::read(m_fd, chunk, sizeof chunk);
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (n <= 0) {
        m_notifier->setEnabled(false);
        if (!m_buffer.trimmed().isEmpty()) {
            ++m_lineNumber;
            const QString error = applyLine(*m_orchestrator, QString::fromUtf8(m_buffer));
            if (!error.isEmpty())
                Q_EMIT lineRejected(m_lineNumber, error);
        }
        m_buffer.clear();
        m_atEnd = true;
        Q_EMIT endOfInput();
        return;
    }
    m_buffer.append(chunk, n);
    qsizetype newline = 0;
    while ((newline = m_buffer.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_buffer.left(newline)).trimmed();
        m_buffer.remove(0, newline + 1);
        ++m_lineNumber;
        if (line.isEmpty())
            continue;
        const QString error = applyLine(*m_orchestrator, line);
        if (!error.isEmpty())
            Q_EMIT lineRejected(m_lineNumber, error);
    }
    if (m_buffer.size() > 1024 * 1024) {
        ++m_lineNumber;
        Q_EMIT lineRejected(m_lineNumber, QStringLiteral("line longer than 1 MiB, ignored"));
        m_buffer.clear();
    }
}

QString StdinAnswerReader::resumeProfile(Orchestrator &orchestrator, const QString &profile)
{
    const QStringList paused = orchestrator.progress().rateLimitedProfiles;
    if (profile.isEmpty()) {
        if (paused.isEmpty())
            return QStringLiteral("no profile is rate limited");
        for (const QString &each : paused)
            orchestrator.resumeRateLimited(each);
        return {};
    }
    if (!orchestrator.resumeRateLimited(profile))
        return paused.isEmpty() ? QStringLiteral("profile '%1' is not rate limited (none is)").arg(profile)
                                : QStringLiteral("profile '%1' is not rate limited (these are: %2)")
                                      .arg(profile, paused.join(QStringLiteral(", ")));
    return {};
}

QString StdinAnswerReader::applyLine(Orchestrator &orchestrator, const QString &line)
{
    QString id;
    QString option;
    QString text;
    if (line.startsWith(u'{')) {
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8(), &parseError);
        if (!doc.isObject())
            return QStringLiteral("not valid JSON (%1)").arg(parseError.errorString());
        const QJsonObject o = doc.object();
        if (o.value(u"type").toString() == u"resume_profile")
            return resumeProfile(orchestrator, o.value(u"profile").toString());
        id = o.contains(u"answer") ? o.value(u"answer").toString() : o.value(u"id").toString();
        option = o.value(u"option").toString();
        text = o.value(u"text").toString();
        if (id.isEmpty())
            return QStringLiteral("an answer needs \"id\" (the escalation id, e.g. \"e-1\")");
    } else {
        const QStringList words = line.split(u' ', Qt::SkipEmptyParts);
        if (words.value(0) == u"resume-profile") {
            if (words.size() > 2)
                return QStringLiteral("resume-profile takes one profile name (or none: every paused profile)");
            return resumeProfile(orchestrator, words.value(1));
        }
        id = words.value(0);
        if (id.endsWith(u':'))
            id.chop(1);
        const std::optional<Escalation> escalation = orchestrator.inbox().find(id);
        if (escalation && escalation->options.isEmpty()) {
            text = words.mid(1).join(u' '); // free-text question: the rest of the line is the answer
        } else {
            option = words.value(1);
            text = words.mid(2).join(u' ');
        }
    }
    QString error;
    if (!orchestrator.answer(id, option, text, &error, QStringLiteral("cli")))
        return error;
    return {};
}

} // namespace switchboard
