#include "dialogs/NewGoalDialog.h"

#include "dialogs/ConditionField.h"
#include "dialogs/IsolationSection.h"
#include "dialogs/TeamSection.h"
#include "execution/ExecutorRules.h"
#include "model/InputLimits.h"
#include "orchestration/Orchestrator.h"
#include "settings/ExecutorFields.h"
#include "style/AgentStateStyle.h"
#include "style/FormStyle.h"
#include "style/ThemedIcons.h"
#include "widgets/StringListEditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace switchboard {

namespace {
QStringList linesOf(const QString &text)
{
    QStringList lines;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            lines << trimmed;
    }
    return lines;
}

QLabel *fieldLabel(QWidget *parent, QWidget *buddy)
{
    auto *label = new QLabel(parent);
    label->setBuddy(buddy);
    return label;
}
} // namespace

NewGoalDialog::NewGoalDialog(Orchestrator *orchestrator, QWidget *parent)
    : QDialog(parent)
    , m_orchestrator(orchestrator)
    , m_title(new QLineEdit(this))
    , m_titleError(FormStyle::makeErrorLabel(this, QStringLiteral("titleError")))
    , m_goalId(new QLineEdit(this))
    , m_description(new QPlainTextEdit(this))
    , m_priority(new QComboBox(this))
    , m_hasDeadline(new QCheckBox(this))
    , m_deadline(new QDateTimeEdit(this))
    , m_deadlineError(FormStyle::makeErrorLabel(this, QStringLiteral("deadlineError")))
    , m_criteria(new StringListEditor(QStringLiteral("criteria"), this))
    , m_profile(new QComboBox(this))
    , m_executor(new ExecutorFields(ExecutorFields::Mode::GoalOverride, this))
    , m_capabilities(new QListWidget(this))
    , m_dependencyFilter(new QLineEdit(this))
    , m_dependsOn(new QListWidget(this))
    , m_resources(new QPlainTextEdit(this))
    , m_isolation(new IsolationSection(this))
    , m_team(new TeamSection(this))
    , m_condition(new ConditionField(this))
    , m_problems(FormStyle::makeErrorLabel(this, QStringLiteral("validationErrors")))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_validateDelay(new QTimer(this))
{
    setObjectName(QStringLiteral("newGoalDialog"));
    m_title->setObjectName(QStringLiteral("titleEdit"));
    m_goalId->setObjectName(QStringLiteral("goalIdEdit"));
    m_description->setObjectName(QStringLiteral("descriptionEdit"));
    m_priority->setObjectName(QStringLiteral("priorityCombo"));
    m_hasDeadline->setObjectName(QStringLiteral("deadlineCheck"));
    m_deadline->setObjectName(QStringLiteral("deadlineEdit"));
    m_profile->setObjectName(QStringLiteral("profileCombo"));
    m_capabilities->setObjectName(QStringLiteral("capabilitiesList"));
    m_dependencyFilter->setObjectName(QStringLiteral("dependencyFilter"));
    m_dependsOn->setObjectName(QStringLiteral("dependsOnList"));
    m_resources->setObjectName(QStringLiteral("resourcesEdit"));
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("submitButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));

    setWindowIcon(ThemedIcons::appIcon());
    setSizeGripEnabled(true);
    resize(860, 640);

    for (const Priority priority : {Priority::Low, Priority::Medium, Priority::High, Priority::Critical})
        m_priority->addItem(QString(), static_cast<int>(priority));
    m_priority->setCurrentIndex(1);

    m_description->setTabChangesFocus(true);
    m_resources->setTabChangesFocus(true);
    m_deadline->setCalendarPopup(true);
    m_deadline->setEnabled(false);
    QDateTime tomorrow = QDateTime::currentDateTime().addDays(1);
    tomorrow.setTime(QTime(tomorrow.time().hour(), 0));
    m_deadline->setDateTime(tomorrow);
    m_dependencyFilter->setClearButtonEnabled(true);
    m_capabilities->setMaximumHeight(110);

    // Left column: what to do. Right column: how and when it runs.
    m_titleLabel = fieldLabel(this, m_title);
    m_idLabel = fieldLabel(this, m_goalId);
    m_descriptionLabel = fieldLabel(this, m_description);
    m_priorityLabel = fieldLabel(this, m_priority);
    m_criteriaLabel = fieldLabel(this, m_criteria->listWidget());
    m_profileLabel = fieldLabel(this, m_profile);
    m_capabilitiesLabel = fieldLabel(this, m_capabilities);
    m_dependsOnLabel = fieldLabel(this, m_dependencyFilter);
    m_resourcesLabel = fieldLabel(this, m_resources);
    m_conditionLabel = fieldLabel(this, m_condition->testCombo());

    auto *left = new QVBoxLayout;
    left->setSpacing(4);
    left->addWidget(m_titleLabel);
    left->addWidget(m_title);
    left->addWidget(m_titleError);
    left->addSpacing(6);
    left->addWidget(m_descriptionLabel);
    left->addWidget(m_description, 3);
    left->addSpacing(6);
    left->addWidget(m_criteriaLabel);
    left->addWidget(m_criteria, 2);
    left->addSpacing(6);
    left->addWidget(m_isolation);
    left->addWidget(m_team);

    auto *when = new QFormLayout;
    when->setContentsMargins(0, 0, 0, 0);
    when->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    when->addRow(m_idLabel, m_goalId);
    when->addRow(m_priorityLabel, m_priority);
    auto *deadlineRow = new QHBoxLayout;
    deadlineRow->setContentsMargins(0, 0, 0, 0);
    deadlineRow->addWidget(m_deadline, 1);
    when->addRow(m_hasDeadline, deadlineRow);
    when->addRow(QString(), m_deadlineError);
    when->addRow(m_profileLabel, m_profile);

    auto *right = new QVBoxLayout;
    right->setSpacing(4);
    right->addLayout(when);
    right->addSpacing(6);
    right->addWidget(m_executor);
    right->addSpacing(6);
    right->addWidget(m_capabilitiesLabel);
    right->addWidget(m_capabilities, 1);
    right->addSpacing(6);
    right->addWidget(m_dependsOnLabel);
    right->addWidget(m_dependencyFilter);
    right->addWidget(m_dependsOn, 2);
    right->addSpacing(6);
    right->addWidget(m_conditionLabel);
    right->addWidget(m_condition);
    right->addSpacing(6);
    right->addWidget(m_resourcesLabel);
    right->addWidget(m_resources, 1);

    auto *columns = new QHBoxLayout;
    columns->setSpacing(20);
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 14, 16, 12);
    layout->addLayout(columns, 1);
    layout->addWidget(m_problems);
    layout->addWidget(m_buttons);

    populateChoices();

    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewGoalDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &NewGoalDialog::reject);
    connect(m_hasDeadline, &QCheckBox::toggled, m_deadline, &QWidget::setEnabled);
    connect(m_profile, &QComboBox::currentIndexChanged, this, &NewGoalDialog::updateCapabilityState);
    connect(m_profile, &QComboBox::currentIndexChanged, this, &NewGoalDialog::updateIsolationProfile);
    connect(m_profile, &QComboBox::currentIndexChanged, this, &NewGoalDialog::updateExecutorState);
    connect(m_isolation, &IsolationSection::repositoryChecked, this, [this] {
        if (std::exchange(m_submitWhenChecked, false))
            accept();
    });
    connect(m_dependencyFilter, &QLineEdit::textChanged, this, [this](const QString &text) {
        for (int row = 0; row < m_dependsOn->count(); ++row) {
            QListWidgetItem *item = m_dependsOn->item(row);
            item->setHidden(!text.isEmpty() && !item->text().contains(text, Qt::CaseInsensitive));
        }
    });

    // Re-check a moment after the person stops typing, so problems show before they submit.
    m_validateDelay->setSingleShot(true);
    m_validateDelay->setInterval(250);
    connect(m_validateDelay, &QTimer::timeout, this, &NewGoalDialog::validateLive);
    const auto schedule = [this] { m_validateDelay->start(); };
    connect(m_title, &QLineEdit::textChanged, this, schedule);
    connect(m_goalId, &QLineEdit::textChanged, this, schedule);
    connect(m_description, &QPlainTextEdit::textChanged, this, schedule);
    connect(m_priority, &QComboBox::currentIndexChanged, this, schedule);
    connect(m_hasDeadline, &QCheckBox::toggled, this, schedule);
    connect(m_deadline, &QDateTimeEdit::dateTimeChanged, this, schedule);
    connect(m_profile, &QComboBox::currentIndexChanged, this, schedule);
    connect(m_capabilities, &QListWidget::itemChanged, this, schedule);
    connect(m_dependsOn, &QListWidget::itemChanged, this, schedule);
    connect(m_dependsOn, &QListWidget::itemChanged, this, &NewGoalDialog::updateConditionDependencies);
    connect(m_condition, &ConditionField::conditionChanged, this, schedule);
    connect(m_team, &TeamSection::settingsChanged, this, schedule);
    connect(m_team, &TeamSection::settingsChanged, this, &NewGoalDialog::updateCapabilityState);
    connect(m_team, &TeamSection::settingsChanged, this, &NewGoalDialog::updateExecutorState);
    connect(m_executor, &ExecutorFields::changed, this, schedule);
    // The opened section takes room from the description and criteria: the form grows instead, as far as the
    // screen allows.
    const auto grow = [this] {
        int wanted = sizeHint().height() + 120;
        if (const QScreen *shown = screen())
            wanted = qMin(wanted, shown->availableGeometry().height() - 40);
        if (height() < wanted)
            resize(width(), wanted);
    };
    connect(m_team, &TeamSection::expandedChanged, this, [grow](bool expanded) {
        if (expanded)
            grow();
    });
    // A Slurm or SSH choice opens its fields below the choice: the same.
    connect(m_executor, &ExecutorFields::changed, this, [this, grow] {
        if (m_executor->executor().value_or(ExecutorSpec{}).kind != ExecutorSpec::Kind::Local)
            grow();
    });
    connect(m_resources, &QPlainTextEdit::textChanged, this, schedule);
    connect(m_isolation, &IsolationSection::settingsChanged, this, schedule);

    retranslate();
    updateCapabilityState();
    updateIsolationProfile();
    updateExecutorState();
    m_title->setFocus();
}

void NewGoalDialog::populateChoices()
{
    m_profile->clear();
    m_profile->addItem(QString(), QString()); // "Any matching profile", text set in retranslate()
    QStringList capabilities;
    if (m_orchestrator) {
        for (const AgentProfile &profile : m_orchestrator->profiles()) {
            m_profile->addItem(profile.name, profile.name);
            if (!profile.capabilities.isEmpty())
                m_profile->setItemData(m_profile->count() - 1,
                                       tr("Can: %1").arg(profile.capabilities.join(QStringLiteral(", "))),
                                       Qt::ToolTipRole);
            capabilities << profile.capabilities;
        }
    }
    capabilities.removeDuplicates();
    std::sort(capabilities.begin(), capabilities.end());
    m_capabilities->clear();
    for (const QString &capability : std::as_const(capabilities)) {
        auto *item = new QListWidgetItem(capability, m_capabilities);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
        item->setData(Qt::UserRole, capability);
    }

    m_dependsOn->clear();
    if (m_orchestrator) {
        for (const QString &goalId : m_orchestrator->goalIds()) {
            const std::optional<Goal> existing = m_orchestrator->goal(goalId);
            if (existing && existing->member)
                continue; // a team's member: depend on the team, whose result is made from its members'
            const QString title = existing ? existing->title : QString();
            auto *item = new QListWidgetItem(title.isEmpty() ? goalId : tr("%1  (%2)").arg(title, goalId), m_dependsOn);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
            item->setData(Qt::UserRole, goalId);
        }
    }
    m_dependencyFilter->setEnabled(m_dependsOn->count() > 0);
    m_team->setProfiles(m_orchestrator ? m_orchestrator->profiles() : QList<AgentProfile>());
    updateConditionDependencies();
}

void NewGoalDialog::updateConditionDependencies()
{
    QList<QPair<QString, QString>> checked;
    for (int row = 0; row < m_dependsOn->count(); ++row) {
        const QListWidgetItem *item = m_dependsOn->item(row);
        if (item->checkState() == Qt::Checked)
            checked.append({item->data(Qt::UserRole).toString(), item->text()});
    }
    m_condition->setDependencies(checked);
}

void NewGoalDialog::updateCapabilityState()
{
    // A named profile decides the capabilities; the list only matters when any profile may take the goal. A team
    // runs no agent of its own: its members' profiles are picked in the Team section.
    const bool team = m_team->pattern().has_value();
    m_profile->setEnabled(!team);
    m_capabilities->setEnabled(!team && m_profile->currentIndex() == 0 && m_capabilities->count() > 0);
}

void NewGoalDialog::updateIsolationProfile()
{
    std::optional<AgentProfile> chosen;
    const QString name = m_profile->currentData().toString();
    if (m_orchestrator && !name.isEmpty()) {
        for (const AgentProfile &profile : m_orchestrator->profiles()) {
            if (profile.name == name)
                chosen = profile;
        }
    }
    m_isolation->setProfile(chosen);
}

void NewGoalDialog::updateExecutorState()
{
    // A team's members run on their own profiles' executors; an LLM or demo profile runs inside Switchboard, where
    // only "local" means anything (the plan loader refuses another executor on it).
    const QString name = m_profile->currentData().toString();
    QString inside;
    if (m_orchestrator && !name.isEmpty()) {
        for (const AgentProfile &profile : m_orchestrator->profiles()) {
            if (profile.name == name && !ExecutorRules::backendTakesExecutor(profile.backend))
                inside = profile.backend;
        }
    }
    const bool team = m_team->pattern().has_value();
    m_executor->setEnabled(!team && inside.isEmpty());
    if (!m_executor->isEnabled())
        m_executor->clearProblems(); // what it holds does not go with the goal
    m_executor->setToolTip(team ? tr("A team's members run where their profiles say")
                           : inside.isEmpty()
                               ? QString()
                               : tr("Profile “%1” (%2) runs inside Switchboard, not as a program").arg(name, inside));
}

Goal NewGoalDialog::goal() const
{
    Goal goal;
    goal.id = m_goalId->text().trimmed();
    goal.title = m_title->text().trimmed();
    goal.description = m_description->toPlainText().trimmed();
    goal.priority = static_cast<Priority>(m_priority->currentData().toInt());
    if (m_hasDeadline->isChecked())
        goal.deadline = m_deadline->dateTime().toUTC();
    goal.successCriteria = m_criteria->items();
    goal.profile = m_profile->currentData().toString();
    if (goal.profile.isEmpty()) {
        for (int row = 0; row < m_capabilities->count(); ++row) {
            const QListWidgetItem *item = m_capabilities->item(row);
            if (item->checkState() == Qt::Checked)
                goal.capabilities << item->data(Qt::UserRole).toString();
        }
    }
    for (int row = 0; row < m_dependsOn->count(); ++row) {
        const QListWidgetItem *item = m_dependsOn->item(row);
        if (item->checkState() == Qt::Checked)
            goal.dependsOn << item->data(Qt::UserRole).toString();
    }
    goal.resources = linesOf(m_resources->toPlainText());
    goal.isolation = m_isolation->settings();
    goal.when = m_condition->condition();
    goal.team = m_team->pattern();
    if (m_executor->isEnabled())
        goal.executor = m_executor->executor();
    if (goal.team) {
        goal.profile.clear(); // the members have theirs
        goal.capabilities.clear();
    }
    return goal;
}

bool NewGoalDialog::checkFields()
{
    bool ok = true;
    // A goal needs something to say what it is: the title, else the description (its first line becomes the title).
    if (!hasTitleOrDescription()) {
        FormStyle::setFieldError(m_title, m_titleError, tr("Enter a title or a description"));
        ok = false;
    } else if (const qsizetype length = m_title->text().trimmed().size(); length > InputLimits::kMaxTitleLength) {
        FormStyle::setFieldError(
            m_title, m_titleError,
            tr("The title is too long: %1 characters, at most %2").arg(length).arg(InputLimits::kMaxTitleLength));
        ok = false;
    } else {
        FormStyle::setFieldError(m_title, m_titleError, QString());
    }
    if (m_hasDeadline->isChecked() && m_deadline->dateTime() <= QDateTime::currentDateTime()) {
        FormStyle::setFieldError(m_deadline, m_deadlineError, tr("The deadline is in the past"));
        ok = false;
    } else {
        FormStyle::setFieldError(m_deadline, m_deadlineError, QString());
    }
    // Each executor value that the config reader would refuse shows under its field.
    if (m_executor->isEnabled())
        ok = !m_executor->showProblems() && ok;
    if (m_submitTried) {
        ok = m_condition->validate() && ok;
        ok = m_team->validate() && ok;
    }
    return ok;
}

void NewGoalDialog::validateLive()
{
    // Field messages appear once the person has tried to submit or typed a title or description; not on an empty
    // form.
    if (!m_titleError->isHidden() || !m_deadlineError->isHidden() || hasTitleOrDescription())
        checkFields();
    if (!hasTitleOrDescription() || !m_orchestrator) {
        showProblems({});
        return;
    }
    showProblems(m_orchestrator->validate({goal()}));
}

bool NewGoalDialog::hasTitleOrDescription() const
{
    return !m_title->text().trimmed().isEmpty() || !m_description->toPlainText().trimmed().isEmpty();
}

void NewGoalDialog::showProblems(const QStringList &problems)
{
    QStringList lines;
    for (const QString &problem : problems)
        lines << QStringLiteral("• ") + problem;
    FormStyle::setFieldError(nullptr, m_problems, lines.join(QLatin1Char('\n')));
}

void NewGoalDialog::accept()
{
    m_validateDelay->stop();
    m_criteria->commitPendingEdit();
    m_submitTried = true;
    if (!checkFields()) {
        if (!m_titleError->isHidden())
            m_title->setFocus(Qt::OtherFocusReason);
        else if (const QList<ExecutorRules::Problem> executor = m_executor->problems(); !executor.isEmpty())
            m_executor->fieldWidget(executor.constFirst().field)->setFocus(Qt::OtherFocusReason);
        else if (m_condition->hasProblem())
            m_condition->setFocus(Qt::OtherFocusReason);
        else if (m_team->hasProblems())
            m_team->focusProblem();
        return;
    }
    switch (m_isolation->repositoryState()) {
    case IsolationSection::RepositoryState::Checking:
        m_submitWhenChecked = true; // git is still looking at the folder; submit once it has answered
        return;
    case IsolationSection::RepositoryState::Invalid:
        m_isolation->focusRepository();
        return;
    case IsolationSection::RepositoryState::Valid:
        break;
    }
    if (!m_orchestrator)
        return;
    const Goal newGoal = goal();
    const QStringList problems = m_orchestrator->validate({newGoal});
    if (!problems.isEmpty()) {
        showProblems(problems);
        return;
    }
    QString error;
    const QString agentId = m_orchestrator->spawn(newGoal, &error);
    if (agentId.isEmpty()) {
        showProblems({error.isEmpty() ? tr("The goal could not be queued.") : error});
        return;
    }
    m_spawnedAgentId = agentId;
    QDialog::accept();
}

void NewGoalDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    } else if (event->type() == QEvent::PaletteChange) {
        for (QLabel *label : {m_titleError, m_deadlineError, m_problems})
            FormStyle::updateErrorColor(label);
    }
    QDialog::changeEvent(event);
}

void NewGoalDialog::retranslate()
{
    setWindowTitle(tr("New goal"));
    m_titleLabel->setText(tr("&Title"));
    m_title->setPlaceholderText(tr("What should the agent achieve? (default: the description's first line)"));
    m_idLabel->setText(tr("Goal &ID"));
    m_goalId->setPlaceholderText(tr("automatic"));
    m_goalId->setToolTip(tr("Other goals refer to this goal by its ID. Leave empty to have one made up. An ID has "
                            "at most %1 characters: letters, digits and - _ . : @ +")
                             .arg(InputLimits::kMaxIdLength));
    m_descriptionLabel->setText(tr("&Description"));
    m_description->setPlaceholderText(tr("Context, constraints, pointers to files…"));
    m_priorityLabel->setText(tr("&Priority"));
    for (int i = 0; i < m_priority->count(); ++i)
        m_priority->setItemText(i,
                                AgentStateStyle::priorityLabel(static_cast<Priority>(m_priority->itemData(i).toInt())));
    m_hasDeadline->setText(tr("Dead&line"));
    m_criteriaLabel->setText(tr("&Success criteria"));
    m_criteria->setPlaceholderText(tr("How will you know the goal is met? One criterion per entry."));
    m_profileLabel->setText(tr("P&rofile"));
    m_profile->setItemText(0, tr("Any matching profile"));
    m_capabilitiesLabel->setText(tr("Required &capabilities"));
    m_capabilities->setToolTip(tr("With any matching profile, the goal goes to a profile that has all the "
                                  "checked capabilities"));
    m_dependsOnLabel->setText(tr("Depends &on"));
    m_dependencyFilter->setPlaceholderText(m_dependsOn->count() > 0 ? tr("Filter existing goals…")
                                                                    : tr("No existing goals yet"));
    m_dependsOn->setToolTip(tr("The goal starts only after the checked goals have completed"));
    m_resourcesLabel->setText(tr("R&esources"));
    m_conditionLabel->setText(tr("Runs w&hen"));
    m_resources->setPlaceholderText(tr("Files or other resources it needs exclusively, one per line"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Spawn agent"));
    // The "Runs on" rows continue the form above them: one label column.
    QList<QLabel *> labels = m_executor->labels();
    labels << m_idLabel << m_priorityLabel << m_profileLabel;
    int width = m_hasDeadline->sizeHint().width();
    for (const QLabel *label : std::as_const(labels))
        width = qMax(width, label->sizeHint().width());
    for (QLabel *label : std::as_const(labels))
        label->setMinimumWidth(width);
    m_hasDeadline->setMinimumWidth(width);
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
}

} // namespace switchboard
