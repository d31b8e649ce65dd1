#include "JsonText.h"

#include <QLocale>

#include <cmath>

namespace switchboard::llm::json {

namespace {

// Collects bytes in a stack buffer and hands them to the QByteArray in blocks: one append per 256 bytes
// instead of one per character, and the array still grows geometrically.
class Sink
{
public:
    explicit Sink(QByteArray &out)
        : m_out(out)
    {}
    ~Sink() { flush(); }
    Sink(const Sink &) = delete;
    Sink &operator=(const Sink &) = delete;

    void put(char c)
    {
        if (m_used == sizeof m_buffer)
            flush();
        m_buffer[m_used++] = c;
    }
    void put(const char *text, int size)
    {
        for (int i = 0; i < size; ++i)
            put(text[i]);
    }
    void flush()
    {
        m_out.append(m_buffer, m_used);
        m_used = 0;
    }

private:
    QByteArray &m_out;
    char m_buffer[256];
    int m_used = 0;
};

void putUtf8(Sink &sink, char32_t code)
{
    if (code < 0x800) {
        sink.put(char(0xc0 | (code >> 6)));
        sink.put(char(0x80 | (code & 0x3f)));
    } else if (code < 0x10000) {
        sink.put(char(0xe0 | (code >> 12)));
        sink.put(char(0x80 | ((code >> 6) & 0x3f)));
        sink.put(char(0x80 | (code & 0x3f)));
    } else {
        sink.put(char(0xf0 | (code >> 18)));
        sink.put(char(0x80 | ((code >> 12) & 0x3f)));
        sink.put(char(0x80 | ((code >> 6) & 0x3f)));
        sink.put(char(0x80 | (code & 0x3f)));
    }
}

// The letter of a control character's two-character escape (\n, \r, \t, \b, \f); 0 for the others.
char shortEscape(char16_t unit)
{
    switch (unit) {
    case u'\n':
        return 'n';
    case u'\r':
        return 'r';
    case u'\t':
        return 't';
    case u'\b':
        return 'b';
    case u'\f':
        return 'f';
    default:
        return 0;
    }
}

} // namespace

void appendString(QByteArray &out, QStringView text)
{
    static constexpr char hex[] = "0123456789abcdef";
    Sink sink(out);
    sink.put('"');
    const char16_t *p = text.utf16();
    const char16_t *const end = p + text.size();
    while (p < end) {
        const char16_t unit = *p++;
        if (unit >= 0x20 && unit < 0x80) {
            if (unit == u'"' || unit == u'\\')
                sink.put('\\');
            sink.put(char(unit));
            continue;
        }
        if (const char letter = shortEscape(unit)) {
            const char escaped[] = {'\\', letter};
            sink.put(escaped, 2);
            continue;
        }
        if (unit < 0x20) {
            const char escaped[] = {'\\', 'u', '0', '0', hex[unit >> 4], hex[unit & 0xf]};
            sink.put(escaped, 6);
        } else if (QChar::isHighSurrogate(unit) && p < end && QChar::isLowSurrogate(*p)) {
            putUtf8(sink, QChar::surrogateToUcs4(unit, *p++));
        } else if (QChar::isSurrogate(unit)) {
            putUtf8(sink, 0xfffd);
        } else {
            putUtf8(sink, unit);
        }
    }
    sink.put('"');
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

} // namespace switchboard::llm::json
