#include "CodingAgentsDialog.h"

#include "CodingAgentsOffer.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>

namespace switchboard {

namespace {

enum Column
{
    AgentColumn,
    VersionColumn,
};

} // namespace

CodingAgentsDialog::CodingAgentsDialog(CodingAgentsOffer *offer, QWidget *parent)
    : ProfileOfferDialog(parent)
    , m_offer(offer)
{
    setObjectName(QStringLiteral("codingAgentsDialog"));
    table()->setObjectName(QStringLiteral("agentTable"));
    table()->horizontalHeader()->setSectionResizeMode(AgentColumn, QHeaderView::ResizeToContents);
    table()->horizontalHeader()->setSectionResizeMode(VersionColumn, QHeaderView::Stretch);
    resize(680, 300);
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
    clearRows();
    for (const CodingAgentDetector::Detected &d : found) {
        auto *agent = new QTableWidgetItem(d.agent.label);
        agent->setToolTip(d.path);
        auto *version = new QTableWidgetItem(d.version.isEmpty() ? d.versionError : d.version);
        version->setToolTip(d.versionError.isEmpty() ? d.version : d.versionError);
        addRow(d.profile, agent, version,
               tr("Adds profile '%1' (backend %2) to this session, so New goal can pick it")
                   .arg(d.profile.name, d.profile.backend),
               searching);
    }
    searchAgainButton()->setEnabled(!searching);
    if (searching)
        status()->setText(tr("Looking for coding agents on PATH…"));
    else if (rowCount() == 0)
        status()->setText(tr("No coding agent found on PATH (claude, codex, gemini, aider, goose, opencode). "
                             "Install one and search again."));
    else
        status()->setText(tr("These coding agents are installed here. A profile you add lasts for this session; to "
                             "keep it, add it to switchboard.yaml (`switchboard agents --detect` prints it)."));
}

bool CodingAgentsDialog::hasProfile(const QString &name) const
{
    return m_offer && m_offer->hasProfile(name);
}

bool CodingAgentsDialog::addProfile(const AgentProfile &profile)
{
    return m_offer && m_offer->addProfile(profile);
}

QString CodingAgentsDialog::useText(bool added) const
{
    return added ? tr("In use") : tr("&Use this agent");
}

void CodingAgentsDialog::searchAgain()
{
    if (m_offer)
        m_offer->search();
}

void CodingAgentsDialog::retranslate()
{
    setWindowTitle(tr("Coding agents"));
    table()->setHorizontalHeaderLabels({tr("Agent"), tr("Version"), tr("Profile"), QString()});
    searchAgainButton()->setText(tr("&Search again"));
    closeButton()->setText(tr("Close"));
    rebuild();
}

} // namespace switchboard
