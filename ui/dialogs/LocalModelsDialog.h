#pragma once

#include "llm/LocalModelDiscovery.h"

#include <QDialog>
#include <QList>
#include <QPointer>

class QLabel;
class QPushButton;
class QTableWidget;

namespace switchboard {

class LocalModelsOffer;
class Orchestrator;

// Agents ▸ Local models…: the models the local model servers list (LocalModelsOffer looks for them), each with
// "Use this model", which adds its ready profile to the running session so New goal can pick it.
class LocalModelsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalModelsDialog)

public:
    LocalModelsDialog(Orchestrator *orchestrator, LocalModelsOffer *offer, QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void use(int row);
    void retranslate();

    QPointer<Orchestrator> m_orchestrator;
    QPointer<LocalModelsOffer> m_offer;
    QLabel *m_status;
    QTableWidget *m_table;
    QPushButton *m_searchAgain;
    QPushButton *m_close;
    QList<AgentProfile> m_profiles; // one per table row
};

} // namespace switchboard
