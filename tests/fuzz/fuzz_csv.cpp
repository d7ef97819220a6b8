// The CSV writer: any cells written and read back with parseCsv give the same cells, and the
// output is valid UTF-8. Input: UTF-8 text; 0x1E separates records, 0x1F cells.

#include "fuzzcheck.h"

#include "export/csvreader.h"
#include "export/csvwriter.h"

#include <QBuffer>
#include <QString>
#include <QStringDecoder>

#include <cstddef>
#include <cstdint>

namespace {

QList<QStringList> recordsOf(const QString &text)
{
    QList<QStringList> records;
    for (const QString &record : text.split(QChar(0x1E)))
        records.append(record.split(QChar(0x1F)));
    return records;
}

void roundTrip(const QList<QStringList> &records, bool bom)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    sb::CsvOptions options;
    options.bom = bom;
    options.formulaGuard = false; // the guard changes cells on purpose; checked below
    sb::CsvWriter writer(&buffer, options);
    for (const QStringList &cells : records)
        SB_FUZZ_CHECK(writer.writeRow(cells), "writing to a buffer succeeds");

    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString decoded = utf8(buffer.data());
    SB_FUZZ_CHECK(!utf8.hasError(), "the output is valid UTF-8");
    bool ok = false;
    const QList<QStringList> read = sb::parseCsv(buffer.data(), &ok);
    SB_FUZZ_CHECK(ok, "the writer's output is well-formed CSV");
    SB_FUZZ_CHECK(read == records, "write then parseCsv gives the same cells");
}

void guarded(const QList<QStringList> &records)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    sb::CsvWriter writer(&buffer); // formula guard on
    for (const QStringList &cells : records)
        writer.writeRow(cells);
    bool ok = false;
    const QList<QStringList> read = sb::parseCsv(buffer.data(), &ok);
    SB_FUZZ_CHECK(ok && read.size() == records.size(), "guarded output has the same records");
    for (qsizetype r = 0; r < records.size(); ++r) {
        SB_FUZZ_CHECK(read.at(r).size() == records.at(r).size(), "guarded output has the same cells");
        for (qsizetype c = 0; c < records.at(r).size(); ++c) {
            const QString &cell = records.at(r).at(c);
            const QString expected = sb::needsFormulaGuard(cell) ? QLatin1Char('\'') + cell : cell;
            SB_FUZZ_CHECK(read.at(r).at(c) == expected, "the guard only prefixes a quote");
            SB_FUZZ_CHECK(!sb::needsFormulaGuard(read.at(r).at(c)), "a guarded cell needs no guard");
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // fromUtf8 turns invalid bytes into U+FFFD, so every cell is valid text the writer keeps as is.
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    // A header first, as every export has: a file whose very first character is U+FEFF cannot be
    // told from one that starts with a byte order mark.
    QList<QStringList> records {QStringList {QStringLiteral("code")}};
    records += recordsOf(text);
    roundTrip(records, size % 2 == 1);
    guarded(records);
    return 0;
}
