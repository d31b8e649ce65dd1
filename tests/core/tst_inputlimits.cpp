// Hostile values at load: YAML alias bombs and alias cycles, second documents, over-long ids, titles and
// descriptions, and ids with characters that do not belong in one (a quote left from an unclosed string, a NUL).
// Every input is made here; each refusal must name file:line:column and come before the value is used.
#include "config/ConfigLoader.h"
#include "config/PlanLoader.h"
#include "model/InputLimits.h"
#include "orchestration/GoalBatchValidator.h"
#include "support/GoalBuilder.h"
#include "support/ProfileBuilder.h"

#include <QTest>

#include <sys/resource.h>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {

// The peak resident size of this process so far, in KiB.
qint64 peakResidentKb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// Nine levels of nine aliases each: 9^9 (387 million) copies of "lol" once expanded, in under 1 KB of text.
// indent: the indentation of the keys; the anchors go under `key`.
QByteArray aliasBomb(const QByteArray &indent)
{
    QByteArray text = indent + "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (int level = 1; level < 9; ++level) {
        const QByteArray previous = "*l" + QByteArray::number(level - 1);
        QByteArrayList items;
        for (int i = 0; i < 9; ++i)
            items << previous;
        text += indent + 'l' + QByteArray::number(level) + ": &l" + QByteArray::number(level) + " [" +
                items.join(", ") + "]\n";
    }
    return text;
}

// The 1-based line of the first line of text that starts with prefix (after indentation).
int lineOf(const QByteArray &text, const QByteArray &prefix)
{
    const QByteArrayList lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines.at(i).trimmed().startsWith(prefix))
            return static_cast<int>(i) + 1;
    }
    return -1;
}

const QByteArray &configHead()
{
    static const QByteArray head = "agents:\n"
                                   "  definitions:\n"
                                   "    - name: worker\n"
                                   "      backend: demo\n"
                                   "      capabilities: [code]\n";
    return head;
}

Config demoConfig()
{
    Config config;
    config.profiles = {test::ProfileBuilder(u"worker"_s).capabilities({u"code"_s})};
    return config;
}

std::optional<Plan> loadPlan(const QByteArray &yaml, ConfigError *error)
{
    return PlanLoader::loadString(yaml, u"plan.yaml"_s, demoConfig(), error);
}

} // namespace

class TestInputLimits final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aliasBombInProfileSettingsFailsFast();
    void aliasBombInPlanFailsFast();
    void aliasFanOutOfLongScalarIsRefused();
    void modestAliasesStillLoad();
    void aliasInsideItsOwnNodeIsRefused();
    void secondDocumentIsRefused_data();
    void secondDocumentIsRefused();
    void overLongTitleAndDescriptionAreRefusedAtLoad();
    void hugeIdIsRefusedAtLoad();
    void idWithBadCharacterNamesItsPosition_data();
    void idWithBadCharacterNamesItsPosition();
    void batchValidationChecksIdsAndLengths();
    void cutToBytesKeepsWholeCharacters();
};

void TestInputLimits::aliasBombInProfileSettingsFailsFast()
{
    QByteArray yaml = configHead() + "      settings:\n" + aliasBomb("        ");
    const qint64 before = peakResidentKb();
    ConfigError error;
    const std::optional<Config> config = ConfigLoader::loadString(yaml, u"bomb.yaml"_s, &error);
    QVERIFY(!config);
    QCOMPARE(error.file, u"bomb.yaml"_s);
    QVERIFY2(error.message.contains(u"aliases expand the file beyond"_s), qPrintable(error.toString()));
    // The alias that crosses the budget: in the fifth level (9^4 copies, ~240,000 units; the budget for this
    // ~1 KB file is 4 x its size + 256 KiB).
    QCOMPARE(error.line, lineOf(yaml, "l4:"));
    QVERIFY(error.column > 10);
    // Nothing was built from it: the peak grew by far less than the 6 GB the expansion would take.
    QVERIFY2(peakResidentKb() - before < 64 * 1024, qPrintable(QString::number(peakResidentKb() - before)));
}

void TestInputLimits::aliasBombInPlanFailsFast()
{
    // Anchors under an unknown key are not read by the loader, but they are parsed and counted all the same.
    const QByteArray yaml = "name: bomb\n"
                            "defs:\n" +
                            aliasBomb("  ") +
                            "goals:\n"
                            "  - id: a\n"
                            "    resources: *l8\n";
    ConfigError error;
    QVERIFY(!loadPlan(yaml, &error));
    QVERIFY2(error.message.contains(u"aliases expand the file beyond"_s), qPrintable(error.toString()));
    QCOMPARE(error.line, lineOf(yaml, "l4:"));
    QVERIFY(error.column > 0);
}

void TestInputLimits::aliasFanOutOfLongScalarIsRefused()
{
    // Linear, not exponential: one 100 KB description given to 1,000 goals is 100 MB of strings from a 130 KB file.
    QByteArray yaml = "name: fan\ngoals:\n  - id: g0\n    description: &text " + QByteArray(100 * 1024, 'x') + '\n';
    for (int i = 1; i < 1000; ++i)
        yaml += "  - {id: g" + QByteArray::number(i) + ", description: *text}\n";
    ConfigError error;
    QVERIFY(!loadPlan(yaml, &error));
    QVERIFY2(error.message.contains(u"aliases expand the file beyond"_s), qPrintable(error.toString()));
    QVERIFY(error.line > 3);
    QVERIFY(error.line < 30); // a few goals in, not at the end
}

void TestInputLimits::modestAliasesStillLoad()
{
    // The use anchors are for: one settings block shared by a few profiles.
    const QByteArray yaml = "agents:\n"
                            "  definitions:\n"
                            "    - name: a\n"
                            "      backend: demo\n"
                            "      settings: &shared {step_ms: 5, notes: [one, two, three]}\n"
                            "    - {name: b, backend: demo, settings: *shared}\n"
                            "    - {name: c, backend: demo, settings: *shared}\n";
    ConfigError error;
    const std::optional<Config> config = ConfigLoader::loadString(yaml, u"ok.yaml"_s, &error);
    QVERIFY2(config, qPrintable(error.toString()));
    QCOMPARE(config->profiles.size(), 3);
    QCOMPARE(config->profiles.at(2).settings.value(u"notes"_s).toList().size(), 3);
}

void TestInputLimits::aliasInsideItsOwnNodeIsRefused()
{
    // yaml-cpp builds a cycle from this; converting it to settings would never end.
    const QByteArray yaml = configHead() + "      settings: &loop\n        again: *loop\n";
    ConfigError error;
    QVERIFY(!ConfigLoader::loadString(yaml, u"loop.yaml"_s, &error));
    QCOMPARE(error.message, u"this alias refers to a node that contains it"_s);
    QCOMPARE(error.line, 7);
    QCOMPARE(error.column, 16);
}

void TestInputLimits::secondDocumentIsRefused_data()
{
    QTest::addColumn<bool>("plan");
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("line");
    QTest::newRow("plan") << true << QByteArray("name: one\ngoals:\n  - id: a\n---\nname: two\ngoals:\n  - id: b\n")
                          << 4;
    QTest::newRow("plan, explicit start")
        << true << QByteArray("---\nname: one\ngoals: [{id: a}]\n---\nname: two\n") << 4;
    QTest::newRow("plan, empty second") << true << QByteArray("name: one\ngoals: [{id: a}]\n---\n") << 3;
    QTest::newRow("config") << false << configHead() + "---\n" + configHead() << 6;
}

void TestInputLimits::secondDocumentIsRefused()
{
    QFETCH(bool, plan);
    QFETCH(QByteArray, yaml);
    QFETCH(int, line);
    ConfigError error;
    const bool loaded =
        plan ? loadPlan(yaml, &error).has_value() : ConfigLoader::loadString(yaml, u"plan.yaml"_s, &error).has_value();
    QVERIFY(!loaded);
    QVERIFY2(error.message.startsWith(u"a second YAML document starts here"_s), qPrintable(error.toString()));
    QCOMPARE(error.line, line);
    QCOMPARE(error.column, 1);
}

void TestInputLimits::overLongTitleAndDescriptionAreRefusedAtLoad()
{
    ConfigError error;
    const QByteArray title(InputLimits::kMaxTitleLength + 1, 't');
    QVERIFY(!loadPlan("goals:\n  - id: a\n    title: " + title + '\n', &error));
    QCOMPARE(error.toString(),
             u"plan.yaml:3:12: goal 'a': title: the title is %1 characters long; at most %2 are allowed"_s
                 .arg(InputLimits::kMaxTitleLength + 1)
                 .arg(InputLimits::kMaxTitleLength));
    // At the limit it loads.
    QVERIFY2(loadPlan("goals:\n  - id: a\n    title: " + title.left(InputLimits::kMaxTitleLength) + '\n', &error),
             qPrintable(error.toString()));

    const QByteArray description(InputLimits::kMaxDescriptionLength + 5, 'd');
    QVERIFY(!loadPlan("goals:\n  - id: a\n    description: " + description + '\n', &error));
    QCOMPARE(error.line, 3);
    QVERIFY2(error.message.startsWith(u"goal 'a': description: the description is"_s), qPrintable(error.message));
}

void TestInputLimits::hugeIdIsRefusedAtLoad()
{
    const QByteArray id(10 * 1024 * 1024, 'i');
    ConfigError error;
    QVERIFY(!loadPlan("name: p\ngoals:\n  - id: " + id + "\n    title: huge\n", &error));
    QCOMPARE(error.line, 3);
    QCOMPARE(error.column, 9);
    QVERIFY2(error.message.endsWith(
                 u": id: the id is 10485760 characters long; at most %1 are allowed"_s.arg(InputLimits::kMaxIdLength)),
             qPrintable(error.message.left(300)));
    QVERIFY2(error.message.size() < 200, qPrintable(error.message.left(300))); // the id is not echoed whole
}

void TestInputLimits::idWithBadCharacterNamesItsPosition_data()
{
    QTest::addColumn<QByteArray>("idLine");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    const QString set = InputLimits::idCharacterSet();
    // "- id: " puts the value at column 9.
    QTest::newRow("quote left from an unclosed string")
        << QByteArray("abc\"") << 12
        << u"goal 'abc\"': id: character 4 ('\"') is not allowed in an id; ids use "_s + set;
    QTest::newRow("NUL in a quoted id")
        << QByteArray("\"ab\\0cd\"") << 12
        << u"goal 'ab\\0cd': id: character 3 (a NUL byte) is not allowed in an id; ids use "_s + set;
    QTest::newRow("raw NUL")
        << QByteArray("ab\0cd", 5) << 11
        << u"a NUL byte; YAML text cannot hold one (write \\0 inside double quotes if it is meant)"_s;
    QTest::newRow("space") << QByteArray("build api") << 14
                           << u"goal 'build api': id: character 6 (a space) is not allowed in an id; ids use "_s + set;
    QTest::newRow("leading dash") << QByteArray("-x") << 9
                                  << u"goal '-x': id: character 1 ('-') is not allowed in an id; ids use "_s + set;
}

void TestInputLimits::idWithBadCharacterNamesItsPosition()
{
    QFETCH(QByteArray, idLine);
    QFETCH(int, column);
    QFETCH(QString, message);
    ConfigError error;
    QVERIFY(!loadPlan("name: p\ngoals:\n  - id: " + idLine + "\n    title: t\n", &error));
    QCOMPARE(error.message, message);
    QCOMPARE(error.line, 3);
    QCOMPARE(error.column, column);
}

void TestInputLimits::batchValidationChecksIdsAndLengths()
{
    // Goals from forms, the CLI and planning replies pass here, not through the YAML loader.
    const QList<AgentProfile> profiles{test::ProfileBuilder(u"worker"_s)};
    Goal quoted = test::GoalBuilder(u"a\"b"_s);
    Goal nul = test::GoalBuilder(QString(u"ab"_s) + QChar(u'\0') + u"c"_s);
    Goal longTitle = test::GoalBuilder(u"t"_s);
    longTitle.title = QString(InputLimits::kMaxTitleLength + 1, u'x');
    Goal fine = test::GoalBuilder(u"ok-1_é.2"_s);
    const QStringList errors = GoalBatchValidator::validate({quoted, nul, longTitle, fine}, {}, profiles);
    const QString set = InputLimits::idCharacterSet();
    QCOMPARE(errors, (QStringList{u"goal 'a\"b': character 2 ('\"') is not allowed in an id; ids use "_s + set,
                                  u"goal 'ab\\0c': character 3 (a NUL byte) is not allowed in an id; ids use "_s + set,
                                  u"goal 't': the title is %1 characters long; at most %2 are allowed"_s
                                      .arg(InputLimits::kMaxTitleLength + 1)
                                      .arg(InputLimits::kMaxTitleLength)}));
    Goal longId = test::GoalBuilder(QString(InputLimits::kMaxIdLength + 1, u'i'));
    QVERIFY(GoalBatchValidator::validate({longId}, {}, profiles).value(0).contains(u"the id is 129 characters long"_s));
}

void TestInputLimits::cutToBytesKeepsWholeCharacters()
{
    const QString text = QString(10, u'a') + QString(10, u'é'); // é is two bytes
    QCOMPARE(InputLimits::cutToBytes(text, 40), text);
    QCOMPARE(InputLimits::cutToBytes(text, 13), QString(10, u'a') + u"é… [cut 18 bytes]"_s);
}

QTEST_GUILESS_MAIN(TestInputLimits)
#include "tst_inputlimits.moc"
