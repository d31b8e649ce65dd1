#include "AiderDialect.h"

#include "CodingPrompt.h"
#include "CodingSession.h"
#include "model/ErrorKind.h"
#include "model/InputLimits.h"

#include <QRegularExpression>

#include <cmath>

namespace switchboard {

using namespace Qt::StringLiterals;

namespace {

// "2.3k" -> 2300, "1.1M" -> 1100000, "156" -> 156.
qint64 count(const QString &number, const QString &suffix)
{
    double value = number.toDouble();
    if (suffix.compare(u"k", Qt::CaseInsensitive) == 0)
        value *= 1e3;
    else if (suffix.compare(u"m", Qt::CaseInsensitive) == 0)
        value *= 1e6;
    return std::llround(value);
}

} // namespace

QString AiderDialect::displayName() const
{
    return u"Aider"_s;
}

QString AiderDialect::defaultProgram() const
{
    return u"aider"_s;
}

QStringList AiderDialect::arguments(const Request &request) const
{
    QStringList args{u"--message"_s, InputLimits::cutToBytes(request.prompt, CodingPrompt::MaxArgumentBytes),
                     u"--yes-always"_s, u"--no-stream"_s};
    if (!request.model.isEmpty())
        args << u"--model"_s << request.model;
    return args + request.extraArgs;
}

std::optional<AiderDialect::Usage> AiderDialect::parseTokens(const QString &line)
{
    static const QRegularExpression tokens(uR"(^Tokens:\s+(.*?)\s+received\.(.*)$)"_s);
    static const QRegularExpression part(uR"(([\d.]+)([kKmM]?)\s+(sent|cache write|cache hit))"_s);
    static const QRegularExpression received(uR"(([\d.]+)([kKmM]?)$)"_s);
    static const QRegularExpression cost(uR"(Cost:\s+\$([\d.]+)\s+message)"_s);
    const QRegularExpressionMatch match = tokens.match(line.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    Usage usage;
    const QString counts = match.captured(1);
    for (auto it = part.globalMatch(counts); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        usage.inputTokens += count(m.captured(1), m.captured(2));
    }
    const QRegularExpressionMatch out = received.match(counts);
    if (!out.hasMatch())
        return std::nullopt;
    usage.outputTokens = count(out.captured(1), out.captured(2));
    if (const QRegularExpressionMatch c = cost.match(match.captured(2)); c.hasMatch())
        usage.costUsd = c.captured(1).toDouble();
    return usage;
}

void AiderDialect::handleLine(const QByteArray &line, CodingSession &session)
{
    const QString text = QString::fromUtf8(line).trimmed();
    AgentContext &context = session.context();
    if (const std::optional<Usage> usage = parseTokens(text)) {
        context.addUsage(usage->inputTokens, usage->outputTokens, usage->costUsd);
        context.log(text);
        return;
    }
    context.log(text);
    static const QRegularExpression applied(uR"(^Applied edit to (.+)$)"_s);
    static const QRegularExpression commit(uR"(^Commit ([0-9a-f]{6,40}) (.+)$)"_s);
    if (const QRegularExpressionMatch m = applied.match(text); m.hasMatch()) {
        const QString file = m.captured(1).trimmed();
        if (!m_edited.contains(file))
            m_edited << file;
        context.setStep(u"Edit: "_s + file);
    } else if (const QRegularExpressionMatch c = commit.match(text); c.hasMatch()) {
        m_commits << c.captured(1) + u": "_s + c.captured(2);
        context.setStep(u"Commit: "_s + c.captured(2));
    } else if (text.startsWith(u"Running "_s)) {
        context.setStep(u"Run: "_s + text.mid(8));
    }
    if (!text.isEmpty())
        m_lastLine = text;
}

AgentResult AiderDialect::finish(int exitCode, CodingSession &session)
{
    if (exitCode != 0) {
        QString why = u"Aider exited with code %1"_s.arg(exitCode);
        if (!m_lastLine.isEmpty())
            why += u": "_s + m_lastLine;
        return AgentResult::failed(why + session.stderrTail(), exitCode, errorKindName(ErrorKind::Exit));
    }
    QStringList parts;
    if (!m_edited.isEmpty())
        parts << u"Edited "_s + m_edited.join(u", "_s);
    if (!m_commits.isEmpty())
        parts << (m_commits.size() == 1 ? u"commit "_s : u"commits "_s) + m_commits.join(u"; "_s);
    if (parts.isEmpty())
        return AgentResult::completed(m_lastLine.isEmpty() ? u"Aider made no changes"_s : m_lastLine);
    return AgentResult::completed(parts.join(u"; "_s));
}

} // namespace switchboard
