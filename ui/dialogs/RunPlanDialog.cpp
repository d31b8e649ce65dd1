#include "dialogs/RunPlanDialog.h"

#include "config/PlanLoader.h"
#include "orchestration/Orchestrator.h"
#include "orchestration/Scheduler.h"
#include "session/RunSession.h"
#include "style/AgentStateStyle.h"
#include "style/FormStyle.h"
#include "style/ThemedIcons.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace switchboard {

namespace {
constexpr int TemplateNameRole = Qt::UserRole + 1;

enum PreviewColumn
{
    GoalColumn,
    PriorityColumn,
    ProfileColumn,
    DependsColumn,
};
} // namespace

RunPlanDialog::RunPlanDialog(Orchestrator *orchestrator, Config baseConfig, QWidget *parent)
    : QDialog(parent)
    , m_orchestrator(orchestrator)
    , m_baseConfig(std::move(baseConfig))
    , m_templatesHeading(new QLabel(this))
    , m_templates(new QListWidget(this))
    , m_openFile(new QPushButton(this))
    , m_planName(new QLabel(this))
    , m_description(new QLabel(this))
    , m_source(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_modeLabel(new QLabel(this))
    , m_mode(new QComboBox(this))
    , m_modeWarning(new QLabel(this))
    , m_preview(new QTreeWidget(this))
    , m_error(FormStyle::makeErrorLabel(this, QStringLiteral("planError")))
    , m_warningsHeading(new QLabel(this))
    , m_warnings(new QListWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("runPlanDialog"));
    setWindowIcon(ThemedIcons::appIcon());
    setSizeGripEnabled(true);
    resize(900, 560);
    m_templates->setObjectName(QStringLiteral("templateList"));
    m_openFile->setObjectName(QStringLiteral("openFileButton"));
    m_planName->setObjectName(QStringLiteral("planName"));
    m_source->setObjectName(QStringLiteral("planSource"));
    m_description->setObjectName(QStringLiteral("planDescription"));
    m_description->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("planSummary"));
    m_preview->setObjectName(QStringLiteral("previewTree"));
    m_mode->setObjectName(QStringLiteral("modeCombo"));
    for (const Scheduler::Mode mode :
         {Scheduler::Mode::Dependency, Scheduler::Mode::Phased, Scheduler::Mode::Sequential, Scheduler::Mode::Parallel,
          Scheduler::Mode::Pipeline})
        m_mode->addItem(QString(), Scheduler::modeToString(mode));
    m_modeLabel->setBuddy(m_mode);
    m_modeWarning->setObjectName(QStringLiteral("parallelWarning"));
    m_modeWarning->setWordWrap(true);
    m_modeWarning->hide();
    m_warnings->setObjectName(QStringLiteral("warningList"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("startButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));

    QFont heading = m_templatesHeading->font();
    heading.setWeight(QFont::DemiBold);
    m_templatesHeading->setFont(heading);
    m_warningsHeading->setFont(heading);
    QFont nameFont = m_planName->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.3);
    nameFont.setWeight(QFont::DemiBold);
    m_planName->setFont(nameFont);
    m_source->setForegroundRole(QPalette::PlaceholderText);
    m_source->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_source->setWordWrap(true);
    m_summary->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_warnings->setMaximumHeight(90);
    m_warnings->setWordWrap(true);

    m_preview->setColumnCount(4);
    m_preview->setRootIsDecorated(true);
    m_preview->setUniformRowHeights(true);
    m_preview->setAlternatingRowColors(true);
    m_preview->header()->setStretchLastSection(false);
    m_preview->header()->setSectionResizeMode(GoalColumn, QHeaderView::Stretch);
    m_preview->header()->setSectionResizeMode(PriorityColumn, QHeaderView::ResizeToContents);
    m_preview->header()->setSectionResizeMode(ProfileColumn, QHeaderView::ResizeToContents);
    m_preview->header()->setSectionResizeMode(DependsColumn, QHeaderView::Interactive);
    m_preview->header()->resizeSection(DependsColumn, 150);

    // Templates are listed by their plan names (they are small; reading them here costs nothing noticeable).
    for (const QString &path : PlanLoader::templates()) {
        const QString baseName = QFileInfo(path).completeBaseName();
        ConfigError ignored;
        const std::optional<Plan> plan = PlanLoader::loadFile(path, m_baseConfig, &ignored);
        auto *item = new QListWidgetItem(plan && !plan->name.isEmpty() ? plan->name : baseName, m_templates);
        item->setData(Qt::UserRole, path);
        item->setData(TemplateNameRole, baseName);
        item->setToolTip(plan && !plan->description.isEmpty() ? plan->description : path);
    }

    auto *left = new QWidget(this);
    auto *leftColumn = new QVBoxLayout(left);
    leftColumn->setContentsMargins(0, 0, 0, 0);
    leftColumn->addWidget(m_templatesHeading);
    leftColumn->addWidget(m_templates, 1);
    leftColumn->addWidget(m_openFile);

    auto *right = new QWidget(this);
    auto *rightColumn = new QVBoxLayout(right);
    rightColumn->setContentsMargins(0, 0, 0, 0);
    rightColumn->addWidget(m_planName);
    rightColumn->addWidget(m_description);
    rightColumn->addWidget(m_source);
    rightColumn->addWidget(m_summary);
    auto *modeRow = new QHBoxLayout;
    modeRow->setSpacing(8);
    modeRow->addWidget(m_modeLabel);
    modeRow->addWidget(m_mode);
    modeRow->addStretch(1);
    rightColumn->addLayout(modeRow);
    rightColumn->addWidget(m_modeWarning);
    rightColumn->addWidget(m_preview, 1);
    rightColumn->addWidget(m_error);
    rightColumn->addWidget(m_warningsHeading);
    rightColumn->addWidget(m_warnings);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({220, 660});
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 14, 14, 12);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_buttons);

    connect(m_templates, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            loadPlan(item->data(Qt::UserRole).toString());
    });
    connect(m_templates, &QListWidget::itemActivated, this, [this] {
        if (m_plan)
            accept();
    });
    connect(m_openFile, &QPushButton::clicked, this, &RunPlanDialog::openFileDialog);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &RunPlanDialog::updateModeWarning);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RunPlanDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RunPlanDialog::reject);

    retranslate();
    showPreview();
    // Open on the first template's preview, so Start works at once for the common case.
    if (m_templates->count() > 0)
        m_templates->setCurrentRow(0);
}

bool RunPlanDialog::loadPlan(const QString &path)
{
    m_loadedPath = path;
    ConfigError error;
    m_plan = m_orchestrator ? PlanLoader::loadFile(path, m_baseConfig, &error, m_orchestrator->backends())
                            : PlanLoader::loadFile(path, m_baseConfig, &error);
    if (m_plan)
        selectMode(m_plan->config.workflow.mode); // each plan starts in its own mode
    showPreview();
    if (!m_plan) {
        showError(error.toString());
        return false;
    }
    return true;
}

bool RunPlanDialog::selectTemplate(const QString &name)
{
    for (int row = 0; row < m_templates->count(); ++row) {
        if (m_templates->item(row)->data(TemplateNameRole).toString() == name) {
            m_templates->setCurrentRow(row);
            return m_plan.has_value();
        }
    }
    return false;
}

QString RunPlanDialog::selectedMode() const
{
    return m_mode->currentData().toString();
}

bool RunPlanDialog::selectMode(const QString &mode)
{
    const int index = m_mode->findData(mode.trimmed().toLower());
    if (index < 0)
        return false;
    m_mode->setCurrentIndex(index);
    return true;
}

void RunPlanDialog::updateModeWarning()
{
    const bool parallel = m_plan && selectedMode() == Scheduler::modeToString(Scheduler::Mode::Parallel);
    bool hasDependencies = false;
    if (m_plan) {
        hasDependencies = std::any_of(m_plan->goals.cbegin(), m_plan->goals.cend(),
                                      [](const Goal &goal) { return !goal.dependsOn.isEmpty(); });
    }
    m_modeWarning->setText(
        hasDependencies
            ? tr("Warning: in parallel mode dependencies are ignored. Every goal may start at once (up to the "
                 "max parallel cap), before the goals it depends on have finished.")
            : tr("Warning: in parallel mode dependencies are ignored; every goal may start at once."));
    m_modeWarning->setVisible(parallel);
    QPalette warningPalette = m_modeWarning->palette();
    warningPalette.setColor(QPalette::WindowText, AgentStateStyle::foreground(AgentState::Escalated, palette()));
    m_modeWarning->setPalette(warningPalette);
}

QString RunPlanDialog::planName() const
{
    if (!m_plan)
        return {};
    if (!m_plan->name.trimmed().isEmpty())
        return m_plan->name.trimmed();
    return QFileInfo(m_plan->file.isEmpty() ? m_loadedPath : m_plan->file).completeBaseName();
}

QList<Goal> RunPlanDialog::goalsInPhaseOrder(const QList<Goal> &goals)
{
    QHash<QString, int> byId;
    for (int i = 0; i < goals.size(); ++i)
        byId.insert(goals.at(i).id, i);
    QList<Goal> ordered;
    ordered.reserve(goals.size());
    for (const QStringList &phase : Scheduler::phases(goals)) {
        for (const QString &id : phase) {
            const int index = byId.value(id, -1);
            if (index >= 0)
                ordered << goals.at(index);
        }
    }
    // Whatever phases() could not place (it should place all) keeps file order at the end.
    if (ordered.size() != goals.size()) {
        for (const Goal &goal : goals) {
            if (std::none_of(ordered.cbegin(), ordered.cend(), [&goal](const Goal &g) { return g.id == goal.id; }))
                ordered << goal;
        }
    }
    return ordered;
}

void RunPlanDialog::openFileDialog()
{
    auto *dialog =
        new QFileDialog(this, tr("Open plan"), QDir::currentPath(), tr("Plan files (*.yaml *.yml);;All files (*)"));
    dialog->setObjectName(QStringLiteral("planFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) {
        m_templates->clearSelection();
        {
            const QSignalBlocker blocker(m_templates);
            m_templates->setCurrentRow(-1);
        }
        loadPlan(file);
    });
    dialog->open();
}

void RunPlanDialog::showError(const QString &message)
{
    FormStyle::setFieldError(m_preview, m_error, message);
}

void RunPlanDialog::showPreview()
{
    m_preview->clear();
    m_warnings->clear();
    showError(QString());
    QPushButton *start = m_buttons->button(QDialogButtonBox::Ok);
    start->setEnabled(m_plan.has_value() && !m_plan->goals.isEmpty());

    if (!m_plan) {
        m_planName->setText(m_loadedPath.isEmpty() ? tr("No plan selected") : QFileInfo(m_loadedPath).fileName());
        m_source->setText(m_loadedPath.isEmpty() ? tr("Pick a template on the left or open a plan file.")
                                                 : m_loadedPath);
        m_summary->clear();
        m_description->hide();
        m_warningsHeading->hide();
        m_warnings->hide();
        return;
    }

    const Plan &plan = *m_plan;
    m_planName->setText(planName());
    m_description->setText(plan.description);
    m_description->setVisible(!plan.description.isEmpty());
    m_source->setText(m_loadedPath);
    const QList<QStringList> phases = Scheduler::phases(plan.goals);
    QStringList profileNames;
    for (const AgentProfile &profile : plan.config.profiles)
        profileNames << profile.name;
    m_summary->setText(
        tr("%n goal(s)", nullptr, static_cast<int>(plan.goals.size())) + QStringLiteral(" · ") +
        tr("%n phase(s)", nullptr, static_cast<int>(phases.size())) + QStringLiteral(" · ") +
        tr("up to %1 agents at once").arg(plan.config.workflow.maxParallel) + QStringLiteral(" · ") +
        tr("profiles: %1").arg(profileNames.isEmpty() ? tr("none") : profileNames.join(QStringLiteral(", "))));

    QHash<QString, const Goal *> byId;
    for (const Goal &goal : plan.goals)
        byId.insert(goal.id, &goal);
    QFont phaseFont = m_preview->font();
    phaseFont.setWeight(QFont::DemiBold);
    for (int p = 0; p < phases.size(); ++p) {
        auto *phaseItem = new QTreeWidgetItem(m_preview);
        phaseItem->setText(
            GoalColumn,
            tr("Phase %1 — %n goal(s) in parallel", nullptr, static_cast<int>(phases.at(p).size())).arg(p + 1));
        phaseItem->setFont(GoalColumn, phaseFont);
        phaseItem->setFirstColumnSpanned(true);
        phaseItem->setData(GoalColumn, Qt::UserRole, p + 1);
        for (const QString &id : phases.at(p)) {
            const Goal *goal = byId.value(id);
            if (!goal)
                continue;
            auto *item = new QTreeWidgetItem(phaseItem);
            item->setText(GoalColumn, goal->title.isEmpty() ? goal->id : tr("%1  (%2)").arg(goal->title, goal->id));
            item->setToolTip(GoalColumn, goal->description);
            item->setData(GoalColumn, Qt::UserRole, goal->id);
            item->setText(PriorityColumn, AgentStateStyle::priorityLabel(goal->priority));
            QString profile = goal->profile.isEmpty() ? tr("any") : goal->profile;
            if (!goal->capabilities.isEmpty())
                profile += QStringLiteral(" [") + goal->capabilities.join(QStringLiteral(", ")) + QLatin1Char(']');
            item->setText(ProfileColumn, profile);
            item->setText(DependsColumn,
                          goal->dependsOn.isEmpty() ? QStringLiteral("—") : goal->dependsOn.join(QStringLiteral(", ")));
        }
    }
    m_preview->expandAll();

    for (const ConfigError &warning : plan.warnings)
        m_warnings->addItem(warning.toString());
    for (const ConfigError &warning : plan.config.warnings)
        m_warnings->addItem(warning.toString());
    const bool hasWarnings = m_warnings->count() > 0;
    m_warningsHeading->setVisible(hasWarnings);
    m_warnings->setVisible(hasWarnings);
    if (plan.goals.isEmpty())
        showError(tr("The plan has no goals."));
    updateModeWarning();
}

void RunPlanDialog::accept()
{
    if (!m_plan || !m_orchestrator || m_plan->goals.isEmpty())
        return;
    QString error;
    const QStringList ids = startPlan(*m_orchestrator, *m_plan, selectedMode(), &error);
    if (ids.isEmpty()) {
        showError(tr("The plan could not be started:\n%1").arg(error));
        return;
    }
    m_startedAgentIds = ids;
    Q_EMIT planStarted(planName());
    QDialog::accept();
}

QStringList RunPlanDialog::startPlan(Orchestrator &orchestrator, const Plan &plan, const QString &mode, QString *error)
{
    const QList<AgentProfile> previousProfiles = orchestrator.profiles();
    const int previousMaxParallel = orchestrator.maxParallel();
    const Scheduler::Mode previousMode = orchestrator.mode();
    // Profiles, max parallel, mode, deadline policy and budget, exactly as the CLI applies them.
    RunSession::Overrides overrides;
    overrides.mode = mode;
    RunSession::applyConfig(orchestrator, plan.config, overrides);

    const QStringList ids = orchestrator.spawnParallel(goalsInPhaseOrder(plan.goals), error);
    if (ids.isEmpty()) {
        // All or nothing: put the orchestrator back as it was.
        orchestrator.setProfiles(previousProfiles);
        orchestrator.setMaxParallel(previousMaxParallel);
        orchestrator.setMode(previousMode);
        return {};
    }
    // Stored with the run, so a restart continues these goals on the plan's profiles and limits.
    RunSession::recordPlanSettings(orchestrator, plan);
    return ids;
}

void RunPlanDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        showPreview();
    } else if (event->type() == QEvent::PaletteChange) {
        FormStyle::updateErrorColor(m_error);
    }
    QDialog::changeEvent(event);
}

void RunPlanDialog::retranslate()
{
    setWindowTitle(tr("Run plan"));
    m_templatesHeading->setText(tr("Templates"));
    m_openFile->setText(tr("&Open plan file…"));
    m_openFile->setIcon(ThemedIcons::icon(QStringLiteral("run-plan"), palette()));
    m_preview->setHeaderLabels({tr("Goal"), tr("Priority"), tr("Profile"), tr("Depends on")});
    m_warningsHeading->setText(tr("Warnings"));
    m_modeLabel->setText(tr("E&xecution mode:"));
    const QStringList modeNames{tr("By dependencies"), tr("Phase by phase"), tr("One at a time"), tr("All in parallel"),
                                tr("Pipeline (hand-offs)")};
    const QStringList modeTips{tr("A goal starts as soon as the goals it depends on are done"),
                               tr("A phase starts only when every goal of the phase before it is done"),
                               tr("One goal at a time, in plan order"),
                               tr("Dependencies are ignored: everything starts, up to the max parallel cap"),
                               tr("A goal may start once each goal it depends on has handed its output over")};
    for (int i = 0; i < m_mode->count() && i < modeNames.size(); ++i) {
        m_mode->setItemText(i, modeNames.at(i));
        m_mode->setItemData(i, modeTips.at(i), Qt::ToolTipRole);
    }
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Start"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    if (m_templates->count() == 0)
        m_templates->setToolTip(tr("No templates are built in"));
}

} // namespace switchboard
