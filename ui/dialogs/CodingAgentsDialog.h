#pragma once

#include "model/AgentProfile.h"

#include <QDialog>
#include <QList>
#include <QPointer>

class QLabel;
class QPushButton;
class QTableWidget;

namespace switchboard {

class CodingAgentsOffer;

// Agents ▸ Coding agents…: the coding-agent CLIs found on this computer (CodingAgentsOffer looks for them),
// each with its version and "Use this agent", which adds its ready profile to the running session.
class CodingAgentsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodingAgentsDialog)

public:
    explicit CodingAgentsDialog(CodingAgentsOffer *offer, QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void use(int row);
    void retranslate();

    QPointer<CodingAgentsOffer> m_offer;
    QLabel *m_status;
    QTableWidget *m_table;
    QPushButton *m_searchAgain;
    QPushButton *m_close;
    QList<AgentProfile> m_profiles; // one per table row
};

} // namespace switchboard
