// Error kinds are stored and matched by name (results, statuses, retry.non_retryable, the protocol's
// error.kind): every kind Switchboard gives has one distinct name that reads back as the same kind.
#include "model/AgentResult.h"
#include "model/ErrorKind.h"
#include "model/RetryPolicy.h"

#include <QSet>
#include <QTest>

using namespace switchboard;

class TestErrorKind : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesAreDistinctAndRoundTrip();
    void agentKindsAreKeptAsText();
    void defaultsUseTheNames();
};

void TestErrorKind::namesAreDistinctAndRoundTrip()
{
    QSet<QString> names;
    for (int i = 0; i <= static_cast<int>(ErrorKind::EscalationTimeout); ++i) {
        const auto kind = static_cast<ErrorKind>(i);
        const QString name = errorKindName(kind);
        QVERIFY2(!name.isEmpty() && name == name.toLower(), qPrintable(name));
        QVERIFY2(!names.contains(name), qPrintable(name));
        names.insert(name);
        QCOMPARE(errorKindFromName(name), std::optional<ErrorKind>(kind));
    }
    QCOMPARE(errorKindName(ErrorKind::IdleTimeout), QStringLiteral("idle_timeout"));
    QCOMPARE(errorKindName(ErrorKind::NoImprovement), QStringLiteral("no_improvement"));
}

void TestErrorKind::agentKindsAreKeptAsText()
{
    QVERIFY(!errorKindFromName(u"auth").has_value());
    QVERIFY(!errorKindFromName(u"").has_value());
    QVERIFY(!errorKindFromName(u"Timeout").has_value()); // names are exact
}

void TestErrorKind::defaultsUseTheNames()
{
    QCOMPARE(AgentResult::failed(QStringLiteral("boom")).errorKind, QStringLiteral("exit"));
    const RetryPolicy policy;
    for (const ErrorKind kind :
         {ErrorKind::Budget, ErrorKind::Deadline, ErrorKind::Loop, ErrorKind::NoImprovement, ErrorKind::Invalid})
        QVERIFY2(!policy.retries(errorKindName(kind)), qPrintable(errorKindName(kind)));
    QVERIFY(policy.retries(errorKindName(ErrorKind::Exit)));
    QVERIFY(policy.retries(errorKindName(ErrorKind::Timeout)));
    QVERIFY(policy.retries(QStringLiteral("auth")));
}

QTEST_GUILESS_MAIN(TestErrorKind)
#include "tst_errorkind.moc"
