#include "printer.h"

#include "scanner_p.h"

#include <algorithm>

namespace sb::ldfilter {

namespace {

QString printValue(const Value &value)
{
    if (const bool *b = std::get_if<bool>(&value))
        return *b ? QStringLiteral("true") : QStringLiteral("false");
    if (const QString *s = std::get_if<QString>(&value))
        return quoteString(*s);
    QStringList quoted;
    for (const QString &s : std::get<QStringList>(value))
        quoted.append(quoteString(s));
    return QLatin1Char('[') + quoted.join(QLatin1Char(',')) + QLatin1Char(']');
}

// `node` is canonical: an AND's children are terms or ORs, an OR's are terms or ANDs.
QString printNode(const Node &node, bool insideAnd)
{
    if (node.isTerm())
        return print(node.term);
    const bool isAnd = node.kind == Node::Kind::And;
    QStringList parts;
    for (const Node &child : node.children)
        parts.append(printNode(child, isAnd));
    const QString joined = parts.join(isAnd ? QLatin1Char(',') : QLatin1Char('|'));
    return !isAnd && insideAnd ? QLatin1Char('(') + joined + QLatin1Char(')') : joined;
}

void appendUnicodeEscape(QString &out, char16_t code)
{
    out += QLatin1String("\\u") + QString::number(code, 16).rightJustified(4, QLatin1Char('0'));
}

} // namespace

QString print(const Filter &filter)
{
    return printNode(normalized(filter), false);
}

QString print(const Term &term)
{
    return fieldName(term.field) + QLatin1Char(' ') + opName(term.op) + QLatin1Char(' ') + printValue(term.value);
}

QString quoteString(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += QLatin1Char('"');
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const auto escape = std::find_if(std::begin(detail::kJsonEscapes), std::end(detail::kJsonEscapes),
                                         [&](const detail::JsonEscape &e) { return e.character == c.unicode(); });
        if (escape != std::end(detail::kJsonEscapes)) {
            out += QLatin1Char('\\');
            out += QChar(escape->letter);
            continue;
        }
        if (c.unicode() < 0x20) {
            appendUnicodeEscape(out, c.unicode());
        } else if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out += c;
            out += text.at(++i);
        } else if (c.isSurrogate()) {
            appendUnicodeEscape(out, c.unicode());
        } else {
            out += c;
        }
    }
    out += QLatin1Char('"');
    return out;
}

QByteArray encodeForQuery(const QString &filterText)
{
    // QByteArray::toPercentEncoding leaves exactly the unreserved set alone.
    return filterText.toUtf8().toPercentEncoding();
}

} // namespace sb::ldfilter
