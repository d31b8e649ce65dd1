#include "AcpTurn.h"

#include "agents/AgentContext.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace switchboard {

namespace {

// A line the log keeps whole; longer ones (or text that never ends its line) are cut here.
constexpr qsizetype MaxLogLineChars = 8000;

QString cutLine(const QString &line)
{
    return line.size() > MaxLogLineChars ? line.left(MaxLogLineChars) + QStringLiteral(" …") : line;
}

QString compactJson(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return value.toVariant().toString();
}

} // namespace

AcpTurn::AcpTurn(AgentContext &context)
    : m_context(context)
{}

void AcpTurn::setReplaying(bool replaying)
{
    m_replaying = replaying;
}

bool AcpTurn::apply(const QJsonObject &update, QString *problem)
{
    const QString kind = update.value(u"sessionUpdate").toString();
    if (kind.isEmpty()) {
        *problem = QStringLiteral("a session/update without \"sessionUpdate\"");
        return false;
    }
    // Any news is proof of life (the idle timeout), also while the agent only thinks or replays.
    m_context.heartbeat();
    if (m_replaying) {
        ++m_replayed;
        return true;
    }
    if (kind == u"agent_message_chunk") {
        applyMessageChunk(contentText(update.value(u"content").toObject()));
    } else if (kind == u"agent_thought_chunk") {
        applyThoughtChunk(contentText(update.value(u"content").toObject()));
    } else if (kind == u"tool_call" || kind == u"tool_call_update") {
        if (update.value(u"toolCallId").toString().isEmpty()) {
            *problem = QStringLiteral("a %1 without \"toolCallId\"").arg(kind);
            return false;
        }
        applyToolCall(update, kind == u"tool_call");
    } else if (kind == u"plan") {
        if (!update.value(u"entries").isArray()) {
            *problem = QStringLiteral("a plan without \"entries\"");
            return false;
        }
        applyPlan(update);
    } else if (kind == u"usage_update") {
        applyUsage(update);
    } else if (kind != u"user_message_chunk" && kind != u"available_commands_update" &&
               kind != u"current_mode_update" && kind != u"session_info_update" && kind != u"config_option_update") {
        // Newer protocol versions add kinds: said once, never fatal.
        if (m_unknownKinds.contains(kind))
            return true;
        m_unknownKinds.insert(kind);
        *problem = QStringLiteral("unknown session update \"%1\" (ignored from now on)").arg(kind);
        return false;
    }
    return true;
}

void AcpTurn::finish()
{
    flushThought();
    flushMessage();
}

QString AcpTurn::summary() const
{
    const QString text = m_message.trimmed();
    if (text.size() <= MaxSummaryChars)
        return text;
    return QStringLiteral("… ") + text.right(MaxSummaryChars);
}

QString AcpTurn::contentText(const QJsonObject &block)
{
    const QString type = block.value(u"type").toString();
    if (type == u"text")
        return block.value(u"text").toString();
    if (type == u"image")
        return QStringLiteral("[image]");
    if (type == u"audio")
        return QStringLiteral("[audio]");
    if (type == u"resource_link")
        return QStringLiteral("[link: %1]").arg(block.value(u"uri").toString());
    if (type == u"resource") {
        const QJsonObject resource = block.value(u"resource").toObject();
        if (resource.contains(u"text"))
            return resource.value(u"text").toString();
        return QStringLiteral("[resource: %1]").arg(resource.value(u"uri").toString());
    }
    return {};
}

QString AcpTurn::toolContentText(const QJsonValue &content)
{
    QStringList parts;
    for (const QJsonValue &value : content.toArray()) {
        const QJsonObject item = value.toObject();
        const QString type = item.value(u"type").toString();
        if (type == u"content")
            parts << contentText(item.value(u"content").toObject());
        else if (type == u"diff")
            parts << QStringLiteral("edited %1").arg(item.value(u"path").toString());
        else if (type == u"terminal")
            parts << QStringLiteral("[terminal %1]").arg(item.value(u"terminalId").toString());
    }
    parts.removeAll(QString());
    return parts.join(u'\n');
}

void AcpTurn::applyMessageChunk(const QString &text)
{
    m_message += text;
    m_segment += text;
    m_messageLine += text;
    logLines(m_messageLine, {}, false);
}

void AcpTurn::applyThoughtChunk(const QString &text)
{
    m_thoughtLine += text;
    logLines(m_thoughtLine, QStringLiteral("thinking: "), false);
}

void AcpTurn::applyToolCall(const QJsonObject &update, bool isNew)
{
    // What the agent said before the call is one step of the transcript, the call the next.
    flushThought();
    flushMessage();
    const QString id = update.value(u"toolCallId").toString();
    Tool &tool = m_tools[id];
    if (isNew)
        tool = Tool{};
    const QString before = tool.status;
    if (update.value(u"title").isString())
        tool.title = update.value(u"title").toString();
    if (update.value(u"kind").isString())
        tool.kind = update.value(u"kind").toString();
    if (update.value(u"status").isString())
        tool.status = update.value(u"status").toString();
    const QString title = tool.title.isEmpty() ? id : tool.title;
    const QString kind = tool.kind.isEmpty() ? QStringLiteral("other") : tool.kind;

    if (isNew) {
        m_context.setStep(title);
        m_context.log(cutLine(QStringLiteral("tool: %1 [%2]").arg(title, kind)));
        TranscriptEntry entry;
        entry.kind = TranscriptEntry::Kind::ToolCall;
        entry.toolName = kind;
        entry.toolCallId = id;
        entry.text = title;
        if (update.contains(u"rawInput"))
            entry.text += u'\n' + compactJson(update.value(u"rawInput"));
        m_context.recordTranscript(entry);
    } else if (update.value(u"title").isString()) {
        m_context.setStep(title);
    }
    if (tool.status == before)
        return;
    if (tool.status == u"in_progress") {
        m_context.setStep(title);
    } else if (tool.status == u"completed" || tool.status == u"failed") {
        const bool failed = tool.status == u"failed";
        m_context.log(cutLine(
            QStringLiteral("tool %1: %2").arg(failed ? QStringLiteral("failed") : QStringLiteral("done"), title)));
        TranscriptEntry entry;
        entry.kind = TranscriptEntry::Kind::ToolResult;
        entry.toolName = kind;
        entry.toolCallId = id;
        entry.isError = failed;
        entry.text = toolContentText(update.value(u"content"));
        if (entry.text.isEmpty() && update.contains(u"rawOutput"))
            entry.text = compactJson(update.value(u"rawOutput"));
        if (entry.text.isEmpty())
            entry.text = tool.status;
        m_context.recordTranscript(entry);
    }
}

void AcpTurn::applyPlan(const QJsonObject &update)
{
    flushThought();
    flushMessage();
    const QJsonArray entries = update.value(u"entries").toArray();
    int done = 0;
    QString current;
    for (const QJsonValue &value : entries) {
        const QJsonObject entry = value.toObject();
        const QString status = entry.value(u"status").toString();
        if (status == u"completed")
            ++done;
        else if (status == u"in_progress" && current.isEmpty())
            current = entry.value(u"content").toString();
    }
    if (entries.isEmpty())
        return;
    const int percent = static_cast<int>(qint64(done) * 100 / entries.size());
    if (current.isEmpty())
        m_context.setProgress(percent);
    else
        m_context.setProgress(percent, current);
    QString text = QStringLiteral("plan: %1/%2 done").arg(done).arg(entries.size());
    if (!current.isEmpty())
        text += QStringLiteral(" \u2014 now: ") + current;
    if (text != m_planText) {
        m_planText = text;
        m_context.log(cutLine(text));
    }
}

void AcpTurn::applyUsage(const QJsonObject &update)
{
    const QJsonObject cost = update.value(u"cost").toObject();
    if (!cost.value(u"amount").isDouble())
        return;
    const QString currency = cost.value(u"currency").toString(QStringLiteral("USD"));
    if (currency.compare(u"USD", Qt::CaseInsensitive) != 0) {
        if (!m_currencyNoted) {
            m_currencyNoted = true;
            m_context.log(QStringLiteral("usage: the agent reports cost in %1, not USD: not added").arg(currency));
        }
        return;
    }
    // The amount is the session's total so far: only what it grew by is new.
    const double amount = cost.value(u"amount").toDouble();
    if (amount > m_costUsd) {
        m_context.addUsage(0, 0, amount - m_costUsd);
        m_costUsd = amount;
    }
}

void AcpTurn::logLines(QString &buffer, const QString &prefix, bool all)
{
    qsizetype start = 0;
    for (qsizetype newline = buffer.indexOf(u'\n'); newline >= 0; newline = buffer.indexOf(u'\n', start)) {
        const QString line = buffer.mid(start, newline - start);
        if (!line.trimmed().isEmpty())
            m_context.log(cutLine(prefix + line));
        start = newline + 1;
    }
    buffer.remove(0, start);
    // A line that never ends is logged in pieces rather than held without bound.
    if ((all || buffer.size() > MaxLogLineChars) && !buffer.trimmed().isEmpty())
        m_context.log(cutLine(prefix + buffer));
    if (all || buffer.size() > MaxLogLineChars)
        buffer.clear();
}

void AcpTurn::flushMessage()
{
    logLines(m_messageLine, {}, true);
    const QString text = m_segment.trimmed();
    m_segment.clear();
    if (text.isEmpty())
        return;
    TranscriptEntry entry;
    entry.kind = TranscriptEntry::Kind::Assistant;
    entry.text = text;
    m_context.recordTranscript(entry);
}

void AcpTurn::flushThought()
{
    logLines(m_thoughtLine, QStringLiteral("thinking: "), true);
}

} // namespace switchboard
