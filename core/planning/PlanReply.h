#pragma once

#include "PlanDraft.h"
#include "model/AgentProfile.h"

#include <QJsonDocument>
#include <QList>
#include <QString>

#include <optional>

namespace switchboard {

// Reads a planning model's answer: finds the JSON in it (a ```json fenced block, or an object amid prose),
// turns {"goals":[...]} into goals and checks them by the rules plan files follow (GoalBatchValidator), so a
// plan from a model is refused for exactly the reasons a plan file would be.
class PlanReply final
{
public:
    PlanReply() = delete;

    // The JSON document in the reply. When there is none that parses: nullopt and *error says why, with the
    // line and column in the reply ("reply is not JSON: unterminated object at line 3 column 5").
    static std::optional<QJsonDocument> findJson(const QString &reply, QString *error);

    // The goals of a {"goals": [...]} document (a bare array of goals is taken too), with the problems of
    // shape: a field of the wrong type, a goal that is not an object. Titles default as in plan files.
    static PlanDraft goalsFromJson(const QJsonDocument &document);

    // The plan rules over goals: ids present, unique and simple names (they are typed into depends_on lists),
    // dependencies known, no cycle, profiles known and capabilities some profile has.
    static QList<GoalProblem> check(const QList<Goal> &goals, const QList<AgentProfile> &profiles);

    // findJson, goalsFromJson and check in one: the draft a reply gives against these profiles.
    static PlanDraft interpret(const QString &reply, const QList<AgentProfile> &profiles);

    // Whether id is a simple name: letters, digits, '_' , '-' and '.', starting with a letter, digit or '_'.
    static bool isSimpleId(const QString &id);
};

} // namespace switchboard
