#include "Goal.h"

#include <QJsonArray>

namespace switchboard {

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
    return o;
}

} // namespace switchboard
