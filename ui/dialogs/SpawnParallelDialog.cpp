#include "dialogs/SpawnParallelDialog.h"

#include "dialogs/IsolationSection.h"
#include "model/InputLimits.h"
#include "orchestration/Orchestrator.h"
#include "style/AgentStateStyle.h"
#include "style/FormStyle.h"
#include "style/ThemedIcons.h"
#include "widgets/ChoiceItemDelegate.h"

#include <QApplication>
#include <QButtonGroup>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace switchboard {

namespace {
enum Column
{
    TitleColumn,
    PriorityColumn,
    ProfileColumn,
    DescriptionColumn,
    ColumnCount,
};

constexpr int kInitialRows = 3;
constexpr int kMaxSameAgents = 256;
} // namespace

SpawnParallelDialog::SpawnParallelDialog(Orchestrator *orchestrator, QWidget *parent)
    : QDialog(parent)
    , m_orchestrator(orchestrator)
    , m_tabs(new QTabWidget(this))
    , m_problems(FormStyle::makeErrorLabel(this, QStringLiteral("errorLabel")))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_isolation(new IsolationSection(this))
{
    setObjectName(QStringLiteral("spawnParallelDialog"));
    setWindowIcon(ThemedIcons::appIcon());
    setSizeGripEnabled(true);
    resize(820, 520);
    m_tabs->setObjectName(QStringLiteral("modeTabs"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("submitButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));

    if (m_orchestrator) {
        for (const AgentProfile &profile : m_orchestrator->profiles())
            m_profileNames << profile.name;
    }

    m_tabs->addTab(buildTablePage(), QString());
    m_tabs->addTab(buildSamePage(), QString());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 14, 14, 12);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_isolation);
    layout->addWidget(m_problems);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &SpawnParallelDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SpawnParallelDialog::reject);
    connect(m_tabs, &QTabWidget::currentChanged, this, &SpawnParallelDialog::updateSubmitText);
    connect(m_isolation, &IsolationSection::repositoryChecked, this, [this] {
        if (std::exchange(m_submitWhenChecked, false))
            accept();
    });

    for (int i = 0; i < kInitialRows; ++i)
        addRow();
    retranslate();
    updateSubmitText();
}

QWidget *SpawnParallelDialog::buildTablePage()
{
    auto *page = new QWidget;
    m_table = new QTableWidget(0, ColumnCount, page);
    m_table->setObjectName(QStringLiteral("goalTable"));
    m_table->horizontalHeader()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(PriorityColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ProfileColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(DescriptionColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setMinimumSectionSize(110);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->verticalHeader()->defaultSectionSize() + 4);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked |
                             QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    m_table->setTabKeyNavigation(true);
    m_table->installEventFilter(this);

    m_priorityDelegate = new ChoiceItemDelegate(m_table);
    m_profileDelegate = new ChoiceItemDelegate(m_table);
    m_table->setItemDelegateForColumn(PriorityColumn, m_priorityDelegate);
    m_table->setItemDelegateForColumn(ProfileColumn, m_profileDelegate);

    m_addRow = new QPushButton(page);
    m_addRow->setObjectName(QStringLiteral("addRowButton"));
    m_removeRows = new QPushButton(page);
    m_removeRows->setObjectName(QStringLiteral("removeRowsButton"));
    m_paste = new QPushButton(page);
    m_paste->setObjectName(QStringLiteral("pasteLinesButton"));
    m_tableHint = new QLabel(page);
    m_tableHint->setWordWrap(true);
    m_tableHint->setForegroundRole(QPalette::PlaceholderText);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addRow);
    buttons->addWidget(m_removeRows);
    buttons->addWidget(m_paste);
    buttons->addStretch();

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->addWidget(m_tableHint);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(m_addRow, &QPushButton::clicked, this, [this] {
        const int row = addRow();
        m_table->setCurrentCell(row, TitleColumn);
        m_table->editItem(m_table->item(row, TitleColumn));
    });
    connect(m_removeRows, &QPushButton::clicked, this, &SpawnParallelDialog::removeSelectedRows);
    connect(m_paste, &QPushButton::clicked, this, &SpawnParallelDialog::pasteFromClipboard);
    connect(m_table, &QTableWidget::itemChanged, this, &SpawnParallelDialog::updateSubmitText);
    return page;
}

QWidget *SpawnParallelDialog::buildSamePage()
{
    auto *page = new QWidget;
    m_sameTitleLabel = new QLabel(page);
    m_sameTitle = new QLineEdit(page);
    m_sameTitle->setObjectName(QStringLiteral("sameTitleEdit"));
    m_sameTitleLabel->setBuddy(m_sameTitle);
    m_sameTitleError = FormStyle::makeErrorLabel(page, QStringLiteral("sameTitleError"));
    m_sameDescriptionLabel = new QLabel(page);
    m_sameDescription = new QPlainTextEdit(page);
    m_sameDescription->setObjectName(QStringLiteral("sameDescriptionEdit"));
    m_sameDescription->setTabChangesFocus(true);
    m_sameDescription->setMaximumHeight(90);
    m_sameDescriptionLabel->setBuddy(m_sameDescription);
    m_samePriorityLabel = new QLabel(page);
    m_samePriority = new QComboBox(page);
    m_samePriority->setObjectName(QStringLiteral("samePriorityCombo"));
    m_samePriorityLabel->setBuddy(m_samePriority);
    for (const Priority priority : {Priority::Low, Priority::Medium, Priority::High, Priority::Critical})
        m_samePriority->addItem(QString(), static_cast<int>(priority));
    m_samePriority->setCurrentIndex(1);

    m_countMode = new QRadioButton(page);
    m_countMode->setObjectName(QStringLiteral("countModeRadio"));
    m_count = new QSpinBox(page);
    m_count->setObjectName(QStringLiteral("agentCountSpin"));
    m_count->setRange(1, kMaxSameAgents);
    m_count->setValue(3);
    m_countProfileLabel = new QLabel(page);
    m_countProfile = new QComboBox(page);
    m_countProfile->setObjectName(QStringLiteral("countProfileCombo"));
    m_countProfile->addItem(QString(), QString());
    for (const QString &name : std::as_const(m_profileNames))
        m_countProfile->addItem(name, name);

    m_perProfileMode = new QRadioButton(page);
    m_perProfileMode->setObjectName(QStringLiteral("perProfileRadio"));
    m_profiles = new QListWidget(page);
    m_profiles->setObjectName(QStringLiteral("profileList"));
    for (const QString &name : std::as_const(m_profileNames)) {
        auto *item = new QListWidgetItem(name, m_profiles);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_profilesError = FormStyle::makeErrorLabel(page, QStringLiteral("profilesError"));

    m_sameMode = new QButtonGroup(page);
    m_sameMode->addButton(m_countMode);
    m_sameMode->addButton(m_perProfileMode);
    m_countMode->setChecked(true);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *titleColumn = new QVBoxLayout;
    titleColumn->setSpacing(2);
    titleColumn->addWidget(m_sameTitle);
    titleColumn->addWidget(m_sameTitleError);
    form->addRow(m_sameTitleLabel, titleColumn);
    form->addRow(m_sameDescriptionLabel, m_sameDescription);
    form->addRow(m_samePriorityLabel, m_samePriority);

    auto *countRow = new QHBoxLayout;
    countRow->addWidget(m_countMode);
    countRow->addWidget(m_count);
    countRow->addSpacing(12);
    countRow->addWidget(m_countProfileLabel);
    countRow->addWidget(m_countProfile, 1);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->addLayout(form);
    layout->addSpacing(8);
    layout->addLayout(countRow);
    layout->addWidget(m_perProfileMode);
    auto *indent = new QHBoxLayout;
    indent->addSpacing(24);
    auto *listColumn = new QVBoxLayout;
    listColumn->addWidget(m_profiles, 1);
    listColumn->addWidget(m_profilesError);
    indent->addLayout(listColumn, 1);
    layout->addLayout(indent, 1);

    const auto updateEnabled = [this] {
        const bool count = m_countMode->isChecked();
        m_count->setEnabled(count);
        m_countProfile->setEnabled(count);
        m_profiles->setEnabled(!count);
        updateSubmitText();
    };
    connect(m_countMode, &QRadioButton::toggled, this, updateEnabled);
    connect(m_count, &QSpinBox::valueChanged, this, &SpawnParallelDialog::updateSubmitText);
    connect(m_profiles, &QListWidget::itemChanged, this, &SpawnParallelDialog::updateSubmitText);
    m_perProfileMode->setEnabled(!m_profileNames.isEmpty());
    updateEnabled();
    return page;
}

void SpawnParallelDialog::setMode(Mode mode)
{
    m_tabs->setCurrentIndex(mode == Mode::DifferentGoals ? 0 : 1);
}

SpawnParallelDialog::Mode SpawnParallelDialog::mode() const
{
    return m_tabs->currentIndex() == 0 ? Mode::DifferentGoals : Mode::SameGoal;
}

int SpawnParallelDialog::addRow(const QString &title, Priority priority, const QString &profile,
                                const QString &description)
{
    const QSignalBlocker blocker(m_table);
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, TitleColumn, new QTableWidgetItem(title));
    auto *priorityItem = new QTableWidgetItem(AgentStateStyle::priorityLabel(priority));
    priorityItem->setData(Qt::UserRole, static_cast<int>(priority));
    m_table->setItem(row, PriorityColumn, priorityItem);
    auto *profileItem = new QTableWidgetItem(profile.isEmpty() ? m_profileDelegate->labelFor(QString()) : profile);
    profileItem->setData(Qt::UserRole, profile);
    m_table->setItem(row, ProfileColumn, profileItem);
    m_table->setItem(row, DescriptionColumn, new QTableWidgetItem(description));
    updateSubmitText();
    return row;
}

int SpawnParallelDialog::pasteLines(const QString &text)
{
    QStringList lines;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            lines << line;
    }
    if (lines.isEmpty())
        return 0;

    // Reuse the empty rows at the end of the table, then append.
    int row = m_table->rowCount();
    while (row > 0 && m_table->item(row - 1, TitleColumn)->text().trimmed().isEmpty() &&
           m_table->item(row - 1, DescriptionColumn)->text().trimmed().isEmpty())
        --row;
    while (m_table->rowCount() > row)
        m_table->removeRow(m_table->rowCount() - 1);

    for (const QString &line : std::as_const(lines)) {
        const QStringList fields = line.split(QLatin1Char('\t'));
        const QString title = fields.value(0).trimmed();
        Priority priority = Priority::Medium;
        if (fields.size() > 1) {
            const QString word = fields.at(1).trimmed();
            if (const std::optional<Priority> parsed = priorityFromString(word)) {
                priority = *parsed;
            } else {
                for (const Priority candidate : {Priority::Low, Priority::Medium, Priority::High, Priority::Critical}) {
                    if (word.compare(AgentStateStyle::priorityLabel(candidate), Qt::CaseInsensitive) == 0)
                        priority = candidate;
                }
            }
        }
        const QString profile = fields.value(2).trimmed();
        const QString description = fields.mid(3).join(QLatin1Char(' ')).trimmed();
        addRow(title, priority, m_profileNames.contains(profile) ? profile : QString(), description);
    }
    updateSubmitText();
    return static_cast<int>(lines.size());
}

void SpawnParallelDialog::pasteFromClipboard()
{
    const QString text = QApplication::clipboard()->text();
    if (pasteLines(text) == 0)
        showProblems({tr("The clipboard holds no text to paste: copy one goal per line first.")});
    else
        showProblems({});
}

void SpawnParallelDialog::removeSelectedRows()
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows << index.row();
    if (rows.isEmpty() && m_table->currentRow() >= 0)
        rows << m_table->currentRow();
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (const int row : std::as_const(rows))
        m_table->removeRow(row);
    updateSubmitText();
}

bool SpawnParallelDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Paste)) {
            const QString text = QApplication::clipboard()->text();
            // A single line pastes into the current cell like any table; several lines become several goals.
            if (text.trimmed().contains(QLatin1Char('\n'))) {
                pasteLines(text);
                return true;
            }
            if (QTableWidgetItem *item = m_table->currentItem(); item && !text.isEmpty() &&
                                                                 m_table->currentColumn() != PriorityColumn &&
                                                                 m_table->currentColumn() != ProfileColumn) {
                item->setText(text.trimmed());
                return true;
            }
        } else if (key->matches(QKeySequence::Delete)) { // (while a cell is edited, keys go to its editor)
            for (QTableWidgetItem *item : m_table->selectedItems()) {
                if (item->column() == TitleColumn || item->column() == DescriptionColumn)
                    item->setText(QString());
            }
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

QList<Goal> SpawnParallelDialog::goals(QStringList *problems) const
{
    QList<Goal> result;
    QStringList found;
    if (mode() == Mode::DifferentGoals) {
        for (int row = 0; row < m_table->rowCount(); ++row) {
            const QString title = m_table->item(row, TitleColumn)->text().trimmed();
            const QString description = m_table->item(row, DescriptionColumn)->text().trimmed();
            if (title.isEmpty() && description.isEmpty())
                continue; // an empty row; a description alone gives the title (Goal::defaultTitle)
            Goal goal;
            goal.title = title;
            goal.description = description;
            goal.priority = static_cast<Priority>(m_table->item(row, PriorityColumn)->data(Qt::UserRole).toInt());
            goal.profile = m_table->item(row, ProfileColumn)->data(Qt::UserRole).toString();
            result << goal;
        }
        if (result.isEmpty() && found.isEmpty())
            found << tr("Enter at least one goal: type a title or a description in the table or paste one goal per "
                        "line.");
    } else {
        Goal goal;
        goal.title = m_sameTitle->text().trimmed();
        goal.description = m_sameDescription->toPlainText().trimmed();
        goal.priority = static_cast<Priority>(m_samePriority->currentData().toInt());
        const bool described = !goal.title.isEmpty() || !goal.description.isEmpty();
        if (!described)
            found << tr("Enter a title or a description");
        else if (goal.title.size() > InputLimits::kMaxTitleLength)
            found << titleTooLong(goal.title.size());
        if (m_countMode->isChecked()) {
            goal.profile = m_countProfile->currentData().toString();
            for (int i = 0; i < m_count->value(); ++i)
                result << goal;
        } else {
            for (int row = 0; row < m_profiles->count(); ++row) {
                if (m_profiles->item(row)->checkState() != Qt::Checked)
                    continue;
                Goal perProfile = goal;
                perProfile.profile = m_profiles->item(row)->text();
                result << perProfile;
            }
            if (result.isEmpty())
                found << tr("Check at least one profile");
        }
        if (!described)
            result.clear();
    }
    const IsolationSettings isolation = m_isolation->settings();
    for (Goal &goal : result)
        goal.isolation = isolation;
    if (problems)
        *problems = found;
    return found.isEmpty() ? result : QList<Goal>();
}

QString SpawnParallelDialog::titleTooLong(qsizetype length) const
{
    return tr("The title is too long: %1 characters, at most %2").arg(length).arg(InputLimits::kMaxTitleLength);
}

void SpawnParallelDialog::accept()
{
    // A cell still being typed in counts: moving the current index away commits its editor.
    const QModelIndex current = m_table->currentIndex();
    m_table->setCurrentIndex(QModelIndex());
    m_table->setCurrentIndex(current);

    QStringList problems;
    const QList<Goal> batch = goals(&problems);
    if (mode() == Mode::SameGoal) {
        const QString tooLong = titleTooLong(m_sameTitle->text().trimmed().size());
        FormStyle::setFieldError(m_sameTitle, m_sameTitleError,
                                 problems.contains(tr("Enter a title or a description"))
                                     ? tr("Enter a title or a description")
                                     : (problems.contains(tooLong) ? tooLong : QString()));
        FormStyle::setFieldError(m_profiles, m_profilesError,
                                 problems.contains(tr("Check at least one profile")) ? tr("Check at least one profile")
                                                                                     : QString());
    }
    if (!problems.isEmpty() || !m_orchestrator) {
        showProblems(problems);
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
    const QStringList invalid = m_orchestrator->validate(batch);
    if (!invalid.isEmpty()) {
        showProblems(invalid);
        return;
    }
    QString error;
    const QStringList ids = m_orchestrator->spawnParallel(batch, &error);
    if (ids.isEmpty()) {
        showProblems({error.isEmpty() ? tr("The goals could not be queued.") : error});
        return;
    }
    m_spawnedAgentIds = ids;
    QDialog::accept();
}

void SpawnParallelDialog::showProblems(const QStringList &problems)
{
    QStringList lines;
    for (const QString &problem : problems)
        lines << QStringLiteral("• ") + problem;
    FormStyle::setFieldError(nullptr, m_problems, lines.join(QLatin1Char('\n')));
}

void SpawnParallelDialog::updateSubmitText()
{
    int count = 0;
    if (mode() == Mode::DifferentGoals) {
        for (int row = 0; row < m_table->rowCount(); ++row) {
            if (const QTableWidgetItem *item = m_table->item(row, TitleColumn);
                item && !item->text().trimmed().isEmpty())
                ++count;
        }
    } else if (m_countMode && m_countMode->isChecked()) {
        count = m_count->value();
    } else if (m_profiles) {
        for (int row = 0; row < m_profiles->count(); ++row)
            count += m_profiles->item(row)->checkState() == Qt::Checked ? 1 : 0;
    }
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Spawn %n agent(s)", nullptr, count));
}

void SpawnParallelDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        for (QLabel *label : {m_problems, m_sameTitleError, m_profilesError})
            FormStyle::updateErrorColor(label);
    QDialog::changeEvent(event);
}

void SpawnParallelDialog::retranslate()
{
    setWindowTitle(tr("Spawn agents in parallel"));
    m_tabs->setTabText(0, tr("&Different goals"));
    m_tabs->setTabText(1, tr("Same goal, &several agents"));
    m_table->setHorizontalHeaderLabels({tr("Title"), tr("Priority"), tr("Profile"), tr("Description")});
    m_tableHint->setText(tr("One goal per row; all of them start together, or none does if one is invalid. "
                            "Paste lines (Ctrl+V) to add one goal per line; columns may be separated by tabs: "
                            "title, priority, profile, description."));
    m_addRow->setText(tr("&Add row"));
    m_removeRows->setText(tr("&Remove rows"));
    m_paste->setText(tr("&Paste lines"));
    m_addRow->setIcon(ThemedIcons::icon(QStringLiteral("new-goal"), palette()));
    m_removeRows->setIcon(ThemedIcons::icon(QStringLiteral("cancel"), palette()));
    m_paste->setIcon(ThemedIcons::icon(QStringLiteral("copy"), palette()));

    QList<ChoiceItemDelegate::Choice> priorities;
    for (const Priority priority : {Priority::Low, Priority::Medium, Priority::High, Priority::Critical})
        priorities << ChoiceItemDelegate::Choice{AgentStateStyle::priorityLabel(priority), static_cast<int>(priority)};
    m_priorityDelegate->setChoices(priorities);
    QList<ChoiceItemDelegate::Choice> profiles{{tr("Any matching profile"), QString()}};
    for (const QString &name : std::as_const(m_profileNames))
        profiles << ChoiceItemDelegate::Choice{name, name};
    m_profileDelegate->setChoices(profiles);
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QTableWidgetItem *priority = m_table->item(row, PriorityColumn);
        priority->setText(m_priorityDelegate->labelFor(priority->data(Qt::UserRole)));
        QTableWidgetItem *profile = m_table->item(row, ProfileColumn);
        profile->setText(m_profileDelegate->labelFor(profile->data(Qt::UserRole)));
    }

    m_sameTitleLabel->setText(tr("&Title"));
    m_sameTitle->setPlaceholderText(tr("The goal every agent gets"));
    m_sameDescriptionLabel->setText(tr("D&escription"));
    m_samePriorityLabel->setText(tr("&Priority"));
    for (int i = 0; i < m_samePriority->count(); ++i)
        m_samePriority->setItemText(
            i, AgentStateStyle::priorityLabel(static_cast<Priority>(m_samePriority->itemData(i).toInt())));
    m_countMode->setText(tr("Send it to this many &agents:"));
    m_countProfileLabel->setText(tr("on profile"));
    m_countProfile->setItemText(0, tr("Any matching profile"));
    m_perProfileMode->setText(tr("Send it to one agent on each checked profile, side by side:"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    updateSubmitText();
}

} // namespace switchboard
