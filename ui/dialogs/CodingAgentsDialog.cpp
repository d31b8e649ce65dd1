#include "CodingAgentsDialog.h"

#include "CodingAgentsOffer.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace switchboard {

namespace {

enum Column
{
    AgentColumn,
    VersionColumn,
    ProfileColumn,
    ActionColumn,
    ColumnCount,
};

} // namespace

CodingAgentsDialog::CodingAgentsDialog(CodingAgentsOffer *offer, QWidget *parent)
    : QDialog(parent)
    , m_offer(offer)
    , m_status(new QLabel(this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_searchAgain(new QPushButton(this))
    , m_close(new QPushButton(this))
{
    setObjectName(QStringLiteral("codingAgentsDialog"));
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("agentTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(AgentColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(VersionColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(ProfileColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ActionColumn, QHeaderView::ResizeToContents);
    m_searchAgain->setObjectName(QStringLiteral("searchAgainButton"));
    m_close->setObjectName(QStringLiteral("closeButton"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_searchAgain);
    buttons->addStretch(1);
    buttons->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    resize(680, 300);

    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_searchAgain, &QPushButton::clicked, this, [this] {
        if (m_offer)
            m_offer->search();
    });
    if (m_offer) {
        connect(m_offer, &CodingAgentsOffer::searchStarted, this, &CodingAgentsDialog::rebuild);
        connect(m_offer, &CodingAgentsOffer::searchFinished, this, &CodingAgentsDialog::rebuild);
    }
    retranslate();
}

void CodingAgentsDialog::rebuild()
{
    const bool searching = m_offer && m_offer->isSearching();
    const QList<CodingAgentDetector::Detected> found =
        m_offer ? m_offer->detected() : QList<CodingAgentDetector::Detected>();
    m_profiles.clear();
    m_table->setRowCount(0);
    for (const CodingAgentDetector::Detected &d : found) {
        const int row = m_table->rowCount();
        m_profiles.append(d.profile);
        m_table->insertRow(row);
        auto *agent = new QTableWidgetItem(d.agent.label);
        agent->setToolTip(d.path);
        m_table->setItem(row, AgentColumn, agent);
        auto *version = new QTableWidgetItem(d.version.isEmpty() ? d.versionError : d.version);
        version->setToolTip(d.versionError.isEmpty() ? d.version : d.versionError);
        m_table->setItem(row, VersionColumn, version);
        m_table->setItem(row, ProfileColumn, new QTableWidgetItem(d.profile.name));
        auto *button = new QPushButton(m_table);
        button->setObjectName(QStringLiteral("use-") + d.profile.name);
        const bool added = m_offer && m_offer->hasProfile(d.profile.name);
        button->setEnabled(!added && !searching);
        button->setText(added ? tr("In use") : tr("&Use this agent"));
        button->setToolTip(tr("Adds profile '%1' (backend %2) to this session, so New goal can pick it")
                               .arg(d.profile.name, d.profile.backend));
        connect(button, &QPushButton::clicked, this, [this, row] { use(row); });
        m_table->setCellWidget(row, ActionColumn, button);
    }
    m_searchAgain->setEnabled(!searching);
    if (searching)
        m_status->setText(tr("Looking for coding agents on PATH…"));
    else if (m_profiles.isEmpty())
        m_status->setText(tr("No coding agent found on PATH (claude, codex, gemini, aider, goose, opencode). "
                             "Install one and search again."));
    else
        m_status->setText(tr("These coding agents are installed here. A profile you add lasts for this session; to "
                             "keep it, add it to switchboard.yaml (`switchboard agents --detect` prints it)."));
}

void CodingAgentsDialog::use(int row)
{
    if (!m_offer || row < 0 || row >= m_profiles.size())
        return;
    m_offer->addProfile(m_profiles.at(row));
    if (auto *button = qobject_cast<QPushButton *>(m_table->cellWidget(row, ActionColumn))) {
        const bool added = m_offer->hasProfile(m_profiles.at(row).name);
        button->setEnabled(!added);
        button->setText(added ? tr("In use") : tr("&Use this agent"));
    }
}

void CodingAgentsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void CodingAgentsDialog::retranslate()
{
    setWindowTitle(tr("Coding agents"));
    m_table->setHorizontalHeaderLabels({tr("Agent"), tr("Version"), tr("Profile"), QString()});
    m_searchAgain->setText(tr("&Search again"));
    m_close->setText(tr("Close"));
    rebuild();
}

} // namespace switchboard
