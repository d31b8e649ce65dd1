#pragma once

#include "model/AgentProfile.h"
#include "model/Isolation.h"

#include <QFutureWatcher>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QToolButton;

namespace switchboard {

// The New goal form's "Isolation" part, folded away until opened: whether the goal's agent works in a git worktree
// of its own (or the profile decides), which repository and base branch, and a setup command for the fresh
// worktree. The repository is checked, and its branches listed, on a pool thread as the person types.
class IsolationSection final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IsolationSection)

public:
    enum class RepositoryState
    {
        Valid,    // empty (the run's workspace) or a git repository
        Invalid,  // the message is shown under the field
        Checking, // the check is running; repositoryChecked() follows
    };

    explicit IsolationSection(QWidget *parent = nullptr);
    ~IsolationSection() override;

    // The profile the goal is for; nullopt: any matching profile. Its isolation is what "profile's default" means.
    void setProfile(const std::optional<AgentProfile> &profile);
    // What the goal asks for; unset fields inherit from the profile.
    IsolationSettings settings() const;

    RepositoryState repositoryState() const;
    bool isExpanded() const;
    void setExpanded(bool expanded);
    void focusRepository();

    QComboBox *modeCombo() const { return m_mode; }
    QLineEdit *repositoryEdit() const { return m_repo; }
    QLabel *repositoryError() const { return m_repoError; }
    QComboBox *baseBranchCombo() const { return m_baseBranch; }
    QLineEdit *setupEdit() const { return m_setup; }

Q_SIGNALS:
    // The repository's check (and branch listing) finished for the path now in the field.
    void repositoryChecked();
    void settingsChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Probe
    {
        QString path;
        QString error; // empty: a repository
        QStringList branches;
        QString currentBranch;
    };
    static Probe probe(const QString &path);

    void startCheck();
    void handleProbed();
    void handleRepositoryEdited();
    void chooseRepository();
    void updateModeDefault();
    void updateSummary();
    void retranslate();

    std::optional<AgentProfile> m_profile;
    bool m_modeChosen = false; // the person picked a mode; the dialog no longer picks one for them
    bool m_modeSetting = false;
    QString m_checkedPath; // the path the last finished probe was for
    QString m_checkError;
    QString m_currentBranch;
    QFutureWatcher<Probe> m_watcher;

    QToolButton *m_header;
    QLabel *m_summary;
    QWidget *m_body;
    QLabel *m_modeLabel;
    QComboBox *m_mode;
    QLabel *m_repoLabel;
    QLineEdit *m_repo;
    QPushButton *m_browse;
    QLabel *m_repoError;
    QLabel *m_baseLabel;
    QComboBox *m_baseBranch;
    QLabel *m_setupLabel;
    QLineEdit *m_setup;
    QLabel *m_setupHint;
    QTimer *m_checkDelay;
};

} // namespace switchboard
