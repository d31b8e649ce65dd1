#include "ProfilesPage.h"

#include "CodingAgentsOffer.h"
#include "LocalModelsOffer.h"
#include "ProfileEditor.h"
#include "agents/BackendRegistry.h"
#include "config/LlmProfileRules.h"
#include "llm/LocalModelDiscovery.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStyle>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace switchboard {

namespace {

enum DetectedColumn
{
    NameColumn,
    FoundColumn,
    AddColumn,
    DetectedColumns
};

} // namespace

ProfilesPage::ProfilesPage(QProcessEnvironment environment, LocalModelsOffer *localModels,
                           CodingAgentsOffer *codingAgents, QWidget *parent)
    : QWidget(parent)
    , m_localModels(localModels)
    , m_codingAgents(codingAgents)
    , m_list(new QListWidget)
    , m_add(new QToolButton)
    , m_duplicate(new QToolButton)
    , m_remove(new QToolButton)
    , m_scroll(new QScrollArea)
    , m_editor(new ProfileEditor(std::move(environment)))
    , m_empty(new QLabel)
    , m_detectedTitle(new QLabel)
    , m_detectedStatus(new QLabel)
    , m_detected(new QTableWidget(0, DetectedColumns))
    , m_searchAgain(new QPushButton)
{
    setObjectName(QStringLiteral("profilesPage"));
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setIconSize(QSize(16, 16));
    m_add->setObjectName(QStringLiteral("addProfileButton"));
    m_duplicate->setObjectName(QStringLiteral("duplicateProfileButton"));
    m_remove->setObjectName(QStringLiteral("removeProfileButton"));
    m_detected->setObjectName(QStringLiteral("detectedTable"));
    m_searchAgain->setObjectName(QStringLiteral("searchAgainButton"));
    m_empty->setObjectName(QStringLiteral("noProfileLabel"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);

    // Add: a menu of backends, each making a new profile of that kind.
    m_add->setPopupMode(QToolButton::InstantPopup);
    m_add->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *addMenu = new QMenu(m_add);
    addMenu->setObjectName(QStringLiteral("addProfileMenu"));
    m_add->setMenu(addMenu);
    connect(addMenu, &QMenu::aboutToShow, this, [this, addMenu] {
        addMenu->clear();
        for (const QString &backend : BackendRegistry::forNames({}).names()) {
            QAction *action = addMenu->addAction(ProfileEditor::backendLabel(backend));
            action->setObjectName(QStringLiteral("add-") + backend);
            connect(action, &QAction::triggered, this, [this, backend] {
                AgentProfile profile;
                profile.name = uniqueName(backend);
                profile.backend = backend;
                profile.capabilities = {QStringLiteral("code")};
                addProfile(profile);
                m_editor->fieldWidget(QStringLiteral("name"))->setFocus(Qt::OtherFocusReason);
            });
        }
    });
    connect(m_duplicate, &QToolButton::clicked, this, &ProfilesPage::duplicateCurrent);
    connect(m_remove, &QToolButton::clicked, this, &ProfilesPage::removeCurrent);

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_add);
    buttons->addWidget(m_duplicate);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *left = new QWidget;
    auto *leftColumn = new QVBoxLayout(left);
    leftColumn->setContentsMargins(0, 0, 0, 0);
    leftColumn->addWidget(m_list, 1);
    leftColumn->addLayout(buttons);

    m_scroll->setObjectName(QStringLiteral("profileScroll"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    auto *editorArea = new QWidget;
    auto *editorColumn = new QVBoxLayout(editorArea);
    editorColumn->setContentsMargins(0, 0, 8, 0);
    editorColumn->addWidget(m_empty);
    editorColumn->addWidget(m_editor);
    m_scroll->setWidget(editorArea);

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(QStringLiteral("profileSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(left);
    splitter->addWidget(m_scroll);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({200, 560});

    QFont title = m_detectedTitle->font();
    title.setBold(true);
    m_detectedTitle->setFont(title);
    m_detectedStatus->setWordWrap(true);
    m_detected->verticalHeader()->hide();
    m_detected->setSelectionMode(QAbstractItemView::NoSelection);
    m_detected->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_detected->setFocusPolicy(Qt::NoFocus);
    m_detected->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    m_detected->horizontalHeader()->setSectionResizeMode(FoundColumn, QHeaderView::Stretch);
    m_detected->horizontalHeader()->setSectionResizeMode(AddColumn, QHeaderView::ResizeToContents);
    auto *detectedHeader = new QHBoxLayout;
    detectedHeader->addWidget(m_detectedTitle);
    detectedHeader->addStretch(1);
    detectedHeader->addWidget(m_searchAgain);

    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(splitter, 1);
    column->addSpacing(6);
    column->addLayout(detectedHeader);
    column->addWidget(m_detectedStatus);
    column->addWidget(m_detected);

    connect(m_list, &QListWidget::currentRowChanged, this, &ProfilesPage::handleCurrentChanged);
    connect(m_editor, &ProfileEditor::changed, this, &ProfilesPage::handleEdited);
    connect(m_searchAgain, &QPushButton::clicked, this, [this] {
        if (m_localModels)
            m_localModels->search();
        if (m_codingAgents)
            m_codingAgents->search();
    });
    if (m_localModels) {
        connect(m_localModels, &LocalModelsOffer::searchStarted, this, &ProfilesPage::refreshDetected);
        connect(m_localModels, &LocalModelsOffer::searchFinished, this, &ProfilesPage::refreshDetected);
    }
    if (m_codingAgents) {
        connect(m_codingAgents, &CodingAgentsOffer::searchStarted, this, &ProfilesPage::refreshDetected);
        connect(m_codingAgents, &CodingAgentsOffer::searchFinished, this, &ProfilesPage::refreshDetected);
    }
    retranslate();
}

ProfilesPage::~ProfilesPage() = default;

void ProfilesPage::setProfiles(const QList<ConfigWriter::Profile> &profiles)
{
    const int row = m_current;
    m_profiles = profiles;
    m_current = -1;
    refreshList();
    setCurrentRow(m_profiles.isEmpty() ? -1 : qBound(0, row, static_cast<int>(m_profiles.size()) - 1));
    refreshDetected();
}

QList<ConfigWriter::Profile> ProfilesPage::profiles() const
{
    QList<ConfigWriter::Profile> profiles = m_profiles;
    if (m_current >= 0 && m_current < profiles.size())
        profiles[m_current].profile = m_editor->profile();
    return profiles;
}

QStringList ProfilesPage::namesExcept(int row) const
{
    return namesExcept(m_profiles, row);
}

QStringList ProfilesPage::namesExcept(const QList<ConfigWriter::Profile> &all, int row)
{
    QStringList names;
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (i != row)
            names << all.at(i).profile.name.trimmed();
    }
    return names;
}

bool ProfilesPage::hasProblems() const
{
    const QList<ConfigWriter::Profile> all = profiles();
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (i == m_current
                ? !m_editor->problems().isEmpty()
                : !ProfileEditor::problemsOf(all.at(i).profile, namesExcept(all, static_cast<int>(i))).isEmpty())
            return true;
    }
    return false;
}

bool ProfilesPage::showFirstProblem()
{
    if (m_current >= 0 && m_editor->showProblems())
        return true;
    const QList<ConfigWriter::Profile> all = profiles();
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (!ProfileEditor::problemsOf(all.at(i).profile, namesExcept(all, static_cast<int>(i))).isEmpty()) {
            setCurrentRow(static_cast<int>(i));
            m_editor->showProblems();
            return true;
        }
    }
    return false;
}

void ProfilesPage::refreshList()
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (qsizetype i = 0; i < m_profiles.size(); ++i) {
        const AgentProfile &profile = m_profiles.at(i).profile;
        auto *item = new QListWidgetItem(m_list);
        item->setText(profile.name.isEmpty() ? tr("(no name)") : profile.name);
        item->setSizeHint(QSize(0, m_list->fontMetrics().height() + 12));
        item->setToolTip(profile.model.isEmpty() ? profile.backend
                                                 : QStringLiteral("%1 · %2").arg(profile.backend, profile.model));
        const bool bad = !ProfileEditor::problemsOf(profile, namesExcept(static_cast<int>(i))).isEmpty();
        item->setIcon(bad ? style()->standardIcon(QStyle::SP_MessageBoxWarning) : QIcon());
    }
    m_list->setCurrentRow(m_current);
}

int ProfilesPage::currentRow() const
{
    return m_current;
}

void ProfilesPage::setCurrentRow(int row)
{
    if (row == m_current && row >= 0)
        return;
    handleCurrentChanged(row);
    const QSignalBlocker blocker(m_list);
    m_list->setCurrentRow(row);
}

void ProfilesPage::handleCurrentChanged(int row)
{
    if (m_current >= 0 && m_current < m_profiles.size())
        m_profiles[m_current].profile = m_editor->profile(); // what was typed stays with its profile
    m_current = row < 0 || row >= m_profiles.size() ? -1 : row;
    const bool any = m_current >= 0;
    m_editor->setVisible(any);
    m_empty->setVisible(!any);
    m_duplicate->setEnabled(any);
    m_remove->setEnabled(any);
    if (any) {
        m_editor->setOtherNames(namesExcept(m_current));
        m_editor->setProfile(m_profiles.at(m_current).profile);
    }
}

void ProfilesPage::handleEdited()
{
    if (m_current < 0)
        return;
    m_profiles[m_current].profile = m_editor->profile();
    m_editor->setOtherNames(namesExcept(m_current));
    m_editor->showProblems();
    refreshList();
    refreshDetected();
    Q_EMIT changed();
}

QString ProfilesPage::uniqueName(const QString &wanted) const
{
    const QStringList names = namesExcept(-1);
    if (!names.contains(wanted))
        return wanted;
    for (int n = 2;; ++n) {
        const QString name = QStringLiteral("%1-%2").arg(wanted).arg(n);
        if (!names.contains(name))
            return name;
    }
}

void ProfilesPage::addProfile(const AgentProfile &profile)
{
    m_profiles = profiles();
    AgentProfile added = profile;
    added.name = uniqueName(profile.name.trimmed().isEmpty() ? QStringLiteral("profile") : profile.name.trimmed());
    m_profiles.append(ConfigWriter::Profile{added, QString(), false});
    refreshList();
    setCurrentRow(static_cast<int>(m_profiles.size()) - 1);
    refreshDetected();
    Q_EMIT changed();
}

void ProfilesPage::duplicateCurrent()
{
    if (m_current < 0)
        return;
    m_profiles = profiles();
    ConfigWriter::Profile copy = m_profiles.at(m_current);
    copy.profile.name = uniqueName(copy.profile.name + QStringLiteral("-copy"));
    // Unknown keys of the file come along with a copy of a profile the file has.
    copy.copy = !copy.sourceName.isEmpty();
    m_profiles.insert(m_current + 1, copy);
    const int row = m_current + 1;
    m_current = -1; // the editor's content is in m_profiles already
    refreshList();
    setCurrentRow(row);
    Q_EMIT changed();
}

void ProfilesPage::removeCurrent()
{
    if (m_current < 0)
        return;
    const int row = m_current;
    m_profiles.removeAt(row);
    m_current = -1;
    refreshList();
    setCurrentRow(m_profiles.isEmpty() ? -1 : qMin(row, static_cast<int>(m_profiles.size()) - 1));
    refreshDetected();
    Q_EMIT changed();
}

void ProfilesPage::refreshDetected()
{
    m_detectedProfiles.clear();
    QStringList found;
    const bool searching =
        (m_localModels && m_localModels->isSearching()) || (m_codingAgents && m_codingAgents->isSearching());
    if (m_localModels) {
        for (const llm::LocalModelServer &server : m_localModels->servers()) {
            for (const QString &model : server.models) {
                m_detectedProfiles << llm::LocalModelDiscovery::profileFor(server, model);
                found << tr("%1 on %2 at %3").arg(model, server.kind, server.baseUrl.toString());
            }
        }
    }
    if (m_codingAgents) {
        for (const CodingAgentDetector::Detected &detected : m_codingAgents->detected()) {
            m_detectedProfiles << detected.profile;
            found << (detected.version.isEmpty()
                          ? tr("%1 at %2").arg(detected.agent.label, detected.path)
                          : tr("%1 %2 at %3").arg(detected.agent.label, detected.version, detected.path));
        }
    }
    const QStringList names = namesExcept(-1);
    m_detected->setRowCount(static_cast<int>(m_detectedProfiles.size()));
    for (int row = 0; row < m_detectedProfiles.size(); ++row) {
        const AgentProfile &profile = m_detectedProfiles.at(row);
        m_detected->setItem(row, NameColumn, new QTableWidgetItem(profile.name));
        m_detected->setItem(row, FoundColumn, new QTableWidgetItem(found.at(row)));
        auto *add = new QPushButton;
        add->setObjectName(QStringLiteral("add-detected-") + profile.name);
        const bool added = names.contains(profile.name);
        add->setText(added ? tr("Added") : tr("Add"));
        add->setEnabled(!added && !searching);
        add->setToolTip(tr("Adds profile “%1” to the list; it is saved with OK or Apply").arg(profile.name));
        connect(add, &QPushButton::clicked, this, [this, profile] { addProfile(profile); });
        m_detected->setCellWidget(row, AddColumn, add);
    }
    m_detected->setVisible(!m_detectedProfiles.isEmpty());
    // As tall as its rows (up to five), so the editor above keeps the room.
    int height = m_detected->horizontalHeader()->sizeHint().height() + 2 * m_detected->frameWidth();
    for (int row = 0; row < qMin(m_detected->rowCount(), 5); ++row)
        height += m_detected->verticalHeader()->sectionSize(row);
    m_detected->setFixedHeight(height);
    m_searchAgain->setEnabled(!searching && (m_localModels || m_codingAgents));
    if (searching) {
        m_detectedStatus->setText(tr("Looking for model servers and coding-agent CLIs on this computer…"));
    } else if (m_detectedProfiles.isEmpty()) {
        m_detectedStatus->setText(
            tr("Nothing found: no model server answered on 127.0.0.1%1, and no coding-agent CLI (Claude Code, Codex, "
               "Gemini, Aider, goose, opencode) is on PATH.")
                .arg(m_localModels ? QStringLiteral(" (%1)").arg(m_localModels->portList()) : QString()));
    } else {
        m_detectedStatus->setText(tr("Ready profiles for what runs here; add one and adjust it above."));
    }
}

void ProfilesPage::retranslate()
{
    m_add->setText(tr("&Add"));
    m_add->setToolTip(tr("A new profile for the backend you pick"));
    m_duplicate->setText(tr("D&uplicate"));
    m_duplicate->setToolTip(tr("A copy of the selected profile under a new name"));
    m_remove->setText(tr("&Remove"));
    m_remove->setToolTip(tr("Remove the selected profile from the config"));
    m_empty->setText(tr("No agent profiles yet. Add one, or add what was found on this computer below."));
    m_detectedTitle->setText(tr("Found on this computer"));
    m_searchAgain->setText(tr("&Search again"));
    m_detected->setHorizontalHeaderLabels({tr("Profile"), tr("Found"), QString()});
    refreshList();
    refreshDetected();
}

void ProfilesPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace switchboard
