#include "ConfigLoader.h"

#include "YamlSections.h"
#include "YamlSupport.h"
#include "agents/BackendRegistry.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QtGlobal>

namespace switchboard {

namespace {

const QString &defaultResource()
{
    static const QString path = QStringLiteral(":/config/switchboard.yaml");
    return path;
}

void setError(ConfigError *error, ConfigError value)
{
    if (error)
        *error = std::move(value);
}

} // namespace

Config ConfigLoader::defaults()
{
    ConfigError error;
    if (std::optional<Config> config = loadString(defaultConfigText(), defaultResource(), &error)) {
        config->file.clear(); // built in, not a file a person can open
        return *config;
    }
    // Only a broken build gets here; keep the app usable with the same demo profile.
    qCritical("switchboard: the built-in default config does not load: %s", qPrintable(error.toString()));
    Config config;
    config.workflow.maxParallel = 4;
    AgentProfile demo;
    demo.name = QStringLiteral("demo");
    demo.capabilities = QStringList{QStringLiteral("code"), QStringLiteral("test"), QStringLiteral("docs")};
    config.profiles.append(demo);
    config.warnings.append(error);
    return config;
}

QByteArray ConfigLoader::defaultConfigText()
{
    QFile file(defaultResource());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QString ConfigLoader::defaultConfigPath()
{
    // ~/.config/switchboard/switchboard.yaml: one short, predictable place to edit by hand.
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + u"/switchboard/switchboard.yaml";
}

bool ConfigLoader::writeDefaultIfMissing(const QString &path, QString *error)
{
    if (QFileInfo::exists(path))
        return true;
    const QString dir = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(dir)) {
        if (error)
            *error = QStringLiteral("cannot create the directory %1").arg(QDir::toNativeSeparators(dir));
        return false;
    }
    const QByteArray text = defaultConfigText();
    QSaveFile file(path);
    if (text.isEmpty() || !file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
        if (error) {
            *error = QStringLiteral("cannot write %1: %2")
                         .arg(QDir::toNativeSeparators(path),
                              text.isEmpty() ? QStringLiteral("the built-in default config is missing")
                                             : file.errorString());
        }
        return false;
    }
    return true;
}

std::optional<Config> ConfigLoader::loadFile(const QString &path, ConfigError *error, const QStringList &knownBackends)
{
    return loadFile(path, error, BackendRegistry::forNames(knownBackends));
}

std::optional<Config> ConfigLoader::loadString(const QByteArray &yaml, const QString &fileName, ConfigError *error,
                                               const QStringList &knownBackends)
{
    return loadString(yaml, fileName, error, BackendRegistry::forNames(knownBackends));
}

std::optional<Config> ConfigLoader::loadFile(const QString &path, ConfigError *error, const BackendRegistry &backends)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(error, ConfigError{path, 0, 0, QStringLiteral("cannot read the file: %1").arg(file.errorString())});
        return std::nullopt;
    }
    return loadString(file.readAll(), path, error, backends);
}

std::optional<Config> ConfigLoader::loadString(const QByteArray &yaml, const QString &fileName, ConfigError *error,
                                               const BackendRegistry &backends)
{
    yaml::Document doc(fileName);
    try {
        const YAML::Node root = doc.parse(yaml);
        if (yaml::isNull(root))
            doc.fail(yaml::Location{}, QStringLiteral("the file is empty; expected 'workflow' and 'agents' sections"));
        const yaml::Map top(doc, root, QString(), QString(),
                            {QStringLiteral("workflow"), QStringLiteral("agents"), QStringLiteral("metrics")});

        Config config;
        config.file = fileName;
        config.sourceText = yaml;
        yaml::readWorkflow(doc, top, config.workflow);
        yaml::readMetrics(doc, top, config.metrics);
        for (const yaml::ProfileEntry &entry : yaml::readAgents(doc, top, backends, config.workflow))
            config.profiles.append(entry.profile);
        if (config.profiles.isEmpty()) {
            doc.warn(top.has("agents") ? top.valueLocation("agents") : top.location(),
                     QStringLiteral("no agent profiles defined (agents.definitions); every plan must bring its own"));
        }
        config.warnings = doc.takeWarnings();
        return config;
    } catch (const yaml::LoadFailure &failure) {
        setError(error, failure.error());
    } catch (const YAML::Exception &e) {
        // Parse errors are handled by Document; this is yaml-cpp refusing a node operation.
        const yaml::Location where =
            e.mark.is_null() ? yaml::Location{} : yaml::Location{e.mark.line + 1, e.mark.column + 1};
        setError(error, doc.errorAt(where, QString::fromStdString(e.msg)));
    }
    return std::nullopt;
}

} // namespace switchboard
