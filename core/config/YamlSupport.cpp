#include "YamlSupport.h"

#include <QHash>
#include <QVariantList>
#include <QVariantMap>

#include <algorithm>
#include <limits>
#include <utility>
#include <vector>

namespace switchboard::yaml {

namespace {

bool isPlain(const YAML::Node &node)
{
    return node.Tag() == "?";
}

} // namespace

QString Location::toString() const
{
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

Location locationOf(const YAML::Node &node)
{
    if (!node.IsDefined())
        return {};
    const YAML::Mark mark = node.Mark();
    if (mark.is_null())
        return {};
    return {mark.line + 1, mark.column + 1};
}

QString scalarText(const YAML::Node &node)
{
    return QString::fromStdString(node.Scalar());
}

bool isNull(const YAML::Node &node)
{
    return !node.IsDefined() || node.IsNull();
}

QString peekScalar(const YAML::Node &node, const char *key)
{
    if (!node.IsMap())
        return {};
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (it->first.IsScalar() && it->first.Scalar() == key && it->second.IsScalar())
            return scalarText(it->second).trimmed();
    }
    return {};
}

QString describe(const YAML::Node &node)
{
    if (isNull(node))
        return QStringLiteral("nothing");
    if (node.IsSequence())
        return QStringLiteral("a list");
    if (node.IsMap())
        return QStringLiteral("a mapping");
    QString text = scalarText(node);
    if (text.size() > 60) // a whole paragraph where a number belongs: the start is enough to recognise it
        text = text.left(57) + u"...";
    return u'\'' + text + u'\'';
}

int editDistance(const QString &a, const QString &b)
{
    const QString x = a.toLower();
    const QString y = b.toLower();
    std::vector<int> previous(static_cast<size_t>(y.size()) + 1);
    std::vector<int> current(previous.size());
    for (size_t j = 0; j < previous.size(); ++j)
        previous[j] = static_cast<int>(j);
    for (qsizetype i = 1; i <= x.size(); ++i) {
        current[0] = static_cast<int>(i);
        for (qsizetype j = 1; j <= y.size(); ++j) {
            const int substitution = previous[static_cast<size_t>(j - 1)] + (x.at(i - 1) == y.at(j - 1) ? 0 : 1);
            current[static_cast<size_t>(j)] =
                std::min({previous[static_cast<size_t>(j)] + 1, current[static_cast<size_t>(j - 1)] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous.back();
}

QString suggestion(const QString &word, const QStringList &candidates)
{
    QString best;
    int bestDistance = 3;
    for (const QString &candidate : candidates) {
        const int distance = editDistance(word, candidate);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

// ---------------------------------------------------------------------------------------------------------------

Document::Document(QString fileName)
    : m_fileName(std::move(fileName))
{}

YAML::Node Document::parse(const QByteArray &text)
{
    try {
        return YAML::Load(text.toStdString());
    } catch (const YAML::Exception &e) {
        Location where;
        if (!e.mark.is_null())
            where = {e.mark.line + 1, e.mark.column + 1};
        fail(where, QStringLiteral("syntax error: %1").arg(QString::fromStdString(e.msg)));
    }
}

ConfigError Document::errorAt(const Location &where, const QString &message) const
{
    return ConfigError{m_fileName, where.line, where.line > 0 ? where.column : 0, message};
}

void Document::fail(const Location &where, const QString &message) const
{
    throw LoadFailure(errorAt(where, message));
}

void Document::fail(const YAML::Node &node, const QString &message) const
{
    fail(locationOf(node), message);
}

void Document::warn(const Location &where, const QString &message)
{
    m_warnings.append(errorAt(where, message));
}

QList<ConfigError> Document::takeWarnings()
{
    // Sections are read in a fixed order, not file order; a person reads the list top to bottom.
    std::stable_sort(m_warnings.begin(), m_warnings.end(), [](const ConfigError &a, const ConfigError &b) {
        return std::pair(a.line, a.column) < std::pair(b.line, b.column);
    });
    return std::exchange(m_warnings, {});
}

// ---------------------------------------------------------------------------------------------------------------

Map::Map(Document &doc, const YAML::Node &node, QString label, QString keyPrefix, const QStringList &knownKeys)
    : m_doc(&doc)
    , m_node(node)
    , m_label(std::move(label))
    , m_keyPrefix(std::move(keyPrefix))
{
    const QString prefix = m_label.isEmpty() ? QString() : m_label + u": ";
    if (isNull(node))
        return; // "section:" with nothing under it reads as an empty mapping
    if (!node.IsMap()) {
        doc.fail(node, m_label.isEmpty()
                           ? QStringLiteral("expected a mapping at the top level, got %1").arg(describe(node))
                           : QStringLiteral("%1expected a mapping, got %2").arg(prefix, describe(node)));
    }
    for (auto it = node.begin(); it != node.end(); ++it) {
        const YAML::Node &keyNode = it->first;
        if (!keyNode.IsScalar())
            doc.fail(keyNode, QStringLiteral("%1keys must be plain names, got %2").arg(prefix, describe(keyNode)));
        const QString key = scalarText(keyNode);
        for (const Entry &entry : std::as_const(m_entries)) {
            if (entry.key == key) {
                doc.fail(keyNode, QStringLiteral("%1duplicate key '%2' (first at %3)")
                                      .arg(prefix, key, locationOf(entry.keyNode).toString()));
            }
        }
        m_entries.append(Entry{key, keyNode, it->second});
        if (!knownKeys.isEmpty() && !knownKeys.contains(key)) {
            const QString guess = suggestion(key, knownKeys);
            doc.warn(locationOf(keyNode),
                     guess.isEmpty()
                         ? QStringLiteral("%1unknown key '%2' ignored").arg(prefix, key)
                         : QStringLiteral("%1unknown key '%2' ignored (did you mean '%3'?)").arg(prefix, key, guess));
        }
    }
}

const Map::Entry *Map::find(const char *key) const
{
    for (const Entry &entry : m_entries) {
        if (entry.key == QLatin1String(key))
            return &entry;
    }
    return nullptr;
}

bool Map::has(const char *key) const
{
    const Entry *entry = find(key);
    return entry && !isNull(entry->valueNode);
}

YAML::Node Map::value(const char *key) const
{
    const Entry *entry = find(key);
    return entry ? entry->valueNode : YAML::Node(YAML::NodeType::Undefined);
}

Location Map::keyLocation(const char *key) const
{
    const Entry *entry = find(key);
    return entry ? locationOf(entry->keyNode) : location();
}

Location Map::valueLocation(const char *key) const
{
    const Entry *entry = find(key);
    if (!entry)
        return location();
    // An empty value's mark is the next token's position, which may be lines away.
    if (isNull(entry->valueNode) && entry->valueNode.Tag().empty())
        return locationOf(entry->keyNode);
    return locationOf(entry->valueNode);
}

void Map::failAt(const char *key, const QString &message) const
{
    m_doc->fail(valueLocation(key), message);
}

void Map::typeError(const char *key, const QString &expected) const
{
    failAt(key, QStringLiteral("%1: expected %2, got %3").arg(fieldName(key), expected, describe(value(key))));
}

QString Map::string(const char *key, const QString &fallback) const
{
    if (!has(key))
        return fallback;
    const YAML::Node node = value(key);
    if (!node.IsScalar())
        typeError(key, QStringLiteral("a string"));
    return scalarText(node);
}

QString Map::requiredString(const char *key) const
{
    const QString text = string(key);
    if (text.trimmed().isEmpty()) {
        if (find(key))
            failAt(key, QStringLiteral("%1: must not be empty").arg(fieldName(key)));
        const QString where = m_label.isEmpty() ? QString() : m_label + u": ";
        m_doc->fail(location(), QStringLiteral("%1missing required key '%2'").arg(where, QString::fromLatin1(key)));
    }
    return text;
}

int Map::integer(const char *key, int fallback) const
{
    if (!has(key))
        return fallback;
    const YAML::Node node = value(key);
    bool ok = false;
    const int result = node.IsScalar() ? scalarText(node).trimmed().toInt(&ok, 10) : 0;
    if (!ok)
        typeError(key, QStringLiteral("an integer"));
    return result;
}

double Map::number(const char *key, double fallback) const
{
    if (!has(key))
        return fallback;
    const YAML::Node node = value(key);
    bool ok = false;
    const double result = node.IsScalar() ? scalarText(node).trimmed().toDouble(&ok) : 0.0;
    if (!ok)
        typeError(key, QStringLiteral("a number"));
    return result;
}

bool Map::boolean(const char *key, bool fallback) const
{
    if (!has(key))
        return fallback;
    const YAML::Node node = value(key);
    const QString text = node.IsScalar() ? scalarText(node).trimmed().toLower() : QString();
    if (text == u"true" || text == u"yes" || text == u"on")
        return true;
    if (text == u"false" || text == u"no" || text == u"off")
        return false;
    typeError(key, QStringLiteral("true or false"));
}

QList<std::pair<QString, Location>> Map::locatedStringList(const char *key) const
{
    QList<std::pair<QString, Location>> result;
    if (!has(key))
        return result;
    const YAML::Node node = value(key);
    if (node.IsScalar()) {
        result.append({scalarText(node), locationOf(node)});
        return result;
    }
    if (!node.IsSequence())
        typeError(key, QStringLiteral("a string or a list of strings"));
    int index = 0;
    for (const YAML::Node &item : node) {
        if (!item.IsScalar()) {
            m_doc->fail(
                isNull(item) ? locationOf(node) : locationOf(item),
                QStringLiteral("%1[%2]: expected a string, got %3").arg(fieldName(key)).arg(index).arg(describe(item)));
        }
        result.append({scalarText(item), locationOf(item)});
        ++index;
    }
    return result;
}

QStringList Map::stringList(const char *key) const
{
    QStringList result;
    for (const auto &[text, where] : locatedStringList(key))
        result.append(text);
    return result;
}

Map Map::map(const char *key, QString label, QString keyPrefix, const QStringList &knownKeys) const
{
    const YAML::Node node = value(key);
    if (!isNull(node) && !node.IsMap())
        typeError(key, QStringLiteral("a mapping"));
    return Map(*m_doc, node, std::move(label), std::move(keyPrefix), knownKeys);
}

QList<YAML::Node> Map::sequence(const char *key) const
{
    QList<YAML::Node> items;
    if (!has(key))
        return items;
    const YAML::Node node = value(key);
    if (!node.IsSequence())
        typeError(key, QStringLiteral("a list"));
    for (const YAML::Node &item : node)
        items.append(item);
    return items;
}

// ---------------------------------------------------------------------------------------------------------------

QVariant toVariant(const YAML::Node &node)
{
    if (isNull(node))
        return {};
    if (node.IsSequence()) {
        QVariantList list;
        for (const YAML::Node &item : node)
            list.append(toVariant(item));
        return list;
    }
    if (node.IsMap()) {
        QVariantMap map;
        for (auto it = node.begin(); it != node.end(); ++it)
            map.insert(scalarText(it->first), toVariant(it->second));
        return map;
    }
    const QString text = scalarText(node);
    if (!isPlain(node))
        return text; // quoted: the author wants a string
    const QString lower = text.toLower();
    // QVariant("no").toBool() is true, so the YAML 1.1 words a person may write are read as booleans here.
    if (lower == u"true" || lower == u"yes" || lower == u"on")
        return true;
    if (lower == u"false" || lower == u"no" || lower == u"off")
        return false;
    bool ok = false;
    const qlonglong integer = text.toLongLong(&ok, 10);
    if (ok) {
        if (integer >= std::numeric_limits<int>::min() && integer <= std::numeric_limits<int>::max())
            return static_cast<int>(integer);
        return integer;
    }
    const double real = text.toDouble(&ok);
    if (ok)
        return real;
    return text;
}

} // namespace switchboard::yaml
