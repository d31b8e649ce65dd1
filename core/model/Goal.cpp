#include "Goal.h"

#include <QJsonArray>

namespace switchboard {

QString Goal::defaultTitle(const QString &description, const QString &id)
{
    for (QStringView line : QStringView(description).split(QLatin1Char('\n'))) {
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        if (line.size() <= DefaultTitleLength)
            return line.toString();
        qsizetype cut = DefaultTitleLength - 1; // room for the ellipsis
        if (line.at(cut - 1).isHighSurrogate())
            --cut; // never split a character in two
        return line.first(cut).trimmed().toString() + QChar(0x2026);
    }
    return id.trimmed();
}

QJsonObject Goal::toJson() const
{
    QJsonObject o;
    o.insert(u"id", id);
    o.insert(u"title", title);
    o.insert(u"description", description);
    o.insert(u"priority", priorityToString(priority));
    o.insert(u"deadline", deadline.isValid() ? QJsonValue(deadline.toUTC().toString(Qt::ISODate)) : QJsonValue());
    o.insert(u"success_criteria", QJsonArray::fromStringList(successCriteria));
    o.insert(u"depends_on", QJsonArray::fromStringList(dependsOn));
    o.insert(u"capabilities", QJsonArray::fromStringList(capabilities));
    o.insert(u"resources", QJsonArray::fromStringList(resources));
    o.insert(u"profile", profile);
    if (when)
        o.insert(u"when", when->toJson());
    if (team)
        o.insert(u"pattern", team->toJson());
    if (member)
        o.insert(u"member", member->toJson());
    return o;
}

} // namespace switchboard
