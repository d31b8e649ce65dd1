// The Settings dialog's API key field for real: on a private D-Bus session with a fresh gnome-keyring (ctest
// tst_settingskeychain_keyring) a key typed into the field is stored, never shown again in full, and reaches the
// server when Test connection runs; on a bus with no keychain service (tst_settingskeychain_none) the field says
// so and offers api_key_env. Run outside tests/keychain-session.sh it skips: it never touches the user's keyring.
#include "llm/Keychain.h"
#include "settings/ApiKeyField.h"
#include "settings/SettingsDialog.h"
#include "support/ScriptedModelServer.h"
#include "support/TestSupport.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

using namespace switchboard;
using namespace Qt::StringLiterals;
using test::child;

namespace {
constexpr auto kKey = "sk-settings-keychain-0123456789-WXYZ";
} // namespace

class TestSettingsKeychain final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void storedKeyIsUsedAndNeverShown();
    void noKeychainServiceOffersKeyVariable();

private:
    QString unmet(const QString &mode) const;
    QString m_mode;
    QString m_skip;
};

void TestSettingsKeychain::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_mode = qEnvironmentVariable("SWITCHBOARD_KEYCHAIN_TEST");
    m_skip = qEnvironmentVariable("SWITCHBOARD_KEYCHAIN_SKIP");
    // scripts/setup installs gnome-keyring and dbus: on CI a keyring that cannot start is a failure.
    if (!m_skip.isEmpty() && qEnvironmentVariableIsSet("CI"))
        QFAIL(qPrintable(u"CI is set but the keychain cannot be had: "_s + m_skip));
}

QString TestSettingsKeychain::unmet(const QString &mode) const
{
    if (!m_skip.isEmpty())
        return m_skip;
    if (m_mode.isEmpty())
        return u"runs only on a private D-Bus session (ctest runs it through tests/keychain-session.sh)"_s;
    if (m_mode != mode)
        return u"needs the '%1' session (ctest entry tst_settingskeychain_%1)"_s.arg(mode);
    return {};
}

void TestSettingsKeychain::storedKeyIsUsedAndNeverShown()
{
    if (const QString why = unmet(u"keyring"_s); !why.isEmpty())
        QSKIP(qPrintable(why));
    test::ScriptedModelServer server(llm::ApiKind::OpenAi, QString::fromLatin1(kKey));
    server.setModels({u"keyed-model"_s});
    Config config;
    AgentProfile profile;
    profile.name = u"keyed"_s;
    profile.backend = u"openai"_s;
    profile.model = u"keyed-model"_s;
    profile.llm.baseUrl = server.baseUrl().toString(); // loopback: only a key stored for this profile is sent
    config.profiles = {profile};
    SettingsDialog::Services services;
    services.environment = QProcessEnvironment();
    SettingsDialog dialog(config, services);
    dialog.show();

    auto *field = child<ApiKeyField>(&dialog, u"profileApiKey"_s);
    auto *status = child<QLabel>(&dialog, u"apiKeyStatus"_s);
    QTRY_VERIFY_WITH_TIMEOUT(field->isAvailable().has_value(), 30000);
    QVERIFY2(*field->isAvailable(), qPrintable(status->text()));
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(u"No key is stored"_s), 30000);

    auto *edit = child<QLineEdit>(&dialog, u"apiKeyEdit"_s);
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    QTest::keyClicks(edit, QString::fromLatin1(kKey));
    QTest::mouseClick(child<QPushButton>(&dialog, u"storeKeyButton"_s), Qt::LeftButton);
    QVERIFY(edit->text().isEmpty()); // gone from the form at once
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(u"ending in …WXYZ"_s), 30000);
    QVERIFY(!status->text().contains(QString::fromLatin1(kKey).left(20)));

    // The key in the keychain is the one Test connection sends.
    QTest::mouseClick(child<QPushButton>(&dialog, u"testConnectionButton"_s), Qt::LeftButton);
    auto *result = child<QLabel>(&dialog, u"testConnectionResult"_s);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(u"Connected"_s), 30000);
    QVERIFY2(result->text().contains(u"keyed-model"_s), qPrintable(result->text()));
    QVERIFY2(server.ok(), qPrintable(server.report()));

    QTest::mouseClick(child<QPushButton>(&dialog, u"removeKeyButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(u"No key is stored"_s), 30000);
    QFuture<llm::Keychain::Result> read = llm::Keychain::readKey(u"keyed"_s);
    QTRY_VERIFY_WITH_TIMEOUT(read.isFinished(), 30000);
    QCOMPARE(read.result().status, llm::Keychain::Status::NotFound);
}

void TestSettingsKeychain::noKeychainServiceOffersKeyVariable()
{
    if (const QString why = unmet(u"none"_s); !why.isEmpty())
        QSKIP(qPrintable(why));
    Config config;
    AgentProfile profile;
    profile.name = u"cloud"_s;
    profile.backend = u"openai"_s;
    profile.model = u"gpt-4o"_s;
    config.profiles = {profile};
    SettingsDialog dialog(config, {});
    dialog.show();
    auto *field = child<ApiKeyField>(&dialog, u"profileApiKey"_s);
    QTRY_VERIFY_WITH_TIMEOUT(field->isAvailable().has_value(), 30000);
    QVERIFY(!*field->isAvailable());
    auto *status = child<QLabel>(&dialog, u"apiKeyStatus"_s);
    QVERIFY2(status->text().contains(u"No keychain service is running here"_s), qPrintable(status->text()));
    QVERIFY(!child<QLineEdit>(&dialog, u"apiKeyEdit"_s)->isEnabled());
    auto *useVariable = child<QPushButton>(&dialog, u"useKeyVariableButton"_s);
    QVERIFY(useVariable->isVisible());
    QTest::mouseClick(useVariable, Qt::LeftButton);
    QCOMPARE(child<QLineEdit>(&dialog, u"profileApiKeyEnv"_s)->text(), u"OPENAI_API_KEY"_s);
}

QTEST_MAIN(TestSettingsKeychain)
#include "tst_settingskeychain.moc"
