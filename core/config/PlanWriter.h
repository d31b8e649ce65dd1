#pragma once

#include "model/Goal.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace switchboard {

// Writes goals as a plan file PlanLoader reads back to the same goals: name, description and a goals list
// with every field a goal has (defaults left out). Used to save a plan made in the app (e.g. by a model).
class PlanWriter final
{
public:
    PlanWriter() = delete;

    // comment: put at the top as '#' lines (where the plan came from); may be empty.
    static QByteArray toYaml(const QString &name, const QString &description, const QList<Goal> &goals,
                             const QString &comment = {});
};

} // namespace switchboard
