#include "InputLimits.h"

namespace switchboard {

namespace {

bool isIdPunctuation(QChar c)
{
    return c == u'-' || c == u'_' || c == u'.' || c == u':' || c == u'@' || c == u'+';
}

QString describeCharacter(QChar c)
{
    if (c.unicode() == 0)
        return QStringLiteral("a NUL byte");
    if (c.isSpace())
        return c == u' '
                   ? QStringLiteral("a space")
                   : QStringLiteral("white space (U+%1)").arg(static_cast<uint>(c.unicode()), 4, 16, QLatin1Char('0'));
    if (!c.isPrint() || c.isSurrogate())
        return QStringLiteral("U+%1").arg(static_cast<uint>(c.unicode()), 4, 16, QLatin1Char('0'));
    return u'\'' + QString(c) + u'\'';
}

} // namespace

QString InputLimits::idCharacterSet()
{
    return QStringLiteral("letters, digits and - _ . : @ + (starting with a letter, a digit or _)");
}

std::optional<InputLimits::Problem> InputLimits::checkId(const QString &id)
{
    if (id.isEmpty())
        return Problem{QStringLiteral("the id is empty"), -1};
    if (id.size() > kMaxIdLength) {
        return Problem{
            QStringLiteral("the id is %1 characters long; at most %2 are allowed").arg(id.size()).arg(kMaxIdLength),
            -1};
    }
    for (qsizetype i = 0; i < id.size(); ++i) {
        const QChar c = id.at(i);
        char32_t code = c.unicode();
        const bool pair = c.isHighSurrogate() && i + 1 < id.size() && id.at(i + 1).isLowSurrogate();
        if (pair)
            code = QChar::surrogateToUcs4(c, id.at(i + 1)); // a letter outside the BMP is one character
        const bool allowed = QChar::isLetterOrNumber(code) || code == U'_' || (i > 0 && isIdPunctuation(c));
        if (!allowed) {
            return Problem{QStringLiteral("character %1 (%2) is not allowed in an id; ids use %3")
                               .arg(i + 1)
                               .arg(describeCharacter(c), idCharacterSet()),
                           i};
        }
        if (pair)
            ++i;
    }
    return std::nullopt;
}

std::optional<InputLimits::Problem> InputLimits::checkTitle(const QString &title)
{
    if (title.size() > kMaxTitleLength) {
        return Problem{QStringLiteral("the title is %1 characters long; at most %2 are allowed")
                           .arg(title.size())
                           .arg(kMaxTitleLength),
                       kMaxTitleLength};
    }
    return std::nullopt;
}

std::optional<InputLimits::Problem> InputLimits::checkDescription(const QString &description)
{
    if (description.size() > kMaxDescriptionLength) {
        return Problem{QStringLiteral("the description is %1 characters long; at most %2 are allowed")
                           .arg(description.size())
                           .arg(kMaxDescriptionLength),
                       kMaxDescriptionLength};
    }
    return std::nullopt;
}

QString InputLimits::shortQuote(const QString &text, qsizetype maxChars)
{
    QString out;
    const QStringView shown = QStringView(text).left(maxChars);
    out.reserve(shown.size() + 2);
    out += u'\'';
    for (const QChar c : shown) {
        if (c.unicode() == 0)
            out += u"\\0";
        else if (c == u'\n')
            out += u"\\n";
        else if (c == u'\t')
            out += u"\\t";
        else if (c.category() == QChar::Other_Control)
            out += QStringLiteral("\\u%1").arg(static_cast<uint>(c.unicode()), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    if (text.size() > maxChars)
        out += u'…';
    out += u'\'';
    return out;
}

QString InputLimits::cutToBytes(const QString &text, qsizetype maxBytes)
{
    // Most values are far below the bound: count before converting.
    if (text.size() * 3 <= maxBytes)
        return text;
    const QByteArray utf8 = text.toUtf8();
    if (utf8.size() <= maxBytes)
        return text;
    qsizetype end = maxBytes;
    while (end > 0 && (static_cast<unsigned char>(utf8.at(end)) & 0xC0) == 0x80)
        --end; // not in the middle of a character
    return QString::fromUtf8(utf8.left(end)) + QStringLiteral("… [cut %1 bytes]").arg(utf8.size() - end);
}

} // namespace switchboard
