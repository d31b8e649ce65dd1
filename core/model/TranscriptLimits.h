#pragma once

#include "model/TranscriptEntry.h"

#include <QString>

namespace switchboard {

// How much of one transcript step is kept. A tool result can be a whole file or a command's output; the
// transcript is for reading what happened, so one step keeps its first kMaxTextBytes (UTF-8) and says how
// much was cut. The same bound applies in memory, in the store and in the UI.
class TranscriptLimits final
{
public:
    TranscriptLimits() = delete;

    // Bytes of UTF-8 one entry's text keeps (64 KiB); longer text ends with kCutMarker.
    static constexpr qsizetype kMaxTextBytes = 64 * 1024;
    // Characters kept of a tool name or tool call id (they come from the model too).
    static constexpr qsizetype kMaxNameChars = 256;

    // text when it fits, else its first kMaxTextBytes (never half a character) followed by
    // "… [cut N bytes]", N being the UTF-8 bytes left out.
    static QString boundText(const QString &text, qsizetype maxBytes = kMaxTextBytes);
    // Bounds the entry's text, tool name and tool call id.
    static void bound(TranscriptEntry &entry);
};

} // namespace switchboard
