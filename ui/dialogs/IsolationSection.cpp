#include "dialogs/IsolationSection.h"

#include "review/GitCommand.h"
#include "review/Worktrees.h"
#include "style/FormStyle.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace switchboard {

namespace {
// The mode combo's item data: unset (the profile decides) or an IsolationMode.
constexpr int kInherit = -1;

// A coding agent's own CLI (the backends of core/agents/coding and core/agents/acp): the kind of agent that edits
// a repository, and so is best given a worktree of its own.
bool isCodingAgent(const AgentProfile &profile)
{
    for (const char *backend : {"claude-code", "codex", "gemini", "aider", "acp"}) {
        if (profile.backend == QLatin1String(backend))
            return true;
    }
    return false;
}

QString expandedPath(const QString &text)
{
    QString path = text.trimmed();
    if (path == QLatin1String("~") || path.startsWith(QLatin1String("~/")))
        path = QDir::homePath() + path.mid(1);
    return path.isEmpty() ? QString() : QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}
} // namespace

IsolationSection::IsolationSection(QWidget *parent)
    : QWidget(parent)
    , m_header(new QToolButton(this))
    , m_summary(new QLabel(this))
    , m_body(new QWidget(this))
    , m_modeLabel(new QLabel(m_body))
    , m_mode(new QComboBox(m_body))
    , m_repoLabel(new QLabel(m_body))
    , m_repo(new QLineEdit(m_body))
    , m_browse(new QPushButton(m_body))
    , m_repoError(FormStyle::makeErrorLabel(m_body, QStringLiteral("repositoryError")))
    , m_baseLabel(new QLabel(m_body))
    , m_baseBranch(new QComboBox(m_body))
    , m_setupLabel(new QLabel(m_body))
    , m_setup(new QLineEdit(m_body))
    , m_setupHint(new QLabel(m_body))
    , m_checkDelay(new QTimer(this))
{
    setObjectName(QStringLiteral("isolationSection"));
    m_header->setObjectName(QStringLiteral("isolationHeader"));
    m_summary->setObjectName(QStringLiteral("isolationSummary"));
    m_mode->setObjectName(QStringLiteral("isolationModeCombo"));
    m_repo->setObjectName(QStringLiteral("repositoryEdit"));
    m_browse->setObjectName(QStringLiteral("repositoryBrowseButton"));
    m_baseBranch->setObjectName(QStringLiteral("baseBranchCombo"));
    m_setup->setObjectName(QStringLiteral("setupEdit"));

    // Not checkable: a checked tool button looks pressed in, and this is a disclosure arrow, not a toggle.
    m_header->setAutoRaise(true);
    m_header->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_header->setArrowType(Qt::RightArrow);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    m_mode->addItem(QString(), kInherit);
    m_mode->addItem(QString(), static_cast<int>(IsolationMode::Worktree));
    m_mode->addItem(QString(), static_cast<int>(IsolationMode::Shared));
    m_repo->setClearButtonEnabled(true);
    m_baseBranch->setEditable(true);
    m_baseBranch->setInsertPolicy(QComboBox::NoInsert);
    m_setupHint->setWordWrap(true);
    m_setupHint->setForegroundRole(QPalette::PlaceholderText);
    for (QLabel *label : {m_modeLabel, m_repoLabel, m_baseLabel, m_setupLabel})
        label->setTextFormat(Qt::PlainText);
    m_modeLabel->setBuddy(m_mode);
    m_repoLabel->setBuddy(m_repo);
    m_baseLabel->setBuddy(m_baseBranch);
    m_setupLabel->setBuddy(m_setup);

    auto *headerRow = new QHBoxLayout;
    headerRow->setContentsMargins(0, 0, 0, 0);
    headerRow->addWidget(m_header);
    headerRow->addWidget(m_summary, 1);
    headerRow->addStretch(); // keeps the header at the left while the summary is hidden

    // The message and the hint sit right under their field, not in rows of their own that leave gaps when empty.
    auto *repoRow = new QHBoxLayout;
    repoRow->setContentsMargins(0, 0, 0, 0);
    repoRow->addWidget(m_repo, 1);
    repoRow->addWidget(m_browse);
    auto *repoField = new QVBoxLayout;
    repoField->setContentsMargins(0, 0, 0, 0);
    repoField->setSpacing(2);
    repoField->addLayout(repoRow);
    repoField->addWidget(m_repoError);
    auto *setupField = new QVBoxLayout;
    setupField->setContentsMargins(0, 0, 0, 0);
    setupField->setSpacing(2);
    setupField->addWidget(m_setup);
    setupField->addWidget(m_setupHint);

    auto *form = new QFormLayout(m_body);
    form->setContentsMargins(22, 2, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(m_modeLabel, m_mode);
    form->addRow(m_repoLabel, repoField);
    form->addRow(m_baseLabel, m_baseBranch);
    form->addRow(m_setupLabel, setupField);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(headerRow);
    layout->addWidget(m_body);
    m_body->setVisible(false);

    m_checkDelay->setSingleShot(true);
    m_checkDelay->setInterval(300);

    connect(m_header, &QToolButton::clicked, this, [this] { setExpanded(!isExpanded()); });
    connect(m_browse, &QPushButton::clicked, this, &IsolationSection::chooseRepository);
    connect(m_repo, &QLineEdit::textChanged, this, &IsolationSection::handleRepositoryEdited);
    connect(m_checkDelay, &QTimer::timeout, this, &IsolationSection::startCheck);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &IsolationSection::handleProbed);
    connect(m_mode, &QComboBox::activated, this, [this] {
        m_modeChosen = true; // from here on the person's choice stands, repository or not
        updateSummary();
        Q_EMIT settingsChanged();
    });
    connect(m_baseBranch, &QComboBox::currentTextChanged, this, &IsolationSection::settingsChanged);
    connect(m_setup, &QLineEdit::textChanged, this, &IsolationSection::settingsChanged);

    retranslate();
}

IsolationSection::~IsolationSection()
{
    // The probe runs git in the folder; let it end before whoever made that folder removes it.
    m_watcher.waitForFinished();
}

void IsolationSection::setProfile(const std::optional<AgentProfile> &profile)
{
    m_profile = profile;
    updateModeDefault();
    retranslate(); // the "profile's default" item names the profile's choice
}

IsolationSettings IsolationSection::settings() const
{
    IsolationSettings settings;
    if (const int mode = m_mode->currentData().toInt(); mode != kInherit)
        settings.mode = static_cast<IsolationMode>(mode);
    settings.repo = expandedPath(m_repo->text());
    settings.baseBranch = m_baseBranch->currentText().trimmed();
    settings.setup = QProcess::splitCommand(m_setup->text().trimmed());
    return settings;
}

IsolationSection::RepositoryState IsolationSection::repositoryState() const
{
    const QString path = expandedPath(m_repo->text());
    if (path.isEmpty())
        return RepositoryState::Valid;
    if (path != m_checkedPath || m_checkDelay->isActive() || m_watcher.isRunning())
        return RepositoryState::Checking;
    return m_checkError.isEmpty() ? RepositoryState::Valid : RepositoryState::Invalid;
}

bool IsolationSection::isExpanded() const
{
    return !m_body->isHidden();
}

void IsolationSection::setExpanded(bool expanded)
{
    m_header->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_body->setVisible(expanded);
    m_summary->setVisible(!expanded);
}

void IsolationSection::focusRepository()
{
    setExpanded(true);
    m_repo->setFocus(Qt::OtherFocusReason);
}

void IsolationSection::handleRepositoryEdited()
{
    // A new path: its old verdict no longer applies, and its branches are not known yet.
    FormStyle::setFieldError(m_repo, m_repoError, QString());
    m_checkedPath.clear();
    updateModeDefault();
    updateSummary();
    if (expandedPath(m_repo->text()).isEmpty()) {
        m_checkDelay->stop();
        m_baseBranch->clear();
        m_currentBranch.clear();
        retranslate();
        Q_EMIT repositoryChecked();
    } else {
        m_checkDelay->start();
    }
    Q_EMIT settingsChanged();
}

void IsolationSection::startCheck()
{
    if (m_watcher.isRunning()) {
        m_checkDelay->start(); // one probe at a time; the newest path is checked when this one ends
        return;
    }
    const QString path = expandedPath(m_repo->text());
    if (path.isEmpty())
        return;
    m_watcher.setFuture(QtConcurrent::run(&IsolationSection::probe, path));
}

IsolationSection::Probe IsolationSection::probe(const QString &path)
{
    Probe result;
    result.path = path;
    if (!QFileInfo(path).isDir()) {
        result.error = QStringLiteral("missing");
        return result;
    }
    QString error;
    const QString top = Worktrees::topLevel(path, &error);
    if (top.isEmpty()) {
        result.error = QStringLiteral("not-a-repository");
        return result;
    }
    const GitCommand::Result branches =
        GitCommand::run(top, {QStringLiteral("branch"), QStringLiteral("--format=%(refname:short)")}, 30000);
    if (branches.ok()) {
        for (const QString &line : branches.outText().split(QLatin1Char('\n'))) {
            if (!line.trimmed().isEmpty())
                result.branches << line.trimmed();
        }
    }
    result.currentBranch = Worktrees::currentBranch(top, &error);
    return result;
}

void IsolationSection::handleProbed()
{
    const Probe result = m_watcher.result();
    if (result.path != expandedPath(m_repo->text())) {
        // The person typed on while git ran: check what the field says now.
        if (!m_checkDelay->isActive())
            startCheck();
        return;
    }
    m_checkedPath = result.path;
    m_checkError = result.error;
    if (result.error == QLatin1String("missing"))
        FormStyle::setFieldError(m_repo, m_repoError, tr("The repository folder does not exist"));
    else if (!result.error.isEmpty())
        FormStyle::setFieldError(m_repo, m_repoError, tr("The repository folder is not a git repository"));
    else
        FormStyle::setFieldError(m_repo, m_repoError, QString());

    const QString typed = m_baseBranch->currentText();
    m_baseBranch->clear();
    m_baseBranch->addItems(result.branches);
    m_baseBranch->setCurrentIndex(-1);
    m_baseBranch->setEditText(typed);
    m_currentBranch = result.currentBranch;
    retranslate();
    Q_EMIT repositoryChecked();
}

void IsolationSection::chooseRepository()
{
    const QString start = m_repo->text().trimmed().isEmpty() ? QDir::homePath() : expandedPath(m_repo->text());
    const QString chosen = QFileDialog::getExistingDirectory(this, tr("Choose the repository"), start);
    if (!chosen.isEmpty())
        m_repo->setText(QDir::toNativeSeparators(chosen));
}

void IsolationSection::updateModeDefault()
{
    if (m_modeChosen)
        return;
    // A coding agent given a repository gets a worktree of its own unless the person says otherwise: its edits
    // then wait for review instead of landing in the checkout someone may be working in.
    const bool worktree =
        m_profile && isCodingAgent(*m_profile) && !m_repo->text().trimmed().isEmpty() && !m_profile->isolation.mode;
    m_mode->setCurrentIndex(m_mode->findData(worktree ? static_cast<int>(IsolationMode::Worktree) : kInherit));
    updateSummary();
}

void IsolationSection::updateSummary()
{
    const IsolationSettings own = settings();
    const IsolationSettings effective = m_profile ? own.over(m_profile->isolation) : own;
    QString text = effective.effectiveMode() == IsolationMode::Worktree ? tr("own git worktree") : tr("shared");
    if (!m_profile && !own.mode)
        text = tr("the profile's default"); // the profile that takes the goal decides
    if (!effective.repo.isEmpty())
        text = tr("%1 · %2").arg(text, QFileInfo(effective.repo).fileName());
    m_summary->setText(text);
    m_header->setToolTip(tr("Where the agent makes its changes: %1").arg(text));
}

void IsolationSection::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        FormStyle::updateErrorColor(m_repoError);
    QWidget::changeEvent(event);
}

void IsolationSection::retranslate()
{
    m_header->setText(tr("Isolatio&n"));
    //: Label of the choice: its own git worktree, the repository itself, or what the profile says
    m_modeLabel->setText(tr("Wor&k in"));
    m_mode->setToolTip(tr("Work in its own git worktree: the agent's changes wait for your review and merge. "
                          "Shared: it changes the repository itself, with its resources locked."));
    QString profileDefault;
    if (!m_profile)
        profileDefault = tr("The profile's default");
    else if (m_profile->isolation.effectiveMode() == IsolationMode::Worktree)
        profileDefault = tr("The profile's default (%1: own git worktree)").arg(m_profile->name);
    else
        profileDefault = tr("The profile's default (%1: shared)").arg(m_profile->name);
    m_mode->setItemText(0, profileDefault);
    m_mode->setItemText(1, tr("Its own git worktree, reviewed before merging"));
    m_mode->setItemText(2, tr("The repository itself (shared)"));
    m_repoLabel->setText(tr("Repositor&y"));
    const QString profileRepo = m_profile ? m_profile->isolation.repo : QString();
    m_repo->setPlaceholderText(profileRepo.isEmpty() ? tr("the run's workspace") : profileRepo);
    m_browse->setText(tr("Bro&wse…"));
    m_baseLabel->setText(tr("&Base branch"));
    m_baseBranch->lineEdit()->setPlaceholderText(
        m_currentBranch.isEmpty() ? tr("the current branch") : tr("the current branch (%1)").arg(m_currentBranch));
    m_setupLabel->setText(tr("Set&up command"));
    m_setup->setPlaceholderText(tr("e.g. npm ci"));
    m_setupHint->setText(tr("Runs in the fresh worktree before the agent."));
    updateSummary();
}

} // namespace switchboard
