#include "LocalModelsDialog.h"

#include "LocalModelsOffer.h"
#include "orchestration/Orchestrator.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>

namespace switchboard {

namespace {

enum Column
{
    ModelColumn,
    ServerColumn,
};

} // namespace

LocalModelsDialog::LocalModelsDialog(Orchestrator *orchestrator, LocalModelsOffer *offer, QWidget *parent)
    : ProfileOfferDialog(parent)
    , m_orchestrator(orchestrator)
    , m_offer(offer)
{
    setObjectName(QStringLiteral("localModelsDialog"));
    table()->setObjectName(QStringLiteral("modelTable"));
    table()->horizontalHeader()->setSectionResizeMode(ModelColumn, QHeaderView::Stretch);
    table()->horizontalHeader()->setSectionResizeMode(ServerColumn, QHeaderView::ResizeToContents);
    resize(640, 320);
    if (m_offer) {
        connect(m_offer, &LocalModelsOffer::searchStarted, this, &LocalModelsDialog::rebuild);
        connect(m_offer, &LocalModelsOffer::searchFinished, this, &LocalModelsDialog::rebuild);
    }
    retranslate();
}

void LocalModelsDialog::rebuild()
{
    const bool searching = m_offer && m_offer->isSearching();
    const QList<llm::LocalModelServer> servers = m_offer ? m_offer->servers() : QList<llm::LocalModelServer>();
    clearRows();
    for (const llm::LocalModelServer &server : servers) {
        for (const QString &model : server.models) {
            const AgentProfile profile = llm::LocalModelDiscovery::profileFor(server, model);
            addRow(profile, new QTableWidgetItem(model),
                   new QTableWidgetItem(tr("%1 at %2").arg(server.kind, server.baseUrl.toString())),
                   tr("Adds profile '%1' to this session, so New goal can pick it").arg(profile.name), searching);
        }
    }
    searchAgainButton()->setEnabled(!searching);
    const QString ports = m_offer ? m_offer->portList() : QString();
    if (searching)
        status()->setText(tr("Looking for model servers on 127.0.0.1 (ports %1)…").arg(ports));
    else if (rowCount() == 0)
        status()->setText(tr("No local model server found on 127.0.0.1 ports %1. Start Ollama, llama.cpp's "
                             "llama-server, LM Studio or vLLM and search again.")
                              .arg(ports));
    else
        status()->setText(tr("These models run on this computer. A profile you add lasts for this session; to keep "
                             "it, add it to switchboard.yaml (`switchboard models` prints it)."));
}

bool LocalModelsDialog::hasProfile(const QString &name) const
{
    return m_offer && m_offer->hasProfile(name);
}

bool LocalModelsDialog::addProfile(const AgentProfile &profile)
{
    return m_offer && m_offer->addProfile(profile);
}

QString LocalModelsDialog::useText(bool added) const
{
    return added ? tr("In use") : tr("&Use this model");
}

void LocalModelsDialog::searchAgain()
{
    if (m_offer)
        m_offer->search();
}

void LocalModelsDialog::retranslate()
{
    setWindowTitle(tr("Local models"));
    table()->setHorizontalHeaderLabels({tr("Model"), tr("Server"), tr("Profile"), QString()});
    searchAgainButton()->setText(tr("&Search again"));
    closeButton()->setText(tr("Close"));
    rebuild();
}

} // namespace switchboard
