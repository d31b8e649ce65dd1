#include "JsonText.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <array>
#include <cmath>
#include <cstring>

namespace switchboard::llm::json {

namespace {

// The bytes of code in UTF-8 at d; returns the end.
char *putUtf8(char *d, char32_t code)
{
    if (code < 0x800) {
        *d++ = char(0xc0 | (code >> 6));
        *d++ = char(0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
        *d++ = char(0xe0 | (code >> 12));
        *d++ = char(0x80 | ((code >> 6) & 0x3f));
        *d++ = char(0x80 | (code & 0x3f));
    } else {
        *d++ = char(0xf0 | (code >> 18));
        *d++ = char(0x80 | ((code >> 12) & 0x3f));
        *d++ = char(0x80 | ((code >> 6) & 0x3f));
        *d++ = char(0x80 | (code & 0x3f));
    }
    return d;
}

// For each ASCII code: 0 = written as it is; a letter = its two-character escape (\n, \", ...); 'u' = \u00XX.
constexpr std::array<char, 128> escapes()
{
    std::array<char, 128> table{};
    for (int c = 0; c < 0x20; ++c)
        table[c] = 'u';
    table['\n'] = 'n';
    table['\r'] = 'r';
    table['\t'] = 't';
    table['\b'] = 'b';
    table['\f'] = 'f';
    table['"'] = '"';
    table['\\'] = '\\';
    return table;
}
constexpr std::array<char, 128> kEscapes = escapes();

} // namespace

// Written straight into the array's own buffer, grown once to the worst case (six bytes a unit: \u001f)
// and cut back to what was written: a request's text is mostly plain ASCII, and a byte per unit with one
// table look-up halves the cost of putting each byte through a bounds-checked buffer (callgrind, w3: ~30 k
// instructions per call before).
void appendString(QByteArray &out, QStringView text)
{
    static constexpr char hex[] = "0123456789abcdef";
    const qsizetype start = out.size();
    const qsizetype worst = start + 6 * text.size() + 2;
    if (out.capacity() < worst)
        out.reserve(qMax(worst, 2 * out.capacity())); // geometric: a body is many strings appended in turn
    out.resize(worst);
    char *const begin = out.data();
    char *d = begin + start;
    *d++ = '"';
    const char16_t *p = text.utf16();
    const char16_t *const end = p + text.size();
    while (p < end) {
        const char16_t unit = *p++;
        if (unit < 0x80) {
            const char escape = kEscapes[unit];
            if (escape == 0) {
                *d++ = char(unit);
            } else if (escape != 'u') {
                *d++ = '\\';
                *d++ = escape;
            } else {
                const char escaped[] = {'\\', 'u', '0', '0', hex[unit >> 4], hex[unit & 0xf]};
                std::memcpy(d, escaped, sizeof escaped);
                d += sizeof escaped;
            }
        } else if (QChar::isHighSurrogate(unit) && p < end && QChar::isLowSurrogate(*p)) {
            d = putUtf8(d, QChar::surrogateToUcs4(unit, *p++));
        } else if (QChar::isSurrogate(unit)) {
            d = putUtf8(d, 0xfffd);
        } else {
            d = putUtf8(d, unit);
        }
    }
    *d++ = '"';
    out.resize(d - begin);
}

void appendNumber(QByteArray &out, double value)
{
    if (!std::isfinite(value)) {
        out += "null"; // JSON has no NaN or infinity; QJsonDocument writes null too
        return;
    }
    if (value == std::floor(value) && std::abs(value) < 1e15) {
        out += QByteArray::number(qint64(value));
        return;
    }
    out += QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
}

void appendValue(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        break;
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double: {
        const qint64 integer = value.toInteger(); // 0 for a fraction; an integral one stays exact past 2^53
        if (double(integer) == value.toDouble())
            out += QByteArray::number(integer);
        else
            appendNumber(out, value.toDouble());
        break;
    }
    case QJsonValue::String:
        appendString(out, value.toString());
        break;
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        out += '[';
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i > 0)
                out += ',';
            appendValue(out, array.at(i));
        }
        out += ']';
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        out += '{';
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (it != object.constBegin())
                out += ',';
            appendString(out, it.key());
            out += ':';
            appendValue(out, it.value());
        }
        out += '}';
        break;
    }
    }
}

} // namespace switchboard::llm::json
