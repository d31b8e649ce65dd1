#include "AgentPrompt.h"

#include "agents/AgentContext.h"
#include "llm/JsonText.h"

#include <QJsonArray>
#include <QJsonObject>

namespace switchboard {

namespace {

QString cut(const QString &text, qsizetype maxChars)
{
    if (text.size() <= maxChars)
        return text;
    return text.left(maxChars) + QStringLiteral(" … [%1 more characters]").arg(text.size() - maxChars);
}

QString jsonText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isObject() || value.isArray()) {
        QByteArray text;
        llm::json::appendValue(text, value);
        return QString::fromUtf8(text);
    }
    return value.toVariant().toString();
}

// Items joined until the section is full; the rest is counted.
QString section(const QString &title, const QStringList &items)
{
    if (items.isEmpty())
        return {};
    QString text = QStringLiteral("\n## ") + title + u'\n';
    qsizetype used = 0;
    int left = 0;
    for (const QString &item : items) {
        if (used + item.size() > AgentPrompt::MaxSectionChars) {
            ++left;
            continue;
        }
        text += item + u'\n';
        used += item.size();
    }
    if (left > 0)
        text += QStringLiteral("[%1 more not shown]\n").arg(left);
    return text;
}

} // namespace

QString AgentPrompt::goal(const AgentContext &context)
{
    const Goal &goal = context.goal();
    QString text = QStringLiteral("Your goal: ") + goal.title;
    if (!goal.description.isEmpty() && goal.description != goal.title)
        text += QStringLiteral("\n\n") + goal.description;
    if (!goal.successCriteria.isEmpty())
        text += QStringLiteral("\n\nIt is done when:\n- ") + goal.successCriteria.join(QStringLiteral("\n- "));
    text += QStringLiteral("\n\nWork on it with your tools, then call finish with a summary.");
    return text;
}

QString AgentPrompt::system(const AgentContext &context, const QList<llm::ToolSpec> &tools)
{
    const Goal &goal = context.goal();
    QString text = QStringLiteral(
        "You are an autonomous agent run by Switchboard, working on one goal of a larger run next to other agents. "
        "You act only through your tools.\n");

    text += QStringLiteral("\n## Goal\nid: %1\ntitle: %2\n").arg(goal.id, goal.title);
    if (!goal.description.isEmpty())
        text += QStringLiteral("description:\n") + cut(goal.description, MaxSectionChars) + u'\n';
    if (!goal.successCriteria.isEmpty())
        text += QStringLiteral("success criteria:\n- ") + goal.successCriteria.join(QStringLiteral("\n- ")) + u'\n';

    QStringList inputs;
    const QJsonObject &given = context.inputs();
    for (auto it = given.constBegin(); it != given.constEnd(); ++it)
        inputs << QStringLiteral("from goal %1:\n%2").arg(it.key(), cut(jsonText(it.value()), MaxItemChars));
    text += section(QStringLiteral("Inputs from the goals before this one"), inputs);

    QStringList answers;
    for (const QJsonValue &value : context.answers()) {
        const QJsonObject answer = value.toObject();
        QString reply = answer.value(u"option").toString();
        const QString note = answer.value(u"text").toString();
        if (!note.isEmpty())
            reply = reply.isEmpty() ? note : reply + QStringLiteral(" (") + note + u')';
        answers << QStringLiteral("Q: %1\nA: %2")
                       .arg(cut(answer.value(u"question").toString(), MaxItemChars), cut(reply, MaxItemChars));
    }
    text += section(QStringLiteral("Answers the human already gave (do not ask these again)"), answers);

    QStringList notes;
    for (const NoteRecord &note : context.readNotes({})) {
        notes << QStringLiteral("[%1] by %2: %3")
                     .arg(note.key, note.authorAgentId.isEmpty() ? QStringLiteral("human") : note.authorAgentId,
                          cut(note.text, MaxItemChars));
    }
    text += section(QStringLiteral("Notes on the run's shared scratchpad"), notes);

    QStringList names;
    bool canRun = false;
    for (const llm::ToolSpec &tool : tools) {
        names << tool.name;
        canRun = canRun || tool.name == u"run_command";
    }
    // Joined, not .arg(): arg() scans the whole text for its markers on every attempt.
    text += QStringLiteral("\n## Workspace\nYour workspace is ") + context.workspace() +
            QStringLiteral(". Every path you give is relative to it, and paths that lead outside it (\"..\", absolute "
                           "paths elsewhere, links to the outside) are refused.\n");
    text +=
        QStringLiteral("\n## How to work\n- Tools: ") + names.join(QStringLiteral(", ")) +
        QStringLiteral(
            ".\n"
            "- Look before you change anything: list_files, read_file, search_files.\n"
            "- Change files with write_file (the whole file) or edit_file (one exact replacement: old_text must occur "
            "exactly once). Files are locked while they are written; when one is locked by another agent, do something "
            "else first and try again later.\n"
            "- When a decision is not yours to make (architecture, security, data, permissions) or the goal is "
            "unclear, "
            "call ask_human and wait for the answer instead of guessing.\n"
            "- Report progress with update_progress now and then; share what other agents should know with "
            "add_note.\n");
    if (canRun)
        text += QStringLiteral("- run_command runs one allowed program without a shell (no pipes, no redirection) "
                               "in the workspace.\n");
    text += QStringLiteral("- When the goal is done, call finish with a short summary of what you did and where the "
                           "results are. An answer without a tool call also ends your work: it is taken as your "
                           "result.\n");
    return text;
}

} // namespace switchboard
