#include "SettingsDialog.h"

#include "AppearancePage.h"
#include "NotificationsPage.h"
#include "ProfilesPage.h"
#include "WorkflowPage.h"
#include "config/ConfigWriter.h"
#include "style/FormStyle.h"
#include "style/ThemedIcons.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace switchboard {

SettingsDialog::SettingsDialog(const Config &config, const Services &services, QWidget *parent)
    : QDialog(parent)
    , m_config(config)
    , m_nav(new QListWidget)
    , m_stack(new QStackedWidget)
    , m_title(new QLabel)
    , m_profiles(new ProfilesPage(services.environment, services.localModels, services.codingAgents))
    , m_workflow(new WorkflowPage)
    , m_notifications(new NotificationsPage(services.notifier))
    , m_appearance(new AppearancePage)
    , m_file(new QLabel)
    , m_message(FormStyle::makeErrorLabel(this, QStringLiteral("settingsMessage")))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel))
{
    setObjectName(QStringLiteral("settingsDialog"));
    m_nav->setObjectName(QStringLiteral("settingsPages"));
    m_stack->setObjectName(QStringLiteral("settingsStack"));
    m_file->setObjectName(QStringLiteral("settingsFile"));
    m_file->setWordWrap(true);
    m_file->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_file->setEnabled(false); // the quieter colour: information, not a control
    m_buttons->setObjectName(QStringLiteral("settingsButtons"));

    for (QWidget *page : {static_cast<QWidget *>(m_profiles), static_cast<QWidget *>(m_workflow),
                          static_cast<QWidget *>(m_notifications), static_cast<QWidget *>(m_appearance)}) {
        m_stack->addWidget(page);
        new QListWidgetItem(m_nav);
    }
    m_nav->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    m_nav->setIconSize(QSize(20, 20));
    m_title->setObjectName(QStringLiteral("settingsPageTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    m_title->setFont(titleFont);

    auto *page = new QVBoxLayout;
    page->addWidget(m_title);
    page->addSpacing(6);
    page->addWidget(m_stack, 1);
    auto *pages = new QHBoxLayout;
    pages->addWidget(m_nav);
    pages->addSpacing(12);
    pages->addLayout(page, 1);
    auto *column = new QVBoxLayout(this);
    column->addLayout(pages, 1);
    column->addWidget(m_message);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_file, 1);
    bottom->addWidget(m_buttons);
    column->addLayout(bottom);

    m_profiles->setProfiles(ConfigWriter::profilesOf(m_config));
    m_workflow->setSettings(m_config.workflow);

    connect(m_nav, &QListWidget::currentRowChanged, this, [this](int row) {
        m_stack->setCurrentIndex(row);
        if (QListWidgetItem *item = m_nav->item(row))
            m_title->setText(item->text());
    });
    connect(m_profiles, &ProfilesPage::changed, this, [this] {
        m_configModified = true;
        handleChanged();
    });
    connect(m_workflow, &WorkflowPage::changed, this, [this] {
        m_configModified = true;
        handleChanged();
    });
    connect(m_notifications, &NotificationsPage::changed, this, &SettingsDialog::handleChanged);
    connect(m_appearance, &AppearancePage::changed, this, &SettingsDialog::handleChanged);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &SettingsDialog::apply);

    m_nav->setCurrentRow(0);
    retranslate();
    updateButtons();
    resize(940, 680);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::showPage(Page page)
{
    m_nav->setCurrentRow(static_cast<int>(page));
}

bool SettingsDialog::isModified() const
{
    return m_configModified || m_notifications->isModified() || m_appearance->isModified();
}

void SettingsDialog::handleChanged()
{
    if (m_messageIsError)
        setMessage(QString(), false);
    updateButtons();
}

void SettingsDialog::updateButtons()
{
    const bool problems = m_profiles->hasProblems();
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    QPushButton *apply = m_buttons->button(QDialogButtonBox::Apply);
    ok->setEnabled(!problems);
    apply->setEnabled(!problems && isModified());
    const QString why = problems ? tr("A profile has a problem: its field says what") : QString();
    ok->setToolTip(why);
    apply->setToolTip(why);
}

bool SettingsDialog::apply()
{
    if (m_profiles->showFirstProblem()) {
        showPage(Page::Profiles);
        setMessage(tr("Nothing was saved: a profile has a problem, marked under its field."), true);
        updateButtons();
        return false;
    }
    QStringList notes;
    if (m_configModified) {
        const ConfigWriter::Result result =
            ConfigWriter::save(m_config.file, m_config, m_workflow->settings(), m_profiles->profiles());
        if (!result.ok) {
            setMessage(tr("Nothing was saved: %1").arg(result.error), true);
            return false;
        }
        const Config before = m_config;
        m_config = result.config;
        m_configModified = false;
        m_profiles->setProfiles(ConfigWriter::profilesOf(m_config));
        m_workflow->setSettings(m_config.workflow);
        notes << tr("Saved to %1; the previous version is %2.")
                     .arg(QDir::toNativeSeparators(m_config.file),
                          QDir::toNativeSeparators(ConfigWriter::backupPath(m_config.file)));
        notes += result.notes;
        Q_EMIT configSaved(before, m_config);
    }
    m_notifications->apply();
    if (const QString note = m_appearance->apply(); !note.isEmpty())
        notes << note;
    setMessage(notes.join(u'\n'), false);
    updateButtons();
    return true;
}

void SettingsDialog::accept()
{
    if (isModified() && !apply())
        return;
    QDialog::accept();
}

QString SettingsDialog::message() const
{
    return m_message->isVisible() || !m_message->text().isEmpty() ? m_message->text() : QString();
}

void SettingsDialog::setMessage(const QString &text, bool error)
{
    m_messageIsError = error && !text.isEmpty();
    if (m_messageIsError) {
        FormStyle::updateErrorColor(m_message);
    } else {
        m_message->setPalette(QPalette());
    }
    FormStyle::setFieldError(nullptr, m_message, text);
}

void SettingsDialog::retranslate()
{
    setWindowTitle(tr("Settings"));
    const QStringList names{tr("Agent profiles"), tr("Workflow"), tr("Notifications"), tr("Appearance")};
    static const QStringList icons{QStringLiteral("spawn-parallel"), QStringLiteral("run-plan"),
                                   QStringLiteral("state-escalated"), QStringLiteral("compact")};
    int width = 0;
    for (int i = 0; i < names.size() && i < m_nav->count(); ++i) {
        QListWidgetItem *item = m_nav->item(i);
        item->setText(names.at(i));
        item->setIcon(ThemedIcons::icon(icons.at(i), palette()));
        item->setSizeHint(QSize(0, qMax(32, fontMetrics().height() + 14)));
        width = qMax(width, fontMetrics().horizontalAdvance(names.at(i)));
    }
    // As wide as the longest page name in this language, with room for the icon.
    m_nav->setFixedWidth(width + m_nav->iconSize().width() + 48);
    if (QListWidgetItem *item = m_nav->currentItem())
        m_title->setText(item->text());
    m_file->setText(m_config.file.isEmpty()
                        ? tr("The built-in defaults are in use: there is no config file to save to.")
                        : tr("Config file: %1").arg(QDir::toNativeSeparators(m_config.file)));
}

void SettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange) {
        if (m_messageIsError)
            FormStyle::updateErrorColor(m_message);
        retranslate(); // the icons follow the palette
    }
    QDialog::changeEvent(event);
}

} // namespace switchboard
