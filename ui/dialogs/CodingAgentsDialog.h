#pragma once

#include "ProfileOfferDialog.h"

#include <QPointer>

namespace switchboard {

class CodingAgentsOffer;

// Agents ▸ Coding agents…: the coding-agent CLIs found on this computer (CodingAgentsOffer looks for them),
// each with its version and "Use this agent", which adds its ready profile to the running session.
class CodingAgentsDialog final : public ProfileOfferDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodingAgentsDialog)

public:
    explicit CodingAgentsDialog(CodingAgentsOffer *offer, QWidget *parent = nullptr);

protected:
    bool hasProfile(const QString &name) const override;
    bool addProfile(const AgentProfile &profile) override;
    QString useText(bool added) const override;
    void searchAgain() override;
    void retranslate() override;

private:
    void rebuild();

    QPointer<CodingAgentsOffer> m_offer;
};

} // namespace switchboard
