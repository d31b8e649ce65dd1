#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

namespace switchboard {

// Bounds on the values a person or a file hands Switchboard (goal ids, titles, descriptions, YAML files),
// checked where they come in, so no value can stall or crash a run later (an id too long for execve, a YAML
// alias bomb). Listed in the README's "Limits on input".
class InputLimits final
{
public:
    InputLimits() = delete;

    // Characters of a goal id.
    static constexpr qsizetype kMaxIdLength = 128;
    // Characters of a goal title (it is shown on a card and passed in SWITCHBOARD_GOAL_TITLE).
    static constexpr qsizetype kMaxTitleLength = 500;
    // Characters of a goal description (a pasted spec fits; a runaway generator does not).
    static constexpr qsizetype kMaxDescriptionLength = 256 * 1024;

    // A YAML file may expand (through aliases) to at most kYamlExpansionFactor times its size plus
    // kYamlExpansionAllowance, counted as scalar bytes plus one per node: an anchor reused a few times fits,
    // a "billion laughs" alias bomb fails before anything is built from it.
    static constexpr qint64 kYamlExpansionFactor = 4;
    static constexpr qint64 kYamlExpansionAllowance = 256 * 1024;

    // UTF-8 bytes of one SWITCHBOARD_GOAL_* variable or one {goal.*} placeholder given to a process; longer
    // values are cut with a marker. Linux refuses a single argument or variable over 128 KiB (E2BIG), and the
    // whole of them over a fraction of the stack limit; the full goal is on the program's stdin.
    static constexpr qsizetype kMaxProcessValueBytes = 16 * 1024;

    // A problem with one value: what is wrong, and at which character (0-based; -1 = the value as a whole).
    struct Problem
    {
        QString message;
        qsizetype position = -1;
    };

    // The id's problem, if any: empty, longer than kMaxIdLength, or a character outside the id set (letters
    // and digits of any script, and - _ . : @ +; the first one a letter, a digit or _). The message names
    // the character and its 1-based position: "character 4 ('\"') is not allowed in an id".
    static std::optional<Problem> checkId(const QString &id);
    static std::optional<Problem> checkTitle(const QString &title);
    static std::optional<Problem> checkDescription(const QString &description);
    // The characters an id may have, for messages and tooltips.
    static QString idCharacterSet();

    // text as a short, printable quote for a message: control characters escaped (a NUL shows as \0), cut to
    // maxChars with an ellipsis.
    static QString shortQuote(const QString &text, qsizetype maxChars = 40);
    // text cut to maxBytes of UTF-8 (never half a character) with "… [cut N bytes]".
    static QString cutToBytes(const QString &text, qsizetype maxBytes = kMaxProcessValueBytes);
};

} // namespace switchboard
