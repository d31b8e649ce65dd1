#pragma once

#include <QJsonObject>
#include <QStringList>

namespace switchboard {

// Small builders for the JSON Schemas of a model agent's tool arguments, so every tool spells them alike.
class ToolSchema final
{
public:
    // {"type":"object","properties":{...},"required":[...]}
    static QJsonObject object(const QJsonObject &properties, const QStringList &required = {});
    // {"type": type, "description": description}
    static QJsonObject property(const QString &type, const QString &description);
    // An array of strings.
    static QJsonObject stringList(const QString &description);
};

} // namespace switchboard
