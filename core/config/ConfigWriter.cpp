#include "ConfigWriter.h"

#include "ConfigLoader.h"
#include "ConfigRecovery.h"
#include "ConfigYaml.h"
#include "YamlText.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <yaml-cpp/yaml.h>

#include <optional>

namespace switchboard {

using yaml::KeyValue;
using yaml::YamlText;

namespace {

QString qstr(const std::string &text)
{
    return QString::fromStdString(text);
}

QString keyOf(const YAML::Node &node)
{
    return node.IsScalar() ? qstr(node.Scalar()).trimmed() : QString();
}

QByteArray emitNode(const QString &key, const YAML::Node &value)
{
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::BeginMap << YAML::Key << key.toStdString() << YAML::Value << value << YAML::EndMap;
    return QByteArray(out.c_str(), static_cast<qsizetype>(out.size()));
}

// A block mapping's entries with the lines each covers.
struct Entry
{
    QString key;
    int line = 0;
    int column = 0;
    int end = 0; // exclusive
};

// The value under key, or an undefined node (never adds the key, as a non-const operator[] would).
YAML::Node child(const YAML::Node &map, const char *key)
{
    if (!map.IsMap())
        return YAML::Node(YAML::NodeType::Undefined);
    const YAML::Node value = map[key];
    return value.IsDefined() ? value : YAML::Node(YAML::NodeType::Undefined);
}

bool isBlock(const YAML::Node &node)
{
    return node.IsMap() && node.Style() != YAML::EmitterStyle::Flow;
}

QList<Entry> entriesOf(const YamlText &text, const YAML::Node &map, int limit)
{
    QList<Entry> entries;
    for (auto it = map.begin(); it != map.end(); ++it) {
        const YAML::Mark mark = it->first.Mark();
        entries.append(Entry{keyOf(it->first), mark.line, mark.column, 0});
    }
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const int next = i + 1 < entries.size() ? entries.at(i + 1).line : limit;
        entries[i].end = text.blockEnd(entries.at(i).line, entries.at(i).column, true, next);
    }
    return entries;
}

const Entry *findEntry(const QList<Entry> &entries, const QString &key)
{
    for (const Entry &entry : entries) {
        if (entry.key == key)
            return &entry;
    }
    return nullptr;
}

// A mapping's text at indentation 0: the original's keys in their order (known ones with their new value, the
// others as they were), then the known keys it did not have and that are not at their default.
QByteArray mergedMap(const QList<KeyValue> &values, const YAML::Node &original)
{
    QByteArray text;
    QStringList written;
    if (original.IsMap()) {
        for (auto it = original.begin(); it != original.end(); ++it) {
            const QString key = keyOf(it->first);
            written << key;
            if (const KeyValue *value = yaml::findKey(values, key)) {
                if (!value->text.isEmpty())
                    text += value->text + '\n';
            } else {
                text += emitNode(key, it->second) + '\n';
            }
        }
    }
    for (const KeyValue &value : values) {
        if (!written.contains(value.key) && !value.isDefault && !value.text.isEmpty())
            text += value.text + '\n';
    }
    return text;
}

QList<QByteArray> itemLines(const QByteArray &mapText, int dashColumn, int contentColumn)
{
    const QByteArray firstPrefix = QByteArray(dashColumn, ' ') + '-' + QByteArray(contentColumn - dashColumn - 1, ' ');
    return yaml::indentLines(mapText, contentColumn, firstPrefix);
}

QString profileLabel(const QString &name)
{
    return QStringLiteral("profile '%1'").arg(name);
}

class Renderer final
{
public:
    Renderer(const QByteArray &current, const QString &fileName, const Config &baseline,
             const WorkflowSettings &workflow, const QList<ConfigWriter::Profile> &profiles)
        : m_text(current)
        , m_fileName(fileName)
        , m_baseline(baseline)
        , m_workflow(workflow)
        , m_profiles(profiles)
    {}

    ConfigWriter::Result run(const QByteArray &current);

private:
    void editWorkflow();
    void editAgents();
    // Key by key: every changed key of values (against base) is replaced, inserted or taken out. False when the
    // edit cannot be made in place (the first key of a sequence item would go): the caller rewrites the whole.
    bool editMap(const YAML::Node &map, int limit, const QList<KeyValue> &base, const QList<KeyValue> &values,
                 const QString &label, bool firstKeyHasDash);
    void noteComments(int from, int to, int skip, const QString &what);
    QByteArray wholeDocument(const YAML::Node &root) const;
    QByteArray itemsText(const YAML::Node &items, int dashColumn, int contentColumn) const;
    QByteArray itemMap(const ConfigWriter::Profile &entry, const YAML::Node &items) const;
    const AgentProfile *baselineProfile(const QString &name) const { return m_baseline.profile(name); }
    QString verify(const Config &written) const;

    YamlText m_text;
    QString m_fileName;
    const Config &m_baseline;
    const WorkflowSettings &m_workflow;
    const QList<ConfigWriter::Profile> &m_profiles;
    YAML::Node m_root;
    QStringList m_notes;
    // What verify() checks: the workflow keys and, per profile name, the keys written (empty list: all).
    QStringList m_changedWorkflowKeys;
    QHash<QString, QStringList> m_changedProfileKeys;
};

YAML::Node itemNamed(const YAML::Node &items, const QString &name)
{
    if (!items.IsSequence())
        return YAML::Node(YAML::NodeType::Undefined);
    for (const YAML::Node &item : items) {
        if (keyOf(child(item, "name")) == name)
            return item;
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

QStringList changedKeys(const QList<KeyValue> &base, const QList<KeyValue> &values)
{
    QStringList keys;
    for (const KeyValue &value : values) {
        const KeyValue *before = yaml::findKey(base, value.key);
        if (!before || before->text != value.text)
            keys << value.key;
    }
    return keys;
}

void Renderer::noteComments(int from, int to, int skip, const QString &what)
{
    if (m_text.hasComment(from, to, skip))
        m_notes << QStringLiteral("%1: the comments in %2 (line %3) could not be kept: it was rewritten")
                       .arg(QDir::toNativeSeparators(m_fileName), what)
                       .arg(from + 1);
}

bool Renderer::editMap(const YAML::Node &map, int limit, const QList<KeyValue> &base, const QList<KeyValue> &values,
                       const QString &label, bool firstKeyHasDash)
{
    const QList<Entry> entries = entriesOf(m_text, map, limit);
    if (entries.isEmpty())
        return false;
    const QStringList changed = changedKeys(base, values);
    for (const QString &key : changed) {
        const Entry *entry = findEntry(entries, key);
        if (entry && firstKeyHasDash && entry == &entries.first() && yaml::findKey(values, key)->text.isEmpty())
            return false;
    }
    const int column = entries.first().column;
    const int insertAt = entries.constLast().end;
    for (const QString &key : changed) {
        const KeyValue &value = *yaml::findKey(values, key);
        const QString what = QStringLiteral("%1 › %2").arg(label, key);
        if (const Entry *entry = findEntry(entries, key)) {
            if (value.text.isEmpty()) {
                noteComments(entry->line, entry->end, -1, what);
                m_text.replace(entry->line, entry->end, {});
                continue;
            }
            const bool first = firstKeyHasDash && entry == &entries.first();
            QList<QByteArray> lines = yaml::indentLines(
                value.text, entry->column, first ? m_text.prefix(entry->line, entry->column) : QByteArray());
            // A one-line value keeps the comment at its end ("max_parallel: 6  # the laptop's cores").
            int kept = -1;
            if (lines.size() == 1 && entry->end - entry->line == 1) {
                lines.first() += m_text.trailingComment(entry->line);
                kept = entry->line;
            }
            noteComments(entry->line, entry->end, kept, what);
            m_text.replace(entry->line, entry->end, lines);
        } else if (!value.text.isEmpty() && !value.isDefault) {
            m_text.replace(insertAt, insertAt, yaml::indentLines(value.text, column));
        }
    }
    return true;
}

void Renderer::editWorkflow()
{
    const QList<KeyValue> base = yaml::workflowKeyValues(m_baseline.workflow);
    const QList<KeyValue> values = yaml::workflowKeyValues(m_workflow);
    m_changedWorkflowKeys = changedKeys(base, values);
    if (m_changedWorkflowKeys.isEmpty())
        return;
    const QList<Entry> top = entriesOf(m_text, m_root, m_text.lineCount());
    const Entry *entry = findEntry(top, QStringLiteral("workflow"));
    const YAML::Node node = child(m_root, "workflow");
    if (entry && isBlock(node) && node.size() > 0 &&
        editMap(node, entry->end, base, values, QStringLiteral("workflow"), false))
        return;
    // No block to edit in: the section is written whole, keeping the keys it had.
    QList<QByteArray> lines{QByteArray("workflow:")};
    lines += yaml::indentLines(mergedMap(values, node), 2);
    if (entry) {
        noteComments(entry->line, entry->end, -1, QStringLiteral("workflow"));
        m_text.replace(entry->line, entry->end, lines);
    } else {
        m_text.replace(m_text.lineCount(), m_text.lineCount(), lines);
    }
}

QByteArray Renderer::itemMap(const ConfigWriter::Profile &entry, const YAML::Node &items) const
{
    const QList<KeyValue> values = yaml::profileKeyValues(entry.profile, m_workflow);
    if (entry.sourceName.isEmpty())
        return mergedMap(values, YAML::Node());
    const YAML::Node source = itemNamed(items, entry.sourceName);
    if (!entry.copy)
        return mergedMap(values, source);
    // A duplicate: the source's unknown keys come along, after the known ones.
    QByteArray text = mergedMap(values, YAML::Node());
    if (source.IsMap()) {
        for (auto it = source.begin(); it != source.end(); ++it) {
            const QString key = keyOf(it->first);
            if (!yaml::findKey(values, key))
                text += emitNode(key, it->second) + '\n';
        }
    }
    return text;
}

QByteArray Renderer::itemsText(const YAML::Node &items, int dashColumn, int contentColumn) const
{
    QByteArray text;
    for (const ConfigWriter::Profile &entry : m_profiles) {
        for (const QByteArray &line : itemLines(itemMap(entry, items), dashColumn, contentColumn))
            text += line + '\n';
    }
    return text;
}

void Renderer::editAgents()
{
    // Which profiles are written whole (new, copies, or their entry is gone from the file) and which edited.
    QStringList kept;
    for (const ConfigWriter::Profile &entry : m_profiles) {
        if (!entry.sourceName.isEmpty() && !entry.copy)
            kept << entry.sourceName;
    }
    const QList<Entry> top = entriesOf(m_text, m_root, m_text.lineCount());
    const Entry *agentsEntry = findEntry(top, QStringLiteral("agents"));
    const YAML::Node agents = child(m_root, "agents");
    const YAML::Node items = child(agents, "definitions");

    bool anyChange = false;
    for (const ConfigWriter::Profile &entry : m_profiles) {
        const AgentProfile *before = entry.copy ? nullptr : baselineProfile(entry.sourceName);
        const QList<KeyValue> values = yaml::profileKeyValues(entry.profile, m_workflow);
        if (!before || !itemNamed(items, entry.sourceName).IsDefined()) {
            m_changedProfileKeys.insert(entry.profile.name, {});
            anyChange = true;
            continue;
        }
        const QStringList changed = changedKeys(yaml::profileKeyValues(*before, m_baseline.workflow), values);
        if (!changed.isEmpty()) {
            m_changedProfileKeys.insert(entry.profile.name, changed);
            anyChange = true;
        }
    }
    for (const AgentProfile &profile : m_baseline.profiles) {
        if (!kept.contains(profile.name) && itemNamed(items, profile.name).IsDefined())
            anyChange = true;
    }
    if (!anyChange)
        return;

    const bool blockItems =
        items.IsSequence() && items.Style() != YAML::EmitterStyle::Flow && items.size() > 0 && !m_profiles.isEmpty();
    if (agentsEntry && isBlock(agents) && blockItems) {
        // In place: each item is found by its name and edited key by key; new ones go after the last.
        QList<int> itemStarts;
        for (const YAML::Node &item : items)
            itemStarts << item.Mark().line;
        int dashColumn = -1;
        int contentColumn = -1;
        int sequenceEnd = 0;
        for (qsizetype i = 0; i < static_cast<qsizetype>(items.size()); ++i) {
            const YAML::Node item = items[i];
            const int column = item.Mark().column;
            int start = itemStarts.at(i);
            QByteArray prefix = m_text.prefix(start, column);
            if (!prefix.contains('-')) {
                // "-" alone on the line before the item's first key.
                for (int line = start - 1; line >= 0; --line) {
                    if (m_text.contentIndent(line) < 0)
                        continue;
                    if (m_text.line(line).trimmed() == "-")
                        start = line;
                    break;
                }
            }
            const int next = i + 1 < itemStarts.size() ? itemStarts.at(i + 1) : m_text.lineCount();
            const int end = m_text.blockEnd(itemStarts.at(i), column, false, next);
            sequenceEnd = end;
            if (dashColumn < 0 && prefix.contains('-')) {
                dashColumn = static_cast<int>(prefix.indexOf('-'));
                contentColumn = column;
            }
            const QString name = keyOf(child(item, "name"));
            const QString what = profileLabel(name);
            if (!kept.contains(name)) {
                if (baselineProfile(name)) {
                    // Removed in the dialog (a profile the dialog never knew, added by hand meanwhile, stays).
                    m_text.replace(start, end, {});
                }
                continue;
            }
            const ConfigWriter::Profile *entry = nullptr;
            for (const ConfigWriter::Profile &candidate : m_profiles) {
                if (!candidate.copy && candidate.sourceName == name)
                    entry = &candidate;
            }
            if (!m_changedProfileKeys.contains(entry->profile.name))
                continue;
            const QList<KeyValue> base = yaml::profileKeyValues(*baselineProfile(name), m_baseline.workflow);
            const QList<KeyValue> values = yaml::profileKeyValues(entry->profile, m_workflow);
            if (isBlock(item) && start == itemStarts.at(i) && editMap(item, end, base, values, what, true))
                continue;
            noteComments(start, end, -1, what);
            const int dash = prefix.contains('-') ? static_cast<int>(prefix.indexOf('-')) : column - 2;
            m_text.replace(start, end, itemLines(mergedMap(values, item), dash, column));
        }
        if (dashColumn < 0) {
            dashColumn = items[0].Mark().column - 2;
            contentColumn = items[0].Mark().column;
        }
        for (const ConfigWriter::Profile &entry : m_profiles) {
            if (!m_changedProfileKeys.value(entry.profile.name, {QStringLiteral("-")}).isEmpty())
                continue; // edited in place (or unchanged)
            m_text.replace(sequenceEnd, sequenceEnd, itemLines(itemMap(entry, items), dashColumn, contentColumn));
        }
        return;
    }

    // No block list to edit in: "definitions" is written whole.
    QByteArray definitions = "definitions:";
    const QByteArray listed = itemsText(items, 2, 4);
    definitions += listed.isEmpty() ? QByteArray(" []\n") : "\n" + listed;
    if (agentsEntry && isBlock(agents) && agents.size() > 0) {
        const QList<Entry> agentEntries = entriesOf(m_text, agents, agentsEntry->end);
        const int column = agentEntries.first().column;
        if (const Entry *entry = findEntry(agentEntries, QStringLiteral("definitions"))) {
            noteComments(entry->line, entry->end, -1, QStringLiteral("agents › definitions"));
            m_text.replace(entry->line, entry->end, yaml::indentLines(definitions, column));
        } else {
            m_text.replace(agentEntries.constLast().end, agentEntries.constLast().end,
                           yaml::indentLines(definitions, column));
        }
        return;
    }
    QList<QByteArray> lines{QByteArray("agents:")};
    lines += yaml::indentLines(definitions, 2);
    if (agentsEntry) {
        noteComments(agentsEntry->line, agentsEntry->end, -1, QStringLiteral("agents"));
        m_text.replace(agentsEntry->line, agentsEntry->end, lines);
    } else {
        m_text.replace(m_text.lineCount(), m_text.lineCount(), lines);
    }
}

QByteArray Renderer::wholeDocument(const YAML::Node &root) const
{
    QByteArray text;
    const QList<KeyValue> workflow = yaml::workflowKeyValues(m_workflow);
    const QByteArray workflowBody = mergedMap(workflow, child(root, "workflow"));
    if (!workflowBody.isEmpty()) {
        text += "workflow:\n";
        for (const QByteArray &line : yaml::indentLines(workflowBody, 2))
            text += line + '\n';
    }
    const YAML::Node items = child(child(root, "agents"), "definitions");
    const QByteArray listed = itemsText(items, 2, 4);
    text += "agents:\n  definitions:";
    text += listed.isEmpty() ? QByteArray(" []\n") : "\n" + listed;
    if (root.IsMap()) {
        for (auto it = root.begin(); it != root.end(); ++it) {
            const QString key = keyOf(it->first);
            if (key != u"workflow" && key != u"agents")
                text += emitNode(key, it->second) + '\n';
        }
    }
    return text;
}

QString Renderer::verify(const Config &written) const
{
    const QList<KeyValue> wanted = yaml::workflowKeyValues(m_workflow);
    const QList<KeyValue> got = yaml::workflowKeyValues(written.workflow);
    for (const QString &key : m_changedWorkflowKeys) {
        if (yaml::findKey(wanted, key)->text != yaml::findKey(got, key)->text)
            return QStringLiteral("workflow.%1 would not read back as written").arg(key);
    }
    for (const ConfigWriter::Profile &entry : m_profiles) {
        const AgentProfile *profile = written.profile(entry.profile.name);
        if (!profile)
            return QStringLiteral("%1 would be missing").arg(profileLabel(entry.profile.name));
        const QList<KeyValue> want = yaml::profileKeyValues(entry.profile, m_workflow);
        const QList<KeyValue> have = yaml::profileKeyValues(*profile, written.workflow);
        QStringList keys = m_changedProfileKeys.value(entry.profile.name);
        if (keys.isEmpty() && m_changedProfileKeys.contains(entry.profile.name)) {
            for (const KeyValue &value : want)
                keys << value.key;
        }
        for (const QString &key : std::as_const(keys)) {
            if (key == u"quality" && yaml::findKey(want, key)->isDefault)
                continue; // inherited from the workflow, which may have changed too
            if (yaml::findKey(want, key)->text != yaml::findKey(have, key)->text)
                return QStringLiteral("%1: %2 would not read back as written")
                    .arg(profileLabel(entry.profile.name), key);
        }
    }
    return {};
}

ConfigWriter::Result Renderer::run(const QByteArray &current)
{
    ConfigWriter::Result result;
    const QString shown = QDir::toNativeSeparators(m_fileName);
    for (const ConfigWriter::Profile &entry : m_profiles) {
        for (const ConfigWriter::Profile &other : m_profiles) {
            if (&other != &entry && other.profile.name == entry.profile.name) {
                result.error = QStringLiteral("%1: two profiles are named '%2'").arg(shown, entry.profile.name);
                return result;
            }
        }
    }
    bool whole = current.trimmed().isEmpty();
    if (!whole) {
        try {
            m_root = YAML::Load(current.toStdString());
        } catch (const YAML::Exception &e) {
            result.error =
                QStringLiteral("%1 does not parse (line %2): %3").arg(shown).arg(e.mark.line + 1).arg(qstr(e.msg));
            return result;
        }
        if (!isBlock(m_root)) {
            whole = true;
            if (m_text.hasComment(0, m_text.lineCount()))
                m_notes << QStringLiteral("%1: the file was written anew (its top level is not a block mapping), "
                                          "so its comments could not be kept")
                               .arg(shown);
        }
    }
    if (whole) {
        result.text = wholeDocument(m_root);
        m_changedWorkflowKeys.clear();
        for (const KeyValue &value : yaml::workflowKeyValues(m_workflow))
            m_changedWorkflowKeys << value.key;
        for (const ConfigWriter::Profile &entry : m_profiles)
            m_changedProfileKeys.insert(entry.profile.name, {});
    } else {
        editWorkflow();
        editAgents();
        result.text = m_text.result();
    }

    ConfigError error;
    const std::optional<Config> written = ConfigLoader::loadString(result.text, m_fileName, &error);
    if (!written) {
        result.error =
            QStringLiteral("the new settings would not load, so %1 was left as it is: %2").arg(shown, error.toString());
        return result;
    }
    if (const QString mismatch = verify(*written); !mismatch.isEmpty()) {
        result.error = QStringLiteral("%1 was left as it is: %2").arg(shown, mismatch);
        return result;
    }
    result.config = *written;
    result.notes = m_notes;
    result.ok = true;
    return result;
}

} // namespace

QList<ConfigWriter::Profile> ConfigWriter::profilesOf(const Config &config)
{
    QList<Profile> profiles;
    for (const AgentProfile &profile : config.profiles)
        profiles.append(Profile{profile, profile.name, false});
    return profiles;
}

ConfigWriter::Result ConfigWriter::render(const QByteArray &current, const QString &fileName, const Config &baseline,
                                          const WorkflowSettings &workflow, const QList<Profile> &profiles)
{
    return Renderer(current, fileName, baseline, workflow, profiles).run(current);
}

QString ConfigWriter::backupPath(const QString &path)
{
    return path + QStringLiteral(".bak");
}

ConfigWriter::Result ConfigWriter::save(const QString &path, const Config &baseline, const WorkflowSettings &workflow,
                                        const QList<Profile> &profiles)
{
    Result result;
    const QString shown = QDir::toNativeSeparators(path);
    if (path.isEmpty() || path.startsWith(u':')) {
        result.error = QStringLiteral("the built-in default config is in use, and it cannot be changed; start "
                                      "Switchboard with a config file (--config) to save settings");
        return result;
    }
    QByteArray current;
    const bool existed = QFileInfo::exists(path);
    if (existed) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            result.error = QStringLiteral("cannot read %1: %2").arg(shown, file.errorString());
            return result;
        }
        current = file.readAll();
    }
    result = render(current, path, baseline, workflow, profiles);
    if (!result.ok)
        return result;
    const auto fail = [&result](const QString &message) {
        result.ok = false;
        result.error = message;
        return result;
    };
    const QString dir = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(dir))
        return fail(QStringLiteral("cannot create the folder %1 for %2").arg(QDir::toNativeSeparators(dir), shown));
    if (existed) {
        QSaveFile backup(backupPath(path));
        if (!backup.open(QIODevice::WriteOnly) || backup.write(current) != current.size() || !backup.commit())
            return fail(QStringLiteral("cannot write the backup %1, so %2 was left as it is: %3")
                            .arg(QDir::toNativeSeparators(backupPath(path)), shown, backup.errorString()));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(result.text) != result.text.size() || !file.commit())
        return fail(QStringLiteral("cannot write %1: %2").arg(shown, file.errorString()));
    QString lastGoodError;
    if (!ConfigRecovery::saveLastGood(path, &lastGoodError))
        result.notes << lastGoodError;
    return result;
}

} // namespace switchboard
