#include "csvreader.h"

#include <QByteArrayView>
#include <QStringDecoder>

namespace sb {

namespace {

bool endsField(char c)
{
    return c == ',' || c == '\r' || c == '\n';
}

// QString::fromUtf8 drops a U+FEFF at the start as a byte order mark; inside a file it is a
// character of the cell (the file's own mark is skipped before any field is read).
QString decodeField(const QByteArray &utf8)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    return decoder(utf8);
}

} // namespace

QList<QStringList> parseCsv(const QByteArray &utf8, bool *ok)
{
    bool wellFormed = true;
    QList<QStringList> records;
    QByteArrayView in(utf8);
    if (in.startsWith("\xEF\xBB\xBF"))
        in = in.sliced(3);
    const qsizetype n = in.size();
    qsizetype i = 0;
    QByteArray field;
    // Delimiters are ASCII, so the bytes can be split before decoding: UTF-8 never uses ASCII
    // byte values inside a multi-byte character.
    while (i < n) {
        QStringList record;
        forever {
            field.truncate(0);
            if (i < n && in[i] == '"') {
                ++i;
                bool closed = false;
                while (i < n) {
                    const char c = in[i++];
                    if (c != '"') {
                        field.append(c);
                    } else if (i < n && in[i] == '"') {
                        field.append('"');
                        ++i;
                    } else {
                        closed = true;
                        break;
                    }
                }
                if (!closed)
                    wellFormed = false;
                for (; i < n && !endsField(in[i]); ++i) { // text after the closing quote
                    wellFormed = false;
                    field.append(in[i]);
                }
            } else {
                for (; i < n && !endsField(in[i]); ++i) {
                    if (in[i] == '"') // RFC 4180 allows quotes only in quoted fields
                        wellFormed = false;
                    field.append(in[i]);
                }
            }
            record.append(decodeField(field));
            if (i < n && in[i] == ',') {
                ++i;
                continue;
            }
            break;
        }
        if (i < n && in[i] == '\r') {
            ++i;
            if (i < n && in[i] == '\n')
                ++i;
            else
                wellFormed = false; // a bare CR: taken as a line end, but not what RFC 4180 writes
        } else if (i < n && in[i] == '\n') {
            ++i;
        }
        records.append(record);
    }
    if (ok)
        *ok = wellFormed;
    return records;
}

} // namespace sb
