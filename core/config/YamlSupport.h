#pragma once

// Private to core/config: the yaml-cpp plumbing shared by ConfigLoader and PlanLoader. Turns nodes into
// Qt values and every problem into a ConfigError that names file:line:column.

#include "ConfigError.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <yaml-cpp/yaml.h>

#include <exception>
#include <utility>

namespace switchboard::yaml {

// Thrown by Document::fail(); caught once at the loader's entry point.
class LoadFailure final : public std::exception
{
public:
    explicit LoadFailure(ConfigError error)
        : m_error(std::move(error))
    {}
    const ConfigError &error() const { return m_error; }
    const char *what() const noexcept override { return "switchboard config load failure"; }

private:
    ConfigError m_error;
};

// A 1-based position in the file; line 0 = unknown.
struct Location
{
    int line = 0;
    int column = 0;

    // "line 3, column 7"
    QString toString() const;
};

// Where a node starts. Empty values ("key:") carry the position of the next token, so callers that
// want to point at an empty value should point at its key instead (Map does that for you).
Location locationOf(const YAML::Node &node);

// "an integer", "a list", "'abc'": how an unexpected node is described in "expected X, got Y".
QString describe(const YAML::Node &node);
QString scalarText(const YAML::Node &node);
// A value written as "key:" or "key: ~" / "null".
bool isNull(const YAML::Node &node);

// The scalar under key in a mapping (trimmed), without the checks a Map does: names an item ("goal 'api'")
// before its keys are read, so even the first message about it can use the name.
QString peekScalar(const YAML::Node &node, const char *key);

// Levenshtein distance, case-insensitive; used for "did you mean" suggestions.
int editDistance(const QString &a, const QString &b);
// The closest candidate within distance 2, or an empty string.
QString suggestion(const QString &word, const QStringList &candidates);

// One parsed file: the root node plus the warnings collected while reading it.
class Document final
{
public:
    explicit Document(QString fileName);

    // Parses text; a syntax error becomes a LoadFailure with the parser's location, and so does a second
    // document or aliases that would expand the document beyond expansionBudget() (see InputLimits).
    YAML::Node parse(const QByteArray &text);
    // How large (scalar bytes plus one per node, aliases expanded) a file of fileBytes may become.
    static qint64 expansionBudget(qint64 fileBytes);

    const QString &fileName() const { return m_fileName; }
    ConfigError errorAt(const Location &where, const QString &message) const;
    [[noreturn]] void fail(const Location &where, const QString &message) const;
    [[noreturn]] void fail(const YAML::Node &node, const QString &message) const;
    void warn(const Location &where, const QString &message);
    // In file order.
    QList<ConfigError> takeWarnings();

private:
    QString m_fileName;
    QList<ConfigError> m_warnings;
};

// A mapping whose keys are checked against the keys the reader knows: unknown keys become warnings
// (with a suggestion), duplicate keys and non-mapping values become errors.
class Map final
{
public:
    // label names the mapping in messages ("workflow", "goal 'api'"); keyPrefix is put before a key
    // name in value errors ("workflow." gives "workflow.max_parallel: expected an integer, got 'abc'",
    // "goal 'api': " gives "goal 'api': priority: ..."). An empty label means the top level. Empty
    // knownKeys means free-form (profile settings): any key is accepted without a warning.
    Map(Document &doc, const YAML::Node &node, QString label, QString keyPrefix, const QStringList &knownKeys);

    const YAML::Node &node() const { return m_node; }
    Location location() const { return locationOf(m_node); }
    // Present and not null.
    bool has(const char *key) const;
    YAML::Node value(const char *key) const; // an undefined node when absent
    // Where to point for a problem with key's value: the value, or the key when the value is empty.
    Location valueLocation(const char *key) const;
    Location keyLocation(const char *key) const;
    QString fieldName(const char *key) const { return m_keyPrefix + QString::fromLatin1(key); }
    const QString &label() const { return m_label; }
    const Document &document() const { return *m_doc; }

    [[noreturn]] void failAt(const char *key, const QString &message) const;

    // Typed reads: absent or null keys give the fallback; anything of the wrong type fails.
    QString string(const char *key, const QString &fallback = {}) const;
    // Fails with "<label>: missing required key 'key'" when absent, null or blank.
    QString requiredString(const char *key) const;
    int integer(const char *key, int fallback) const;
    double number(const char *key, double fallback) const;
    bool boolean(const char *key, bool fallback) const;
    // A list of strings; a single scalar counts as a one-item list.
    QStringList stringList(const char *key) const;
    // Like stringList, with each item's location.
    QList<std::pair<QString, Location>> locatedStringList(const char *key) const;
    // A nested mapping, or fails naming the key.
    Map map(const char *key, QString label, QString keyPrefix, const QStringList &knownKeys) const;
    // A sequence of nodes, or fails naming the key.
    QList<YAML::Node> sequence(const char *key) const;

private:
    struct Entry
    {
        QString key;
        YAML::Node keyNode;
        YAML::Node valueNode;
    };

    const Entry *find(const char *key) const;
    [[noreturn]] void typeError(const char *key, const QString &expected) const;

    Document *m_doc;
    YAML::Node m_node;
    QString m_label;
    QString m_keyPrefix;
    QList<Entry> m_entries;
};

// Free-form values (profile settings): plain scalars become bool/int/double/null where they look like
// one, quoted scalars stay strings, sequences become QVariantList and mappings QVariantMap.
QVariant toVariant(const YAML::Node &node);

} // namespace switchboard::yaml
