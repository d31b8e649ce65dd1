#include "RunSettings.h"

#include "ConfigLoader.h"
#include "Plan.h"
#include "PlanLoader.h"

namespace switchboard {

namespace {
const QString kConfigFile = QStringLiteral("config_file");
const QString kConfigText = QStringLiteral("config_yaml");
const QString kPlanFile = QStringLiteral("plan_file");
const QString kPlanText = QStringLiteral("plan_yaml");
const QString kWorkspace = QStringLiteral("workspace");
const QString kMaxParallel = QStringLiteral("max_parallel");
const QString kMode = QStringLiteral("mode");
} // namespace

RunSettings RunSettings::fromConfig(const Config &config)
{
    RunSettings settings;
    settings.configFile = config.file;
    settings.configText = config.sourceText;
    return settings;
}

RunSettings RunSettings::fromPlan(const Plan &plan)
{
    RunSettings settings = fromConfig(plan.config);
    settings.planFile = plan.file;
    settings.planText = plan.sourceText;
    return settings;
}

RunSettings RunSettings::fromJson(const QJsonObject &json)
{
    RunSettings settings;
    settings.configFile = json.value(kConfigFile).toString();
    settings.configText = json.value(kConfigText).toString().toUtf8();
    settings.planFile = json.value(kPlanFile).toString();
    settings.planText = json.value(kPlanText).toString().toUtf8();
    settings.workspace = json.value(kWorkspace).toString();
    settings.maxParallel = json.value(kMaxParallel).toInt();
    settings.mode = json.value(kMode).toString();
    return settings;
}

QJsonObject RunSettings::toJson() const
{
    QJsonObject json{{kConfigFile, configFile}, {kConfigText, QString::fromUtf8(configText)}};
    if (!planText.isEmpty()) {
        json.insert(kPlanFile, planFile);
        json.insert(kPlanText, QString::fromUtf8(planText));
    }
    if (!workspace.isEmpty())
        json.insert(kWorkspace, workspace);
    if (maxParallel > 0)
        json.insert(kMaxParallel, maxParallel);
    if (!mode.isEmpty())
        json.insert(kMode, mode);
    return json;
}

std::optional<Config> RunSettings::effectiveConfig(ConfigError *error) const
{
    std::optional<Config> base = configText.isEmpty() ? std::optional<Config>(ConfigLoader::defaults())
                                                      : ConfigLoader::loadString(configText, configFile, error);
    if (!base || planText.isEmpty())
        return base;
    const std::optional<Plan> plan = PlanLoader::loadString(planText, planFile, *base, error);
    if (!plan)
        return std::nullopt;
    return plan->config;
}

} // namespace switchboard
