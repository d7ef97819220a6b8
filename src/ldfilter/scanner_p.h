#pragma once

#include "core/error.h"

#include <QCoreApplication>
#include <QString>

namespace sb::ldfilter::detail {

// Reads a filter or sort text left to right and keeps the first error, with its column.
// Shared by the filter and sort parsers so both report positions and "found ..." alike.
class Scanner final
{
    Q_DECLARE_TR_FUNCTIONS(sb::ldfilter::Scanner)

public:
    explicit Scanner(const QString &text) : m_text(text) { }

    const QString &text() const { return m_text; }
    qsizetype pos() const { return m_pos; }
    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek() const { return atEnd() ? QChar() : m_text.at(m_pos); }
    void advance() { ++m_pos; }
    void skipSpace();
    // Skips `c` when it is next; says whether it was.
    bool accept(QChar c);
    // Reads a run of ASCII letters, digits and underscores (possibly empty).
    QString readWord();

    // 1-based column of a position, counted in characters (a surrogate pair is one).
    int column(qsizetype pos) const;

    // Records "column N: <expected>, found <what is at pos>" unless an error is already recorded.
    // At the end of the text the "found" part is left out: the column already says where.
    void failExpected(qsizetype pos, const QString &expected);
    // Records "column N: <message>" unless an error is already recorded.
    void fail(qsizetype pos, const QString &message);
    bool failed() const { return m_errorColumn > 0; }
    int errorColumn() const { return m_errorColumn; }
    Error error() const { return Error::usage(m_errorMessage); }

private:
    QString describeAt(qsizetype pos) const;

    const QString &m_text;
    qsizetype m_pos = 0;
    int m_errorColumn = 0;
    QString m_errorMessage;
};

bool isWordChar(QChar c);

// JSON's two-character string escapes: the character and the letter after the backslash.
// (The parser also reads `\/`, which the printer never writes.)
struct JsonEscape
{
    char16_t character;
    char16_t letter;
};
inline constexpr JsonEscape kJsonEscapes[] = {
    {u'"', u'"'}, {u'\\', u'\\'}, {0x08, u'b'}, {0x0c, u'f'}, {0x0a, u'n'}, {0x0d, u'r'}, {0x09, u't'},
};

} // namespace sb::ldfilter::detail
