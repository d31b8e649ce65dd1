#include "TranscriptLimits.h"

#include "InputLimits.h"

#include <QByteArray>

namespace switchboard {

QString TranscriptLimits::boundText(const QString &text, qsizetype maxBytes)
{
    return InputLimits::cutToBytes(text, qMax<qsizetype>(0, maxBytes));
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
