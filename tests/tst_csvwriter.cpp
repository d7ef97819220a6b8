#include "export/csvreader.h"
#include "export/csvwriter.h"

#include <QBuffer>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace sb;

namespace {

QString u8(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// Accepts `limit` bytes, then fails every write the way a full disk does; counts writeData calls.
class LimitedDevice final : public QIODevice
{
public:
    explicit LimitedDevice(qint64 limit) : m_limit(limit) { }

    QByteArray data;
    int writeCalls = 0;

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *bytes, qint64 size) override
    {
        ++writeCalls;
        if (data.size() + size > m_limit) {
            setErrorString(QStringLiteral("No space left on device"));
            return -1;
        }
        data.append(bytes, size);
        return size;
    }

private:
    qint64 m_limit;
};

QByteArray writeRows(const QList<QStringList> &rows, const CsvOptions &options = {})
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer, options);
    for (const QStringList &row : rows) {
        if (!writer.writeRow(row))
            return QByteArray("write failed: ") + writer.errorString().toUtf8();
    }
    return buffer.data();
}

QString expectedAfterGuard(const QString &cell)
{
    return needsFormulaGuard(cell) ? QLatin1Char('\'') + cell : cell;
}

// A random cell from pieces that exercise quoting, the guard and multi-byte UTF-8.
QString randomCell(QRandomGenerator &random)
{
    static const QStringList pieces = {
        QStringLiteral("a"),
        QStringLiteral("Z"),
        QStringLiteral("7"),
        QStringLiteral(" "),
        QStringLiteral(","),
        QStringLiteral("\""),
        QStringLiteral("\r"),
        QStringLiteral("\n"),
        QStringLiteral("\r\n"),
        QStringLiteral("'"),
        QStringLiteral("="),
        QStringLiteral("+"),
        QStringLiteral("-"),
        QStringLiteral("@"),
        QStringLiteral("\t"),
        QStringLiteral("."),
        QStringLiteral(";"),
        u8("é"),
        u8("مرحبا"),
        u8("שלום"),
        u8("\u200F"),
        u8("😀"),
        u8("👍🏽"),
        u8("中文"),
    };
    QString cell;
    const int length = random.bounded(0, 8);
    for (int i = 0; i < length; ++i)
        cell += pieces.at(random.bounded(qsizetype(0), pieces.size()));
    return cell;
}

QList<QStringList> randomRows(quint32 seed, int count)
{
    QRandomGenerator random(seed);
    QList<QStringList> rows;
    for (int r = 0; r < count; ++r) {
        QStringList row;
        const int width = random.bounded(1, 6);
        for (int c = 0; c < width; ++c)
            row.append(randomCell(random));
        rows.append(row);
    }
    return rows;
}

} // namespace

class TestCsvWriter final : public QObject
{
    Q_OBJECT

private slots:
    void rfc4180Cell_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("plain") << QStringLiteral("abc") << QByteArray("abc");
        QTest::newRow("comma") << QStringLiteral("a,b") << QByteArray("\"a,b\"");
        QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QByteArray("\"say \"\"hi\"\"\"");
        QTest::newRow("only a quote") << QStringLiteral("\"") << QByteArray("\"\"\"\"");
        QTest::newRow("CR") << QStringLiteral("a\rb") << QByteArray("\"a\rb\"");
        QTest::newRow("LF") << QStringLiteral("a\nb") << QByteArray("\"a\nb\"");
        QTest::newRow("CRLF") << QStringLiteral("a\r\nb") << QByteArray("\"a\r\nb\"");
        QTest::newRow("empty") << QString() << QByteArray();
        QTest::newRow("spaces kept") << QStringLiteral("  x  ") << QByteArray("  x  ");
        QTest::newRow("apostrophe") << QStringLiteral("it's") << QByteArray("it's");
        QTest::newRow("semicolon") << QStringLiteral("a;b") << QByteArray("a;b");
    }

    void rfc4180Cell()
    {
        QFETCH(QString, cell);
        QFETCH(QByteArray, expected);
        QCOMPARE(writeRows({{QStringLiteral("first"), cell, QStringLiteral("last")}}),
                 "first," + expected + ",last\r\n");
        QCOMPARE(parseCsv("first," + expected + ",last\r\n"),
                 QList<QStringList>({{QStringLiteral("first"), cell, QStringLiteral("last")}}));
    }

    // NUL, ESC and other control characters: a file keeps them exactly (it is data); for a
    // terminal they are written as \xNN, so a cell cannot clear the screen or overwrite a line.
    void controlCharactersInCells()
    {
        const QString cell = QStringLiteral("a\x1b[2J\rWrote 100 segments") + QChar(0) + QChar(0x202e) + u8("é");
        const QList<QStringList> rows = {{QStringLiteral("k"), cell}};
        const QByteArray exact = writeRows(rows);
        QVERIFY(exact.contains("\x1b[2J\r"));
        QVERIFY(exact.contains(QByteArray(1, '\0')));
        QCOMPARE(parseCsv(exact), (QList<QStringList> {{QStringLiteral("k"), cell}}));
        CsvOptions terminal;
        terminal.visibleControls = true;
        const QByteArray shown = writeRows(rows, terminal);
        QCOMPARE(shown, QByteArray("k,a\\x1b[2J\\x0dWrote 100 segments\\x00\\u202E\xC3\xA9\r\n"));
        // Plain text is untouched either way.
        QCOMPARE(writeRows({{QStringLiteral("plain"), u8("café")}}, terminal),
                 writeRows({{QStringLiteral("plain"), u8("café")}}));
    }

    void emptyRows()
    {
        QCOMPARE(writeRows({{QString(), QString(), QString()}}), QByteArray(",,\r\n"));
        // One empty cell is quoted so the record is not a blank line.
        QCOMPARE(writeRows({{QString()}}), QByteArray("\"\"\r\n"));
        QCOMPARE(writeRows({{}}), QByteArray("\r\n"));
        QCOMPARE(parseCsv("\"\"\r\n,,\r\n\r\n"),
                 QList<QStringList>({{QString()}, {QString(), QString(), QString()}, {QString()}}));
    }

    void crlfEndings()
    {
        const QList<QStringList> rows = {
            {QStringLiteral("a"), QStringLiteral("b")},
            {QStringLiteral("1"), QStringLiteral("2")},
            {QStringLiteral("x\ny"), QStringLiteral("z")},
        };
        QCOMPARE(writeRows(rows), QByteArray("a,b\r\n1,2\r\n\"x\ny\",z\r\n"));
    }

    void bom()
    {
        const QList<QStringList> rows = {{QStringLiteral("a"), QStringLiteral("b")}, {QStringLiteral("1"), u8("é")}};
        QCOMPARE(writeRows(rows), QByteArray("a,b\r\n1,\xC3\xA9\r\n"));
        CsvOptions withBom;
        withBom.bom = true;
        // Once, before the first record only.
        QCOMPARE(writeRows(rows, withBom),
                 QByteArray("\xEF\xBB\xBF"
                            "a,b\r\n1,\xC3\xA9\r\n"));
        QCOMPARE(parseCsv(writeRows(rows, withBom)), rows);
    }

    void awkwardCells_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QByteArray>("guarded");
        QTest::newRow("non-ASCII") << u8("Ünïcödé ß")
                                   << QByteArray("\xC3\x9Cn\xC3\xAF"
                                                 "c\xC3\xB6"
                                                 "d\xC3\xA9 \xC3\x9F");
        QTest::newRow("Arabic") << u8("مرحبا بالعالم") << u8("مرحبا بالعالم").toUtf8();
        QTest::newRow("Hebrew with RLM") << u8("\u200Fשלום, עולם")
                                         << QByteArray("\"") + u8("\u200Fשלום, עולם").toUtf8() + "\"";
        QTest::newRow("emoji") << u8("😀👍🏽") << QByteArray("\xF0\x9F\x98\x80\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD");
        QTest::newRow("=cmd") << QStringLiteral("=cmd|' /C calc'!A0") << QByteArray("'=cmd|' /C calc'!A0");
        QTest::newRow("=HYPERLINK with comma") << QStringLiteral("=HYPERLINK(\"http://x\",\"y\")")
                                               << QByteArray("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        QTest::newRow("bare =") << QStringLiteral("=") << QByteArray("'=");
        QTest::newRow("+1") << QStringLiteral("+1") << QByteArray("+1");
        QTest::newRow("-1") << QStringLiteral("-1") << QByteArray("-1");
        QTest::newRow("+3.5") << QStringLiteral("+3.5") << QByteArray("+3.5");
        QTest::newRow("-0.25") << QStringLiteral("-0.25") << QByteArray("-0.25");
        QTest::newRow("-12") << QStringLiteral("-12") << QByteArray("-12");
        QTest::newRow("-x") << QStringLiteral("-x") << QByteArray("'-x");
        QTest::newRow("+x") << QStringLiteral("+x") << QByteArray("'+x");
        QTest::newRow("-1+2") << QStringLiteral("-1+2") << QByteArray("'-1+2");
        QTest::newRow("-1e5") << QStringLiteral("-1e5") << QByteArray("'-1e5");
        QTest::newRow("-.5") << QStringLiteral("-.5") << QByteArray("'-.5");
        QTest::newRow("-1.") << QStringLiteral("-1.") << QByteArray("'-1.");
        QTest::newRow("-١ (Arabic-Indic digit)") << u8("-١") << QByteArray("'-") + u8("١").toUtf8();
        QTest::newRow("bare -") << QStringLiteral("-") << QByteArray("'-");
        QTest::newRow("bare +") << QStringLiteral("+") << QByteArray("'+");
        QTest::newRow("@x") << QStringLiteral("@x") << QByteArray("'@x");
        QTest::newRow("TAB-leading") << QStringLiteral("\tx") << QByteArray("'\tx");
        QTest::newRow("CR-leading") << QStringLiteral("\rx") << QByteArray("\"'\rx\"");
        QTest::newRow("LF-leading") << QStringLiteral("\nx") << QByteArray("\"\nx\"");
        QTest::newRow("= not first") << QStringLiteral("a=1") << QByteArray("a=1");
        QTest::newRow("space then =") << QStringLiteral(" =1") << QByteArray(" =1");
        QTest::newRow("12") << QStringLiteral("12") << QByteArray("12");
    }

    void awkwardCells()
    {
        QFETCH(QString, cell);
        QFETCH(QByteArray, guarded);

        const QByteArray written = writeRows({{QStringLiteral("k"), cell}});
        QCOMPARE(written, "k," + guarded + "\r\n");
        bool ok = false;
        QCOMPARE(parseCsv(written, &ok), QList<QStringList>({{QStringLiteral("k"), expectedAfterGuard(cell)}}));
        QVERIFY(ok);

        // Guard off: the cell exactly, only quoted where RFC 4180 needs it.
        CsvOptions unguarded;
        unguarded.formulaGuard = false;
        const QByteArray plain = writeRows({{QStringLiteral("k"), cell}}, unguarded);
        QCOMPARE(parseCsv(plain), QList<QStringList>({{QStringLiteral("k"), cell}}));
        QCOMPARE(plain.contains('\''), cell.contains(QLatin1Char('\'')));
    }

    void csvValue_data()
    {
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<ValueType>("type");
        QTest::addColumn<QString>("expected");
        const auto ms = [](qint64 v) {
            return QVariant::fromValue<qint64>(v);
        };
        QTest::newRow("missing") << QVariant() << ValueType::String << QString();
        QTest::newRow("missing millis") << QVariant() << ValueType::UnixMillis << QString();
        QTest::newRow("missing list") << QVariant() << ValueType::StringList << QString();
        QTest::newRow("true") << QVariant(true) << ValueType::Boolean << QStringLiteral("true");
        QTest::newRow("false") << QVariant(false) << ValueType::Boolean << QStringLiteral("false");
        QTest::newRow("integer") << ms(42) << ValueType::Integer << QStringLiteral("42");
        QTest::newRow("negative integer") << ms(-7) << ValueType::Integer << QStringLiteral("-7");
        QTest::newRow("int64 max") << ms(std::numeric_limits<qint64>::max()) << ValueType::Integer
                                   << QStringLiteral("9223372036854775807");
        QTest::newRow("millis 0") << ms(0) << ValueType::UnixMillis << QStringLiteral("1970-01-01T00:00:00.000Z");
        QTest::newRow("millis 2025") << ms(1735689600000) << ValueType::UnixMillis
                                     << QStringLiteral("2025-01-01T00:00:00.000Z");
        QTest::newRow("millis with ms") << ms(1709251199999) << ValueType::UnixMillis
                                        << QStringLiteral("2024-02-29T23:59:59.999Z");
        QTest::newRow("millis -1") << ms(-1) << ValueType::UnixMillis << QStringLiteral("1969-12-31T23:59:59.999Z");
        QTest::newRow("millis -1 day") << ms(-86400000) << ValueType::UnixMillis
                                       << QStringLiteral("1969-12-31T00:00:00.000Z");
        QTest::newRow("millis first of year 1")
            << ms(-62135596800000) << ValueType::UnixMillis << QStringLiteral("0001-01-01T00:00:00.000Z");
        QTest::newRow("millis before year 1")
            << ms(-62135596800001) << ValueType::UnixMillis << QStringLiteral("-62135596800001");
        QTest::newRow("millis last of 9999")
            << ms(253402300799999) << ValueType::UnixMillis << QStringLiteral("9999-12-31T23:59:59.999Z");
        QTest::newRow("millis after 9999")
            << ms(253402300800000) << ValueType::UnixMillis << QStringLiteral("253402300800000");
        QTest::newRow("millis int64 min") << ms(std::numeric_limits<qint64>::min()) << ValueType::UnixMillis
                                          << QStringLiteral("-9223372036854775808");
        QTest::newRow("millis as int") << QVariant(1000) << ValueType::UnixMillis
                                       << QStringLiteral("1970-01-01T00:00:01.000Z");
        QTest::newRow("vendor timestamp") << QVariant(QStringLiteral("2025-01-01T00:00:00+02:00"))
                                          << ValueType::Timestamp << QStringLiteral("2025-01-01T00:00:00+02:00");
        QTest::newRow("tags") << QVariant(QStringList {QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("=c")})
                              << ValueType::StringList << QStringLiteral("b;a;=c");
        QTest::newRow("no tags") << QVariant(QStringList()) << ValueType::StringList << QString();
        QTest::newRow("string") << QVariant(QStringLiteral(" as is ")) << ValueType::String
                                << QStringLiteral(" as is ");
        QTest::newRow("string =x unguarded here")
            << QVariant(QStringLiteral("=x")) << ValueType::String << QStringLiteral("=x");
        QTest::newRow("double") << QVariant(1.5) << ValueType::Json << QStringLiteral("1.5");
    }

    void csvValue()
    {
        QFETCH(QVariant, value);
        QFETCH(ValueType, type);
        QFETCH(QString, expected);
        QCOMPARE(sb::csvValue(value, type), expected);
    }

    // An independent check of the hand-made date arithmetic against QDateTime.
    void unixMillisMatchesQDateTime()
    {
        QRandomGenerator random(4180);
        for (int i = 0; i < 2000; ++i) {
            const qint64 ms = random.bounded(qint64(-62135596800000), qint64(253402300800000));
            const QString expected = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
            QCOMPARE(sb::csvValue(QVariant::fromValue<qint64>(ms), ValueType::UnixMillis), expected);
        }
    }

    void writeSegment()
    {
        const QList<Column> columns = {
            {QStringLiteral("name"), ValueType::String},       {QStringLiteral("count"), ValueType::Integer},
            {QStringLiteral("on"), ValueType::Boolean},        {QStringLiteral("creationDate"), ValueType::UnixMillis},
            {QStringLiteral("tags"), ValueType::StringList},   {QStringLiteral("updated"), ValueType::Timestamp},
            {QStringLiteral("owner.name"), ValueType::String},
        };
        // Plain string literals: moc 6.4 loses track of raw string literals holding \".
        const auto record = [](const char *json) {
            return QJsonDocument::fromJson(json).object();
        };
        const Segment first =
            Segment::fromRecord(record("{\"name\":\"Beta, \\\"VIP\\\"\",\"count\":-5,\"on\":true,\"creationDate\":-1,"
                                       "\"tags\":[\"=x\",\"b\"],\"updated\":\"=now\",\"owner\":{\"name\":\"@me\"}}"),
                                columns);
        const Segment second =
            Segment::fromRecord(record("{\"name\":\"plain\",\"count\":3,\"on\":false,\"tags\":[]}"), columns);
        QCOMPARE(first.values.at(0).toString(), QStringLiteral("Beta, \"VIP\""));

        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        CsvWriter writer(&buffer);
        const QList<int> all = {0, 1, 2, 3, 4, 5, 6};
        QVERIFY(writer.writeHeader(all, columns));
        QVERIFY(writer.writeSegment(first, all, columns));
        QVERIFY(writer.writeSegment(second, all, columns));
        // Vendor text is guarded (name, tags, timestamp string, nested owner); our own
        // numbers and timestamps never are.
        QCOMPARE(buffer.data(),
                 QByteArray("name,count,on,creationDate,tags,updated,owner.name\r\n"
                            "\"Beta, \"\"VIP\"\"\",-5,true,1969-12-31T23:59:59.999Z,'=x;b,'=now,'@me\r\n"
                            "plain,3,false,,,,\r\n"));
        QVERIFY(writer.errorString().isEmpty());

        // A subset, reordered, with an index no column has: an empty cell.
        QBuffer subset;
        subset.open(QIODevice::WriteOnly);
        CsvWriter subsetWriter(&subset);
        const QList<int> some = {4, 0, 99};
        QVERIFY(subsetWriter.writeHeader(some, columns));
        QVERIFY(subsetWriter.writeSegment(first, some, columns));
        QCOMPARE(subset.data(), QByteArray("tags,name,\r\n'=x;b,\"Beta, \"\"VIP\"\"\",\r\n"));

        // A single column whose value is missing still makes a non-blank record.
        QBuffer single;
        single.open(QIODevice::WriteOnly);
        CsvWriter singleWriter(&single);
        QVERIFY(singleWriter.writeSegment(second, {3}, columns));
        QCOMPARE(single.data(), QByteArray("\"\"\r\n"));
    }

    void roundTrip()
    {
        const QList<QStringList> rows = randomRows(20250101, 3000);
        QList<QStringList> guarded;
        for (const QStringList &row : rows) {
            QStringList expected;
            for (const QString &cell : row)
                expected.append(expectedAfterGuard(cell));
            guarded.append(expected);
        }
        bool ok = false;
        QCOMPARE(parseCsv(writeRows(rows), &ok), guarded);
        QVERIFY(ok);

        CsvOptions plain;
        plain.formulaGuard = false;
        plain.bom = true;
        QCOMPARE(parseCsv(writeRows(rows, plain), &ok), rows);
        QVERIFY(ok);
    }

    void loneSurrogateBecomesValidUtf8()
    {
        const QString broken = QStringLiteral("a") + QChar(0xD800) + QStringLiteral("b");
        const QByteArray written = writeRows({{broken, QString(QChar(0xDC00))}});
        QStringDecoder decoder(QStringDecoder::Utf8);
        const QString decoded = decoder(written);
        QVERIFY(!decoder.hasError());
        QCOMPARE(decoded, QStringLiteral("a\uFFFDb,\uFFFD\r\n"));
    }

    void malformedInputIsReported()
    {
        bool ok = true;
        QCOMPARE(parseCsv("\"open", &ok), QList<QStringList>({{QStringLiteral("open")}}));
        QVERIFY(!ok);
        ok = true;
        QCOMPARE(parseCsv("\"a\"b,c\r\n", &ok), QList<QStringList>({{QStringLiteral("ab"), QStringLiteral("c")}}));
        QVERIFY(!ok);
        ok = false;
        QCOMPARE(parseCsv("a,b\nc", &ok),
                 QList<QStringList>({{QStringLiteral("a"), QStringLiteral("b")}, {QStringLiteral("c")}}));
        QVERIFY(ok);
        QCOMPARE(parseCsv(QByteArray()), QList<QStringList>());
    }

    void oneWritePerRecord()
    {
        LimitedDevice device(1 << 20);
        QVERIFY(device.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        CsvWriter writer(&device, CsvOptions {true, true});
        QVERIFY(writer.writeRow({QStringLiteral("a"), QStringLiteral("b,c")}));
        QVERIFY(writer.writeRow({QStringLiteral("=1"), QStringLiteral("2")}));
        QCOMPARE(device.writeCalls, 2);
        QCOMPARE(device.data,
                 QByteArray("\xEF\xBB\xBF"
                            "a,\"b,c\"\r\n'=1,2\r\n"));
    }

    void deviceFullIsReported()
    {
        const QByteArray row = "abc,def\r\n";
        LimitedDevice device(row.size() * 2 + 3);
        QVERIFY(device.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        CsvWriter writer(&device);
        const QStringList cells = {QStringLiteral("abc"), QStringLiteral("def")};
        QVERIFY(writer.writeRow(cells));
        QVERIFY(writer.writeRow(cells));
        QVERIFY(writer.errorString().isEmpty());
        QVERIFY(!writer.writeRow(cells));
        QVERIFY2(writer.errorString().contains(QStringLiteral("No space left on device")),
                 qPrintable(writer.errorString()));
        // The failure sticks: nothing more reaches the device.
        const int callsAtFailure = device.writeCalls;
        QVERIFY(!writer.writeRow({QStringLiteral("x")}));
        QVERIFY(!writer.writeHeader({0}, {{QStringLiteral("x"), ValueType::String}}));
        QCOMPARE(device.writeCalls, callsAtFailure);
        QCOMPARE(device.data, row + row);
    }

    void readOnlyAndClosedDevicesAreReported()
    {
        QByteArray bytes;
        QBuffer readOnly(&bytes);
        QVERIFY(readOnly.open(QIODevice::ReadOnly));
        CsvWriter toReadOnly(&readOnly);
        QVERIFY(!toReadOnly.writeRow({QStringLiteral("a")}));
        QVERIFY(!toReadOnly.errorString().isEmpty());
        QVERIFY(bytes.isEmpty());

        QBuffer closed;
        CsvWriter toClosed(&closed);
        QVERIFY(!toClosed.writeSegment(Segment(), {0}, {}));
        QVERIFY(!toClosed.errorString().isEmpty());

        // Closed after a good start.
        QBuffer later;
        QVERIFY(later.open(QIODevice::WriteOnly));
        CsvWriter toLater(&later);
        QVERIFY(toLater.writeRow({QStringLiteral("a")}));
        later.close();
        QVERIFY(!toLater.writeRow({QStringLiteral("b")}));
        QVERIFY(!toLater.errorString().isEmpty());
        QCOMPARE(later.data(), QByteArray("a\r\n"));
    }

    // Fields the user adds as columns are typed from the JSON value itself.
    void extraColumnValues_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("string") << QByteArray("\"a b\"") << QStringLiteral("a b");
        QTest::newRow("integer") << QByteArray("-42") << QStringLiteral("-42");
        QTest::newRow("large integer") << QByteArray("9007199254740992") << QStringLiteral("9007199254740992");
        QTest::newRow("fraction") << QByteArray("0.25") << QStringLiteral("0.25");
        QTest::newRow("true") << QByteArray("true") << QStringLiteral("true");
        QTest::newRow("false") << QByteArray("false") << QStringLiteral("false");
        QTest::newRow("null") << QByteArray("null") << QString();
        QTest::newRow("strings") << QByteArray("[\"x\",\"y z\"]") << QStringLiteral("x;y z");
        QTest::newRow("no strings") << QByteArray("[]") << QString();
        QTest::newRow("numbers") << QByteArray("[1,2]") << QStringLiteral("[1,2]");
        QTest::newRow("mixed") << QByteArray("[\"a\",1]") << QStringLiteral("[\"a\",1]");
        QTest::newRow("object") << QByteArray("{ \"k\" : [ true ] }") << QStringLiteral("{\"k\":[true]}");
    }

    void extraColumnValues()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const QJsonObject record = QJsonDocument::fromJson("{\"f\":" + json + "}").object();
        QVERIFY(!record.isEmpty());
        const Column column {QStringLiteral("f"), ValueType::Json};
        QCOMPARE(sb::csvValue(extractValue(record, column), column.type), expected);
    }

    // Columns past the segment's parsed values are read from its JSON: nested paths, missing
    // fields as empty cells, vendor text guarded and quoted as any other.
    void writeSegmentWithExtraColumns()
    {
        const QList<Column> defaults = {{QStringLiteral("key"), ValueType::String}};
        const Segment segment = Segment::fromRecord(
            QJsonDocument::fromJson("{\"key\":\"k1\",\"rules\":[{\"id\":\"r\"}],\"owner\":{\"id\":\"=1\"},"
                                    "\"tags\":[\"a\",\"b,c\"],\"n\":7}")
                .object(),
            defaults);
        QCOMPARE(segment.values.size(), 1);
        QList<Column> columns = defaults;
        for (const char *name : {"rules", "owner.id", "tags", "n", "absent", "owner.id.deeper"})
            columns.append({QString::fromLatin1(name), ValueType::Json});
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        CsvWriter writer(&buffer);
        const QList<int> order = {2, 0, 1, 3, 4, 5, 6};
        QVERIFY(writer.writeHeader(order, columns));
        QVERIFY(writer.writeSegment(segment, order, columns));
        QCOMPARE(buffer.data(),
                 QByteArray("owner.id,key,rules,tags,n,absent,owner.id.deeper\r\n"
                            "'=1,k1,\"[{\"\"id\"\":\"\"r\"\"}]\",\"a;b,c\",7,,\r\n"));
    }

    void fieldPaths_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<bool>("wellFormed");
        QTest::newRow("plain") << QStringLiteral("rules") << true;
        QTest::newRow("nested") << QStringLiteral("owner.id") << true;
        QTest::newRow("underscore and digits") << QStringLiteral("_links.self2") << true;
        QTest::newRow("non-ascii") << QStringLiteral("n\u00e4me") << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("space") << QStringLiteral("owner id") << false;
        QTest::newRow("tab") << QStringLiteral("a\tb") << false;
        QTest::newRow("comma") << QStringLiteral("a,b") << false;
        QTest::newRow("leading dot") << QStringLiteral(".a") << false;
        QTest::newRow("trailing dot") << QStringLiteral("a.") << false;
        QTest::newRow("double dot") << QStringLiteral("a..b") << false;
    }

    void fieldPaths()
    {
        QFETCH(QString, field);
        QFETCH(bool, wellFormed);
        QCOMPARE(isWellFormedFieldPath(field), wellFormed);
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
