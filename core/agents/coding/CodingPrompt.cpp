#include "CodingPrompt.h"

#include "agents/AgentContext.h"

#include <QJsonDocument>

namespace switchboard {

using namespace Qt::StringLiterals;

QString CodingPrompt::build(const AgentContext &context)
{
    const Goal &goal = context.goal();
    QString text = goal.title.trimmed();
    const QString description = goal.description.trimmed();
    if (!description.isEmpty() && description != text)
        text += (text.isEmpty() ? QString() : u"\n\n"_s) + description;
    if (!goal.successCriteria.isEmpty()) {
        text += u"\n\nSuccess criteria:"_s;
        for (const QString &criterion : goal.successCriteria)
            text += u"\n- "_s + criterion;
    }
    const QJsonObject &inputs = context.inputs();
    if (!inputs.isEmpty()) {
        text += u"\n\nResults of the goals this one depends on:"_s;
        for (auto it = inputs.begin(); it != inputs.end(); ++it) {
            text += u"\n\n## "_s + it.key();
            const QJsonValue value = it.value();
            if (value.isString()) {
                text += u'\n' + value.toString();
                continue;
            }
            const QJsonObject entry = value.toObject();
            const QString summary = entry.value(u"summary").toString();
            const QString output = entry.value(u"output").toString();
            if (!summary.isEmpty())
                text += u'\n' + summary;
            if (!output.isEmpty() && output != summary)
                text += u"\nOutput: "_s + output;
            if (summary.isEmpty() && output.isEmpty())
                text += u'\n' + QString::fromUtf8(QJsonDocument(entry).toJson(QJsonDocument::Compact));
        }
    }
    return text;
}

} // namespace switchboard
