#include "dialogs/TeamSection.h"

#include "style/FormStyle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace switchboard {

namespace {
// The kind combo's item data: no team, or a TeamKind.
constexpr int kNoTeam = -1;

// A field with its message right under it, as one row of the form (so a hidden row hides both).
QWidget *fieldWithError(QWidget *parent, QWidget *field, QLabel *error, QWidget *beside = nullptr)
{
    auto *box = new QWidget(parent);
    auto *column = new QVBoxLayout(box);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    if (beside) {
        auto *row = new QHBoxLayout;
        row->setContentsMargins(0, 0, 0, 0);
        row->addWidget(beside);
        row->addWidget(field);
        row->addStretch(1);
        column->addLayout(row);
    } else {
        column->addWidget(field);
    }
    column->addWidget(error);
    field->setParent(box);
    error->setParent(box);
    return box;
}

QLabel *buddyLabel(QWidget *parent, QWidget *buddy)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setBuddy(buddy);
    return label;
}

void fillProfileList(QListWidget *list, const QStringList &names)
{
    const QStringList checked = [list] {
        QStringList out;
        for (int row = 0; row < list->count(); ++row) {
            if (list->item(row)->checkState() == Qt::Checked)
                out << list->item(row)->data(Qt::UserRole).toString();
        }
        return out;
    }();
    list->clear();
    for (const QString &name : names) {
        auto *item = new QListWidgetItem(name, list);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(name) ? Qt::Checked : Qt::Unchecked);
        item->setData(Qt::UserRole, name);
    }
}

void fillProfileCombo(QComboBox *combo, const QStringList &names)
{
    const QString current = combo->currentData().toString();
    combo->clear();
    combo->addItem(QString(), QString()); // "Pick a profile", text set in retranslate()
    for (const QString &name : names)
        combo->addItem(name, name);
    combo->setCurrentIndex(qMax(0, combo->findData(current)));
}
} // namespace

TeamSection::TeamSection(QWidget *parent)
    : QWidget(parent)
    , m_header(new QToolButton(this))
    , m_summary(new QLabel(this))
    , m_body(new QWidget(this))
    , m_form(new QFormLayout(m_body))
    , m_kind(new QComboBox(m_body))
    , m_kindHint(new QLabel(m_body))
    , m_profiles(new QListWidget(m_body))
    , m_profilesError(FormStyle::makeErrorLabel(m_body, QStringLiteral("teamProfilesError")))
    , m_planner(new QComboBox(m_body))
    , m_plannerError(FormStyle::makeErrorLabel(m_body, QStringLiteral("teamPlannerError")))
    , m_workers(new QListWidget(m_body))
    , m_workersError(FormStyle::makeErrorLabel(m_body, QStringLiteral("teamWorkersError")))
    , m_mode(new QComboBox(m_body))
    , m_maxIterations(new QSpinBox(m_body))
    , m_maxWorkersPerStep(new QSpinBox(m_body))
    , m_rounds(new QSpinBox(m_body))
    , m_judge(new QComboBox(m_body))
    , m_judgeError(FormStyle::makeErrorLabel(m_body, QStringLiteral("teamJudgeError")))
    , m_hasMinSuccessful(new QCheckBox(m_body))
    , m_minSuccessful(new QSpinBox(m_body))
    , m_minSuccessfulError(FormStyle::makeErrorLabel(m_body, QStringLiteral("teamMinSuccessfulError")))
    , m_format(new QComboBox(m_body))
    , m_patternError(FormStyle::makeErrorLabel(m_body, QStringLiteral("teamPatternError")))
{
    setObjectName(QStringLiteral("teamSection"));
    m_header->setObjectName(QStringLiteral("teamHeader"));
    m_summary->setObjectName(QStringLiteral("teamSummary"));
    m_kind->setObjectName(QStringLiteral("teamKindCombo"));
    m_profiles->setObjectName(QStringLiteral("teamProfilesList"));
    m_planner->setObjectName(QStringLiteral("teamPlannerCombo"));
    m_workers->setObjectName(QStringLiteral("teamWorkersList"));
    m_mode->setObjectName(QStringLiteral("teamModeCombo"));
    m_maxIterations->setObjectName(QStringLiteral("teamMaxIterationsSpin"));
    m_maxWorkersPerStep->setObjectName(QStringLiteral("teamMaxWorkersPerStepSpin"));
    m_rounds->setObjectName(QStringLiteral("teamRoundsSpin"));
    m_judge->setObjectName(QStringLiteral("teamJudgeCombo"));
    m_hasMinSuccessful->setObjectName(QStringLiteral("teamMinSuccessfulCheck"));
    m_minSuccessful->setObjectName(QStringLiteral("teamMinSuccessfulSpin"));
    m_format->setObjectName(QStringLiteral("teamFormatCombo"));

    // A disclosure arrow like the Isolation section's.
    m_header->setAutoRaise(true);
    m_header->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_header->setArrowType(Qt::RightArrow);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_kindHint->setWordWrap(true);
    m_kindHint->setTextFormat(Qt::PlainText);
    m_kindHint->setForegroundRole(QPalette::PlaceholderText);

    m_kind->addItem(QString(), kNoTeam);
    for (const TeamKind kind : {TeamKind::Parallel, TeamKind::Supervisor, TeamKind::Debate})
        m_kind->addItem(QString(), static_cast<int>(kind));
    for (const SupervisorMode mode : {SupervisorMode::Selective, SupervisorMode::All, SupervisorMode::Sequential})
        m_mode->addItem(QString(), static_cast<int>(mode));
    for (const TeamFormat format : {TeamFormat::Markdown, TeamFormat::Xml})
        m_format->addItem(QString(), static_cast<int>(format));
    const TeamPattern defaults;
    m_maxIterations->setRange(1, 20);
    m_maxIterations->setValue(defaults.maxIterations);
    m_maxWorkersPerStep->setRange(1, 50);
    m_maxWorkersPerStep->setValue(defaults.maxWorkersPerStep);
    m_rounds->setRange(1, 20);
    m_rounds->setValue(defaults.rounds);
    m_minSuccessful->setRange(1, 100);
    m_minSuccessful->setEnabled(false);
    for (QListWidget *list : {m_profiles, m_workers})
        list->setMaximumHeight(96);

    m_kindLabel = buddyLabel(m_body, m_kind);
    m_profilesLabel = buddyLabel(m_body, m_profiles);
    m_plannerLabel = buddyLabel(m_body, m_planner);
    m_workersLabel = buddyLabel(m_body, m_workers);
    m_modeLabel = buddyLabel(m_body, m_mode);
    m_maxIterationsLabel = buddyLabel(m_body, m_maxIterations);
    m_maxWorkersPerStepLabel = buddyLabel(m_body, m_maxWorkersPerStep);
    m_roundsLabel = buddyLabel(m_body, m_rounds);
    m_judgeLabel = buddyLabel(m_body, m_judge);
    m_minSuccessfulLabel = buddyLabel(m_body, m_hasMinSuccessful);
    m_formatLabel = buddyLabel(m_body, m_format);

    auto *headerRow = new QHBoxLayout;
    headerRow->setContentsMargins(0, 0, 0, 0);
    headerRow->addWidget(m_header);
    headerRow->addWidget(m_summary, 1);
    headerRow->addStretch();

    auto *kindBox = new QWidget(m_body);
    auto *kindColumn = new QVBoxLayout(kindBox);
    kindColumn->setContentsMargins(0, 0, 0, 0);
    kindColumn->setSpacing(2);
    m_kind->setParent(kindBox);
    m_kindHint->setParent(kindBox);
    kindColumn->addWidget(m_kind);
    kindColumn->addWidget(m_kindHint);

    m_form->setContentsMargins(22, 2, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->addRow(m_kindLabel, kindBox);
    m_form->addRow(m_profilesLabel, fieldWithError(m_body, m_profiles, m_profilesError));
    m_form->addRow(m_plannerLabel, fieldWithError(m_body, m_planner, m_plannerError));
    m_form->addRow(m_workersLabel, fieldWithError(m_body, m_workers, m_workersError));
    m_form->addRow(m_modeLabel, m_mode);
    m_form->addRow(m_maxIterationsLabel, m_maxIterations);
    m_form->addRow(m_maxWorkersPerStepLabel, m_maxWorkersPerStep);
    m_form->addRow(m_roundsLabel, m_rounds);
    m_form->addRow(m_judgeLabel, fieldWithError(m_body, m_judge, m_judgeError));
    m_form->addRow(m_minSuccessfulLabel,
                   fieldWithError(m_body, m_minSuccessful, m_minSuccessfulError, m_hasMinSuccessful));
    m_form->addRow(m_formatLabel, m_format);
    m_form->addRow(QString(), m_patternError);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(headerRow);
    layout->addWidget(m_body);
    m_body->setVisible(false);

    connect(m_header, &QToolButton::clicked, this, [this] { setExpanded(!isExpanded()); });
    connect(m_hasMinSuccessful, &QCheckBox::toggled, m_minSuccessful, &QWidget::setEnabled);
    const auto changed = [this] {
        clearProblems();
        updateSummary();
        Q_EMIT settingsChanged();
    };
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this, changed] {
        updateVisibleFields();
        changed();
    });
    for (QComboBox *combo : {m_planner, m_mode, m_judge, m_format})
        connect(combo, &QComboBox::currentIndexChanged, this, changed);
    for (QListWidget *list : {m_profiles, m_workers})
        connect(list, &QListWidget::itemChanged, this, changed);
    for (QSpinBox *spin : {m_maxIterations, m_maxWorkersPerStep, m_rounds, m_minSuccessful})
        connect(spin, &QSpinBox::valueChanged, this, changed);
    connect(m_hasMinSuccessful, &QCheckBox::toggled, this, changed);

    retranslate();
    updateVisibleFields();
}

void TeamSection::setProfiles(const QList<AgentProfile> &profiles)
{
    m_known.clear();
    for (const AgentProfile &profile : profiles)
        m_known << profile.name;
    fillProfileList(m_profiles, m_known);
    fillProfileList(m_workers, m_known);
    fillProfileCombo(m_planner, m_known);
    fillProfileCombo(m_judge, m_known);
    retranslate();
}

std::optional<TeamKind> TeamSection::kind() const
{
    const int data = m_kind->currentData().toInt();
    if (data == kNoTeam)
        return std::nullopt;
    return static_cast<TeamKind>(data);
}

QStringList TeamSection::checkedProfiles(const QListWidget *list)
{
    QStringList names;
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->checkState() == Qt::Checked)
            names << list->item(row)->data(Qt::UserRole).toString();
    }
    return names;
}

std::optional<TeamPattern> TeamSection::pattern() const
{
    const std::optional<TeamKind> chosen = kind();
    if (!chosen)
        return std::nullopt;
    TeamPattern pattern;
    pattern.kind = *chosen;
    switch (*chosen) {
    case TeamKind::Parallel:
        pattern.profiles = checkedProfiles(m_profiles);
        pattern.format = static_cast<TeamFormat>(m_format->currentData().toInt());
        break;
    case TeamKind::Supervisor:
        pattern.planner = m_planner->currentData().toString();
        pattern.workers = checkedProfiles(m_workers);
        pattern.mode = static_cast<SupervisorMode>(m_mode->currentData().toInt());
        pattern.maxIterations = m_maxIterations->value();
        pattern.maxWorkersPerStep = m_maxWorkersPerStep->value();
        break;
    case TeamKind::Debate:
        pattern.profiles = checkedProfiles(m_profiles);
        pattern.rounds = m_rounds->value();
        pattern.judge = m_judge->currentData().toString();
        break;
    }
    if (*chosen != TeamKind::Debate && m_hasMinSuccessful->isChecked())
        pattern.minSuccessful = m_minSuccessful->value();
    return pattern;
}

void TeamSection::clearProblems()
{
    FormStyle::setFieldError(m_profiles, m_profilesError, QString());
    FormStyle::setFieldError(m_planner, m_plannerError, QString());
    FormStyle::setFieldError(m_workers, m_workersError, QString());
    FormStyle::setFieldError(m_judge, m_judgeError, QString());
    FormStyle::setFieldError(m_minSuccessful, m_minSuccessfulError, QString());
    FormStyle::setFieldError(nullptr, m_patternError, QString());
}

bool TeamSection::hasProblems() const
{
    for (const QLabel *label :
         {m_profilesError, m_plannerError, m_workersError, m_judgeError, m_minSuccessfulError, m_patternError}) {
        if (!label->isHidden())
            return true;
    }
    return false;
}

bool TeamSection::validate()
{
    clearProblems();
    const std::optional<TeamPattern> chosen = pattern();
    if (!chosen)
        return true;
    const TeamPattern &p = *chosen;
    QString profilesProblem;
    QString plannerProblem;
    QString workersProblem;
    QString judgeProblem;
    QString minProblem;
    const QStringList unknown = [this, &p] {
        QStringList out;
        for (const QString &name : p.memberProfiles()) {
            if (!m_known.contains(name))
                out << name;
        }
        return out;
    }();
    switch (p.kind) {
    case TeamKind::Parallel:
        if (p.profiles.isEmpty())
            profilesProblem = tr("Members: check at least one profile");
        if (p.minSuccessful && !p.profiles.isEmpty() && *p.minSuccessful > p.profiles.size())
            minProblem = tr("Min successful: at most %1, the number of members checked").arg(p.profiles.size());
        break;
    case TeamKind::Debate:
        if (p.profiles.size() < 2)
            profilesProblem = tr("Participants: check at least two profiles");
        if (p.judge.isEmpty())
            judgeProblem = tr("Judge: pick the profile that concludes the debate");
        break;
    case TeamKind::Supervisor:
        if (p.planner.isEmpty())
            plannerProblem = tr("Planner: pick the profile that plans and writes the answer");
        if (p.workers.isEmpty())
            workersProblem = tr("Workers: check at least one profile");
        break;
    }
    if (!unknown.isEmpty() && profilesProblem.isEmpty() && workersProblem.isEmpty())
        (p.kind == TeamKind::Supervisor ? workersProblem : profilesProblem) =
            tr("Unknown profiles: %1").arg(unknown.join(QStringLiteral(", ")));
    FormStyle::setFieldError(m_profiles, m_profilesError, profilesProblem);
    FormStyle::setFieldError(m_planner, m_plannerError, plannerProblem);
    FormStyle::setFieldError(m_workers, m_workersError, workersProblem);
    FormStyle::setFieldError(m_judge, m_judgeError, judgeProblem);
    FormStyle::setFieldError(m_minSuccessful, m_minSuccessfulError, minProblem);
    // Whatever the pattern itself still finds wrong (the form's own checks above name their field) is said too,
    // so nothing the orchestrator would refuse gets past the form.
    if (!hasProblems()) {
        const QStringList problems = p.problems();
        if (!problems.isEmpty())
            FormStyle::setFieldError(nullptr, m_patternError, tr("Team: %1").arg(problems.join(QStringLiteral("; "))));
    }
    if (hasProblems())
        setExpanded(true);
    return !hasProblems();
}

void TeamSection::focusProblem()
{
    setExpanded(true);
    const std::pair<QLabel *, QWidget *> fields[] = {{m_profilesError, m_profiles},
                                                     {m_plannerError, m_planner},
                                                     {m_workersError, m_workers},
                                                     {m_judgeError, m_judge},
                                                     {m_minSuccessfulError, m_minSuccessful},
                                                     {m_patternError, m_kind}};
    for (const auto &[error, field] : fields) {
        if (!error->isHidden()) {
            field->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
}

bool TeamSection::isExpanded() const
{
    return !m_body->isHidden();
}

void TeamSection::setExpanded(bool expanded)
{
    if (expanded == isExpanded())
        return;
    m_header->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_body->setVisible(expanded);
    m_summary->setVisible(!expanded);
    Q_EMIT expandedChanged(expanded);
}

void TeamSection::updateVisibleFields()
{
    const std::optional<TeamKind> chosen = kind();
    const bool parallel = chosen == TeamKind::Parallel;
    const bool supervisor = chosen == TeamKind::Supervisor;
    const bool debate = chosen == TeamKind::Debate;
    m_form->setRowVisible(m_profilesLabel, parallel || debate);
    m_form->setRowVisible(m_plannerLabel, supervisor);
    m_form->setRowVisible(m_workersLabel, supervisor);
    m_form->setRowVisible(m_modeLabel, supervisor);
    m_form->setRowVisible(m_maxIterationsLabel, supervisor);
    m_form->setRowVisible(m_maxWorkersPerStepLabel, supervisor);
    m_form->setRowVisible(m_roundsLabel, debate);
    m_form->setRowVisible(m_judgeLabel, debate);
    m_form->setRowVisible(m_minSuccessfulLabel, parallel || supervisor);
    m_form->setRowVisible(m_formatLabel, parallel);
    retranslate(); // the labels and hints that depend on the kind
}

void TeamSection::updateSummary()
{
    const std::optional<TeamPattern> chosen = pattern();
    m_summary->setText(chosen ? chosen->describe() : tr("one agent"));
}

void TeamSection::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    } else if (event->type() == QEvent::PaletteChange) {
        for (QLabel *label :
             {m_profilesError, m_plannerError, m_workersError, m_judgeError, m_minSuccessfulError, m_patternError})
            FormStyle::updateErrorColor(label);
    }
    QWidget::changeEvent(event);
}

void TeamSection::retranslate()
{
    m_header->setText(tr("Te&am"));
    m_kindLabel->setText(tr("Pattern"));
    m_kind->setItemText(0, tr("None: one agent"));
    m_kind->setItemText(1, tr("Parallel: several agents answer, answers collected"));
    m_kind->setItemText(2, tr("Supervisor: a planner hands steps to workers"));
    m_kind->setItemText(3, tr("Debate: rounds of statements, a judge concludes"));
    const std::optional<TeamKind> chosen = kind();
    QString hint;
    if (chosen == TeamKind::Parallel)
        hint = tr("Each checked profile gets the same goal; the team completes when enough of them succeed.");
    else if (chosen == TeamKind::Supervisor)
        hint = tr("The planner splits the goal into steps for the workers, sees their results, may plan again, "
                  "and writes the answer.");
    else if (chosen == TeamKind::Debate)
        hint = tr("Every participant speaks each round, seeing all earlier statements; the judge then concludes.");
    m_kindHint->setText(hint);
    m_kindHint->setVisible(!hint.isEmpty());
    m_profilesLabel->setText(chosen == TeamKind::Debate ? tr("Participants") : tr("Members"));
    m_profiles->setToolTip(chosen == TeamKind::Debate ? tr("They speak in this order, every round")
                                                      : tr("One member per checked profile"));
    m_plannerLabel->setText(tr("Planner"));
    m_workersLabel->setText(tr("Workers"));
    m_modeLabel->setText(tr("Mode"));
    m_mode->setItemText(0, tr("Selective: each step to the worker the planner names"));
    m_mode->setItemText(1, tr("All: every step to every worker"));
    m_mode->setItemText(2, tr("Sequential: steps one after another"));
    m_maxIterationsLabel->setText(tr("Max iterations"));
    m_maxIterations->setToolTip(tr("How many times the planner may plan (and see results) before it writes the "
                                   "answer"));
    m_maxWorkersPerStepLabel->setText(tr("Max workers per step"));
    m_roundsLabel->setText(tr("Rounds"));
    m_judgeLabel->setText(tr("Judge"));
    m_minSuccessfulLabel->setText(tr("Min successful"));
    m_hasMinSuccessful->setText(chosen == TeamKind::Supervisor ? tr("at least, per iteration") : tr("at least"));
    m_hasMinSuccessful->setToolTip(tr("Unchecked: every member must succeed (a supervisor: one worker per "
                                      "iteration)"));
    m_formatLabel->setText(tr("Answers as"));
    m_format->setItemText(0, tr("Markdown"));
    m_format->setItemText(1, tr("XML"));
    m_format->setToolTip(tr("How the collected answers are written for the goals that depend on this one"));
    for (QComboBox *combo : {m_planner, m_judge}) {
        if (combo->count() > 0)
            combo->setItemText(0, m_known.isEmpty() ? tr("No profiles configured") : tr("Pick a profile"));
    }
    updateSummary();
}

} // namespace switchboard
