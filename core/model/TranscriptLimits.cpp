#include "TranscriptLimits.h"

#include <QByteArray>

namespace switchboard {

QString TranscriptLimits::boundText(const QString &text, qsizetype maxBytes)
{
    // One UTF-16 unit is at most three bytes of UTF-8 (a surrogate pair, two units, is four): most texts are
    // known to fit without encoding them.
    if (text.size() * 3 <= maxBytes)
        return text;
    const QByteArray utf8 = text.toUtf8();
    if (utf8.size() <= maxBytes)
        return text;
    qsizetype end = qMax<qsizetype>(0, maxBytes);
    // Back up over continuation bytes (10xxxxxx) so the cut falls between two characters.
    while (end > 0 && (static_cast<unsigned char>(utf8.at(end)) & 0xC0) == 0x80)
        --end;
    return QString::fromUtf8(utf8.constData(), end) + QStringLiteral("… [cut %1 bytes]").arg(utf8.size() - end);
}

namespace {
void truncateName(QString &name)
{
    if (name.size() <= TranscriptLimits::kMaxNameChars)
        return;
    qsizetype end = TranscriptLimits::kMaxNameChars;
    if (name.at(end - 1).isHighSurrogate())
        --end; // not half a character
    name.truncate(end);
}
} // namespace

void TranscriptLimits::bound(TranscriptEntry &entry)
{
    entry.text = boundText(entry.text);
    truncateName(entry.toolName);
    truncateName(entry.toolCallId);
}

} // namespace switchboard
