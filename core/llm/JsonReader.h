#pragma once

#include <QByteArrayView>
#include <QString>

namespace switchboard::llm::json {

// A strict, forward-only reader of JSON text for a reply's fast path: it walks the text in place and decodes
// only the strings asked for, where QJsonDocument::fromJson builds the whole document first (callgrind, w3:
// ~52 k of a call's ~345 k instructions for a 300-byte reply). It accepts exactly RFC 8259 JSON (UTF-8
// checked, no trailing commas, no comments, a depth limit); anything it does not accept makes it fail, and
// the caller then parses the same text with QJsonDocument, which gives the error message users see.
//
// Usage: a value is read with one of the read/skip calls; an object with enterObject() and then
// nextMember() until it returns false; an array with enterArray() and nextElement(). Once a call fails,
// ok() stays false and every later call fails too.
class Reader final
{
public:
    explicit Reader(QByteArrayView text);

    bool ok() const { return m_ok; }
    // The next value's first character ('{', '[', '"', 't', 'f', 'n', '-' or a digit); 0 at the end.
    char peek();

    bool enterObject();
    // Reads the next member's key (unescaped keys only: a key with a backslash fails) and its colon; false at
    // the object's end (consumed) or on an error. first is true before the first member and cleared here.
    bool nextMember(bool &first, QByteArrayView *key);
    bool enterArray();
    // True when an element follows (the reader is at it); false at the array's end (consumed) or on an error.
    bool nextElement(bool &first);

    bool readString(QString *out);
    // An integer literal (no fraction, no exponent) that fits in 64 bits.
    bool readInteger(qint64 *out);
    bool readNull();
    bool skipValue();
    // True when nothing but whitespace is left.
    bool atEnd();

private:
    bool fail();
    void skipSpace();
    bool expect(char c);
    bool skipValue(int depth);
    bool scanString(QByteArrayView *raw, bool *escaped);
    bool scanNumber(bool *integer);

    const char *m_p;
    const char *m_end;
    bool m_ok = true;
};

} // namespace switchboard::llm::json
