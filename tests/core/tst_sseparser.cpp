// The SSE parser sees a model's stream in whatever pieces the network delivers: an event must come out the same
// however the bytes were cut (inside a line, a CRLF pair or a UTF-8 sequence), and a stream that never ends a line
// must not grow without bound.
#include "llm/SseParser.h"

#include <QTest>

using namespace switchboard::llm;
using namespace Qt::StringLiterals;

namespace {

QList<SseEvent> parseWhole(const QByteArray &bytes)
{
    SseParser parser;
    return parser.feed(bytes);
}

} // namespace

class TestSseParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fields_data();
    void fields();
    void everySplitGivesTheSameEvents_data();
    void everySplitGivesTheSameEvents();
    void byteByByte();
    void crAtTheEndOfAChunkThenLf();
    void boundedEvents();
    void finishKeepsACompleteLastEvent();
};

void TestSseParser::fields_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QStringList>("datas");
    QTest::newRow("lf") << QByteArray("data: a\n\ndata: b\n\n") << QStringList{u"message"_s, u"message"_s}
                        << QStringList{u"a"_s, u"b"_s};
    QTest::newRow("crlf") << QByteArray("event: x\r\ndata: a\r\n\r\n") << QStringList{u"x"_s} << QStringList{u"a"_s};
    QTest::newRow("cr") << QByteArray("event: x\rdata: a\r\r") << QStringList{u"x"_s} << QStringList{u"a"_s};
    QTest::newRow("multi-line data joined by LF") << QByteArray("data: one\ndata: two\ndata:\ndata: four\n\n")
                                                  << QStringList{u"message"_s} << QStringList{u"one\ntwo\n\nfour"_s};
    QTest::newRow("comments and unknown fields ignored")
        << QByteArray(": keep-alive\nid: 7\nretry: 100\nfoo: bar\ndata: a\n\n: another\n\n")
        << QStringList{u"message"_s} << QStringList{u"a"_s};
    QTest::newRow("no space after colon, only one space removed")
        << QByteArray("data:x\n\ndata:  y\n\n") << QStringList{u"message"_s, u"message"_s}
        << QStringList{u"x"_s, u" y"_s};
    QTest::newRow("event name resets after dispatch")
        << QByteArray("event: a\ndata: 1\n\ndata: 2\n\n") << QStringList{u"a"_s, u"message"_s}
        << QStringList{u"1"_s, u"2"_s};
    QTest::newRow("event without data not dispatched")
        << QByteArray("event: ping\n\nevent: real\ndata: r\n\n") << QStringList{u"real"_s} << QStringList{u"r"_s};
    QTest::newRow("field without colon") << QByteArray("data\ndata: z\n\n") << QStringList{u"message"_s}
                                         << QStringList{u"\nz"_s};
    QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBF"
                                                   "data: bom\n\n")
                                     << QStringList{u"message"_s} << QStringList{u"bom"_s};
    QTest::newRow("utf-8") << QByteArray("data: Grüße 😀\n\n") << QStringList{u"message"_s} << QStringList{u"Grüße 😀"_s};
    QTest::newRow("incomplete last event kept back")
        << QByteArray("data: done\n\ndata: partial") << QStringList{u"message"_s} << QStringList{u"done"_s};
}

void TestSseParser::fields()
{
    QFETCH(QByteArray, stream);
    QFETCH(QStringList, names);
    QFETCH(QStringList, datas);
    const QList<SseEvent> events = parseWhole(stream);
    QCOMPARE(events.size(), names.size());
    for (qsizetype i = 0; i < events.size(); ++i) {
        QCOMPARE(events[i].name, names[i]);
        QCOMPARE(events[i].data, datas[i]);
    }
}

void TestSseParser::everySplitGivesTheSameEvents_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::newRow("anthropic crlf") << QByteArray(
        "event: message_start\r\ndata: {\"type\":\"message_start\"}\r\n\r\n: ping\r\n"
        "event: content_block_delta\r\ndata: {\"text\":\"日本語 ✓ 😀\"}\r\n\r\n");
    QTest::newRow("openai lf") << QByteArray("data: {\"content\":\"naïve café — ü\"}\n\ndata: [DONE]\n\n");
    QTest::newRow("cr only") << QByteArray("data: é\r\rdata: 😀\r\r");
}

void TestSseParser::everySplitGivesTheSameEvents()
{
    QFETCH(QByteArray, stream);
    const QList<SseEvent> whole = parseWhole(stream);
    QVERIFY(whole.size() >= 2);
    // Two cuts anywhere, including inside CRLF pairs and multi-byte sequences.
    for (qsizetype first = 0; first <= stream.size(); ++first) {
        for (qsizetype second = first; second <= stream.size(); ++second) {
            SseParser parser;
            QList<SseEvent> events = parser.feed(QByteArrayView(stream).first(first));
            events += parser.feed(QByteArrayView(stream).sliced(first, second - first));
            events += parser.feed(QByteArrayView(stream).sliced(second));
            if (events != whole)
                QFAIL(qPrintable(u"cuts at %1 and %2 gave other events"_s.arg(first).arg(second)));
        }
    }
}

void TestSseParser::byteByByte()
{
    const QByteArray stream("event: delta\ndata: {\"t\":\"Grüße, 世界 😀\"}\n\n");
    SseParser parser;
    QList<SseEvent> events;
    for (char byte : stream)
        events += parser.feed(QByteArrayView(&byte, 1));
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].data, u"{\"t\":\"Grüße, 世界 😀\"}"_s);
}

void TestSseParser::crAtTheEndOfAChunkThenLf()
{
    // "\r" ends one chunk and "\n" starts the next: one line end, not a line end and a blank line.
    SseParser parser;
    QList<SseEvent> events = parser.feed("data: a\r");
    events += parser.feed("\ndata: b\r");
    events += parser.feed("\n\r\n");
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].data, u"a\nb"_s);
}

void TestSseParser::boundedEvents()
{
    SseParser parser(1000);
    // One endless line.
    QList<SseEvent> events;
    for (int i = 0; i < 10; ++i)
        events += parser.feed(QByteArray(300, 'x'));
    QVERIFY(events.isEmpty());
    QVERIFY(parser.overflowed());
    QVERIFY(parser.bufferedBytes() <= 1000);

    // Many short data lines that never end their event.
    SseParser lines(1000);
    for (int i = 0; i < 200; ++i)
        lines.feed("data: 0123456789\n");
    QVERIFY(lines.overflowed());
    QVERIFY(lines.feed("\n").isEmpty()); // nothing after the overflow

    // Below the bound all is well.
    SseParser fine(1000);
    QCOMPARE(fine.feed(QByteArray("data: " + QByteArray(900, 'y') + "\n\n")).size(), 1);
    QVERIFY(!fine.overflowed());
}

void TestSseParser::finishKeepsACompleteLastEvent()
{
    SseParser parser;
    QVERIFY(parser.feed("data: [DONE]\n").isEmpty());
    const QList<SseEvent> last = parser.finish();
    QCOMPARE(last.size(), 1);
    QCOMPARE(last[0].data, u"[DONE]"_s);

    SseParser partial;
    QVERIFY(partial.feed("data: [DO").isEmpty());
    QVERIFY(partial.finish().isEmpty()); // an unfinished line is not an event
}

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
