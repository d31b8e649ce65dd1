#include "ProfileEditor.h"

#include "ApiKeyField.h"
#include "ConnectionTest.h"
#include "ExecutorFields.h"
#include "config/LlmProfileRules.h"
#include "execution/ExecutorRules.h"
#include "style/FormStyle.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QCompleter>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace switchboard {

namespace {

constexpr int kMaxSeconds = 7 * 24 * 3600;

bool isCodingBackend(const QString &backend)
{
    static const QStringList names{QStringLiteral("claude-code"), QStringLiteral("codex"), QStringLiteral("gemini"),
                                   QStringLiteral("aider"), QStringLiteral("acp")};
    return names.contains(backend);
}

// An argument as QProcess::splitCommand() reads it back: quoted when it has spaces or quotes, a quote as """.
QString quoted(const QString &argument)
{
    const bool plain = !argument.isEmpty() && std::none_of(argument.cbegin(), argument.cend(),
                                                           [](QChar c) { return c.isSpace() || c == u'"'; });
    if (plain)
        return argument;
    QString text = argument;
    text.replace(QStringLiteral("\""), QStringLiteral("\"\"\""));
    return u'"' + text + u'"';
}

QString joinCommand(const QStringList &argv)
{
    QStringList parts;
    for (const QString &argument : argv)
        parts << quoted(argument);
    return parts.join(u' ');
}

QStringList splitList(const QString &text)
{
    QStringList items;
    for (const QString &item : text.split(u',', Qt::SkipEmptyParts)) {
        if (!item.trimmed().isEmpty())
            items << item.trimmed();
    }
    return items;
}

QString formatSeconds(double seconds)
{
    return QString::number(seconds, 'g', QLocale::FloatingPointShortest);
}

const BackendRegistry &registry()
{
    // The checks ConfigLoader makes: every built-in backend's.
    static const BackendRegistry backends = BackendRegistry::forNames({});
    return backends;
}

QSpinBox *secondsBox(const QString &objectName, int minimum)
{
    auto *box = new QSpinBox;
    box->setObjectName(objectName);
    box->setRange(minimum, kMaxSeconds);
    box->setAccelerated(true);
    return box;
}

} // namespace

ProfileEditor::ProfileEditor(QProcessEnvironment environment, QWidget *parent)
    : QWidget(parent)
    , m_generalError(FormStyle::makeErrorLabel(this, QStringLiteral("profileErrors")))
    , m_identity(new QGroupBox(this))
    , m_identityForm(new QFormLayout(m_identity))
    , m_name(new QLineEdit)
    , m_backend(new QComboBox)
    , m_model(new QLineEdit)
    , m_capabilities(new QLineEdit)
    , m_connection(new QGroupBox(this))
    , m_connectionForm(new QFormLayout(m_connection))
    , m_baseUrl(new QLineEdit)
    , m_keyVariable(new QLineEdit)
    , m_apiKey(new ApiKeyField)
    , m_testButton(new QPushButton)
    , m_testResult(new QLabel)
    , m_test(new ConnectionTest(std::move(environment), this))
    , m_commandGroup(new QGroupBox(this))
    , m_commandForm(new QFormLayout(m_commandGroup))
    , m_command(new QLineEdit)
    , m_args(new QLineEdit)
    , m_workingDirectory(new QLineEdit)
    , m_executorGroup(new QGroupBox(this))
    , m_executor(new ExecutorFields(ExecutorFields::Mode::Profile, m_executorGroup))
    , m_limits(new QGroupBox(this))
    , m_limitsForm(new QFormLayout(m_limits))
    , m_maxConcurrent(new QSpinBox)
    , m_timeout(secondsBox(QStringLiteral("profileTimeout"), 0))
    , m_idleTimeout(secondsBox(QStringLiteral("profileIdleTimeout"), 0))
    , m_connectTimeout(secondsBox(QStringLiteral("profileConnectTimeout"), 1))
    , m_streamIdleTimeout(secondsBox(QStringLiteral("profileStreamIdleTimeout"), 1))
    , m_maxRetries(new QSpinBox)
    , m_backoff(new QLineEdit)
    , m_jitter(new QDoubleSpinBox)
{
    setObjectName(QStringLiteral("profileEditor"));
    m_name->setObjectName(QStringLiteral("profileName"));
    m_backend->setObjectName(QStringLiteral("profileBackend"));
    for (const QString &name : registry().names())
        m_backend->addItem(name, name);
    m_model->setObjectName(QStringLiteral("profileModel"));
    m_capabilities->setObjectName(QStringLiteral("profileCapabilities"));
    m_baseUrl->setObjectName(QStringLiteral("profileBaseUrl"));
    m_keyVariable->setObjectName(QStringLiteral("profileApiKeyEnv"));
    m_apiKey->setObjectName(QStringLiteral("profileApiKey"));
    m_testButton->setObjectName(QStringLiteral("testConnectionButton"));
    m_testResult->setObjectName(QStringLiteral("testConnectionResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_testResult->setTextFormat(Qt::PlainText);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResult->hide();
    m_command->setObjectName(QStringLiteral("profileCommand"));
    m_args->setObjectName(QStringLiteral("profileArgs"));
    m_workingDirectory->setObjectName(QStringLiteral("profileWorkingDirectory"));
    m_maxConcurrent->setObjectName(QStringLiteral("profileMaxConcurrent"));
    m_maxConcurrent->setRange(0, 1024);
    m_maxRetries->setObjectName(QStringLiteral("profileMaxRetries"));
    m_maxRetries->setRange(0, 100);
    m_backoff->setObjectName(QStringLiteral("profileBackoff"));
    m_jitter->setObjectName(QStringLiteral("profileJitter"));
    m_jitter->setRange(0.0, 1.0);
    m_jitter->setSingleStep(0.05);
    m_jitter->setDecimals(2);

    for (QFormLayout *form : {m_identityForm, m_connectionForm, m_commandForm, m_limitsForm}) {
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    }
    addRow(m_identityForm, QStringLiteral("name"), m_name);
    addRow(m_identityForm, QStringLiteral("backend"), m_backend);
    addRow(m_identityForm, QStringLiteral("model"), m_model);
    addRow(m_identityForm, QStringLiteral("capabilities"), m_capabilities);

    addRow(m_connectionForm, QStringLiteral("base_url"), m_baseUrl);
    addRow(m_connectionForm, QStringLiteral("api_key_env"), m_keyVariable);
    addRow(m_connectionForm, QStringLiteral("api_key"), m_apiKey);
    auto *test = new QWidget;
    auto *testColumn = new QVBoxLayout(test);
    testColumn->setContentsMargins(0, 0, 0, 0);
    testColumn->addWidget(m_testButton, 0, Qt::AlignLeft);
    testColumn->addWidget(m_testResult);
    m_connectionForm->addRow(QString(), test);

    addRow(m_commandForm, QStringLiteral("command"), m_command);
    addRow(m_commandForm, QStringLiteral("args"), m_args);
    addRow(m_commandForm, QStringLiteral("working_directory"), m_workingDirectory);

    m_executorGroup->setObjectName(QStringLiteral("profileRunsOn"));
    (new QVBoxLayout(m_executorGroup))->addWidget(m_executor);

    addRow(m_limitsForm, QStringLiteral("max_concurrent"), m_maxConcurrent);
    addRow(m_limitsForm, QStringLiteral("timeout_s"), m_timeout);
    addRow(m_limitsForm, QStringLiteral("idle_timeout_s"), m_idleTimeout);
    addRow(m_limitsForm, QStringLiteral("connect_timeout_s"), m_connectTimeout);
    addRow(m_limitsForm, QStringLiteral("stream_idle_timeout_s"), m_streamIdleTimeout);
    addRow(m_limitsForm, QStringLiteral("max_retries"), m_maxRetries);
    addRow(m_limitsForm, QStringLiteral("retry"), m_backoff);
    addRow(m_limitsForm, QStringLiteral("jitter"), m_jitter);

    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(m_generalError);
    column->addWidget(m_identity);
    column->addWidget(m_connection);
    column->addWidget(m_commandGroup);
    column->addWidget(m_executorGroup);
    column->addWidget(m_limits);
    column->addStretch(1);

    const auto edited = [this] {
        if (!m_loading)
            Q_EMIT changed();
    };
    for (QLineEdit *edit :
         {m_name, m_model, m_capabilities, m_baseUrl, m_keyVariable, m_command, m_args, m_workingDirectory, m_backoff})
        connect(edit, &QLineEdit::textChanged, this, edited);
    for (QSpinBox *box :
         {m_maxConcurrent, m_timeout, m_idleTimeout, m_connectTimeout, m_streamIdleTimeout, m_maxRetries})
        connect(box, &QSpinBox::valueChanged, this, edited);
    connect(m_jitter, &QDoubleSpinBox::valueChanged, this, edited);
    connect(m_executor, &ExecutorFields::changed, this, edited);
    connect(m_backend, &QComboBox::currentIndexChanged, this, [this, edited] {
        updateVisibility();
        edited();
    });
    connect(m_name, &QLineEdit::editingFinished, this, [this] { m_apiKey->setProfileName(m_name->text().trimmed()); });
    connect(m_apiKey, &ApiKeyField::environmentRequested, this, [this] {
        m_keyVariable->setFocus(Qt::OtherFocusReason);
        if (m_keyVariable->text().isEmpty())
            m_keyVariable->setText(LlmProfileRules::defaultKeyVariable(m_backend->currentData().toString()));
        m_keyVariable->selectAll();
    });
    connect(m_testButton, &QPushButton::clicked, this, &ProfileEditor::runConnectionTest);
    connect(m_test, &ConnectionTest::finished, this, [this](const ConnectionTest::Outcome &outcome) {
        m_testButton->setEnabled(true);
        if (!outcome.ok) {
            m_testResult->setText(tr("Could not list the models: %1").arg(outcome.error));
            FormStyle::updateErrorColor(m_testResult);
        } else {
            m_testResult->setPalette(QPalette());
            const QStringList shown = outcome.models.mid(0, 12);
            QString text = outcome.models.isEmpty() ? tr("Connected. The server lists no models.")
                                                    : tr("Connected. Models on the server (%1): %2")
                                                          .arg(outcome.models.size())
                                                          .arg(shown.join(QStringLiteral(", ")));
            if (outcome.models.size() > shown.size())
                text += QStringLiteral(", …");
            m_testResult->setText(text);
            // The listed models complete the model field.
            auto *completer = new QCompleter(outcome.models, m_model);
            completer->setCaseSensitivity(Qt::CaseInsensitive);
            m_model->setCompleter(completer);
        }
        m_testResult->show();
    });
    retranslate();
    updateVisibility();
}

ProfileEditor::~ProfileEditor() = default;

QWidget *ProfileEditor::addRow(QFormLayout *form, const QString &key, QWidget *input)
{
    auto *cell = new QWidget;
    auto *column = new QVBoxLayout(cell);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    // Numbers read best in a box their own size, not stretched across the form.
    const bool number = qobject_cast<QAbstractSpinBox *>(input) != nullptr;
    if (number)
        input->setMinimumWidth(160);
    column->addWidget(input, 0, number ? Qt::AlignLeft : Qt::Alignment());
    QLabel *error = FormStyle::makeErrorLabel(cell, key + QStringLiteral("Error"));
    column->addWidget(error);
    auto *label = new QLabel;
    label->setBuddy(input);
    form->addRow(label, cell);
    m_fields.insert(key, Field{input, error});
    m_labels.insert(key, label);
    return cell;
}

void ProfileEditor::setProfile(const AgentProfile &profile)
{
    m_loading = true;
    m_profile = profile;
    m_name->setText(profile.name);
    int index = m_backend->findData(profile.backend);
    if (index < 0) {
        m_backend->addItem(profile.backend, profile.backend);
        index = m_backend->count() - 1;
    }
    m_backend->setCurrentIndex(index);
    m_model->setText(profile.model);
    m_model->setCompleter(nullptr);
    m_capabilities->setText(profile.capabilities.join(QStringLiteral(", ")));
    m_baseUrl->setText(profile.llm.baseUrl);
    m_keyVariable->setText(profile.llm.apiKeyEnv);
    m_apiKey->setProfileName(profile.name.trimmed());
    m_testResult->hide();
    m_command->setText(joinCommand(profile.command));
    m_args->setText(joinCommand(profile.args));
    m_workingDirectory->setText(profile.workingDirectory);
    m_executor->setExecutor(profile.executor);
    m_maxConcurrent->setValue(profile.maxConcurrent);
    m_timeout->setValue(profile.timeoutS);
    m_idleTimeout->setValue(profile.idleTimeoutS);
    m_connectTimeout->setValue(profile.llm.connectTimeoutS);
    m_streamIdleTimeout->setValue(profile.llm.idleTimeoutS);
    m_maxRetries->setValue(profile.retry.maxRetries);
    QStringList backoff;
    for (const double seconds : profile.retry.backoffS)
        backoff << formatSeconds(seconds);
    m_backoff->setText(backoff.join(QStringLiteral(", ")));
    m_jitter->setValue(profile.retry.jitter);
    updateVisibility();
    m_loading = false;
    showProblems();
}

QStringList ProfileEditor::backoffSeconds(QString *error) const
{
    QStringList steps;
    for (const QString &step : m_backoff->text().split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const double seconds = QLocale::c().toDouble(step.trimmed(), &ok);
        if (!ok || seconds < 0) {
            if (error)
                *error = tr("retry.backoff_s: expected seconds separated by commas (e.g. 60, 300, 900), got “%1”")
                             .arg(step.trimmed());
            return {};
        }
        steps << step.trimmed();
    }
    return steps;
}

AgentProfile ProfileEditor::profile() const
{
    AgentProfile p = m_profile;
    p.name = m_name->text().trimmed();
    p.backend = m_backend->currentData().toString();
    p.model = m_model->text().trimmed();
    p.capabilities = splitList(m_capabilities->text());
    const bool isLlm = LlmProfileRules::isLlmBackend(p.backend);
    if (isLlm) {
        p.llm.baseUrl = m_baseUrl->text().trimmed();
        p.llm.apiKeyEnv = m_keyVariable->text().trimmed();
        p.llm.connectTimeoutS = m_connectTimeout->value();
        p.llm.idleTimeoutS = m_streamIdleTimeout->value();
    }
    if (!isLlm && p.backend != u"demo") {
        p.command = QProcess::splitCommand(m_command->text());
        p.workingDirectory = p.backend == u"process" ? m_workingDirectory->text().trimmed() : QString();
    } else {
        p.command.clear();
        p.workingDirectory.clear();
    }
    p.args = isCodingBackend(p.backend) ? QProcess::splitCommand(m_args->text()) : QStringList();
    // Only a program can run elsewhere: another backend is local, and the file gets no executor key for it.
    p.executor = ExecutorRules::backendTakesExecutor(p.backend) ? m_executor->executor().value_or(ExecutorSpec{})
                                                                : ExecutorSpec{};
    p.maxConcurrent = m_maxConcurrent->value();
    p.timeoutS = m_timeout->value();
    p.idleTimeoutS = m_idleTimeout->value();
    p.retry.maxRetries = m_maxRetries->value();
    QString error;
    const QStringList steps = backoffSeconds(&error);
    if (error.isEmpty()) {
        p.retry.backoffS.clear();
        for (const QString &step : steps)
            p.retry.backoffS << QLocale::c().toDouble(step);
    }
    p.retry.jitter = m_jitter->value();
    return p;
}

void ProfileEditor::setOtherNames(const QStringList &names)
{
    m_otherNames = names;
}

QString ProfileEditor::backendLabel(const QString &backend)
{
    static const QHash<QString, const char *> names{
        {QStringLiteral("demo"), QT_TR_NOOP("Demo (offline, no model)")},
        {QStringLiteral("process"), QT_TR_NOOP("Process (JSON lines over stdio)")},
        {QStringLiteral("openai"), QT_TR_NOOP("OpenAI-compatible API")},
        {QStringLiteral("anthropic"), QT_TR_NOOP("Anthropic API")},
        {QStringLiteral("claude-code"), QT_TR_NOOP("Claude Code CLI")},
        {QStringLiteral("codex"), QT_TR_NOOP("Codex CLI")},
        {QStringLiteral("gemini"), QT_TR_NOOP("Gemini CLI")},
        {QStringLiteral("aider"), QT_TR_NOOP("Aider")},
        {QStringLiteral("acp"), QT_TR_NOOP("Agent Client Protocol agent")},
    };
    const char *text = names.value(backend);
    return text ? QStringLiteral("%1 (%2)").arg(tr(text), backend) : backend;
}

QList<BackendRegistry::ProfileError> ProfileEditor::problems() const
{
    QList<BackendRegistry::ProfileError> found = problemsOf(profile(), m_otherNames);
    // The executor's as the fields have them: a port typed as "22a" is a problem the spec (port 0) cannot show.
    found.removeIf([](const BackendRegistry::ProfileError &problem) {
        return problem.field.startsWith(QStringLiteral("executor."));
    });
    if (ExecutorRules::backendTakesExecutor(m_backend->currentData().toString())) {
        for (const ExecutorRules::Problem &problem : m_executor->problems())
            found.append({QStringLiteral("executor.") + problem.field, problem.message});
    }
    QString backoffError;
    backoffSeconds(&backoffError);
    if (!backoffError.isEmpty())
        found.append({QStringLiteral("retry"), backoffError});
    return found;
}

QList<BackendRegistry::ProfileError> ProfileEditor::problemsOf(const AgentProfile &p, const QStringList &otherNames)
{
    QList<BackendRegistry::ProfileError> found;
    if (p.name.trimmed().isEmpty())
        found.append({QStringLiteral("name"), tr("name: give the profile a name")});
    else if (otherNames.contains(p.name.trimmed()))
        found.append({QStringLiteral("name"), tr("name: another profile is already called “%1”").arg(p.name)});
    for (BackendRegistry::ProfileError problem : registry().validate(p)) {
        // The registry's messages name the field in their own words; each is shown starting with the field.
        if (!problem.field.isEmpty() && !problem.message.startsWith(problem.field + u':'))
            problem.message = problem.field + QStringLiteral(": ") + problem.message;
        found.append(problem);
    }
    if (ExecutorRules::backendTakesExecutor(p.backend)) {
        for (const ExecutorRules::Problem &problem : ExecutorRules::problems(p.executor))
            found.append(
                {QStringLiteral("executor.") + problem.field, problem.field + QStringLiteral(": ") + problem.message});
    }
    return found;
}

bool ProfileEditor::showProblems()
{
    const QList<BackendRegistry::ProfileError> found = problems();
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        FormStyle::setFieldError(it->input, it->error, QString());
    // The executor's problems show under its own fields.
    const bool executorShown = m_executor->isVisibleTo(this) && m_executor->showProblems();
    QStringList general;
    for (const BackendRegistry::ProfileError &problem : found) {
        if (executorShown && problem.field.startsWith(QStringLiteral("executor.")))
            continue;
        const QString key = problem.field.section(u'.', 0, 0);
        const auto field = m_fields.constFind(key);
        if (field != m_fields.cend() && field->input->isVisibleTo(this)) {
            const QString shown = field->error->text();
            FormStyle::setFieldError(field->input, field->error,
                                     shown.isEmpty() ? problem.message : shown + u'\n' + problem.message);
        } else {
            general << problem.message;
        }
    }
    FormStyle::setFieldError(nullptr, m_generalError, general.join(u'\n'));
    return !found.isEmpty();
}

QWidget *ProfileEditor::fieldWidget(const QString &field) const
{
    if (field.startsWith(QStringLiteral("executor.")))
        return m_executor->fieldWidget(field.section(u'.', 1));
    return m_fields.value(field.section(u'.', 0, 0)).input;
}

void ProfileEditor::updateVisibility()
{
    const QString backend = m_backend->currentData().toString();
    const bool isLlm = LlmProfileRules::isLlmBackend(backend);
    const bool coding = isCodingBackend(backend);
    m_connection->setVisible(isLlm);
    m_commandGroup->setVisible(backend == u"process" || coding);
    m_commandForm->setRowVisible(m_fields.value(QStringLiteral("args")).input->parentWidget(), coding);
    m_commandForm->setRowVisible(m_fields.value(QStringLiteral("working_directory")).input->parentWidget(),
                                 backend == u"process");
    m_limitsForm->setRowVisible(m_connectTimeout->parentWidget(), isLlm);
    m_limitsForm->setRowVisible(m_streamIdleTimeout->parentWidget(), isLlm);
    m_testButton->setEnabled(isLlm && !m_test->isRunning());
    m_executorGroup->setVisible(ExecutorRules::backendTakesExecutor(backend));
    retranslate();
}

void ProfileEditor::runConnectionTest()
{
    const AgentProfile p = profile();
    m_testButton->setEnabled(false);
    m_testResult->setPalette(QPalette());
    m_testResult->setText(p.llm.baseUrl.isEmpty() ? tr("Connecting to the backend's default URL…")
                                                  : tr("Connecting to %1…").arg(p.llm.baseUrl));
    m_testResult->show();
    m_test->start(p);
}

void ProfileEditor::retranslate()
{
    const QString backend = m_backend->currentData().toString();
    const bool coding = isCodingBackend(backend);
    m_identity->setTitle(tr("Profile"));
    m_connection->setTitle(tr("Connection"));
    m_commandGroup->setTitle(coding ? tr("Program") : tr("Command"));
    m_limits->setTitle(tr("Limits and retries"));
    m_executorGroup->setTitle(tr("Runs on"));
    const auto label = [this](const char *key, const QString &text) {
        if (QLabel *l = m_labels.value(QString::fromLatin1(key)))
            l->setText(text);
    };
    label("name", tr("&Name:"));
    label("backend", tr("&Backend:"));
    label("model", tr("&Model:"));
    label("capabilities", tr("C&apabilities:"));
    label("base_url", tr("Base &URL:"));
    label("api_key_env", tr("API key &variable:"));
    label("api_key", tr("API &key:"));
    label("command", coding ? tr("Co&mmand (optional):") : tr("Co&mmand:"));
    label("args", tr("Extra ar&guments:"));
    label("working_directory", tr("&Working folder:"));
    label("max_concurrent", tr("Max &at once:"));
    label("timeout_s", tr("&Time limit per attempt:"));
    label("idle_timeout_s", tr("&Silence limit:"));
    label("connect_timeout_s", tr("Connect time&out:"));
    label("stream_idle_timeout_s", tr("Stream silence l&imit:"));
    label("max_retries", tr("&Retries:"));
    label("retry", tr("Retry &after (s):"));
    label("jitter", tr("&Jitter:"));

    for (int i = 0; i < m_backend->count(); ++i)
        m_backend->setItemText(i, backendLabel(m_backend->itemData(i).toString()));
    m_name->setPlaceholderText(tr("e.g. coder"));
    m_model->setPlaceholderText(LlmProfileRules::isLlmBackend(backend) ? tr("e.g. gpt-4o or llama3.2")
                                                                       : tr("optional"));
    m_capabilities->setPlaceholderText(tr("e.g. code, test, docs"));
    m_capabilities->setToolTip(tr("What goals this profile can take, separated by commas"));
    m_baseUrl->setPlaceholderText(backend == LlmProfileRules::anthropic()
                                      ? tr("default: https://api.anthropic.com/v1")
                                      : tr("default: OPENAI_BASE_URL, else api.openai.com"));
    m_keyVariable->setPlaceholderText(tr("default: %1").arg(LlmProfileRules::defaultKeyVariable(backend)));
    m_keyVariable->setToolTip(tr("The NAME of the environment variable that holds the key; when it is set, it "
                                 "wins over the keychain"));
    m_testButton->setText(tr("&Test connection"));
    m_testButton->setToolTip(tr("Ask the server for its models, with this profile's URL and key"));
    m_command->setPlaceholderText(coding ? tr("default: the CLI found on PATH")
                                         : tr("e.g. python3 agents/coder.py {goal.id}"));
    m_args->setPlaceholderText(tr("added to the CLI's own arguments"));
    m_workingDirectory->setPlaceholderText(tr("default: the workspace"));
    m_maxConcurrent->setSpecialValueText(tr("only the run's limit"));
    m_timeout->setSpecialValueText(tr("none"));
    m_timeout->setSuffix(tr(" s"));
    m_idleTimeout->setSpecialValueText(tr("off"));
    m_idleTimeout->setSuffix(tr(" s"));
    m_idleTimeout->setToolTip(tr("No output or heartbeat for this long means the agent hangs"));
    m_connectTimeout->setSuffix(tr(" s"));
    m_streamIdleTimeout->setSuffix(tr(" s"));
    m_maxRetries->setSpecialValueText(tr("never retry"));
    m_backoff->setPlaceholderText(tr("e.g. 60, 300, 900 (the last repeats)"));
    m_jitter->setToolTip(tr("Each wait varies at random by up to this fraction"));
    // One label column for all groups, so their fields line up.
    QList<QLabel *> labels = m_labels.values();
    labels << m_executor->labels();
    int width = 0;
    for (QLabel *l : std::as_const(labels))
        width = qMax(width, l->sizeHint().width());
    for (QLabel *l : std::as_const(labels))
        l->setMinimumWidth(width);
}

void ProfileEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        for (const Field &field : std::as_const(m_fields))
            FormStyle::updateErrorColor(field.error);
    QWidget::changeEvent(event);
}

} // namespace switchboard
