#include "Isolation.h"

#include <QJsonArray>

namespace switchboard {

QString isolationModeToString(IsolationMode mode)
{
    return mode == IsolationMode::Worktree ? QStringLiteral("worktree") : QStringLiteral("shared");
}

std::optional<IsolationMode> isolationModeFromString(const QString &text)
{
    const QString name = text.trimmed().toLower();
    if (name == u"worktree")
        return IsolationMode::Worktree;
    if (name == u"shared")
        return IsolationMode::Shared;
    return std::nullopt;
}

QJsonObject isolationToJson(const IsolationSettings &settings)
{
    QJsonObject json;
    if (settings.mode)
        json.insert(u"isolation", isolationModeToString(*settings.mode));
    if (!settings.repo.isEmpty())
        json.insert(u"repo", settings.repo);
    if (!settings.baseBranch.isEmpty())
        json.insert(u"base_branch", settings.baseBranch);
    if (!settings.setup.isEmpty())
        json.insert(u"setup", QJsonArray::fromStringList(settings.setup));
    return json;
}

IsolationSettings isolationFromJson(const QJsonObject &json)
{
    IsolationSettings settings;
    if (json.contains(u"isolation"))
        settings.mode = isolationModeFromString(json.value(u"isolation").toString());
    settings.repo = json.value(u"repo").toString();
    settings.baseBranch = json.value(u"base_branch").toString();
    for (const QJsonValue &arg : json.value(u"setup").toArray())
        settings.setup << arg.toString();
    return settings;
}

} // namespace switchboard
