#include "ProfileOfferDialog.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace switchboard {

ProfileOfferDialog::ProfileOfferDialog(QWidget *parent)
    : QDialog(parent)
    , m_status(new QLabel(this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_searchAgain(new QPushButton(this))
    , m_close(new QPushButton(this))
{
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->verticalHeader()->hide();
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

    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_searchAgain, &QPushButton::clicked, this, [this] { searchAgain(); });
}

ProfileOfferDialog::~ProfileOfferDialog() = default;

void ProfileOfferDialog::clearRows()
{
    m_profiles.clear();
    m_table->setRowCount(0);
}

void ProfileOfferDialog::addRow(const AgentProfile &profile, QTableWidgetItem *first, QTableWidgetItem *second,
                                const QString &useToolTip, bool searching)
{
    const int row = m_table->rowCount();
    m_profiles.append(profile);
    m_table->insertRow(row);
    m_table->setItem(row, 0, first);
    m_table->setItem(row, 1, second);
    m_table->setItem(row, ProfileColumn, new QTableWidgetItem(profile.name));
    auto *button = new QPushButton(m_table);
    button->setObjectName(QStringLiteral("use-") + profile.name);
    const bool added = hasProfile(profile.name);
    button->setEnabled(!added && !searching);
    button->setText(useText(added));
    button->setToolTip(useToolTip);
    connect(button, &QPushButton::clicked, this, [this, row] { use(row); });
    m_table->setCellWidget(row, ActionColumn, button);
}

void ProfileOfferDialog::use(int row)
{
    if (row < 0 || row >= m_profiles.size())
        return;
    addProfile(m_profiles.at(row));
    if (auto *button = qobject_cast<QPushButton *>(m_table->cellWidget(row, ActionColumn))) {
        const bool added = hasProfile(m_profiles.at(row).name);
        button->setEnabled(!added);
        button->setText(useText(added));
    }
}

void ProfileOfferDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace switchboard
