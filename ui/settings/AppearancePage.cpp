#include "AppearancePage.h"

#include "Translations.h"
#include "board/AgentCommands.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace switchboard {

AppearancePage::AppearancePage(QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout)
    , m_language(new QComboBox)
    , m_languageNote(new QLabel)
    , m_theme(new QComboBox)
    , m_themeNote(new QLabel)
    , m_askBeforeCancel(new QCheckBox)
{
    setObjectName(QStringLiteral("appearancePage"));
    m_language->setObjectName(QStringLiteral("languageBox"));
    m_language->addItem(QString(), QString());
    for (const QString &language : availableLanguages()) {
        const QLocale locale(language);
        QString name = locale.nativeLanguageName();
        if (!name.isEmpty())
            name[0] = name.at(0).toUpper();
        m_language->addItem(QStringLiteral("%1 (%2)").arg(name, language), language);
    }
    m_theme->setObjectName(QStringLiteral("themeBox"));
    for (const AppTheme::Choice choice : {AppTheme::Choice::System, AppTheme::Choice::Light, AppTheme::Choice::Dark})
        m_theme->addItem(QString(), AppTheme::choiceToString(choice));
    // One line each, so the form gives them their height (a wrapped label in a size-hint form is cut).
    for (QLabel *note : {m_languageNote, m_themeNote})
        note->setWordWrap(false);
    m_languageNote->setObjectName(QStringLiteral("languageNote"));
    m_themeNote->setObjectName(QStringLiteral("themeNote"));

    auto *language = new QWidget;
    auto *languageColumn = new QVBoxLayout(language);
    languageColumn->setContentsMargins(0, 0, 0, 0);
    languageColumn->addWidget(m_language, 0, Qt::AlignLeft);
    languageColumn->addWidget(m_languageNote);
    auto *theme = new QWidget;
    auto *themeColumn = new QVBoxLayout(theme);
    themeColumn->setContentsMargins(0, 0, 0, 0);
    themeColumn->addWidget(m_theme, 0, Qt::AlignLeft);
    themeColumn->addWidget(m_themeNote);
    m_form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    language->setMinimumWidth(440);
    theme->setMinimumWidth(440);
    m_form->addRow(new QLabel, language);
    m_form->addRow(new QLabel, theme);
    m_askBeforeCancel->setObjectName(QStringLiteral("askBeforeCancelCheck"));
    m_form->addRow(new QLabel, m_askBeforeCancel);
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(m_form);
    column->addStretch(1);

    connect(m_language, &QComboBox::currentIndexChanged, this, &AppearancePage::changed);
    connect(m_theme, &QComboBox::currentIndexChanged, this, &AppearancePage::changed);
    connect(m_askBeforeCancel, &QCheckBox::toggled, this, &AppearancePage::changed);
    load();
    retranslate();
}

void AppearancePage::load()
{
    m_savedLanguage = savedLanguage();
    m_savedTheme = AppTheme::savedChoice();
    const QSignalBlocker languageBlocker(m_language);
    const QSignalBlocker themeBlocker(m_theme);
    const int language = m_language->findData(m_savedLanguage);
    m_language->setCurrentIndex(language < 0 ? 0 : language);
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(AppTheme::choiceToString(m_savedTheme))));
    const QSignalBlocker askBlocker(m_askBeforeCancel);
    m_askBeforeCancel->setChecked(AgentCommands::asksBeforeCancel());
}

bool AppearancePage::isModified() const
{
    return m_language->currentData().toString() != m_savedLanguage ||
           m_theme->currentData().toString() != AppTheme::choiceToString(m_savedTheme) ||
           m_askBeforeCancel->isChecked() != AgentCommands::asksBeforeCancel();
}

QString AppearancePage::apply()
{
    QString note;
    const QString language = m_language->currentData().toString();
    if (language != m_savedLanguage) {
        saveLanguage(language);
        note = tr("The language changes at the next start of Switchboard.");
    }
    const AppTheme::Choice theme =
        AppTheme::choiceFromString(m_theme->currentData().toString()).value_or(AppTheme::Choice::System);
    if (theme != m_savedTheme) {
        AppTheme::saveChoice(theme);
        AppTheme::apply(theme);
    }
    if (m_askBeforeCancel->isChecked() != AgentCommands::asksBeforeCancel())
        AgentCommands::setAsksBeforeCancel(m_askBeforeCancel->isChecked());
    m_savedLanguage = language;
    m_savedTheme = theme;
    return note;
}

void AppearancePage::retranslate()
{
    const auto label = [this](QWidget *field, QWidget *buddy, const QString &text) {
        if (auto *l = qobject_cast<QLabel *>(m_form->labelForField(field))) {
            l->setText(text);
            l->setBuddy(buddy);
        }
    };
    label(m_language->parentWidget(), m_language, tr("&Language:"));
    label(m_theme->parentWidget(), m_theme, tr("&Theme:"));
    label(m_askBeforeCancel, m_askBeforeCancel, tr("Confirmations:"));
    m_askBeforeCancel->setText(tr("&Ask before Del cancels the selected agents"));
    const QString system = QLocale::system().nativeLanguageName();
    m_language->setItemText(0, system.isEmpty() ? tr("The system's language") : tr("The system's (%1)").arg(system));
    m_languageNote->setText(tr("Takes effect at the next start. Starting with --lang overrides it."));
    m_theme->setItemText(0, tr("Follow the system"));
    m_theme->setItemText(1, tr("Light"));
    m_theme->setItemText(2, tr("Dark"));
    m_themeNote->setText(qEnvironmentVariableIsSet("SWITCHBOARD_THEME")
                             ? tr("SWITCHBOARD_THEME is set, and it wins over this choice.")
                             : tr("Applied at once."));
}

void AppearancePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace switchboard
