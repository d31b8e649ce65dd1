#include "JsonReader.h"

#include <limits>

namespace switchboard::llm::json {

namespace {

constexpr int kMaxDepth = 512; // deeper text fails here and goes to QJsonDocument (its own limit is 1024)

bool isContinuation(unsigned char c)
{
    return (c & 0xc0) == 0x80;
}

// The length of the valid UTF-8 sequence at p (RFC 3629: no overlong forms, no surrogates, at most U+10FFFF),
// 0 when it is not one.
int utf8Length(const unsigned char *p, const unsigned char *end)
{
    const unsigned char c = p[0];
    const qsizetype left = end - p;
    if (c >= 0xc2 && c <= 0xdf)
        return left >= 2 && isContinuation(p[1]) ? 2 : 0;
    if (c >= 0xe0 && c <= 0xef) {
        if (left < 3 || !isContinuation(p[1]) || !isContinuation(p[2]))
            return 0;
        if ((c == 0xe0 && p[1] < 0xa0) || (c == 0xed && p[1] > 0x9f))
            return 0;
        return 3;
    }
    if (c >= 0xf0 && c <= 0xf4) {
        if (left < 4 || !isContinuation(p[1]) || !isContinuation(p[2]) || !isContinuation(p[3]))
            return 0;
        if ((c == 0xf0 && p[1] < 0x90) || (c == 0xf4 && p[1] > 0x8f))
            return 0;
        return 4;
    }
    return 0;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

Reader::Reader(QByteArrayView text)
    : m_p(text.data())
    , m_end(text.data() + text.size())
{}

bool Reader::fail()
{
    m_ok = false;
    m_p = m_end;
    return false;
}

void Reader::skipSpace()
{
    while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
        ++m_p;
}

bool Reader::expect(char c)
{
    skipSpace();
    if (!m_ok || m_p >= m_end || *m_p != c)
        return fail();
    ++m_p;
    return true;
}

char Reader::peek()
{
    skipSpace();
    return m_ok && m_p < m_end ? *m_p : 0;
}

bool Reader::atEnd()
{
    skipSpace();
    return m_ok && m_p == m_end;
}

bool Reader::enterObject()
{
    return expect('{');
}

bool Reader::nextMember(bool &first, QByteArrayView *key)
{
    if (!m_ok)
        return false;
    const char c = peek();
    if (c == '}') {
        ++m_p;
        return false;
    }
    if (!first && !expect(','))
        return false;
    first = false;
    bool escaped = false;
    if (peek() != '"' || !scanString(key, &escaped) || escaped)
        return fail();
    return expect(':');
}

bool Reader::enterArray()
{
    return expect('[');
}

bool Reader::nextElement(bool &first)
{
    if (!m_ok)
        return false;
    if (peek() == ']') {
        ++m_p;
        return false;
    }
    if (!first && !expect(','))
        return false;
    first = false;
    return peek() != 0 || fail();
}

// The string's bytes between its quotes, checked; escaped says whether it has a backslash in it.
bool Reader::scanString(QByteArrayView *raw, bool *escaped)
{
    if (!expect('"'))
        return false;
    const char *const start = m_p;
    *escaped = false;
    while (m_p < m_end) {
        const auto c = static_cast<unsigned char>(*m_p);
        if (c == '"') {
            *raw = QByteArrayView(start, m_p - start);
            ++m_p;
            return true;
        }
        if (c < 0x20)
            return fail();
        if (c == '\\') {
            *escaped = true;
            if (m_end - m_p < 2)
                return fail();
            const char e = m_p[1];
            if (e == 'u') {
                if (m_end - m_p < 6)
                    return fail();
                for (int i = 2; i < 6; ++i)
                    if (hexValue(m_p[i]) < 0)
                        return fail();
                m_p += 6;
                continue;
            }
            if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r' && e != 't')
                return fail();
            m_p += 2;
            continue;
        }
        if (c < 0x80) {
            ++m_p;
            continue;
        }
        const int length =
            utf8Length(reinterpret_cast<const unsigned char *>(m_p), reinterpret_cast<const unsigned char *>(m_end));
        if (length == 0)
            return fail();
        m_p += length;
    }
    return fail(); // no closing quote
}

bool Reader::readString(QString *out)
{
    QByteArrayView raw;
    bool escaped = false;
    if (peek() != '"' || !scanString(&raw, &escaped))
        return fail();
    if (!escaped) {
        *out = QString::fromUtf8(raw);
        return true;
    }
    QString text;
    text.reserve(raw.size());
    const char *p = raw.data();
    const char *const end = p + raw.size();
    while (p < end) {
        const char *run = p;
        while (p < end && *p != '\\')
            ++p;
        if (p > run)
            text += QString::fromUtf8(run, p - run);
        if (p == end)
            break;
        const char e = p[1];
        p += 2;
        switch (e) {
        case 'b':
            text += u'\b';
            break;
        case 'f':
            text += u'\f';
            break;
        case 'n':
            text += u'\n';
            break;
        case 'r':
            text += u'\r';
            break;
        case 't':
            text += u'\t';
            break;
        case 'u': {
            char16_t unit = 0;
            for (int i = 0; i < 4; ++i)
                unit = char16_t(unit * 16 + hexValue(p[i]));
            p += 4;
            if (QChar::isHighSurrogate(unit)) {
                // Only a whole pair is taken here; a lone half goes to QJsonDocument, whose handling is the rule.
                if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
                    return fail();
                char16_t low = 0;
                for (int i = 2; i < 6; ++i)
                    low = char16_t(low * 16 + hexValue(p[i]));
                if (!QChar::isLowSurrogate(low))
                    return fail();
                p += 6;
                text += QChar(unit);
                text += QChar(low);
            } else if (QChar::isSurrogate(unit)) {
                return fail();
            } else {
                text += QChar(unit);
            }
            break;
        }
        default: // '"', '\\', '/'
            text += QLatin1Char(e);
            break;
        }
    }
    *out = text;
    return true;
}

bool Reader::scanNumber(bool *integer)
{
    skipSpace();
    *integer = true;
    if (m_p < m_end && *m_p == '-')
        ++m_p;
    if (m_p >= m_end || !isDigit(*m_p))
        return fail();
    if (*m_p == '0')
        ++m_p;
    else
        while (m_p < m_end && isDigit(*m_p))
            ++m_p;
    if (m_p < m_end && *m_p == '.') {
        *integer = false;
        ++m_p;
        if (m_p >= m_end || !isDigit(*m_p))
            return fail();
        while (m_p < m_end && isDigit(*m_p))
            ++m_p;
    }
    if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
        *integer = false;
        ++m_p;
        if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
            ++m_p;
        if (m_p >= m_end || !isDigit(*m_p))
            return fail();
        while (m_p < m_end && isDigit(*m_p))
            ++m_p;
    }
    return true;
}

bool Reader::readInteger(qint64 *out)
{
    skipSpace();
    const char *const start = m_p;
    bool integer = false;
    if (!scanNumber(&integer) || !integer)
        return fail();
    const bool negative = *start == '-';
    // Exact in a double too (2^53), which is how QJsonValue may hold a larger one: larger ones go to it.
    constexpr qint64 limit = qint64(1) << 53;
    qint64 value = 0;
    for (const char *p = start + (negative ? 1 : 0); p < m_p; ++p) {
        value = value * 10 + (*p - '0');
        if (value > limit)
            return fail();
    }
    *out = negative ? -value : value;
    return true;
}

bool Reader::readNull()
{
    skipSpace();
    if (m_end - m_p < 4 || QByteArrayView(m_p, 4) != "null")
        return fail();
    m_p += 4;
    return true;
}

bool Reader::skipValue()
{
    return skipValue(0);
}

bool Reader::skipValue(int depth)
{
    if (depth > kMaxDepth)
        return fail();
    switch (peek()) {
    case '{': {
        enterObject();
        bool first = true;
        QByteArrayView key;
        while (nextMember(first, &key))
            if (!skipValue(depth + 1))
                return false;
        return m_ok;
    }
    case '[': {
        enterArray();
        bool first = true;
        while (nextElement(first))
            if (!skipValue(depth + 1))
                return false;
        return m_ok;
    }
    case '"': {
        QByteArrayView raw;
        bool escaped = false;
        return scanString(&raw, &escaped);
    }
    case 't':
        if (m_end - m_p >= 4 && QByteArrayView(m_p, 4) == "true") {
            m_p += 4;
            return true;
        }
        return fail();
    case 'f':
        if (m_end - m_p >= 5 && QByteArrayView(m_p, 5) == "false") {
            m_p += 5;
            return true;
        }
        return fail();
    case 'n':
        return readNull();
    default: {
        bool integer = false;
        return scanNumber(&integer);
    }
    }
}

} // namespace switchboard::llm::json
