#pragma once

// Private to core/config: the YAML text of each key of a profile and of the workflow section, as ConfigWriter
// writes them and ConfigLoader reads them back. Comparing two texts of a key tells whether it changed.

#include "Config.h"
#include "model/AgentProfile.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace switchboard::yaml {

// One key and its value: "key: value" lines at indentation 0, without a final newline. Empty text: the key does
// not apply (an LLM key of a process profile) and must not be in the file.
struct KeyValue
{
    QString key;
    QByteArray text;
    bool isDefault = false; // the value the loader uses when the key is absent: a new entry leaves it out
};

// Every key ConfigLoader reads in a profile, in the order a new profile is written. workflow gives the quality a
// profile without its own inherits.
QList<KeyValue> profileKeyValues(const AgentProfile &profile, const WorkflowSettings &workflow);
// Every key ConfigLoader reads under "workflow:".
QList<KeyValue> workflowKeyValues(const WorkflowSettings &workflow);
// The entry of key in values; nullptr when there is none.
const KeyValue *findKey(const QList<KeyValue> &values, const QString &key);

} // namespace switchboard::yaml
