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

const QStringList &profileKeys()
{
    static const QStringList keys{
        QStringLiteral("name"),         QStringLiteral("model"),
        QStringLiteral("capabilities"), QStringLiteral("backend"),
        QStringLiteral("command"),      QStringLiteral("max_concurrent"),
        QStringLiteral("timeout_s"),    QStringLiteral("working_directory"),
        QStringLiteral("settings"),     QStringLiteral("idle_timeout_s"),
        QStringLiteral("retry"),        QStringLiteral("quality"),
    };
    return keys;
}

const QStringList &qualityKeys()
{
    static const QStringList keys{QStringLiteral("min_improvement"),
                                  QStringLiteral("max_iterations_without_improvement"),
                                  QStringLiteral("max_iterations"), QStringLiteral("detect_loops")};
    return keys;
}

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

void readWorkflow(Document &doc, const Map &root, WorkflowSettings &settings)
{
    Q_UNUSED(doc)
    if (!root.has("workflow"))
        return;
    QStringList keys{QStringLiteral("max_parallel"), QStringLiteral("max_iterations"), QStringLiteral("workspace"),
                     QStringLiteral("mode"),         QStringLiteral("on_deadline"),    QStringLiteral("budget"),
                     QStringLiteral("lock_ttl_s"),   QStringLiteral("auto_resume")};
    keys << qualityKeys();
    const Map workflow = root.map("workflow", QStringLiteral("workflow"), QStringLiteral("workflow."), keys);
    if (workflow.has("mode")) {
        const QString mode = workflow.string("mode").trimmed().toLower();
        static const QStringList modes{QStringLiteral("dependency"), QStringLiteral("phased"),
                                       QStringLiteral("sequential"), QStringLiteral("parallel"),
                                       QStringLiteral("pipeline")};
        if (!modes.contains(mode))
            workflow.failAt("mode", QStringLiteral("workflow.mode: unknown mode '%1' (expected %2)")
                                        .arg(workflow.string("mode"), modes.join(QStringLiteral(", "))));
        settings.mode = mode;
    }
    if (workflow.has("on_deadline")) {
        const QString policy = workflow.string("on_deadline").trimmed().toLower();
        if (policy != u"fail" && policy != u"escalate")
            workflow.failAt("on_deadline",
                            QStringLiteral("workflow.on_deadline: expected fail or escalate, got '%1'").arg(policy));
        settings.onDeadline = policy;
    }
    settings.budget = readBudget(workflow, "budget", QStringLiteral("workflow"));
    if (workflow.has("lock_ttl_s")) {
        settings.lockTtlS = workflow.integer("lock_ttl_s", settings.lockTtlS);
        if (settings.lockTtlS < 1)
            workflow.failAt("lock_ttl_s",
                            QStringLiteral("workflow.lock_ttl_s: must be at least 1, got %1").arg(settings.lockTtlS));
    }
    settings.autoResume = workflow.boolean("auto_resume", settings.autoResume);
    if (workflow.has("max_iterations"))
        settings.quality.maxIterations = workflow.integer("max_iterations", 0);
    readQualityKeys(workflow, settings.quality);
    if (workflow.has("max_parallel")) {
        const int value = workflow.integer("max_parallel", settings.maxParallel);
        if (value < 1) {
            workflow.failAt("max_parallel",
                            QStringLiteral("workflow.max_parallel: must be at least 1, got %1").arg(value));
        }
        settings.maxParallel = value;
    }
    if (workflow.has("max_iterations")) {
        const int value = workflow.integer("max_iterations", settings.maxIterations);
        if (value < 0) {
            workflow.failAt("max_iterations",
                            QStringLiteral("workflow.max_iterations: must be at least 0, got %1").arg(value));
        }
        settings.maxIterations = value;
    }
    if (workflow.has("workspace"))
        settings.workspace = workflow.string("workspace");
}

void readMetrics(Document &doc, const Map &root, MetricThresholds &thresholds)
{
    Q_UNUSED(doc)
    if (!root.has("metrics"))
        return;
    struct Key
    {
        const char *name;
        double MetricThresholds::*field;
        double scale; // percentages in the file, fractions in memory
    };
    static const Key keys[] = {
        {"in_progress_target_per_slot", &MetricThresholds::inProgressTargetPerSlot, 1.0},
        {"in_progress_alert_per_slot", &MetricThresholds::inProgressAlertPerSlot, 1.0},
        {"avg_completion_target_min", &MetricThresholds::averageCompletionTargetMinutes, 1.0},
        {"avg_completion_alert_min", &MetricThresholds::averageCompletionAlertMinutes, 1.0},
        {"escalation_rate_target_pct", &MetricThresholds::escalationRateTarget, 100.0},
        {"escalation_rate_alert_pct", &MetricThresholds::escalationRateAlert, 100.0},
        {"conflict_rate_target_pct", &MetricThresholds::lockConflictRateTarget, 100.0},
        {"conflict_rate_alert_pct", &MetricThresholds::lockConflictRateAlert, 100.0},
        {"utilisation_target_pct", &MetricThresholds::utilisationTarget, 100.0},
        {"utilisation_alert_pct", &MetricThresholds::utilisationAlert, 100.0},
    };
    QStringList names;
    for (const Key &key : keys)
        names << QString::fromLatin1(key.name);
    const Map metrics = root.map("metrics", QStringLiteral("metrics"), QStringLiteral("metrics."), names);
    for (const Key &key : keys) {
        if (!metrics.has(key.name))
            continue;
        const double value = metrics.number(key.name, 0.0);
        if (value < 0.0 || (key.scale > 1.0 && value > 100.0))
            metrics.failAt(key.name, QStringLiteral("%1: expected %2, got %3")
                                         .arg(metrics.fieldName(key.name),
                                              key.scale > 1.0 ? QStringLiteral("a percentage between 0 and 100")
                                                              : QStringLiteral("a number >= 0"))
                                         .arg(value));
        thresholds.*key.field = value / key.scale;
    }
}

RetryPolicy readRetry(const Map &parent, const char *key, const QString &label)
{
    RetryPolicy retry;
    if (!parent.has(key))
        return retry;
    const Map map = parent.map(key, label + u": retry", label + u": retry.",
                               {QStringLiteral("max_retries"), QStringLiteral("backoff_s"), QStringLiteral("jitter"),
                                QStringLiteral("non_retryable")});
    retry.maxRetries = map.integer("max_retries", retry.maxRetries);
    if (retry.maxRetries < 0)
        map.failAt(
            "max_retries",
            QStringLiteral("%1: must be at least 0, got %2").arg(map.fieldName("max_retries")).arg(retry.maxRetries));
    if (map.has("backoff_s")) {
        retry.backoffS.clear();
        const YAML::Node node = map.value("backoff_s");
        const QList<YAML::Node> steps = node.IsSequence() ? map.sequence("backoff_s") : QList<YAML::Node>{node};
        for (const YAML::Node &step : steps) {
            bool ok = false;
            const double seconds = step.IsScalar() ? scalarText(step).trimmed().toDouble(&ok) : -1.0;
            if (!ok || seconds < 0)
                map.failAt("backoff_s", QStringLiteral("%1: expected seconds (a number >= 0 or a list of them), got %2")
                                            .arg(map.fieldName("backoff_s"), describe(step)));
            retry.backoffS << seconds;
        }
    }
    retry.jitter = map.number("jitter", retry.jitter);
    if (retry.jitter < 0.0 || retry.jitter > 1.0)
        map.failAt(
            "jitter",
            QStringLiteral("%1: must be between 0 and 1, got %2").arg(map.fieldName("jitter")).arg(retry.jitter));
    if (map.has("non_retryable"))
        retry.nonRetryable = map.stringList("non_retryable");
    return retry;
}

Budget readBudget(const Map &parent, const char *key, const QString &label)
{
    Budget budget;
    if (!parent.has(key))
        return budget;
    const Map map = parent.map(key, label + u": budget", label + u": budget.",
                               {QStringLiteral("max_tokens"), QStringLiteral("max_cost_usd")});
    budget.maxTokens = map.integer("max_tokens", 0);
    budget.maxCostUsd = map.number("max_cost_usd", 0.0);
    if (budget.maxTokens < 0 || budget.maxCostUsd < 0.0)
        map.failAt(budget.maxTokens < 0 ? "max_tokens" : "max_cost_usd",
                   QStringLiteral("%1: budget limits must be at least 0").arg(label));
    return budget;
}

void readQualityKeys(const Map &map, QualityPolicy &quality)
{
    quality.minImprovement = map.number("min_improvement", quality.minImprovement);
    quality.maxIterationsWithoutImprovement =
        map.integer("max_iterations_without_improvement", quality.maxIterationsWithoutImprovement);
    quality.maxIterations = map.integer("max_iterations", quality.maxIterations);
    quality.detectLoops = map.boolean("detect_loops", quality.detectLoops);
    if (quality.maxIterations < 0 || quality.maxIterationsWithoutImprovement < 0)
        map.failAt(quality.maxIterations < 0 ? "max_iterations" : "max_iterations_without_improvement",
                   QStringLiteral("%1: iteration limits must be at least 0").arg(map.label()));
}

namespace {

// The node at path[from...] under node; undefined when it is not there.
YAML::Node descend(const YAML::Node &node, const QStringList &path, qsizetype from)
{
    if (from == path.size())
        return node;
    if (!node.IsMap())
        return YAML::Node(YAML::NodeType::Undefined);
    const YAML::Node child = node[path.at(from).toStdString()];
    return child.IsDefined() ? descend(child, path, from + 1) : child;
}

// Fails pointing at a profile field ("command", "settings.kill_grace_ms") when the file has it, else at the
// profile's backend (the reason the field is wanted).
[[noreturn]] void failAtField(const Document &doc, const Map &map, const QString &field, const QString &message)
{
    const QStringList path = field.split(u'.');
    const QByteArray key = path.first().toUtf8();
    if (!field.isEmpty() && map.has(key.constData())) {
        const YAML::Node node = descend(map.value(key.constData()), path, 1);
        if (path.size() > 1 && node.IsDefined() && !isNull(node))
            doc.fail(node, message);
        map.failAt(key.constData(), message);
    }
    map.failAt("backend", message);
}

} // namespace

QList<ProfileEntry> readAgents(Document &doc, const Map &root, const BackendRegistry &backends,
                               const WorkflowSettings &workflow)
{
    QList<ProfileEntry> entries;
    if (!root.has("agents"))
        return entries;
    const Map agents =
        root.map("agents", QStringLiteral("agents"), QStringLiteral("agents."), {QStringLiteral("definitions")});
    const QList<YAML::Node> definitions = agents.sequence("definitions");
    QHash<QString, Location> seen;
    for (qsizetype i = 0; i < definitions.size(); ++i) {
        const YAML::Node &node = definitions.at(i);
        const QString path = QStringLiteral("agents.definitions[%1]").arg(i);
        if (!node.IsMap())
            doc.fail(node, QStringLiteral("%1: expected a mapping, got %2").arg(path, describe(node)));
        const QString peeked = peekScalar(node, "name");
        const QString label = peeked.isEmpty() ? path : QStringLiteral("profile '%1'").arg(peeked);
        const Map map(doc, node, label, label + u": ", profileKeys());

        AgentProfile profile;
        profile.name = map.requiredString("name");
        if (seen.contains(profile.name)) {
            map.failAt("name", QStringLiteral("duplicate profile name '%1' (first defined at %2)")
                                   .arg(profile.name, seen.value(profile.name).toString()));
        }
        seen.insert(profile.name, map.valueLocation("name"));

        profile.model = map.string("model");
        profile.capabilities = map.stringList("capabilities");
        profile.backend = map.string("backend", profile.backend);
        if (!backends.contains(profile.backend)) {
            map.failAt("backend", QStringLiteral("%1: unknown backend '%2' (known: %3)")
                                      .arg(label, profile.backend, backends.names().join(QStringLiteral(", "))));
        }
        if (map.has("command") && !map.value("command").IsSequence())
            map.failAt("command", QStringLiteral("%1: expected a list of strings, got %2")
                                      .arg(map.fieldName("command"), describe(map.value("command"))));
        profile.command = map.stringList("command");
        profile.maxConcurrent = map.integer("max_concurrent", profile.maxConcurrent);
        if (profile.maxConcurrent < 0) {
            map.failAt("max_concurrent", QStringLiteral("%1: must be at least 0, got %2")
                                             .arg(map.fieldName("max_concurrent"))
                                             .arg(profile.maxConcurrent));
        }
        profile.timeoutS = map.integer("timeout_s", profile.timeoutS);
        if (profile.timeoutS < 0) {
            map.failAt(
                "timeout_s",
                QStringLiteral("%1: must be at least 0, got %2").arg(map.fieldName("timeout_s")).arg(profile.timeoutS));
        }
        profile.idleTimeoutS = map.integer("idle_timeout_s", profile.idleTimeoutS);
        if (profile.idleTimeoutS < 0)
            map.failAt("idle_timeout_s", QStringLiteral("%1: must be at least 0, got %2")
                                             .arg(map.fieldName("idle_timeout_s"))
                                             .arg(profile.idleTimeoutS));
        profile.retry = readRetry(map, "retry", label);
        profile.quality = workflow.quality;
        if (map.has("quality"))
            readQualityKeys(map.map("quality", label + u": quality", label + u": quality.", qualityKeys()),
                            profile.quality);
        profile.workingDirectory = map.string("working_directory");
        if (map.has("settings")) {
            const Map settings = map.map("settings", label + u": settings", label + u": settings.", {});
            for (auto it = settings.node().begin(); it != settings.node().end(); ++it)
                profile.settings.insert(scalarText(it->first), toVariant(it->second));
        }
        // What the backend itself needs (the process backend: a command).
        const QList<BackendRegistry::ProfileError> problems = backends.validate(profile);
        if (!problems.isEmpty())
            failAtField(doc, map, problems.first().field, label + u": " + problems.first().message);
        entries.append(ProfileEntry{profile, map.location()});
    }
    return entries;
}

} // namespace switchboard::yaml
