#pragma once

#include "ProfileOfferDialog.h"

#include <QPointer>

namespace switchboard {

class LocalModelsOffer;
class Orchestrator;

// Agents ▸ Local models…: the models the local model servers list (LocalModelsOffer looks for them), each with
// "Use this model", which adds its ready profile to the running session so New goal can pick it.
class LocalModelsDialog final : public ProfileOfferDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalModelsDialog)

public:
    LocalModelsDialog(Orchestrator *orchestrator, LocalModelsOffer *offer, QWidget *parent = nullptr);

protected:
    bool hasProfile(const QString &name) const override;
    bool addProfile(const AgentProfile &profile) override;
    QString useText(bool added) const override;
    void searchAgain() override;
    void retranslate() override;

private:
    void rebuild();

    QPointer<Orchestrator> m_orchestrator;
    QPointer<LocalModelsOffer> m_offer;
};

} // namespace switchboard
