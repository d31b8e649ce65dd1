#include "dialogs/AiPlanDialog.h"

#include "config/ConfigLoader.h"
#include "config/PlanLoader.h"
#include "config/PlanWriter.h"
#include "dialogs/PlanGoalsModel.h"
#include "dialogs/RunPlanDialog.h"
#include "orchestration/Orchestrator.h"
#include "orchestration/Scheduler.h"
#include "planning/AiPlanner.h"
#include "planning/PlanReply.h"
#include "style/AgentStateStyle.h"
#include "style/FormStyle.h"
#include "style/ThemedIcons.h"
#include "widgets/MultiLineItemDelegate.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace switchboard {

namespace {
enum Page
{
    EmptyPage,   // no LLM profile: how to add one
    HintPage,    // nothing generated yet
    PreviewPage, // the goals
};

constexpr int ProblemIndexRole = Qt::UserRole + 1;

QColor mix(const QColor &base, const QColor &tint, double amount)
{
    return QColor::fromRgbF(static_cast<float>(base.redF() * (1 - amount) + tint.redF() * amount),
                            static_cast<float>(base.greenF() * (1 - amount) + tint.greenF() * amount),
                            static_cast<float>(base.blueF() * (1 - amount) + tint.blueF() * amount));
}
} // namespace

AiPlanDialog::AiPlanDialog(Orchestrator *orchestrator, Config config, QWidget *parent, QProcessEnvironment environment)
    : QDialog(parent)
    , m_orchestrator(orchestrator)
    , m_config(std::move(config))
    , m_environment(std::move(environment))
    , m_planners(AiPlanner::plannerProfiles(m_config.profiles))
    , m_watcher(new QFutureWatcher<AiPlanResult>(this))
    , m_objectiveLabel(new QLabel(this))
    , m_objective(new QPlainTextEdit(this))
    , m_profileLabel(new QLabel(this))
    , m_profile(new QComboBox(this))
    , m_generate(new QPushButton(this))
    , m_retry(new QPushButton(this))
    , m_busy(new QProgressBar(this))
    , m_cancelGeneration(new QPushButton(this))
    , m_statusLabel(new QLabel(this))
    , m_error(FormStyle::makeErrorLabel(this, QStringLiteral("planError")))
    , m_pages(new QStackedWidget(this))
    , m_emptyState(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_previewPage(new QWidget(this))
    , m_summary(new QLabel(this))
    , m_addGoal(new QPushButton(this))
    , m_removeGoal(new QPushButton(this))
    , m_model(new PlanGoalsModel(this))
    , m_table(new QTableView(this))
    , m_problemsHeading(new QLabel(this))
    , m_problems(new QListWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
    , m_save(m_buttons->addButton(QString(), QDialogButtonBox::ActionRole))
    , m_run(m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole))
{
    setObjectName(QStringLiteral("aiPlanDialog"));
    setWindowIcon(ThemedIcons::appIcon());
    setSizeGripEnabled(true);
    resize(1080, 680);

    m_objective->setObjectName(QStringLiteral("objectiveEdit"));
    m_objective->setTabChangesFocus(true);
    m_objective->setFixedHeight(m_objective->fontMetrics().lineSpacing() * 4 + 14);
    m_objectiveLabel->setBuddy(m_objective);
    m_profile->setObjectName(QStringLiteral("plannerCombo"));
    m_profileLabel->setBuddy(m_profile);
    for (const AgentProfile &profile : std::as_const(m_planners)) {
        m_profile->addItem(profile.model.isEmpty() ? profile.name
                                                   : QStringLiteral("%1 — %2").arg(profile.name, profile.model),
                           profile.name);
    }
    m_generate->setObjectName(QStringLiteral("generateButton"));
    m_generate->setDefault(true);
    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_retry->hide();
    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    m_busy->setRange(0, 0); // busy: no percentage to show
    m_busy->setTextVisible(false);
    m_busy->setFixedWidth(120);
    m_busy->hide();
    m_cancelGeneration->setObjectName(QStringLiteral("cancelGenerationButton"));
    m_cancelGeneration->hide();
    m_statusLabel->setObjectName(QStringLiteral("planStatus"));
    m_statusLabel->setForegroundRole(QPalette::PlaceholderText);
    m_statusLabel->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    m_emptyState->setObjectName(QStringLiteral("emptyState"));
    m_emptyState->setWordWrap(true);
    m_emptyState->setTextFormat(Qt::RichText);
    m_emptyState->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_emptyState->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_emptyState->setMaximumWidth(620);
    m_hint->setObjectName(QStringLiteral("planHint"));
    m_hint->setWordWrap(true);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setContentsMargins(40, 20, 40, 20);

    m_summary->setObjectName(QStringLiteral("planSummary"));
    m_addGoal->setObjectName(QStringLiteral("addGoalButton"));
    m_removeGoal->setObjectName(QStringLiteral("removeGoalButton"));
    m_table->setObjectName(QStringLiteral("goalTable"));
    m_table->setModel(m_model);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::AnyKeyPressed);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 12);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    auto *multiLine = new MultiLineItemDelegate(m_table);
    m_table->setItemDelegateForColumn(PlanGoalsModel::DescriptionColumn, multiLine);
    m_table->setItemDelegateForColumn(PlanGoalsModel::CriteriaColumn, multiLine);
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(PlanGoalsModel::DescriptionColumn, QHeaderView::Stretch);
    header->resizeSection(PlanGoalsModel::IdColumn, 130);
    header->resizeSection(PlanGoalsModel::TitleColumn, 190);
    header->resizeSection(PlanGoalsModel::DependsColumn, 130);
    header->resizeSection(PlanGoalsModel::CapabilitiesColumn, 110);
    header->resizeSection(PlanGoalsModel::ProfileColumn, 80);
    header->resizeSection(PlanGoalsModel::CriteriaColumn, 200);
    m_problems->setObjectName(QStringLiteral("problemList"));
    m_problems->setWordWrap(true);
    m_problems->setMaximumHeight(110);
    m_problems->setTextElideMode(Qt::ElideNone);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_run->setObjectName(QStringLiteral("runButton"));
    m_buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeButton"));

    QFont heading = m_objectiveLabel->font();
    heading.setWeight(QFont::DemiBold);
    m_objectiveLabel->setFont(heading);
    m_problemsHeading->setFont(heading);
    m_summary->setFont(heading);

    auto *controlsRow = new QWidget(this);
    controlsRow->setObjectName(QStringLiteral("plannerRow"));
    auto *controls = new QHBoxLayout(controlsRow);
    controls->setContentsMargins(0, 0, 0, 0);
    controls->setSpacing(8);
    controls->addWidget(m_profileLabel);
    controls->addWidget(m_profile, 1);
    controls->addWidget(m_generate);
    controls->addWidget(m_retry);
    controls->addWidget(m_busy);
    controls->addWidget(m_cancelGeneration);

    auto *previewLayout = new QVBoxLayout(m_previewPage);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    auto *tableBar = new QHBoxLayout;
    tableBar->addWidget(m_summary, 1);
    tableBar->addWidget(m_addGoal);
    tableBar->addWidget(m_removeGoal);
    previewLayout->addLayout(tableBar);
    previewLayout->addWidget(m_table, 1);
    previewLayout->addWidget(m_problemsHeading);
    previewLayout->addWidget(m_problems);

    // The explanation reads as a short left-aligned note in the middle of the page (its config lines too).
    auto *emptyPage = new QWidget(this);
    auto *emptyLayout = new QHBoxLayout(emptyPage);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(m_emptyState);
    emptyLayout->addStretch(1);
    m_pages->addWidget(emptyPage);
    m_pages->addWidget(m_hint);
    m_pages->addWidget(m_previewPage);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 14, 14, 12);
    layout->addWidget(m_objectiveLabel);
    layout->addWidget(m_objective);
    layout->addWidget(controlsRow);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_error);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_buttons);

    connect(m_generate, &QPushButton::clicked, this, &AiPlanDialog::generate);
    connect(m_retry, &QPushButton::clicked, this, &AiPlanDialog::retry);
    connect(m_cancelGeneration, &QPushButton::clicked, this, &AiPlanDialog::cancelGeneration);
    connect(m_objective, &QPlainTextEdit::textChanged, this, &AiPlanDialog::updateState);
    connect(m_watcher, &QFutureWatcher<AiPlanResult>::finished, this,
            [this] { showResult(m_watcher->future().result()); });
    connect(m_model, &PlanGoalsModel::goalsEdited, this, &AiPlanDialog::recheck);
    connect(m_addGoal, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_table->currentIndex();
        const int row = m_model->addGoal(current.isValid() ? current.row() + 1 : -1);
        m_table->setCurrentIndex(m_model->index(row, PlanGoalsModel::TitleColumn));
        m_table->edit(m_table->currentIndex());
    });
    connect(m_removeGoal, &QPushButton::clicked, this, [this] {
        QList<int> rows;
        for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
            rows << index.row();
        if (rows.isEmpty() && m_table->currentIndex().isValid())
            rows << m_table->currentIndex().row();
        m_model->removeGoals(rows);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AiPlanDialog::updateState);
    connect(m_problems, &QListWidget::currentRowChanged, this, &AiPlanDialog::selectProblem);
    connect(m_save, &QPushButton::clicked, this, &AiPlanDialog::openSaveDialog);
    connect(m_run, &QPushButton::clicked, this, &AiPlanDialog::run);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AiPlanDialog::reject);

    m_pages->setCurrentIndex(m_planners.isEmpty() ? EmptyPage : HintPage);
    // Without a planner there is nothing to type an objective for: the page says what to do instead.
    controlsRow->setVisible(!m_planners.isEmpty());
    m_objectiveLabel->setVisible(!m_planners.isEmpty());
    m_objective->setVisible(!m_planners.isEmpty());
    m_save->setVisible(!m_planners.isEmpty());
    m_run->setVisible(!m_planners.isEmpty());
    updateProblemLook();
    retranslate();
    updateState();
}

AiPlanDialog::~AiPlanDialog()
{
    // The worker keeps its planner; it only has to stop talking to the model.
    if (m_planner)
        m_planner->abort();
}

void AiPlanDialog::setObjective(const QString &objective)
{
    m_objective->setPlainText(objective);
}

bool AiPlanDialog::selectProfile(const QString &name)
{
    const int index = m_profile->findData(name);
    if (index < 0)
        return false;
    m_profile->setCurrentIndex(index);
    return true;
}

bool AiPlanDialog::isGenerating() const
{
    // Until the result is shown, not until the worker is done: the dialog's state changes in one place.
    return m_planner != nullptr;
}

QList<Goal> AiPlanDialog::goals() const
{
    return m_model->goals();
}

QList<GoalProblem> AiPlanDialog::problems() const
{
    return m_result.draft.problems;
}

QString AiPlanDialog::planName() const
{
    return Goal::defaultTitle(m_askedObjective, tr("AI plan"));
}

QByteArray AiPlanDialog::planYaml() const
{
    const QString profile = m_profile->currentData().toString();
    return PlanWriter::toYaml(
        planName(), m_askedObjective.trimmed(), m_model->goals(),
        QStringLiteral("Planned with Switchboard, profile '%1'%2.")
            .arg(profile, m_result.model.isEmpty() ? QString() : QStringLiteral(" (model %1)").arg(m_result.model)));
}

void AiPlanDialog::generate()
{
    ask(false);
}

void AiPlanDialog::retry()
{
    ask(true);
}

void AiPlanDialog::ask(bool retrying)
{
    const QString objective = m_objective->toPlainText().trimmed();
    const int index = m_profile->currentIndex();
    if (isGenerating() || objective.isEmpty() || index < 0 || index >= m_planners.size())
        return;
    // A retry tells the model what was wrong, which only makes sense for the same objective.
    const bool withFeedback =
        retrying && m_result.status == AiPlanResult::Status::Invalid && objective == m_askedObjective;
    const AiPlanResult previous = m_result;
    m_askedObjective = objective;
    m_planner = std::make_shared<AiPlanner>(m_planners.at(index), m_config.profiles, m_environment);
    const std::shared_ptr<AiPlanner> planner = m_planner;
    m_status = tr("Asking %1 for a plan…").arg(m_planners.at(index).name);
    showError(QString());
    m_watcher->setFuture(QtConcurrent::run([planner, objective, previous, withFeedback] {
        return withFeedback ? planner->retry(objective, previous) : planner->plan(objective);
    }));
    updateState();
}

void AiPlanDialog::cancelGeneration()
{
    if (m_planner)
        m_planner->abort();
    m_status = tr("Cancelling…");
    updateState();
}

void AiPlanDialog::showResult(const AiPlanResult &result)
{
    m_planner.reset();
    const PlanDraft shown = m_result.draft;
    m_result = result;
    // No answer leaves the goals on screen (and their checks) as they were.
    if (result.status == AiPlanResult::Status::Cancelled || result.status == AiPlanResult::Status::Failed)
        m_result.draft = shown;
    if (m_askedObjective.isEmpty())
        m_askedObjective = m_objective->toPlainText().trimmed();
    switch (result.status) {
    case AiPlanResult::Status::Cancelled:
        m_status = tr("Cancelled.");
        break;
    case AiPlanResult::Status::Failed:
        m_status.clear();
        showError(tr("The model could not be asked: %1").arg(result.error));
        break;
    case AiPlanResult::Status::Planned:
    case AiPlanResult::Status::Invalid: {
        m_model->setGoals(result.draft.goals);
        m_model->setProblems(result.draft.problems);
        QString usage =
            tr("%1 input + %2 output tokens")
                .arg(QLocale().toString(result.usage.inputTokens), QLocale().toString(result.usage.outputTokens));
        if (result.costUsd > 0)
            usage += QStringLiteral(" · $") + QLocale().toString(result.costUsd, 'f', 4);
        m_status = result.status == AiPlanResult::Status::Planned
                       ? tr("%n goal(s) planned by %1 · %2", nullptr, static_cast<int>(result.draft.goals.size()))
                             .arg(result.model.isEmpty() ? m_profile->currentData().toString() : result.model, usage)
                       : tr("The model's plan cannot be used as it is: fix the problems below, or Retry to ask "
                            "again · %1")
                             .arg(usage);
        m_pages->setCurrentIndex(PreviewPage);
        showProblems();
        break;
    }
    }
    updateState();
    Q_EMIT resultShown();
}

void AiPlanDialog::recheck()
{
    // The person's edits are checked as the model's goals were: by the plan rules.
    m_result.draft.goals = m_model->goals();
    m_result.draft.problems = PlanReply::check(m_result.draft.goals, m_config.profiles);
    m_model->setProblems(m_result.draft.problems);
    showProblems();
    updateState();
}

void AiPlanDialog::showProblems()
{
    const QSignalBlocker blocker(m_problems);
    m_problems->clear();
    const QIcon icon = AgentStateStyle::icon(AgentState::Failed, palette());
    for (int i = 0; i < m_result.draft.problems.size(); ++i) {
        const GoalProblem &problem = m_result.draft.problems.at(i);
        auto *item = new QListWidgetItem(icon, problem.detail(), m_problems);
        item->setData(ProblemIndexRole, i);
        // An unreadable reply is easier to judge with the reply in view.
        if (problem.goalIndex < 0 && problem.goalIds.isEmpty() && !m_result.reply.isEmpty())
            item->setToolTip(m_result.reply.left(3000));
    }
    const bool any = m_problems->count() > 0;
    m_problemsHeading->setVisible(any);
    m_problems->setVisible(any);
    m_problemsHeading->setText(tr("%n problem(s)", nullptr, static_cast<int>(m_problems->count())));
}

void AiPlanDialog::selectProblem(int row)
{
    const int index = m_problems->item(row) ? m_problems->item(row)->data(ProblemIndexRole).toInt() : -1;
    if (index < 0 || index >= m_result.draft.problems.size())
        return;
    const GoalProblem &problem = m_result.draft.problems.at(index);
    int goalRow = problem.goalIndex;
    if (goalRow < 0 && !problem.goalIds.isEmpty()) {
        const QList<Goal> &goals = m_model->goals();
        for (int i = 0; i < goals.size(); ++i) {
            if (goals.at(i).id == problem.goalIds.first())
                goalRow = i;
        }
    }
    if (goalRow < 0 || goalRow >= m_model->rowCount())
        return;
    const int column = std::max(0, PlanGoalsModel::columnOf(problem.field));
    m_table->setCurrentIndex(m_model->index(goalRow, column));
    m_table->scrollTo(m_table->currentIndex());
}

void AiPlanDialog::updateState()
{
    const bool generating = isGenerating();
    const bool havePlanners = !m_planners.isEmpty();
    const bool haveObjective = !m_objective->toPlainText().trimmed().isEmpty();
    m_objective->setReadOnly(generating);
    m_profile->setEnabled(havePlanners && !generating);
    m_generate->setEnabled(havePlanners && haveObjective && !generating);
    m_retry->setVisible(m_result.status == AiPlanResult::Status::Invalid && !generating);
    m_retry->setEnabled(haveObjective);
    m_busy->setVisible(generating);
    m_cancelGeneration->setVisible(generating);
    m_statusLabel->setText(m_status);
    m_statusLabel->setVisible(!m_status.isEmpty());

    const bool previewing = m_pages->currentIndex() == PreviewPage;
    m_table->setEnabled(!generating);
    m_addGoal->setEnabled(previewing && !generating);
    m_removeGoal->setEnabled(previewing && !generating && m_table->selectionModel()->hasSelection());
    const bool runnable = previewing && !generating && m_result.draft.isRunnable();
    m_save->setEnabled(runnable);
    m_run->setEnabled(runnable && m_orchestrator);
    const qsizetype count = m_model->goals().size();
    m_summary->setText(
        count == 0 ? tr("No goals")
                   : tr("%n goal(s)", nullptr, static_cast<int>(count)) + QStringLiteral(" · ") +
                         tr("%n phase(s)", nullptr, static_cast<int>(Scheduler::phases(m_model->goals()).size())));
}

void AiPlanDialog::updateProblemLook()
{
    const QColor red = AgentStateStyle::foreground(AgentState::Failed, palette());
    const QColor base = palette().color(QPalette::Base);
    m_model->setProblemLook(mix(base, red, 0.12), mix(base, red, 0.32),
                            AgentStateStyle::icon(AgentState::Failed, palette()));
}

bool AiPlanDialog::saveTo(const QString &path)
{
    if (!m_result.draft.isRunnable())
        return false;
    const QByteArray yaml = planYaml();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(yaml) != yaml.size() || !file.commit()) {
        showError(tr("The plan could not be saved to %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    showError(QString());
    m_status = tr("Saved to %1").arg(QDir::toNativeSeparators(path));
    updateState();
    return true;
}

void AiPlanDialog::openSaveDialog()
{
    QString suggested = planName().toLower();
    suggested.replace(QRegularExpression(QStringLiteral("[^\\w]+")), QStringLiteral("-"));
    suggested = suggested.left(40).remove(QRegularExpression(QStringLiteral("^-+|-+$")));
    auto *dialog =
        new QFileDialog(this, tr("Save plan"), QDir(QDir::currentPath()).filePath(suggested + QStringLiteral(".yaml")),
                        tr("Plan files (*.yaml *.yml);;All files (*)"));
    dialog->setObjectName(QStringLiteral("savePlanDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("yaml"));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) { saveTo(file); });
    dialog->open();
}

void AiPlanDialog::run()
{
    if (!m_orchestrator || !m_result.draft.isRunnable() || isGenerating())
        return;
    // Through the plan loader, so what runs is exactly what a saved file would run.
    ConfigError error;
    const std::optional<Plan> plan =
        PlanLoader::loadString(planYaml(), planName(), m_config, &error, m_orchestrator->backends());
    if (!plan) {
        showError(tr("The plan could not be started:\n%1").arg(error.message));
        return;
    }
    QString refused;
    const QStringList ids = RunPlanDialog::startPlan(*m_orchestrator, *plan, QString(), &refused);
    if (ids.isEmpty()) {
        showError(tr("The plan could not be started:\n%1").arg(refused));
        return;
    }
    m_startedAgentIds = ids;
    Q_EMIT planStarted(planName());
    accept();
}

void AiPlanDialog::reject()
{
    if (m_planner)
        m_planner->abort();
    QDialog::reject();
}

void AiPlanDialog::showError(const QString &message)
{
    FormStyle::setFieldError(m_pages, m_error, message);
}

void AiPlanDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        showProblems();
        updateState();
    } else if (event->type() == QEvent::PaletteChange) {
        FormStyle::updateErrorColor(m_error);
        updateProblemLook();
        retranslate();
    }
    QDialog::changeEvent(event);
}

void AiPlanDialog::retranslate()
{
    setWindowTitle(tr("Plan with AI"));
    m_objectiveLabel->setText(tr("&Objective"));
    m_objective->setPlaceholderText(
        tr("What should the agents achieve? For example: Build a REST API for a todo list with tests and docs."));
    m_profileLabel->setText(tr("&Planner:"));
    m_profile->setToolTip(tr("The LLM profile that breaks the objective into goals"));
    m_generate->setText(tr("&Generate plan"));
    m_generate->setIcon(ThemedIcons::icon(QStringLiteral("plan-ai"), palette()));
    m_retry->setText(tr("&Retry"));
    m_retry->setToolTip(tr("Ask the model again, telling it what was wrong with its plan"));
    m_retry->setIcon(ThemedIcons::icon(QStringLiteral("resume"), palette()));
    m_cancelGeneration->setText(tr("Cancel"));
    m_cancelGeneration->setToolTip(tr("Stop asking the model"));
    const QString configPath =
        (m_config.file.isEmpty() ? ConfigLoader::defaultConfigPath() : m_config.file).toHtmlEscaped();
    m_emptyState->setText(
        tr("<h3>No LLM profile to plan with</h3>"
           "<p>Planning asks a language model to break your objective into goals. Add a profile with a model to "
           "your config, <code>%1</code>, for example:</p>"
           "<pre>agents:\n  definitions:\n"
           "    - name: planner\n      model: gpt-4o             # OpenAI: set OPENAI_API_KEY\n"
           "    - name: claude\n      model: claude-sonnet-4-5  # Anthropic: set ANTHROPIC_API_KEY\n"
           "    - name: local               # Ollama on this machine\n      backend: openai\n"
           "      base_url: http://127.0.0.1:11434/v1\n      model: llama3.1</pre>"
           "<p>Then start Switchboard again and choose <b>Plan with AI…</b>.</p>")
            .arg(configPath));
    m_hint->setText(tr("Describe the objective above and press Generate plan. The goals the model proposes "
                       "appear here to check and edit before you save or run them."));
    m_addGoal->setText(tr("&Add goal"));
    m_addGoal->setIcon(ThemedIcons::icon(QStringLiteral("new-goal"), palette()));
    m_removeGoal->setText(tr("Re&move goal"));
    m_removeGoal->setIcon(ThemedIcons::icon(QStringLiteral("cancel"), palette()));
    m_save->setText(tr("&Save plan…"));
    m_save->setToolTip(tr("Write the goals as a plan file, to run later with Run plan or `switchboard run`"));
    m_run->setText(tr("R&un"));
    m_run->setIcon(ThemedIcons::icon(QStringLiteral("run-plan"), palette()));
    m_run->setToolTip(tr("Start the goals now, as Run plan would"));
    m_buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
}

} // namespace switchboard
