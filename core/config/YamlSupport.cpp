#include "YamlSupport.h"

#include "model/InputLimits.h"

#include <QHash>
#include <QVariantList>
#include <QVariantMap>

#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <limits>
#include <sstream>
#include <utility>
#include <vector>

namespace switchboard::yaml {

namespace {

bool isPlain(const YAML::Node &node)
{
    return node.Tag() == "?";
}

Location locationOf(const YAML::Mark &mark)
{
    return mark.is_null() ? Location{} : Location{mark.line + 1, mark.column + 1};
}

// Reads the event stream once before the node tree is used, counting the document as it would be with every
// alias expanded: scalar bytes plus one per node. yaml-cpp itself shares an aliased node, so the blow-up of
// an alias bomb happens later, in whatever walks the tree (toVariant, string lists); counting here bounds
// every such walk at once, without allocating. Also refuses a second document and an alias inside the node
// it names (yaml-cpp would build a cycle, and walking it would never end).
class ExpansionCounter final : public YAML::EventHandler
{
public:
    ExpansionCounter(const Document &doc, qint64 budget)
        : m_doc(doc)
        , m_budget(budget)
    {}

    void OnDocumentStart(const YAML::Mark &mark) override
    {
        if (++m_documents > 1) {
            m_doc.fail(locationOf(mark),
                       QStringLiteral("a second YAML document starts here; a Switchboard file holds one document "
                                      "(remove the '---' line, or put the second document in a file of its own)"));
        }
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override { leaf(mark, anchor, 0); }
    void OnScalar(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor, const std::string &value) override
    {
        leaf(mark, anchor, static_cast<qint64>(value.size()));
    }
    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        const qint64 size = m_sizes.value(anchor, -1);
        if (size < 0)
            m_doc.fail(locationOf(mark), QStringLiteral("this alias refers to a node that contains it"));
        add(mark, size);
    }
    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        open(mark, anchor);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override
    {
        open(mark, anchor);
    }
    void OnMapEnd() override { close(); }

private:
    struct Open
    {
        YAML::anchor_t anchor;
        qint64 size;
    };

    void add(const YAML::Mark &mark, qint64 size)
    {
        // Every size is at most the total, and the total stops at the first step over the budget: no overflow.
        m_total += size;
        if (!m_open.empty())
            m_open.back().size += size;
        if (m_total > m_budget) {
            m_doc.fail(locationOf(mark),
                       QStringLiteral("aliases expand the file beyond %1 bytes (%2 times its size plus %3 KiB); "
                                      "refused here, before anything is built from it")
                           .arg(m_budget)
                           .arg(InputLimits::kYamlExpansionFactor)
                           .arg(InputLimits::kYamlExpansionAllowance / 1024));
        }
    }
    void leaf(const YAML::Mark &mark, YAML::anchor_t anchor, qint64 bytes)
    {
        if (anchor != YAML::NullAnchor)
            m_sizes.insert(anchor, 1 + bytes);
        add(mark, 1 + bytes);
    }
    void open(const YAML::Mark &mark, YAML::anchor_t anchor)
    {
        add(mark, 1);
        m_open.push_back(Open{anchor, 1});
        if (anchor != YAML::NullAnchor)
            m_sizes.insert(anchor, -1); // open: an alias to it now would be a cycle
    }
    void close()
    {
        const Open done = m_open.back();
        m_open.pop_back();
        if (done.anchor != YAML::NullAnchor)
            m_sizes.insert(done.anchor, done.size);
        if (!m_open.empty())
            m_open.back().size += done.size; // the total has it already
    }

    const Document &m_doc;
    const qint64 m_budget;
    qint64 m_total = 0;
    int m_documents = 0;
    std::vector<Open> m_open;
    QHash<YAML::anchor_t, qint64> m_sizes;
};

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
    // A whole paragraph where a number belongs: the start is enough to recognise it.
    return InputLimits::shortQuote(scalarText(node), 60);
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
    // yaml-cpp reads a raw NUL as something else (an id "ab<NUL>cd" came out changed, or as a puzzling escape
    // error); YAML text may not hold one at all, so say where it is.
    if (const qsizetype nul = text.indexOf('\0'); nul >= 0) {
        const qsizetype lineStart = text.lastIndexOf('\n', nul) + 1;
        fail(Location{static_cast<int>(text.left(nul).count('\n')) + 1, static_cast<int>(nul - lineStart) + 1},
             QStringLiteral("a NUL byte; YAML text cannot hold one (write \\0 inside double quotes if it is meant)"));
    }
    try {
        const std::string source = text.toStdString();
        {
            std::istringstream stream(source);
            YAML::Parser parser(stream);
            ExpansionCounter counter(*this, expansionBudget(text.size()));
            while (parser.HandleNextDocument(counter)) {
            }
        }
        return YAML::Load(source);
    } catch (const YAML::Exception &e) {
        Location where;
        if (!e.mark.is_null())
            where = {e.mark.line + 1, e.mark.column + 1};
        fail(where, QStringLiteral("syntax error: %1").arg(QString::fromStdString(e.msg)));
    }
}

qint64 Document::expansionBudget(qint64 fileBytes)
{
    return InputLimits::kYamlExpansionFactor * fileBytes + InputLimits::kYamlExpansionAllowance;
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
    // A hash, not a scan of the entries: a mapping with 100,000 keys is read in linear time.
    QHash<QString, qsizetype> seen;
    for (auto it = node.begin(); it != node.end(); ++it) {
        const YAML::Node &keyNode = it->first;
        if (!keyNode.IsScalar())
            doc.fail(keyNode, QStringLiteral("%1keys must be plain names, got %2").arg(prefix, describe(keyNode)));
        const QString key = scalarText(keyNode);
        if (const auto first = seen.constFind(key); first != seen.constEnd()) {
            doc.fail(keyNode, QStringLiteral("%1duplicate key %2 (first at %3)")
                                  .arg(prefix, InputLimits::shortQuote(key, 60),
                                       locationOf(m_entries.at(*first).keyNode).toString()));
        }
        seen.insert(key, m_entries.size());
        m_entries.append(Entry{key, keyNode, it->second});
        if (!knownKeys.isEmpty() && !knownKeys.contains(key)) {
            const QString guess = suggestion(key, knownKeys);
            doc.warn(locationOf(keyNode),
                     guess.isEmpty()
                         ? QStringLiteral("%1unknown key %2 ignored").arg(prefix, InputLimits::shortQuote(key, 60))
                         : QStringLiteral("%1unknown key %2 ignored (did you mean '%3'?)")
                               .arg(prefix, InputLimits::shortQuote(key, 60), guess));
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
