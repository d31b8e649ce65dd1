#pragma once

#include "model/AgentProfile.h"

#include <QDialog>
#include <QList>

class QLabel;
class QPushButton;
class QTableWidget;
class QTableWidgetItem;

namespace switchboard {

// What the Coding agents and Local models dialogs share: a status line over a table of what was found, one row
// per ready profile (two columns of the subclass's, the profile's name, a "Use" button that adds the profile to
// the session) and Search again / Close. Every text comes from the subclass, so each stays in its own
// translation context.
class ProfileOfferDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileOfferDialog)

public:
    ~ProfileOfferDialog() override;

protected:
    // The subclass's two columns are 0 and 1.
    static constexpr int ProfileColumn = 2;
    static constexpr int ActionColumn = 3;
    static constexpr int ColumnCount = 4;

    explicit ProfileOfferDialog(QWidget *parent);

    QLabel *status() const { return m_status; }
    QTableWidget *table() const { return m_table; }
    QPushButton *searchAgainButton() const { return m_searchAgain; }
    QPushButton *closeButton() const { return m_close; }

    // Before the rows are added again.
    void clearRows();
    // One row: first and second (taken over by the table), the profile's name and its Use button ("use-<name>"),
    // which is disabled while a search runs and once the session has the profile.
    void addRow(const AgentProfile &profile, QTableWidgetItem *first, QTableWidgetItem *second,
                const QString &useToolTip, bool searching);
    qsizetype rowCount() const { return m_profiles.size(); }

    virtual bool hasProfile(const QString &name) const = 0;
    virtual bool addProfile(const AgentProfile &profile) = 0;
    // The Use button's text: "In use" once the session has the profile.
    virtual QString useText(bool added) const = 0;
    virtual void searchAgain() = 0;
    // Every text again (the language changed), and the rows.
    virtual void retranslate() = 0;

    void changeEvent(QEvent *event) override;

private:
    void use(int row);

    QLabel *m_status;
    QTableWidget *m_table;
    QPushButton *m_searchAgain;
    QPushButton *m_close;
    QList<AgentProfile> m_profiles; // one per table row
};

} // namespace switchboard
