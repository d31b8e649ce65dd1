#include "ToolSchema.h"

#include <QJsonArray>

namespace switchboard {

QJsonObject ToolSchema::object(const QJsonObject &properties, const QStringList &required)
{
    QJsonObject schema{{QStringLiteral("type"), QStringLiteral("object")}, {QStringLiteral("properties"), properties}};
    if (!required.isEmpty())
        schema.insert(u"required", QJsonArray::fromStringList(required));
    return schema;
}

QJsonObject ToolSchema::property(const QString &type, const QString &description)
{
    return {{QStringLiteral("type"), type}, {QStringLiteral("description"), description}};
}

QJsonObject ToolSchema::stringList(const QString &description)
{
    QJsonObject list = property(QStringLiteral("array"), description);
    list.insert(u"items", QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}});
    return list;
}

} // namespace switchboard
