#include "PlanReply.h"

#include "model/InputLimits.h"

#include "orchestration/GoalBatchValidator.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>

namespace switchboard {

namespace {

// Bracket positions tried as the start of the JSON: a reply is a few kilobytes, and a model that writes more
// than this many brackets of prose before its JSON is not answering as asked.
constexpr int MaxStarts = 200;

// One past the bracket that closes the one at start, honouring strings; -1 when it is never closed (a reply
// cut off by the token limit), so the parser can say where it ends.
qsizetype matchingEnd(const QString &text, qsizetype start)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (qsizetype i = start; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == u'\\')
                escaped = true;
            else if (c == u'"')
                inString = false;
            continue;
        }
        if (c == u'"') {
            inString = true;
        } else if (c == u'{' || c == u'[') {
            ++depth;
        } else if (c == u'}' || c == u']') {
            if (--depth == 0)
                return i + 1;
        }
    }
    return -1;
}

QString lineAndColumn(const QString &text, qsizetype index)
{
    index = std::clamp<qsizetype>(index, 0, text.size());
    const QStringView before = QStringView(text).first(index);
    const qsizetype line = before.count(u'\n') + 1;
    const qsizetype column = index - (before.lastIndexOf(u'\n') + 1) + 1;
    return QStringLiteral("line %1 column %2").arg(line).arg(column);
}

struct Parsed
{
    QJsonDocument document;
    QString error; // empty when the document parsed
};

// Parses text[start, end) of reply; an error names its place in the whole reply.
Parsed parseSpan(const QString &reply, qsizetype start, qsizetype end)
{
    const QByteArray utf8 = QStringView(reply).sliced(start, end - start).toUtf8();
    QJsonParseError error{};
    Parsed parsed;
    parsed.document = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError) {
        // The parser counts bytes of UTF-8; the reply's place is counted in characters.
        const qsizetype chars =
            QString::fromUtf8(utf8.first(std::clamp<qsizetype>(error.offset, 0, utf8.size()))).size();
        parsed.error =
            QStringLiteral("reply is not JSON: %1 at %2").arg(error.errorString(), lineAndColumn(reply, start + chars));
    }
    return parsed;
}

bool hasGoals(const QJsonDocument &document)
{
    return document.isObject() && document.object().contains(u"goals");
}

QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("a list");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

// Reads one goal object; what has the wrong type is reported against the goal and the field.
class GoalReader final
{
public:
    GoalReader(const QJsonObject &object, int index, QList<GoalProblem> &problems)
        : m_object(object)
        , m_index(index)
        , m_problems(problems)
    {}

    Goal read()
    {
        Goal goal;
        goal.id = text("id", true).trimmed();
        m_id = goal.id;
        goal.title = text("title").trimmed();
        goal.description = text("description").trimmed();
        if (goal.title.isEmpty())
            goal.title = Goal::defaultTitle(goal.description, goal.id);
        for (const QString &dependency : list("depends_on", true)) {
            if (!goal.dependsOn.contains(dependency))
                goal.dependsOn << dependency;
        }
        goal.capabilities = list("capabilities");
        goal.successCriteria = list("success_criteria");
        goal.resources = list("resources");
        goal.profile = text("profile").trimmed();
        const QString priority = text("priority").trimmed();
        if (!priority.isEmpty()) {
            if (const std::optional<Priority> known = priorityFromString(priority))
                goal.priority = *known;
            else
                fail("priority",
                     QStringLiteral("unknown priority '%1' (expected low, medium, high or critical)").arg(priority));
        }
        return goal;
    }

private:
    // Models number their goals as often as they name them: an integral number stands for its digits.
    static std::optional<QString> scalar(const QJsonValue &value, bool numbersToo)
    {
        if (value.isString())
            return value.toString();
        if (numbersToo && value.isDouble() && value.toDouble() == double(value.toInteger()))
            return QString::number(value.toInteger());
        return std::nullopt;
    }

    QString text(const char *key, bool numbersToo = false)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull())
            return {};
        if (std::optional<QString> string = scalar(value, numbersToo))
            return *string;
        fail(key, QStringLiteral("expected a string, got %1").arg(describe(value)));
        return {};
    }

    // A list of strings; one string counts as a list of one, as in plan files. Blank items are dropped.
    QStringList list(const char *key, bool numbersToo = false)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull())
            return {};
        const QJsonArray items = value.isArray() ? value.toArray() : QJsonArray{value};
        QStringList strings;
        for (const QJsonValue &item : items) {
            const std::optional<QString> string = scalar(item, numbersToo);
            if (!string) {
                fail(
                    key,
                    QStringLiteral("expected a list of strings, got %1").arg(describe(value.isArray() ? item : value)));
                return {};
            }
            if (!string->trimmed().isEmpty())
                strings << string->trimmed();
        }
        return strings;
    }

    void fail(const char *key, const QString &reason)
    {
        GoalProblem problem;
        problem.goalIndex = m_index;
        problem.goalId = m_id;
        problem.field = QString::fromLatin1(key);
        problem.label =
            m_id.isEmpty() ? QStringLiteral("goal #%1").arg(m_index + 1) : QStringLiteral("goal '%1'").arg(m_id);
        problem.reason = reason;
        if (!m_id.isEmpty())
            problem.goalIds = QStringList{m_id};
        m_problems << problem;
    }

    const QJsonObject &m_object;
    const int m_index;
    QList<GoalProblem> &m_problems;
    QString m_id;
};

GoalProblem planProblem(const QString &reason)
{
    GoalProblem problem;
    problem.reason = reason;
    return problem;
}

} // namespace

std::optional<QJsonDocument> PlanReply::findJson(const QString &reply, QString *error)
{
    QString firstError;
    const auto rememberError = [&firstError](const QString &message) {
        if (firstError.isEmpty())
            firstError = message;
    };

    // A fenced block is where a model that ignores "JSON only" puts it; an unclosed fence (a reply cut off)
    // runs to the end.
    static const QRegularExpression fence(QStringLiteral("```[A-Za-z0-9_+-]*[ \\t]*\\r?\\n(.*?)(?:```|$)"),
                                          QRegularExpression::DotMatchesEverythingOption);
    for (auto it = fence.globalMatch(reply); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const QStringView body = match.capturedView(1).trimmed();
        if (!body.startsWith(u'{') && !body.startsWith(u'['))
            continue;
        const qsizetype start = match.capturedStart(1) + match.capturedView(1).indexOf(body.front());
        const qsizetype end = start + body.size();
        Parsed parsed = parseSpan(reply, start, end);
        if (parsed.error.isEmpty() && (hasGoals(parsed.document) || parsed.document.isArray()))
            return parsed.document;
        rememberError(parsed.error);
    }

    // Else the first bracket whose span parses: prose around the JSON, even prose with brackets of its own.
    // A span inside one already tried (parsed, or broken: a goal object inside a plan with a syntax error) is
    // only taken if it holds the goals itself.
    std::optional<QJsonDocument> fallback;
    qsizetype triedUntil = -1;
    int tried = 0;
    for (qsizetype start = 0; start < reply.size() && tried < MaxStarts; ++start) {
        const QChar c = reply.at(start);
        if (c != u'{' && c != u'[')
            continue;
        ++tried;
        const qsizetype matched = matchingEnd(reply, start);
        const qsizetype end = matched < 0 ? reply.size() : matched;
        Parsed parsed = parseSpan(reply, start, end);
        const bool nested = start < triedUntil;
        triedUntil = std::max(triedUntil, end);
        if (!parsed.error.isEmpty()) {
            rememberError(parsed.error);
            continue;
        }
        if (hasGoals(parsed.document))
            return parsed.document;
        if (!nested && !fallback)
            fallback = parsed.document;
    }
    if (fallback)
        return fallback;
    if (error) {
        if (!firstError.isEmpty()) {
            *error = firstError;
        } else {
            QString start = reply.simplified();
            if (start.size() > 60)
                start = start.first(59) + QChar(0x2026);
            *error = start.isEmpty()
                         ? QStringLiteral("reply is not JSON: the reply is empty")
                         : QStringLiteral("reply is not JSON: it holds no JSON object (it reads “%1”)").arg(start);
        }
    }
    return std::nullopt;
}

PlanDraft PlanReply::goalsFromJson(const QJsonDocument &document)
{
    PlanDraft draft;
    QJsonArray items;
    if (document.isObject()) {
        const QJsonObject root = document.object();
        const QJsonValue goals = root.value(u"goals");
        if (goals.isUndefined()) {
            const QStringList keys = root.keys();
            draft.problems << planProblem(keys.isEmpty()
                                              ? QStringLiteral("the reply's JSON has no \"goals\" list")
                                              : QStringLiteral("the reply's JSON has no \"goals\" list (it has: %1)")
                                                    .arg(keys.join(QStringLiteral(", "))));
            return draft;
        }
        if (!goals.isArray()) {
            draft.problems << planProblem(QStringLiteral("\"goals\" must be a list, got %1").arg(describe(goals)));
            return draft;
        }
        items = goals.toArray();
    } else {
        items = document.array();
    }
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonValue item = items.at(i);
        if (!item.isObject()) {
            draft.problems << planProblem(
                QStringLiteral("goals[%1]: expected an object, got %2").arg(i).arg(describe(item)));
            continue;
        }
        const QJsonObject object = item.toObject();
        draft.goals << GoalReader(object, static_cast<int>(draft.goals.size()), draft.problems).read();
    }
    return draft;
}

QList<GoalProblem> PlanReply::check(const QList<Goal> &goals, const QList<AgentProfile> &profiles)
{
    QList<GoalProblem> problems;
    if (goals.isEmpty()) {
        problems << planProblem(QStringLiteral("the plan has no goals"));
        return problems;
    }
    QList<int> badIds; // named here in the planner's own words; the validator's id check would repeat them
    for (int i = 0; i < goals.size(); ++i) {
        const Goal &goal = goals.at(i);
        if (goal.id.trimmed().isEmpty() || isSimpleId(goal.id))
            continue;
        badIds << i;
        GoalProblem problem;
        problem.goalIndex = i;
        problem.goalId = goal.id;
        problem.field = QStringLiteral("id");
        problem.label = QStringLiteral("goal %1").arg(InputLimits::shortQuote(goal.id));
        problem.reason = QStringLiteral("not a simple name: use letters, digits, '-', '_' or '.', without spaces");
        problem.goalIds = QStringList{goal.id};
        problems << problem;
    }
    for (const GoalProblem &problem : GoalBatchValidator::problems(goals, {}, profiles)) {
        if (problem.field != u"id" || !badIds.contains(problem.goalIndex))
            problems << problem;
    }
    return problems;
}

PlanDraft PlanReply::interpret(const QString &reply, const QList<AgentProfile> &profiles)
{
    QString error;
    const std::optional<QJsonDocument> document = findJson(reply, &error);
    if (!document) {
        PlanDraft draft;
        draft.problems << planProblem(error);
        return draft;
    }
    PlanDraft draft = goalsFromJson(*document);
    // A reply whose "goals" could not be read at all has nothing for the plan rules to look at.
    if (draft.goals.isEmpty() && !draft.problems.isEmpty())
        return draft;
    draft.problems << check(draft.goals, profiles);
    return draft;
}

bool PlanReply::isSimpleId(const QString &id)
{
    static const QRegularExpression simple(QStringLiteral("^[\\p{L}\\p{N}_][\\p{L}\\p{N}_.-]*$"));
    return simple.match(id).hasMatch();
}

} // namespace switchboard
