#include "LocalModelsDialog.h"

#include "LocalModelsOffer.h"
#include "orchestration/Orchestrator.h"

#include <QDialogButtonBox>
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
    ModelColumn,
    ServerColumn,
    ProfileColumn,
    ActionColumn,
    ColumnCount,
};

} // namespace

LocalModelsDialog::LocalModelsDialog(Orchestrator *orchestrator, LocalModelsOffer *offer, QWidget *parent)
    : QDialog(parent)
    , m_orchestrator(orchestrator)
    , m_offer(offer)
    , m_status(new QLabel(this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_searchAgain(new QPushButton(this))
    , m_close(new QPushButton(this))
{
    setObjectName(QStringLiteral("localModelsDialog"));
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("modelTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(ModelColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(ServerColumn, QHeaderView::ResizeToContents);
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
    resize(640, 320);

    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_searchAgain, &QPushButton::clicked, this, [this] {
        if (m_offer)
            m_offer->search();
    });
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
    m_profiles.clear();
    m_table->setRowCount(0);
    for (const llm::LocalModelServer &server : servers) {
        for (const QString &model : server.models) {
            const int row = m_table->rowCount();
            AgentProfile profile = llm::LocalModelDiscovery::profileFor(server, model);
            m_profiles.append(profile);
            m_table->insertRow(row);
            m_table->setItem(row, ModelColumn, new QTableWidgetItem(model));
            m_table->setItem(row, ServerColumn,
                             new QTableWidgetItem(tr("%1 at %2").arg(server.kind, server.baseUrl.toString())));
            m_table->setItem(row, ProfileColumn, new QTableWidgetItem(profile.name));
            auto *button = new QPushButton(m_table);
            button->setObjectName(QStringLiteral("use-") + profile.name);
            const bool added = m_offer && m_offer->hasProfile(profile.name);
            button->setEnabled(!added && !searching);
            button->setText(added ? tr("In use") : tr("&Use this model"));
            button->setToolTip(tr("Adds profile '%1' to this session, so New goal can pick it").arg(profile.name));
            connect(button, &QPushButton::clicked, this, [this, row] { use(row); });
            m_table->setCellWidget(row, ActionColumn, button);
        }
    }
    m_searchAgain->setEnabled(!searching);
    const QString ports = m_offer ? m_offer->portList() : QString();
    if (searching)
        m_status->setText(tr("Looking for model servers on 127.0.0.1 (ports %1)…").arg(ports));
    else if (m_profiles.isEmpty())
        m_status->setText(tr("No local model server found on 127.0.0.1 ports %1. Start Ollama, llama.cpp's "
                             "llama-server, LM Studio or vLLM and search again.")
                              .arg(ports));
    else
        m_status->setText(tr("These models run on this computer. A profile you add lasts for this session; to keep "
                             "it, add it to switchboard.yaml (`switchboard models` prints it)."));
}

void LocalModelsDialog::use(int row)
{
    if (!m_offer || row < 0 || row >= m_profiles.size())
        return;
    m_offer->addProfile(m_profiles.at(row));
    if (auto *button = qobject_cast<QPushButton *>(m_table->cellWidget(row, ActionColumn))) {
        const bool added = m_offer->hasProfile(m_profiles.at(row).name);
        button->setEnabled(!added);
        button->setText(added ? tr("In use") : tr("&Use this model"));
    }
}

void LocalModelsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void LocalModelsDialog::retranslate()
{
    setWindowTitle(tr("Local models"));
    m_table->setHorizontalHeaderLabels({tr("Model"), tr("Server"), tr("Profile"), QString()});
    m_searchAgain->setText(tr("&Search again"));
    m_close->setText(tr("Close"));
    rebuild();
}

} // namespace switchboard
