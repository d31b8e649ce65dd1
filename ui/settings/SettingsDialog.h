#pragma once

#include "config/Config.h"

#include <QDialog>
#include <QProcessEnvironment>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace switchboard {

class AppearancePage;
class CodingAgentsOffer;
class DesktopNotifier;
class LocalModelsOffer;
class NotificationsPage;
class ProfilesPage;
class WorkflowPage;

// Edit ▸ Settings… (Ctrl+,): agent profiles, workflow defaults, notifications, language and theme. OK and Apply
// save the config's part through ConfigWriter (the user's YAML file, edited in place, .bak kept) and tell the
// window (configSaved) so the running session takes the new profiles and limits; what ConfigWriter could not keep
// (comments inside a rewritten key) is shown. Nothing is saved while a profile has a problem: its field says what.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    // What the dialog works with beyond the config; any may be null (the page then says what it cannot offer).
    struct Services
    {
        LocalModelsOffer *localModels = nullptr;
        CodingAgentsOffer *codingAgents = nullptr;
        DesktopNotifier *notifier = nullptr;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    };

    enum class Page
    {
        Profiles,
        Workflow,
        Notifications,
        Appearance,
    };

    SettingsDialog(const Config &config, const Services &services, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    void showPage(Page page);
    // Saves what changed. False (and the message says why) when nothing could be saved.
    bool apply();
    // The config as last saved (or as given).
    const Config &config() const { return m_config; }
    bool isModified() const;

    ProfilesPage *profilesPage() const { return m_profiles; }
    WorkflowPage *workflowPage() const { return m_workflow; }
    NotificationsPage *notificationsPage() const { return m_notifications; }
    AppearancePage *appearancePage() const { return m_appearance; }
    QDialogButtonBox *buttons() const { return m_buttons; }
    // The line under the pages: where the file was saved, what could not be kept, or why nothing was saved.
    QString message() const;

Q_SIGNALS:
    // The config file was written; after is what it now reads as. The window applies it to the session.
    void configSaved(const switchboard::Config &before, const switchboard::Config &after);

public Q_SLOTS:
    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void handleChanged();
    void updateButtons();
    void setMessage(const QString &text, bool error);
    void retranslate();

    Config m_config;
    bool m_configModified = false;
    QListWidget *m_nav;
    QStackedWidget *m_stack;
    QLabel *m_title; // the current page's name, above it
    ProfilesPage *m_profiles;
    WorkflowPage *m_workflow;
    NotificationsPage *m_notifications;
    AppearancePage *m_appearance;
    QLabel *m_file;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    bool m_messageIsError = false;
};

} // namespace switchboard
