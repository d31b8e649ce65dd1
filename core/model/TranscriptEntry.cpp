#include "TranscriptEntry.h"

#include <array>

namespace switchboard {

namespace {

constexpr std::array<std::pair<TranscriptEntry::Kind, QStringView>, 6> Names{{
    {TranscriptEntry::Kind::System, u"system"},
    {TranscriptEntry::Kind::User, u"user"},
    {TranscriptEntry::Kind::Assistant, u"assistant"},
    {TranscriptEntry::Kind::ToolCall, u"tool_call"},
    {TranscriptEntry::Kind::ToolResult, u"tool_result"},
    {TranscriptEntry::Kind::Error, u"error"},
}};

} // namespace

QString transcriptKindName(TranscriptEntry::Kind kind)
{
    for (const auto &[value, name] : Names) {
        if (value == kind)
            return name.toString();
    }
    return QStringLiteral("user");
}

TranscriptEntry::Kind transcriptKindFromName(QStringView name, bool *ok)
{
    for (const auto &[value, text] : Names) {
        if (text == name) {
            if (ok)
                *ok = true;
            return value;
        }
    }
    if (ok)
        *ok = false;
    return TranscriptEntry::Kind::User;
}

} // namespace switchboard
