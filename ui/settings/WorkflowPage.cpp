#include "WorkflowPage.h"

#include "model/WorkflowMode.h"

#include <QAbstractSpinBox>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <limits>

namespace switchboard {

WorkflowPage::WorkflowPage(QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout)
    , m_maxParallel(new QSpinBox)
    , m_mode(new QComboBox)
    , m_modeHelp(new QLabel)
    , m_onDeadline(new QComboBox)
    , m_lockTtl(new QSpinBox)
    , m_autoResume(new QCheckBox)
    , m_budgetTokens(new QSpinBox)
    , m_budgetCost(new QDoubleSpinBox)
    , m_workspace(new QLineEdit)
    , m_browse(new QPushButton)
    , m_retryNote(new QLabel)
{
    setObjectName(QStringLiteral("workflowPage"));
    m_maxParallel->setObjectName(QStringLiteral("workflowMaxParallel"));
    m_maxParallel->setRange(1, 1024);
    m_mode->setObjectName(QStringLiteral("workflowMode"));
    for (const QString &mode : workflowModeNames())
        m_mode->addItem(mode, mode);
    m_modeHelp->setObjectName(QStringLiteral("workflowModeHelp"));
    m_modeHelp->setWordWrap(true);
    m_onDeadline->setObjectName(QStringLiteral("workflowOnDeadline"));
    m_onDeadline->addItem(QString(), QStringLiteral("fail"));
    m_onDeadline->addItem(QString(), QStringLiteral("escalate"));
    m_lockTtl->setObjectName(QStringLiteral("workflowLockTtl"));
    m_lockTtl->setRange(1, 7 * 24 * 3600);
    m_lockTtl->setAccelerated(true);
    m_autoResume->setObjectName(QStringLiteral("workflowAutoResume"));
    m_budgetTokens->setObjectName(QStringLiteral("workflowBudgetTokens"));
    m_budgetTokens->setRange(0, std::numeric_limits<int>::max());
    m_budgetTokens->setSingleStep(10000);
    m_budgetTokens->setAccelerated(true);
    m_budgetCost->setObjectName(QStringLiteral("workflowBudgetCost"));
    m_budgetCost->setRange(0.0, 1e6);
    m_budgetCost->setDecimals(2);
    m_budgetCost->setPrefix(QStringLiteral("$ "));
    m_workspace->setObjectName(QStringLiteral("workflowWorkspace"));
    m_browse->setObjectName(QStringLiteral("workflowBrowseWorkspace"));
    m_retryNote->setObjectName(QStringLiteral("workflowRetryNote"));
    m_retryNote->setWordWrap(true);

    auto *mode = new QWidget;
    auto *modeColumn = new QVBoxLayout(mode);
    modeColumn->setContentsMargins(0, 0, 0, 0);
    modeColumn->addWidget(m_mode, 0, Qt::AlignLeft);
    modeColumn->addWidget(m_modeHelp);
    auto *workspace = new QWidget;
    auto *workspaceRow = new QHBoxLayout(workspace);
    workspaceRow->setContentsMargins(0, 0, 0, 0);
    workspaceRow->addWidget(m_workspace, 1);
    workspaceRow->addWidget(m_browse);

    m_form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    for (QAbstractSpinBox *box :
         {static_cast<QAbstractSpinBox *>(m_maxParallel), static_cast<QAbstractSpinBox *>(m_lockTtl),
          static_cast<QAbstractSpinBox *>(m_budgetTokens), static_cast<QAbstractSpinBox *>(m_budgetCost)})
        box->setMinimumWidth(160);
    m_mode->setMinimumWidth(220);
    m_onDeadline->setMinimumWidth(220);
    mode->setMinimumWidth(440);
    workspace->setMinimumWidth(440);
    for (QWidget *field : {static_cast<QWidget *>(m_maxParallel), mode, static_cast<QWidget *>(m_onDeadline),
                           static_cast<QWidget *>(m_lockTtl), static_cast<QWidget *>(m_autoResume),
                           static_cast<QWidget *>(m_budgetTokens), static_cast<QWidget *>(m_budgetCost), workspace})
        m_form->addRow(new QLabel, field);
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(m_form);
    column->addSpacing(8);
    column->addWidget(m_retryNote);
    column->addStretch(1);

    const auto edited = [this] {
        if (!m_loading)
            Q_EMIT changed();
    };
    for (QSpinBox *box : {m_maxParallel, m_lockTtl, m_budgetTokens})
        connect(box, &QSpinBox::valueChanged, this, edited);
    connect(m_budgetCost, &QDoubleSpinBox::valueChanged, this, edited);
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this, edited] {
        retranslate();
        edited();
    });
    connect(m_onDeadline, &QComboBox::currentIndexChanged, this, edited);
    connect(m_autoResume, &QCheckBox::toggled, this, edited);
    connect(m_workspace, &QLineEdit::textChanged, this, edited);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Workspace"), m_workspace->text());
        if (!dir.isEmpty())
            m_workspace->setText(dir);
    });
    retranslate();
}

void WorkflowPage::setSettings(const WorkflowSettings &settings)
{
    m_loading = true;
    m_settings = settings;
    m_maxParallel->setValue(settings.maxParallel);
    const int mode = m_mode->findData(settings.mode);
    m_mode->setCurrentIndex(mode < 0 ? 0 : mode);
    m_onDeadline->setCurrentIndex(settings.onDeadline == DeadlinePolicy::Escalate ? 1 : 0);
    m_lockTtl->setValue(settings.lockTtlS);
    m_autoResume->setChecked(settings.autoResume);
    m_budgetTokens->setValue(static_cast<int>(qMin<qint64>(settings.budget.maxTokens, m_budgetTokens->maximum())));
    m_budgetCost->setValue(settings.budget.maxCostUsd);
    m_workspace->setText(settings.workspace);
    m_loading = false;
}

WorkflowSettings WorkflowPage::settings() const
{
    WorkflowSettings settings = m_settings;
    settings.maxParallel = m_maxParallel->value();
    settings.mode = m_mode->currentData().toString();
    settings.onDeadline = m_onDeadline->currentIndex() == 1 ? DeadlinePolicy::Escalate : DeadlinePolicy::Fail;
    settings.lockTtlS = m_lockTtl->value();
    settings.autoResume = m_autoResume->isChecked();
    settings.budget.maxTokens = m_budgetTokens->value();
    settings.budget.maxCostUsd = m_budgetCost->value();
    settings.workspace = m_workspace->text().trimmed();
    return settings;
}

void WorkflowPage::retranslate()
{
    const auto label = [this](QWidget *field, const QString &text) {
        if (auto *l = qobject_cast<QLabel *>(m_form->labelForField(field))) {
            l->setText(text);
            l->setBuddy(field->focusProxy() ? field->focusProxy() : field);
        }
    };
    label(m_maxParallel, tr("&Max parallel:"));
    label(m_mode->parentWidget(), tr("&Order of goals:"));
    label(m_onDeadline, tr("When a &deadline passes:"));
    label(m_lockTtl, tr("&Lock lease:"));
    label(m_autoResume, tr("After a crash:"));
    label(m_budgetTokens, tr("Run budget, &tokens:"));
    label(m_budgetCost, tr("Run budget, &cost:"));
    label(m_workspace->parentWidget(), tr("&Workspace:"));
    m_maxParallel->setToolTip(tr("How many agents may run at the same time"));
    static const char *const modeTexts[] = {
        QT_TR_NOOP("A goal starts as soon as its own dependencies are done."),
        QT_TR_NOOP("Phase by phase: the next phase starts when every goal of the last one has finished."),
        QT_TR_NOOP("One goal at a time, in the order they were given."),
        QT_TR_NOOP("Everything at once up to max parallel; dependencies are ignored."),
        QT_TR_NOOP("A goal may start once each dependency has handed its work on."),
    };
    for (int i = 0; i < m_mode->count() && i < int(std::size(modeTexts)); ++i)
        m_mode->setItemText(i, m_mode->itemData(i).toString());
    const int mode = qBound(0, m_mode->currentIndex(), int(std::size(modeTexts)) - 1);
    m_modeHelp->setText(tr(modeTexts[mode]));
    m_onDeadline->setItemText(0, tr("Fail the goal"));
    m_onDeadline->setItemText(1, tr("Ask me in the inbox"));
    m_lockTtl->setSuffix(tr(" s"));
    m_lockTtl->setToolTip(tr("How long a lock on a file or resource lasts; renewed while its holder is active"));
    m_autoResume->setText(tr("&Resume interrupted agents at start"));
    m_autoResume->setToolTip(tr("Off: agents a crash interrupted wait for a click"));
    m_budgetTokens->setSpecialValueText(tr("no limit"));
    m_budgetCost->setSpecialValueText(tr("no limit"));
    m_budgetCost->setToolTip(tr("Crossing the run's budget asks you before anything is stopped"));
    m_workspace->setPlaceholderText(tr("the folder Switchboard was started in"));
    m_browse->setText(tr("&Browse…"));
    m_retryNote->setText(tr("Retries and time limits are set per profile, on the Agent profiles page."));
}

void WorkflowPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace switchboard
