#pragma once

#include "config/ConfigWriter.h"

#include <QPointer>
#include <QProcessEnvironment>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QScrollArea;
class QTableWidget;
class QToolButton;

namespace switchboard {

class CodingAgentsOffer;
class LocalModelsOffer;
class ProfileEditor;

// The Agent profiles page of the Settings dialog: the profiles of the config in a list (add, duplicate, remove),
// the selected one in a ProfileEditor, and what was found on this computer (local model servers, coding-agent
// CLIs, from the window's LocalModelsOffer and CodingAgentsOffer) as ready profiles to add.
class ProfilesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfilesPage)

public:
    ProfilesPage(QProcessEnvironment environment, LocalModelsOffer *localModels, CodingAgentsOffer *codingAgents,
                 QWidget *parent = nullptr);
    ~ProfilesPage() override;

    // The config's profiles, each its own source (after a load or a save).
    void setProfiles(const QList<ConfigWriter::Profile> &profiles);
    // As edited, the form's current state included.
    QList<ConfigWriter::Profile> profiles() const;
    // The first profile with a problem is selected and its problems shown; false when there is none.
    bool showFirstProblem();
    bool hasProblems() const;

    void addProfile(const AgentProfile &profile);
    void duplicateCurrent();
    void removeCurrent();
    int currentRow() const;
    void setCurrentRow(int row);
    ProfileEditor *editor() const { return m_editor; }
    QListWidget *list() const { return m_list; }
    QTableWidget *detectedTable() const { return m_detected; }

Q_SIGNALS:
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void handleCurrentChanged(int row);
    void handleEdited();
    void refreshList();
    void refreshDetected();
    QString uniqueName(const QString &wanted) const;
    // The names of the profiles but the one at row (-1: all), from m_profiles or from all.
    QStringList namesExcept(int row) const;
    static QStringList namesExcept(const QList<ConfigWriter::Profile> &all, int row);
    void retranslate();

    QList<ConfigWriter::Profile> m_profiles;
    int m_current = -1;
    QPointer<LocalModelsOffer> m_localModels;
    QPointer<CodingAgentsOffer> m_codingAgents;
    QListWidget *m_list;
    QToolButton *m_add;
    QToolButton *m_duplicate;
    QToolButton *m_remove;
    QScrollArea *m_scroll;
    ProfileEditor *m_editor;
    QLabel *m_empty;
    QLabel *m_detectedTitle;
    QLabel *m_detectedStatus;
    QTableWidget *m_detected;
    QPushButton *m_searchAgain;
    QList<AgentProfile> m_detectedProfiles;
};

} // namespace switchboard
