#include "ApiKeyField.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace switchboard {

using llm::Keychain;

namespace {
// Shorter keys show nothing of themselves: four characters of a short key are too much of it.
constexpr int kShowTailFrom = 16;
} // namespace

ApiKeyField::ApiKeyField(QWidget *parent)
    : QWidget(parent)
    , m_status(new QLabel(this))
    , m_edit(new QLineEdit(this))
    , m_store(new QPushButton(this))
    , m_remove(new QPushButton(this))
    , m_useEnvironment(new QPushButton(this))
{
    m_status->setObjectName(QStringLiteral("apiKeyStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_edit->setObjectName(QStringLiteral("apiKeyEdit"));
    m_edit->setEchoMode(QLineEdit::Password);
    m_edit->setClearButtonEnabled(true);
    m_store->setObjectName(QStringLiteral("storeKeyButton"));
    m_remove->setObjectName(QStringLiteral("removeKeyButton"));
    m_useEnvironment->setObjectName(QStringLiteral("useKeyVariableButton"));
    m_useEnvironment->hide();

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_edit, 1);
    row->addWidget(m_store);
    row->addWidget(m_remove);
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(row);
    column->addWidget(m_status);
    column->addWidget(m_useEnvironment, 0, Qt::AlignLeft);

    connect(m_edit, &QLineEdit::textChanged, this, [this] { setState(m_state, m_detail); });
    connect(m_edit, &QLineEdit::returnPressed, this, &ApiKeyField::store);
    connect(m_store, &QPushButton::clicked, this, &ApiKeyField::store);
    connect(m_remove, &QPushButton::clicked, this, &ApiKeyField::remove);
    connect(m_useEnvironment, &QPushButton::clicked, this, &ApiKeyField::environmentRequested);
    connect(&m_check, &QFutureWatcher<Keychain::Result>::finished, this, [this] {
        if (!m_check.isCanceled())
            handleAvailability(m_check.result());
    });
    connect(&m_job, &QFutureWatcher<Keychain::Result>::finished, this, [this] {
        if (m_job.isCanceled() || m_jobProfile != m_profile)
            return; // the profile changed meanwhile: its own read is on the way
        const Keychain::Result result = m_job.result();
        if (m_storing && result.ok()) {
            readStored(); // the line says what the keychain holds, not what was typed
            return;
        }
        if (result.status == Keychain::Status::Ok && !result.key.isEmpty())
            setState(State::Stored, result.key.size() >= kShowTailFrom ? result.key.right(4) : QString());
        else if (result.status == Keychain::Status::Ok || result.status == Keychain::Status::NotFound)
            setState(State::NotStored);
        else
            setState(State::Failed, result.error);
    });

    if (!Keychain::isEnabled()) {
        m_available = false;
        setState(State::Disabled);
    } else {
        setState(State::Checking);
        m_check.setFuture(Keychain::checkAvailable());
    }
}

ApiKeyField::~ApiKeyField() = default;

void ApiKeyField::setProfileName(const QString &name)
{
    if (name == m_profile)
        return;
    m_profile = name;
    m_edit->clear();
    if (m_available.value_or(false))
        readStored();
}

void ApiKeyField::handleAvailability(const Keychain::Result &result)
{
    m_available = result.ok();
    if (!result.ok()) {
        setState(State::Unavailable, result.error);
    } else if (!m_profile.isEmpty()) {
        readStored();
    } else {
        setState(State::NotStored);
    }
    Q_EMIT availabilityKnown();
}

void ApiKeyField::readStored()
{
    if (m_profile.isEmpty()) {
        setState(State::NotStored);
        return;
    }
    setState(State::Reading);
    m_storing = false;
    m_jobProfile = m_profile;
    m_job.setFuture(Keychain::readKey(m_profile));
}

void ApiKeyField::store()
{
    const QString key = m_edit->text().trimmed();
    if (key.isEmpty() || !m_available.value_or(false) || m_profile.isEmpty() || m_job.isRunning())
        return;
    m_edit->clear(); // gone from the form at once; the keychain has it now
    setState(State::Storing);
    m_jobProfile = m_profile;
    m_storing = true;
    m_job.setFuture(Keychain::storeKey(m_profile, key));
}

void ApiKeyField::remove()
{
    if (!m_available.value_or(false) || m_profile.isEmpty() || m_job.isRunning())
        return;
    setState(State::Storing);
    m_jobProfile = m_profile;
    m_storing = false;
    m_job.setFuture(Keychain::removeKey(m_profile));
}

void ApiKeyField::setState(State state, const QString &detail)
{
    m_state = state;
    m_detail = detail;
    const bool usable = m_available.value_or(false);
    const bool busy = state == State::Checking || state == State::Reading || state == State::Storing;
    m_edit->setEnabled(usable && !busy);
    m_store->setEnabled(usable && !busy && !m_edit->text().trimmed().isEmpty());
    m_remove->setVisible(state == State::Stored);
    m_remove->setEnabled(!busy);
    m_useEnvironment->setVisible(state == State::Unavailable || state == State::Disabled);
    retranslate();
}

QString ApiKeyField::statusText() const
{
    return m_status->text();
}

void ApiKeyField::retranslate()
{
    m_edit->setPlaceholderText(m_available.value_or(true) ? tr("Paste the API key to keep it in the keychain")
                                                          : tr("No keychain here"));
    m_store->setText(tr("Store"));
    m_store->setToolTip(tr("Keep the key in the system keychain; it is never written to the config file"));
    m_remove->setText(tr("Remove"));
    m_remove->setToolTip(tr("Delete this profile's key from the keychain"));
    m_useEnvironment->setText(tr("Use an environment variable instead"));
    QString text;
    m_status->setToolTip(QString());
    switch (m_state) {
    case State::Checking:
        text = tr("Looking for the system keychain…");
        break;
    case State::Unavailable:
        text = tr("No keychain service is running here, so the key cannot be stored. Set it in an environment "
                  "variable and name that variable under API key variable.");
        m_status->setToolTip(m_detail.isEmpty() ? Keychain::unavailableMessage() : m_detail);
        break;
    case State::Disabled:
        text = tr("The keychain is switched off here (SWITCHBOARD_NO_KEYCHAIN). Set the key in an environment "
                  "variable and name that variable under API key variable.");
        break;
    case State::Reading:
        text = tr("Reading the keychain…");
        break;
    case State::Stored:
        text = m_detail.isEmpty() ? tr("A key is stored in the keychain.")
                                  : tr("A key is stored in the keychain (ending in …%1).").arg(m_detail);
        break;
    case State::NotStored:
        text = m_profile.isEmpty() ? tr("Name the profile first: its key is stored under its name.")
                                   : tr("No key is stored in the keychain for this profile.");
        break;
    case State::Storing:
        text = tr("Updating the keychain…");
        break;
    case State::Failed:
        text = tr("The keychain did not answer: %1").arg(m_detail);
        break;
    }
    m_status->setText(text);
}

void ApiKeyField::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace switchboard
