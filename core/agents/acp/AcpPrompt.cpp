#include "AcpPrompt.h"

#include "agents/AgentContext.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace switchboard {

namespace {

QString cut(const QString &text, qsizetype max)
{
    if (text.size() <= max)
        return text;
    return text.left(max) + QStringLiteral("\n[… %1 more characters left out]").arg(text.size() - max);
}

QJsonObject textBlock(const QString &text)
{
    return {{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), text}};
}

QString valueText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    // A dependency's result as the orchestrator passes it: its summary, and the data it handed on if any.
    if (const QJsonObject result = value.toObject(); result.value(u"summary").isString()) {
        QString text = result.value(u"summary").toString();
        if (const QString output = result.value(u"output").toString(); !output.isEmpty())
            text += QStringLiteral("\noutput: ") + output;
        return text;
    }
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented));
    return value.toVariant().toString();
}

} // namespace

QJsonArray AcpPrompt::blocks(const AgentContext &context, const QString &workspace)
{
    const Goal &goal = context.goal();
    QJsonArray blocks;

    QString main = QStringLiteral("Your goal (%1): %2").arg(goal.id, goal.title);
    if (!goal.description.isEmpty() && goal.description != goal.title)
        main += QStringLiteral("\n\n") + goal.description;
    blocks.append(textBlock(cut(main, MaxBlockChars)));

    if (!goal.successCriteria.isEmpty())
        blocks.append(
            textBlock(cut(QStringLiteral("It is done when:\n- ") + goal.successCriteria.join(QStringLiteral("\n- ")),
                          MaxBlockChars)));

    const QJsonObject &inputs = context.inputs();
    if (!inputs.isEmpty()) {
        QString text = QStringLiteral("Results of the goals this one depends on:");
        for (auto it = inputs.constBegin(); it != inputs.constEnd(); ++it)
            text += QStringLiteral("\n\nfrom goal %1:\n%2").arg(it.key(), cut(valueText(it.value()), MaxInputChars));
        blocks.append(textBlock(cut(text, MaxBlockChars)));
    }

    const QJsonArray answers = context.goalMessage().value(u"answers").toArray();
    if (!answers.isEmpty()) {
        QString text = QStringLiteral("Answers the human already gave on this goal (do not ask these again):");
        for (const QJsonValue &value : answers) {
            const QJsonObject answer = value.toObject();
            QString reply = answer.value(u"option").toString();
            const QString note = answer.value(u"text").toString();
            if (!note.isEmpty())
                reply = reply.isEmpty() ? note : reply + QStringLiteral(" (") + note + u')';
            text += QStringLiteral("\n\nQ: %1\nA: %2")
                        .arg(cut(answer.value(u"question").toString(), MaxInputChars), cut(reply, MaxInputChars));
        }
        blocks.append(textBlock(cut(text, MaxBlockChars)));
    }

    blocks.append(textBlock(QStringLiteral("Work in %1. Other agents may work on other goals of the same run at the "
                                           "same time. When you are done, end your turn with a short summary of what "
                                           "you did.")
                                .arg(workspace)));
    return blocks;
}

QString AcpPrompt::text(const QJsonArray &blocks)
{
    QStringList parts;
    for (const QJsonValue &block : blocks)
        parts << block.toObject().value(u"text").toString();
    return parts.join(QStringLiteral("\n\n"));
}

} // namespace switchboard
