#include "parser.h"

#include "scanner_p.h"

#include <QCoreApplication>

namespace sb::ldfilter {

namespace {

using detail::Scanner;

// Deeper nesting than any person writes; the limit keeps hostile input (the sandbox server
// parses what clients send) from exhausting the stack.
constexpr int kMaxDepth = 64;

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

class Parser final
{
    Q_DECLARE_TR_FUNCTIONS(sb::ldfilter::Parser)

public:
    explicit Parser(const QString &text) : m_in(text) { }

    Result<Filter> run(int *errorColumn);

private:
    std::optional<Node> parseGroup(Node::Kind kind, int depth);
    std::optional<Node> parseItem(int depth);
    std::optional<Term> parseTerm();
    std::optional<Value> parseValue(const Term &term);
    std::optional<bool> parseBool(const QString &expected);
    std::optional<QStringList> parseList(const QString &expected);
    std::optional<QString> parseString();
    bool parseEscape(QString *out);
    QString termName(const Term &term) const { return fieldName(term.field) + QLatin1Char(' ') + opName(term.op); }
    void failAfterItem(int depth);

    Scanner m_in;
    QList<qsizetype> m_openParens; // where each open '(' is, to say which one lacks its ')'
};

Result<Filter> Parser::run(int *errorColumn)
{
    m_in.skipSpace();
    std::optional<Node> root = m_in.atEnd() ? std::optional<Node>(Node()) : parseGroup(Node::Kind::Or, 0);
    if (root && !m_in.atEnd())
        failAfterItem(0);
    if (m_in.failed()) {
        if (errorColumn)
            *errorColumn = m_in.errorColumn();
        return m_in.error();
    }
    return std::move(*root);
}

// An OR of ANDs or an AND of items. Children of the same kind (from parentheses) are spliced in,
// so the result is already canonical.
std::optional<Node> Parser::parseGroup(Node::Kind kind, int depth)
{
    const QChar separator = kind == Node::Kind::Or ? QLatin1Char('|') : QLatin1Char(',');
    QList<Node> children;
    do {
        std::optional<Node> child = kind == Node::Kind::Or ? parseGroup(Node::Kind::And, depth) : parseItem(depth);
        if (!child)
            return std::nullopt;
        if (child->kind == kind)
            children.append(std::move(child->children));
        else
            children.append(std::move(*child));
        m_in.skipSpace();
    } while (m_in.accept(separator));
    if (children.size() == 1)
        return children.takeFirst();
    Node node;
    node.kind = kind;
    node.children = std::move(children);
    return node;
}

std::optional<Node> Parser::parseItem(int depth)
{
    m_in.skipSpace();
    const qsizetype open = m_in.pos();
    if (!m_in.accept(QLatin1Char('('))) {
        std::optional<Term> term = parseTerm();
        if (!term)
            return std::nullopt;
        return Node::leaf(std::move(*term));
    }
    if (depth >= kMaxDepth) {
        m_in.fail(open, tr("parentheses are nested more than %1 deep").arg(kMaxDepth));
        return std::nullopt;
    }
    m_openParens.append(open);
    std::optional<Node> inner = parseGroup(Node::Kind::Or, depth + 1);
    if (!inner)
        return std::nullopt;
    if (!m_in.accept(QLatin1Char(')'))) {
        failAfterItem(depth + 1);
        return std::nullopt;
    }
    m_openParens.removeLast();
    return inner;
}

void Parser::failAfterItem(int depth)
{
    if (depth == 0) {
        m_in.failExpected(m_in.pos(), tr("expected ',', '|' or the end of the filter"));
        return;
    }
    m_in.failExpected(
        m_in.pos(),
        tr("expected ',', '|' or ')' to close the '(' at character %1").arg(m_in.column(m_openParens.last())));
}

std::optional<Term> Parser::parseTerm()
{
    const qsizetype fieldPos = m_in.pos();
    const std::optional<Field> field = fieldFromName(m_in.readWord());
    if (!field) {
        m_in.failExpected(fieldPos, tr("expected a field (%1) or '('").arg(fieldNames().join(QLatin1String(", "))));
        return std::nullopt;
    }
    Term term = Term::of(*field, {});
    m_in.skipSpace();
    const qsizetype opPos = m_in.pos();
    if (opFromName(m_in.readWord()) != term.op) {
        m_in.failExpected(opPos, tr("expected an operator for '%1' (%2)").arg(fieldName(term.field), opName(term.op)));
        return std::nullopt;
    }
    std::optional<Value> value = parseValue(term);
    if (!value)
        return std::nullopt;
    term.value = std::move(*value);
    return term;
}

std::optional<Value> Parser::parseValue(const Term &term)
{
    m_in.skipSpace();
    const QChar next = m_in.peek();
    switch (term.field) {
    case Field::External:
        // LaunchDarkly documents the bare form; it reads as "exists true".
        if (m_in.atEnd() || next == QLatin1Char(',') || next == QLatin1Char('|') || next == QLatin1Char(')'))
            return true;
        return parseBool(tr("expected true, false or nothing after '%1'").arg(termName(term)));
    case Field::Unbounded:
        return parseBool(tr("expected true or false after '%1'").arg(termName(term)));
    case Field::Query:
        if (next == QLatin1Char('"'))
            return parseString();
        if (next == QLatin1Char('['))
            return parseList(QString());
        m_in.failExpected(m_in.pos(), tr("expected a string or a list of strings after '%1'").arg(termName(term)));
        return std::nullopt;
    case Field::ExcludedKeys:
    case Field::IncludedKeys:
    case Field::Tags:
        return parseList(tr("expected a list of strings after '%1'").arg(termName(term)));
    }
    return std::nullopt;
}

std::optional<bool> Parser::parseBool(const QString &expected)
{
    const qsizetype pos = m_in.pos();
    const QString word = m_in.readWord();
    if (word == QLatin1String("true"))
        return true;
    if (word == QLatin1String("false"))
        return false;
    m_in.failExpected(pos, expected);
    return std::nullopt;
}

// `expected` is what to say when there is no '[' here (the caller may have checked already).
std::optional<QStringList> Parser::parseList(const QString &expected)
{
    const qsizetype open = m_in.pos();
    if (!m_in.accept(QLatin1Char('['))) {
        m_in.failExpected(open, expected);
        return std::nullopt;
    }
    QStringList list;
    m_in.skipSpace();
    if (m_in.accept(QLatin1Char(']')))
        return list;
    forever {
        m_in.skipSpace();
        if (m_in.peek() != QLatin1Char('"')) {
            m_in.failExpected(m_in.pos(), tr("expected a string in the list"));
            return std::nullopt;
        }
        std::optional<QString> item = parseString();
        if (!item)
            return std::nullopt;
        list.append(std::move(*item));
        m_in.skipSpace();
        if (m_in.accept(QLatin1Char(']')))
            return list;
        if (!m_in.accept(QLatin1Char(','))) {
            m_in.failExpected(m_in.pos(),
                              tr("expected ',' or ']' to close the '[' at character %1").arg(m_in.column(open)));
            return std::nullopt;
        }
    }
}

// A JSON string literal; the scanner is on its opening quote.
std::optional<QString> Parser::parseString()
{
    const qsizetype open = m_in.pos();
    m_in.advance();
    QString out;
    forever {
        if (m_in.atEnd()) {
            m_in.fail(m_in.pos(), tr("expected '\"' to close the string at character %1").arg(m_in.column(open)));
            return std::nullopt;
        }
        const QChar c = m_in.peek();
        if (c == QLatin1Char('"')) {
            m_in.advance();
            return out;
        }
        if (c == QLatin1Char('\\')) {
            if (!parseEscape(&out))
                return std::nullopt;
            continue;
        }
        if (c.unicode() < 0x20) {
            m_in.fail(m_in.pos(),
                      tr("expected \\u%1 instead of a control character in the string")
                          .arg(c.unicode(), 4, 16, QLatin1Char('0')));
            return std::nullopt;
        }
        out.append(c);
        m_in.advance();
    }
}

// JSON's escapes. A \uXXXX may be half of a surrogate pair: QString is UTF-16, so the two
// halves join by themselves, and a lone half survives a print/parse round trip.
bool Parser::parseEscape(QString *out)
{
    const qsizetype backslash = m_in.pos();
    m_in.advance();
    const char16_t e = m_in.peek().unicode();
    m_in.advance();
    if (e == u'/') {
        out->append(QChar(e));
        return true;
    }
    for (const detail::JsonEscape &escape : detail::kJsonEscapes) {
        if (escape.letter == e) {
            out->append(QChar(escape.character));
            return true;
        }
    }
    if (e != u'u') {
        m_in.fail(backslash, tr("expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX after '\\'"));
        return false;
    }
    char16_t code = 0;
    for (int i = 0; i < 4; ++i) {
        const int digit = hexValue(m_in.peek());
        if (digit < 0) {
            m_in.fail(backslash, tr("expected four hexadecimal digits after \\u"));
            return false;
        }
        code = char16_t(code * 16 + digit);
        m_in.advance();
    }
    out->append(QChar(code));
    return true;
}

} // namespace

Result<Filter> parse(const QString &text, int *errorColumn)
{
    return Parser(text).run(errorColumn);
}

} // namespace sb::ldfilter
