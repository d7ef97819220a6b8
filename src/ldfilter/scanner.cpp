#include "scanner_p.h"

namespace sb::ldfilter::detail {

namespace {
// Long enough to recognise a misspelt word, short enough to keep the message on one line.
constexpr qsizetype kMaxQuotedWord = 40;
} // namespace

bool isWordChar(QChar c)
{
    return c.unicode() < 128 && (c.isLetterOrNumber() || c == QLatin1Char('_'));
}

void Scanner::skipSpace()
{
    while (!atEnd() && m_text.at(m_pos).isSpace())
        ++m_pos;
}

bool Scanner::accept(QChar c)
{
    if (atEnd() || m_text.at(m_pos) != c)
        return false;
    ++m_pos;
    return true;
}

QString Scanner::readWord()
{
    const qsizetype start = m_pos;
    while (!atEnd() && isWordChar(m_text.at(m_pos)))
        ++m_pos;
    return m_text.mid(start, m_pos - start);
}

int Scanner::column(qsizetype pos) const
{
    int column = 1;
    for (qsizetype i = 0; i < pos && i < m_text.size(); ++i) {
        if (!(m_text.at(i).isLowSurrogate() && i > 0 && m_text.at(i - 1).isHighSurrogate()))
            ++column;
    }
    return column;
}

void Scanner::failExpected(qsizetype pos, const QString &expected)
{
    if (pos >= m_text.size()) {
        fail(pos, expected);
        return;
    }
    fail(pos, tr("%1, found %2").arg(expected, describeAt(pos)));
}

void Scanner::fail(qsizetype pos, const QString &message)
{
    if (failed())
        return;
    m_errorColumn = column(pos);
    m_errorMessage = tr("at character %1: %2").arg(m_errorColumn).arg(message);
}

QString Scanner::describeAt(qsizetype pos) const
{
    const QChar c = m_text.at(pos);
    if (c == QLatin1Char('"'))
        return tr("a string");
    if (c == QLatin1Char('['))
        return tr("a list");
    QString what;
    if (c.category() == QChar::Other_Control) {
        // Shown by number: the character itself would be invisible or break the line.
        return QStringLiteral("U+%1").arg(c.unicode(), 4, 16, QLatin1Char('0')).toUpper();
    }
    if (isWordChar(c)) {
        qsizetype end = pos;
        while (end < m_text.size() && isWordChar(m_text.at(end)))
            ++end;
        what = m_text.mid(pos, std::min(end - pos, kMaxQuotedWord));
        if (end - pos > kMaxQuotedWord)
            what += QChar(0x2026); // an ellipsis: the word goes on
    } else {
        const bool pair = c.isHighSurrogate() && pos + 1 < m_text.size() && m_text.at(pos + 1).isLowSurrogate();
        what = m_text.mid(pos, pair ? 2 : 1);
    }
    return QLatin1Char('\'') + what + QLatin1Char('\'');
}

} // namespace sb::ldfilter::detail
