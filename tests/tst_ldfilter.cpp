#include "ldfilter/evaluator.h"
#include "ldfilter/filter.h"
#include "ldfilter/parser.h"
#include "ldfilter/printer.h"
#include "ldfilter/sort.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

using namespace sb;
using namespace sb::ldfilter;

namespace sb::ldfilter {
// Found by QCOMPARE through argument-dependent lookup, so failures show the filter as text.
char *toString(const Node &node)
{
    return qstrdup(print(node).toUtf8().constData());
}
char *toString(const Term &term)
{
    return qstrdup(print(term).toUtf8().constData());
}
} // namespace sb::ldfilter

namespace {

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

Filter parsed(const QString &text)
{
    const Result<Filter> r = parse(text);
    if (!r) {
        qWarning("%s", qPrintable(r.error().message));
        return Node::orOf({}); // never what a successful parse returns, so comparisons fail
    }
    return r.value();
}

QJsonObject record(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

// Three LaunchDarkly segment records that tell the fields apart.
const QList<QJsonObject> &records()
{
    static const QList<QJsonObject> list {
        record(R"({"key":"beta-users","name":"Beta Users","description":"People in the beta",
                       "tags":["beta","enterprise"],"creationDate":1000,"lastModifiedDate":5000})"),
        record(R"({"key":"big-one","name":"Big Segment","tags":[],"unbounded":true,
                       "_external":"amplitude","creationDate":3000,"lastModifiedDate":4000})"),
        record(R"({"key":"toggle-team","name":"Toggle","tags":["internal"],"unbounded":false,
                       "_external":"","creationDate":2000,"lastModifiedDate":6000})"),
    };
    return list;
}

// Strings a printer could get wrong: every delimiter of the language, escapes, non-ASCII,
// surrogate pairs, lone surrogates, control characters, and the empty string.
QString randomString(QRandomGenerator &rng)
{
    static const QStringList words {s("beta"), s("a"), s("B"), s("x y"), s("é"), QString()};
    if (rng.bounded(3) == 0)
        return words.at(rng.bounded(int(words.size())));
    static const QList<QString> pieces {
        s("\""),
        s("\\"),
        s(","),
        s("|"),
        s("("),
        s(")"),
        s("["),
        s("]"),
        s(" "),
        s("é"),
        s("中"),
        s("😀"),
        s("\n"),
        s("\t"),
        s("\x01"),
        s("a"),
        s("Z"),
        s("0"),
        s("/"),
        s(":"),
        s("'"),
        s("\\u"),
        s("true"),
        QString(QChar(0xd800)),
        QString(QChar(0xdc00)),
        QString(QChar(0x2028)),
        s("%20"),
        s("+"),
        s("&"),
        s("="),
    };
    QString out;
    const int n = rng.bounded(8);
    for (int i = 0; i < n; ++i)
        out += pieces.at(rng.bounded(int(pieces.size())));
    return out;
}

QStringList randomList(QRandomGenerator &rng)
{
    QStringList list;
    const int n = rng.bounded(4);
    for (int i = 0; i < n; ++i)
        list.append(randomString(rng));
    return list;
}

Term randomTerm(QRandomGenerator &rng)
{
    const auto field = static_cast<Field>(rng.bounded(6));
    switch (field) {
    case Field::Query:
        if (rng.bounded(2))
            return Term::of(field, randomString(rng));
        return Term::of(field, randomList(rng));
    case Field::External:
    case Field::Unbounded:
        return Term::of(field, rng.bounded(2) == 1);
    default:
        return Term::of(field, randomList(rng));
    }
}

// A random AST already in canonical form: groups alternate AND / OR and have 2 to 4 children.
Node randomCanonical(QRandomGenerator &rng, int depth, std::optional<Node::Kind> parent)
{
    if (depth == 0 || rng.bounded(3) == 0)
        return Node::leaf(randomTerm(rng));
    Node::Kind kind = rng.bounded(2) ? Node::Kind::And : Node::Kind::Or;
    if (parent)
        kind = *parent == Node::Kind::And ? Node::Kind::Or : Node::Kind::And;
    QList<Node> children;
    const int n = 2 + rng.bounded(3);
    for (int i = 0; i < n; ++i)
        children.append(randomCanonical(rng, depth - 1, kind));
    Node node;
    node.kind = kind;
    node.children = children;
    return node;
}

// Any shape at all: empty groups, one-child groups, AND directly inside AND.
Node randomRaw(QRandomGenerator &rng, int depth)
{
    if (depth == 0 || rng.bounded(3) == 0)
        return Node::leaf(randomTerm(rng));
    QList<Node> children;
    const int n = rng.bounded(4);
    for (int i = 0; i < n; ++i)
        children.append(randomRaw(rng, depth - 1));
    return rng.bounded(2) ? Node::andOf(children) : Node::orOf(children);
}

QJsonObject randomRecord(QRandomGenerator &rng)
{
    QJsonObject r;
    r.insert(QLatin1String("key"), randomString(rng));
    r.insert(QLatin1String("name"), randomString(rng));
    if (rng.bounded(2))
        r.insert(QLatin1String("description"), randomString(rng));
    r.insert(QLatin1String("tags"), QJsonArray::fromStringList(randomList(rng)));
    if (rng.bounded(2))
        r.insert(QLatin1String("unbounded"), rng.bounded(2) == 1);
    if (rng.bounded(2))
        r.insert(QLatin1String("_external"), randomString(rng));
    return r;
}

QString matchPattern(const Filter &filter)
{
    QString out;
    for (const QJsonObject &r : records())
        out += matches(filter, r) ? QLatin1Char('1') : QLatin1Char('0');
    return out;
}

const QString kFieldList = s("excludedKeys, external, includedKeys, query, tags, unbounded");

} // namespace

class TestLdFilter final : public QObject
{
    Q_OBJECT

private slots:
    void canonical_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("canonical");
        // The vendor's own examples ("Filtering segments" and the API summary).
        QTest::newRow("vendor: tags and query") << s(R"(tags anyOf ["enterprise", "beta"],query equals "toggle")")
                                                << s(R"(tags anyOf ["enterprise","beta"],query equals "toggle")");
        QTest::newRow("vendor: excludedKeys") << s(R"(excludedKeys anyOf ["segmentKey1", "segmentKey2"])")
                                              << s(R"(excludedKeys anyOf ["segmentKey1","segmentKey2"])");
        QTest::newRow("vendor: unbounded") << s("unbounded equals true") << s("unbounded equals true");
        QTest::newRow("vendor: bare external exists") << s("external exists") << s("external exists true");
        QTest::newRow("vendor: query") << s(R"(query equals "x")") << s(R"(query equals "x")");
        QTest::newRow("vendor: includedKeys") << s(R"(includedKeys anyOf ["k"])") << s(R"(includedKeys anyOf ["k"])");
        // Other forms.
        QTest::newRow("printer.h example")
            << s(R"(tags anyOf ["enterprise","beta"],(query equals "toggle"|unbounded equals true)|external exists true)")
            << s(R"(tags anyOf ["enterprise","beta"],(query equals "toggle"|unbounded equals true)|external exists true)");
        QTest::newRow("external false") << s("external exists false") << s("external exists false");
        QTest::newRow("query list") << s(R"(query equals [ "a" , "b" ])") << s(R"(query equals ["a","b"])");
        QTest::newRow("empty list") << s("tags anyOf [ ]") << s("tags anyOf []");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("whitespace only") << s(" \t\n ") << QString();
        QTest::newRow("whitespace everywhere")
            << s("  ( tags\tanyOf[\"a\"] |\n query   equals\"q\" ) ,unbounded equals false  ")
            << s(R"((tags anyOf ["a"]|query equals "q"),unbounded equals false)");
        QTest::newRow("bare external in a group")
            << s("(external exists) | external exists , unbounded equals true")
            << s("external exists true|external exists true,unbounded equals true");
        QTest::newRow("delimiters inside strings")
            << s("query equals \",|()[] \\\"\"") << s("query equals \",|()[] \\\"\"");
    }

    void canonical()
    {
        QFETCH(QString, input);
        QFETCH(QString, canonical);
        const Result<Filter> r = parse(input);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(print(r.value()), canonical);
        QCOMPARE(parsed(canonical), r.value());
    }

    void vendorExampleAst()
    {
        const Filter expected = Node::andOf({
            Node::leaf(Term::of(Field::Tags, QStringList {s("enterprise"), s("beta")})),
            Node::leaf(Term::of(Field::Query, s("toggle"))),
        });
        QCOMPARE(parsed(s(R"(tags anyOf ["enterprise", "beta"],query equals "toggle")")), expected);
        QCOMPARE(expected.children.at(0).term.op, Op::AnyOf);
        QCOMPARE(expected.children.at(1).term.op, Op::Equals);
        QVERIFY(parsed(QString()).isEmpty());
        QCOMPARE(parsed(QString()), Filter());
    }

    void precedence_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("canonical");
        const QString a = s(R"(tags anyOf ["a"])");
        const QString b = s(R"(tags anyOf ["b"])");
        const QString c = s(R"(tags anyOf ["c"])");
        const auto f = [&](const char *shape) {
            QString out = s(shape);
            out.replace(QLatin1Char('A'), a).replace(QLatin1Char('B'), b).replace(QLatin1Char('C'), c);
            return out;
        };
        QTest::newRow("comma binds tighter") << f("A,B|C") << f("A,B|C");
        QTest::newRow("redundant parentheses dropped") << f("(A,B)|C") << f("A,B|C");
        QTest::newRow("OR inside AND keeps them") << f("A,(B|C)") << f("A,(B|C)");
        QTest::newRow("OR inside AND first") << f("(A|B),C") << f("(A|B),C");
        QTest::newRow("AND inside OR needs none") << f("A|(B,C)") << f("A|B,C");
        QTest::newRow("AND flattened") << f("A,(B,C)") << f("A,B,C");
        QTest::newRow("OR flattened") << f("(A|B)|C") << f("A|B|C");
        QTest::newRow("nested parentheses") << f("((A))") << f("A");
        QTest::newRow("two OR groups") << f("(A|B),(B|C)") << f("(A|B),(B|C)");
        QTest::newRow("deep") << f("A,(B|(C,(A|B)))") << f("A,(B|C,(A|B))");
    }

    void precedence()
    {
        QFETCH(QString, input);
        QFETCH(QString, canonical);
        QCOMPARE(print(parsed(input)), canonical);
        QCOMPARE(parsed(canonical), parsed(input));
    }

    void precedenceShapes()
    {
        const Term a = Term::of(Field::Tags, QStringList {s("a")});
        const Term b = Term::of(Field::Tags, QStringList {s("b")});
        const Term c = Term::of(Field::Tags, QStringList {s("c")});
        const Filter abOrC = Node::orOf({Node::andOf({Node::leaf(a), Node::leaf(b)}), Node::leaf(c)});
        QCOMPARE(parsed(s(R"(tags anyOf ["a"],tags anyOf ["b"]|tags anyOf ["c"])")), abOrC);
        QCOMPARE(parsed(s(R"((tags anyOf ["a"],tags anyOf ["b"])|tags anyOf ["c"])")), abOrC);
        const Filter aAndBc = Node::andOf({Node::leaf(a), Node::orOf({Node::leaf(b), Node::leaf(c)})});
        QCOMPARE(parsed(s(R"(tags anyOf ["a"],(tags anyOf ["b"]|tags anyOf ["c"]))")), aAndBc);
        QVERIFY(abOrC != aAndBc);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        const QString fieldOrParen = s("expected a field (") + kFieldList + s(") or '('");
        QTest::newRow("no operator") << s("tags") << 5 << s("expected an operator for 'tags' (anyOf)");
        QTest::newRow("no operator after AND")
            << s(R"(query equals "x", tags)") << 23 << s("expected an operator for 'tags' (anyOf)");
        QTest::newRow("wrong operator") << s(R"(tags equals ["a"])") << 6
                                        << s("expected an operator for 'tags' (anyOf), found 'equals'");
        QTest::newRow("wrong operator, unbounded")
            << s("unbounded anyOf true") << 11 << s("expected an operator for 'unbounded' (equals), found 'anyOf'");
        QTest::newRow("exists on query") << s(R"(query exists "x")") << 7
                                         << s("expected an operator for 'query' (equals), found 'exists'");
        QTest::newRow("operator case") << s(R"(tags anyof ["a"])") << 6
                                       << s("expected an operator for 'tags' (anyOf), found 'anyof'");
        QTest::newRow("unknown field") << s(R"(name equals "x")") << 1 << fieldOrParen + s(", found 'name'");
        QTest::newRow("view is not a segment filter field")
            << s(R"(view equals "x")") << 1 << fieldOrParen + s(", found 'view'");
        QTest::newRow("field case") << s(R"(Tags anyOf ["a"])") << 1 << fieldOrParen + s(", found 'Tags'");
        QTest::newRow("string for list") << s(R"(tags anyOf "a")") << 12
                                         << s("expected a list of strings after 'tags anyOf', found a string");
        QTest::newRow("bool for query") << s("query equals true") << 14
                                        << s("expected a string or a list of strings after 'query equals', "
                                             "found 'true'");
        QTest::newRow("unquoted query") << s("query equals toggle") << 14
                                        << s("expected a string or a list of strings after 'query equals', "
                                             "found 'toggle'");
        QTest::newRow("string for bool") << s(R"(unbounded equals "true")") << 18
                                         << s("expected true or false after 'unbounded equals', found a string");
        QTest::newRow("missing bool") << s("unbounded equals") << 17
                                      << s("expected true or false after 'unbounded equals'");
        QTest::newRow("bool case") << s("unbounded equals TRUE") << 18
                                   << s("expected true or false after 'unbounded equals', found 'TRUE'");
        QTest::newRow("external yes") << s("external exists yes") << 17
                                      << s("expected true, false or nothing after 'external exists', found 'yes'");
        QTest::newRow("trailing comma in list")
            << s(R"(tags anyOf ["a",])") << 17 << s("expected a string in the list, found ']'");
        QTest::newRow("number in list") << s("tags anyOf [1]") << 13 << s("expected a string in the list, found '1'");
        QTest::newRow("missing comma in list")
            << s(R"(tags anyOf ["a" "b"])") << 17
            << s("expected ',' or ']' to close the '[' at character 12, found a string");
        QTest::newRow("unclosed list") << s(R"(tags anyOf ["a")") << 16
                                       << s("expected ',' or ']' to close the '[' at character 12");
        QTest::newRow("unclosed string") << s("query equals \"abc") << 18
                                         << s("expected '\"' to close the string at character 14");
        QTest::newRow("bad escape") << s(R"(query equals "a\qb")") << 16
                                    << s("expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX after '\\'");
        QTest::newRow("short \\u") << s(R"(query equals "\u12")") << 15
                                   << s(R"(expected four hexadecimal digits after \u)");
        QTest::newRow("raw control character")
            << s("query equals \"a\tb\"") << 16 << s(R"(expected \u0009 instead of a control character in the string)");
        QTest::newRow("unclosed parenthesis")
            << s(R"((tags anyOf ["a"])") << 18 << s("expected ',', '|' or ')' to close the '(' at character 1");
        QTest::newRow("unclosed inner parenthesis")
            << s(R"(((tags anyOf ["a"]) x)") << 21
            << s("expected ',', '|' or ')' to close the '(' at character 1, found 'x'");
        QTest::newRow("stray parenthesis")
            << s(R"(tags anyOf ["a"]))") << 17 << s("expected ',', '|' or the end of the filter, found ')'");
        QTest::newRow("empty parentheses") << s("()") << 2 << fieldOrParen + s(", found ')'");
        QTest::newRow("trailing comma") << s(R"(tags anyOf ["a"],)") << 18 << fieldOrParen;
        QTest::newRow("leading bar") << s(R"(|tags anyOf ["a"])") << 1 << fieldOrParen + s(", found '|'");
        QTest::newRow("double bar") << s(R"(tags anyOf ["a"]||query equals "x")") << 18
                                    << fieldOrParen + s(", found '|'");
        QTest::newRow("missing separator") << s(R"(tags anyOf ["a"] query equals "x")") << 18
                                           << s("expected ',', '|' or the end of the filter, found 'query'");
        QTest::newRow("columns count characters")
            << s(R"(query equals "😀" x)") << 18 << s("expected ',', '|' or the end of the filter, found 'x'");
        QTest::newRow("control character shown by number") << s("\x01") << 1 << fieldOrParen + s(", found U+0001");
        QTest::newRow("too deep") << QString(65, QLatin1Char('(')) << 65
                                  << s("parentheses are nested more than 64 deep");
    }

    void errors()
    {
        QFETCH(QString, input);
        QFETCH(int, column);
        QFETCH(QString, message);
        int errorColumn = 0;
        const Result<Filter> r = parse(input, &errorColumn);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Usage);
        QCOMPARE(r.error().message, s("at character %1: %2").arg(column).arg(message));
        QCOMPARE(errorColumn, column);
    }

    void nestingLimitAllowsSixtyFour()
    {
        const QString text = QString(64, QLatin1Char('(')) + s("unbounded equals true") + QString(64, QLatin1Char(')'));
        QCOMPARE(print(parsed(text)), s("unbounded equals true"));
    }

    void escapes()
    {
        const Filter f = parsed(s("query equals \"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\\u0001\""));
        const QString expected = s("a\"b\\c/d\b\f\n\r\té😀\x01");
        QCOMPARE(f, Node::leaf(Term::of(Field::Query, expected)));
        QCOMPARE(print(f), s("query equals \"a\\\"b\\\\c/d\\b\\f\\n\\r\\té😀\\u0001\""));
        QCOMPARE(quoteString(QString()), s("\"\""));
        // A lone surrogate survives, written as an escape so the text stays valid UTF-16.
        const Filter lone = parsed(s(R"(tags anyOf ["\udc00x\uD800"])"));
        const QString loneValue = QString(QChar(0xdc00)) + QLatin1Char('x') + QChar(0xd800);
        QCOMPARE(lone, Node::leaf(Term::of(Field::Tags, QStringList {loneValue})));
        QCOMPARE(print(lone), s(R"(tags anyOf ["\udc00x\ud800"])"));
        // Non-ASCII is written as itself.
        QCOMPARE(quoteString(s("中é")), s("\"中é\""));
    }

    void builder()
    {
        const Filter f = Node::andOf({
            Node::leaf(Term::of(Field::Tags, QStringList {s("a")})),
            Node::orOf({Node::leaf(Term::of(Field::Query, s("x"))), Node::leaf(Term::of(Field::Unbounded, true))}),
        });
        QCOMPARE(print(f), s(R"(tags anyOf ["a"],(query equals "x"|unbounded equals true))"));
        QVERIFY(isValid(f));
        QVERIFY(!isValid(Term::of(Field::Tags, true)));
        QVERIFY(!isValid(Term::of(Field::Tags, s("a"))));
        QVERIFY(!isValid(Term::of(Field::Unbounded, QStringList())));
        QVERIFY(!isValid(Term {Field::Query, Op::AnyOf, s("x")}));
        QVERIFY(isValid(Term::of(Field::Query, QStringList {s("a")})));
        // Groups with no children put no constraint: normalizing drops them.
        const Node withEmpty = Node::andOf({Node::orOf({}), Node::andOf({Node::leaf(f.children.at(0).term)})});
        QCOMPARE(normalized(withEmpty), f.children.at(0));
        QCOMPARE(normalized(Node::orOf({Node::andOf({})})), Filter());
        QCOMPARE(print(Node::orOf({})), QString());
    }

    void rows()
    {
        const Filter f = parsed(s(R"(tags anyOf ["a"]|query equals "x",unbounded equals true)"));
        const auto rows = toRows(f);
        QVERIFY(rows.has_value());
        QCOMPARE(rows->size(), 2);
        QCOMPARE(rows->at(0), QList<Term> {Term::of(Field::Tags, QStringList {s("a")})});
        QCOMPARE(rows->at(1), (QList<Term> {Term::of(Field::Query, s("x")), Term::of(Field::Unbounded, true)}));
        QCOMPARE(fromRows(*rows), f);
        QCOMPARE(toRows(parsed(s(R"(query equals "x")")))->size(), 1);
        QCOMPARE(toRows(Filter())->size(), 0);
        QCOMPARE(fromRows({}), Filter());
        QCOMPARE(fromRows({{}, {Term::of(Field::External, true)}}), Node::leaf(Term::of(Field::External, true)));
        // An OR inside an AND is not rows; the UI must not rewrite it behind the user's back.
        QVERIFY(!toRows(parsed(s(R"(tags anyOf ["a"],(query equals "x"|unbounded equals true))"))).has_value());
    }

    // parse(print(ast)) == ast for 10,000 canonical ASTs, and == normalized(ast) for any shape.
    void roundTripProperty()
    {
        QRandomGenerator rng(20240415);
        QVERIFY(parse(print(Filter())).ok());
        for (int i = 0; i < 10000; ++i) {
            const Node ast = randomCanonical(rng, 4, std::nullopt);
            const QString text = print(ast);
            int column = 0;
            const Result<Filter> back = parse(text, &column);
            if (!back.ok() || !(back.value() == ast))
                QFAIL(qPrintable(s("#%1 did not round-trip: %2 (%3)")
                                     .arg(i)
                                     .arg(text, back.ok() ? s("different AST") : back.error().message)));
            QCOMPARE(print(back.value()), text);
        }
    }

    void roundTripAnyShape()
    {
        QRandomGenerator rng(7);
        for (int i = 0; i < 3000; ++i) {
            const Node ast = randomRaw(rng, 4);
            const Node canonical = normalized(ast);
            QCOMPARE(normalized(canonical), canonical);
            const QString text = print(ast);
            QCOMPARE(print(canonical), text);
            QCOMPARE(parsed(text), canonical);
            // Normalizing never changes which segments match.
            for (int k = 0; k < 3; ++k) {
                const QJsonObject r = randomRecord(rng);
                QCOMPARE(matches(canonical, r), matches(ast, r));
            }
        }
    }

    // Arbitrary token soup: parsing never crashes, errors point inside the text, and
    // whatever parses prints to text that parses to the same AST.
    void garbageInput()
    {
        static const QStringList tokens {
            s("tags"),      s("anyOf"), s("query"), s("equals"), s("external"), s("exists"),
            s("unbounded"), s("true"),  s("false"), s("["),      s("]"),        s("("),
            s(")"),         s(","),     s("|"),     s("\""),     s("\\"),       s(" "),
            s("\"a\""),     s("x"),     s("é"),     s("😀"),      s("\\u00"),    s("excludedKeys"),
        };
        QRandomGenerator rng(99);
        int ok = 0;
        for (int i = 0; i < 10000; ++i) {
            QString text;
            const int n = rng.bounded(12);
            for (int k = 0; k < n; ++k)
                text += tokens.at(rng.bounded(int(tokens.size())));
            int column = 0;
            const Result<Filter> r = parse(text, &column);
            if (r.ok()) {
                ++ok;
                QCOMPARE(parsed(print(r.value())), r.value());
            } else {
                QVERIFY(column >= 1 && column <= text.size() + 1);
                QVERIFY(r.error().message.startsWith(s("at character %1: ").arg(column)));
            }
        }
        QVERIFY(ok > 0);
    }

    void evaluator_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("expected"); // one digit per record in records()
        QTest::newRow("empty") << QString() << s("111");
        QTest::newRow("query, key and name, any case") << s(R"(query equals "BETA")") << s("100");
        QTest::newRow("query, name") << s(R"(query equals "segment")") << s("010");
        QTest::newRow("query, description") << s(R"(query equals "people")") << s("100");
        QTest::newRow("query, empty string") << s(R"(query equals "")") << s("111");
        QTest::newRow("query, list") << s(R"(query equals ["toggle","big"])") << s("011");
        QTest::newRow("query, empty list") << s("query equals []") << s("000");
        QTest::newRow("tags") << s(R"(tags anyOf ["enterprise","internal"])") << s("101");
        QTest::newRow("tags are case-sensitive") << s(R"(tags anyOf ["Beta"])") << s("000");
        QTest::newRow("tags, empty list") << s("tags anyOf []") << s("000");
        QTest::newRow("includedKeys") << s(R"(includedKeys anyOf ["big-one","toggle-team"])") << s("011");
        QTest::newRow("includedKeys, exact") << s(R"(includedKeys anyOf ["big"])") << s("000");
        QTest::newRow("excludedKeys") << s(R"(excludedKeys anyOf ["big-one"])") << s("101");
        QTest::newRow("excludedKeys, empty list") << s("excludedKeys anyOf []") << s("111");
        QTest::newRow("unbounded true") << s("unbounded equals true") << s("010");
        QTest::newRow("unbounded false (absent counts)") << s("unbounded equals false") << s("101");
        QTest::newRow("external") << s("external exists") << s("010");
        QTest::newRow("external true") << s("external exists true") << s("010");
        QTest::newRow("external false (empty counts)") << s("external exists false") << s("101");
        QTest::newRow("AND") << s(R"(tags anyOf ["beta"],unbounded equals false)") << s("100");
        QTest::newRow("OR") << s(R"(tags anyOf ["beta"]|unbounded equals true)") << s("110");
        QTest::newRow("comma first") << s(R"(tags anyOf ["internal"]|unbounded equals true,query equals "beta")")
                                     << s("001");
        QTest::newRow("parentheses first")
            << s(R"((tags anyOf ["internal"]|unbounded equals true),query equals "beta")") << s("000");
        QTest::newRow("AND of ORs") << s(
            R"((query equals "big"|query equals "beta"),(unbounded equals false|external exists true))")
                                    << s("110");
    }

    void evaluator()
    {
        QFETCH(QString, filter);
        QFETCH(QString, expected);
        QCOMPARE(matchPattern(parsed(filter)), expected);
    }

    void evaluatorOddCases()
    {
        const Node tags = Node::leaf(Term::of(Field::Tags, QStringList {s("internal")}));
        // Empty groups put no constraint, inside an OR as much as inside an AND.
        QCOMPARE(matchPattern(Node::orOf({tags, Node::andOf({})})), s("001"));
        QCOMPARE(matchPattern(Node::andOf({tags, Node::orOf({})})), s("001"));
        QCOMPARE(matchPattern(Node::orOf({})), s("111"));
        // An invalid term matches nothing rather than guessing.
        QCOMPARE(matchPattern(Node::leaf(Term::of(Field::Unbounded, s("true")))), s("000"));
        // A record with nothing in it.
        QVERIFY(matches(parsed(s("unbounded equals false")), QJsonObject()));
        QVERIFY(!matches(parsed(s(R"(query equals "a")")), QJsonObject()));
        QVERIFY(matches(parsed(s(R"(excludedKeys anyOf ["a"])")), QJsonObject()));
    }

    void sortParse_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("canonical");
        QTest::addColumn<int>("count");
        QTest::newRow("name") << s("name") << s("name") << 1;
        QTest::newRow("vendor example") << s("-name,creationDate") << s("-name,creationDate") << 2;
        QTest::newRow("spaces") << s(" lastModified , -creationDate ") << s("lastModified,-creationDate") << 2;
        QTest::newRow("all three") << s("creationDate,-lastModified,name") << s("creationDate,-lastModified,name") << 3;
        QTest::newRow("empty") << QString() << QString() << 0;
        QTest::newRow("blank") << s("  ") << QString() << 0;
    }

    void sortParse()
    {
        QFETCH(QString, input);
        QFETCH(QString, canonical);
        QFETCH(int, count);
        const Result<QList<SortKey>> keys = parseSort(input);
        QVERIFY2(keys.ok(), qPrintable(keys.ok() ? QString() : keys.error().message));
        QCOMPARE(keys.value().size(), count);
        QCOMPARE(printSort(keys.value()), canonical);
        QCOMPARE(parseSort(canonical).value(), keys.value());
    }

    void sortKeys()
    {
        const auto keys = parseSort(s("-name,creationDate"));
        QVERIFY(keys.ok());
        QCOMPARE(keys.value(), (QList<SortKey> {{SortField::Name, true}, {SortField::CreationDate, false}}));
        QCOMPARE(sortFieldName(SortField::LastModified), s("lastModified"));
    }

    void sortErrors_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        const QString expectedField = s("expected a sort field (name, creationDate, lastModified)");
        QTest::newRow("unknown") << s("nam") << 1 << expectedField + s(", found 'nam'");
        QTest::newRow("case") << s("Name") << 1 << expectedField + s(", found 'Name'");
        QTest::newRow("plus") << s("+name") << 1 << expectedField + s(", found '+'");
        QTest::newRow("lastModifiedDate is the record's name, not the sort's")
            << s("name,lastModifiedDate") << 6 << expectedField + s(", found 'lastModifiedDate'");
        QTest::newRow("empty key") << s("name,,creationDate") << 6 << expectedField + s(", found ','");
        QTest::newRow("trailing comma") << s("name, ") << 7 << expectedField;
        QTest::newRow("dash alone") << s("-") << 2 << expectedField;
        QTest::newRow("repeated") << s("name,-name") << 6 << s("'name' is already in the sort");
        QTest::newRow("missing comma") << s("name creationDate") << 6
                                       << s("expected ',' or the end of the sort, found 'creationDate'");
    }

    void sortErrors()
    {
        QFETCH(QString, input);
        QFETCH(int, column);
        QFETCH(QString, message);
        int errorColumn = 0;
        const Result<QList<SortKey>> r = parseSort(input, &errorColumn);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Usage);
        QCOMPARE(r.error().message, s("at character %1: %2").arg(column).arg(message));
        QCOMPARE(errorColumn, column);
    }

    void sortCompare_data()
    {
        QTest::addColumn<QString>("sort");
        QTest::addColumn<QStringList>("keys"); // the records' keys in sorted order
        // creationDate 1000, 3000, 2000; lastModifiedDate 5000, 4000, 6000; names Beta Users, Big Segment, Toggle.
        QTest::newRow("none: by key") << QString() << QStringList {s("beta-users"), s("big-one"), s("toggle-team")};
        QTest::newRow("name") << s("name") << QStringList {s("beta-users"), s("big-one"), s("toggle-team")};
        QTest::newRow("-name") << s("-name") << QStringList {s("toggle-team"), s("big-one"), s("beta-users")};
        QTest::newRow("creationDate") << s("creationDate")
                                      << QStringList {s("beta-users"), s("toggle-team"), s("big-one")};
        QTest::newRow("-creationDate") << s("-creationDate")
                                       << QStringList {s("big-one"), s("toggle-team"), s("beta-users")};
        QTest::newRow("lastModified uses lastModifiedDate")
            << s("lastModified") << QStringList {s("big-one"), s("beta-users"), s("toggle-team")};
        QTest::newRow("-lastModified") << s("-lastModified")
                                       << QStringList {s("toggle-team"), s("beta-users"), s("big-one")};
    }

    void sortCompare()
    {
        QFETCH(QString, sort);
        QFETCH(QStringList, keys);
        const QList<SortKey> spec = parseSort(sort).value();
        QList<QJsonObject> list = records();
        std::reverse(list.begin(), list.end());
        std::sort(list.begin(), list.end(),
                  [&](const QJsonObject &a, const QJsonObject &b) { return compareForSort(spec, a, b) < 0; });
        QStringList sorted;
        for (const QJsonObject &r : list)
            sorted.append(r.value(QLatin1String("key")).toString());
        QCOMPARE(sorted, keys);
    }

    void sortTiesAndTotality()
    {
        QList<QJsonObject> list {
            record(R"({"key":"c","name":"same","creationDate":1})"),
            record(R"({"key":"a","name":"Same","creationDate":1})"),
            record(R"({"key":"b","name":"same","creationDate":1})"),
            record(R"({"key":"d","name":"SAME","creationDate":2})"),
            record(R"({"key":"e"})"),
        };
        const QList<SortKey> byName = parseSort(s("name")).value();
        // Names tie case-insensitively, then compare exactly; equal names fall back to the key.
        std::sort(list.begin(), list.end(),
                  [&](const QJsonObject &a, const QJsonObject &b) { return compareForSort(byName, a, b) < 0; });
        QStringList order;
        for (const QJsonObject &r : list)
            order.append(r.value(QLatin1String("key")).toString());
        QCOMPARE(order, (QStringList {s("e"), s("d"), s("a"), s("b"), s("c")}));
        // Antisymmetric and zero only for the same record, whatever the spec.
        for (const QString &spec : {s("name"), s("-creationDate"), s("lastModified,-name"), QString()}) {
            const QList<SortKey> keys = parseSort(spec).value();
            for (const QJsonObject &a : list) {
                for (const QJsonObject &b : list) {
                    const int ab = compareForSort(keys, a, b);
                    const int ba = compareForSort(keys, b, a);
                    QCOMPARE(ab<0, ba> 0);
                    QCOMPARE(ab == 0, a == b);
                }
            }
        }
    }

    void encodeForQuery_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("vendor example") << s(R"(tags anyOf ["enterprise", "beta"],query equals "toggle")")
                                        << QByteArray("tags%20anyOf%20%5B%22enterprise%22%2C%20%22beta%22%5D%2C"
                                                      "query%20equals%20%22toggle%22");
        QTest::newRow("bar and parentheses")
            << s(R"((external exists true|unbounded equals false))")
            << QByteArray("%28external%20exists%20true%7Cunbounded%20equals%20false%29");
        QTest::newRow("query delimiters") << s("query equals \"a&b=c+d#e?f/g%h\"")
                                          << QByteArray("query%20equals%20%22a%26b%3Dc%2Bd%23e%3Ff%2Fg%25h%22");
        QTest::newRow("escapes and non-ASCII")
            << s("query equals \"\\\"\\\\é\"") << QByteArray("query%20equals%20%22%5C%22%5C%5C%C3%A9%22");
        QTest::newRow("unreserved stay") << s("Az09-._~") << QByteArray("Az09-._~");
        QTest::newRow("sort") << s("-name,creationDate") << QByteArray("-name%2CcreationDate");
    }

    void encodeForQuery()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, encoded);
        QCOMPARE(sb::ldfilter::encodeForQuery(text), encoded);
        QVERIFY(urlRoundTrips(text));
    }

    void encodeForQueryRandom()
    {
        QRandomGenerator rng(5);
        for (int i = 0; i < 500; ++i) {
            const QString text = print(randomCanonical(rng, 3, std::nullopt));
            QVERIFY2(urlRoundTrips(text), qPrintable(text));
        }
    }

private:
    // The client puts the encoded text in a URL (StrictMode); the server reads the request
    // target back into a QUrl, as Qt HttpServer does, and asks QUrlQuery for the value.
    static bool urlRoundTrips(const QString &text)
    {
        const QByteArray encoded = sb::ldfilter::encodeForQuery(text);
        for (const char c : encoded) {
            const bool unreserved =
                std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_' || c == '~' || c == '%';
            if (!unreserved)
                return false;
        }
        QUrl url(s("http://127.0.0.1:8080/api/v2/segments/default/production"));
        url.setQuery(s("limit=20&filter=") + QString::fromLatin1(encoded), QUrl::StrictMode);
        if (!url.isValid())
            return false;
        const QByteArray wire = url.toEncoded();
        if (!wire.endsWith(QByteArray(QByteArray("?limit=20&filter=") + encoded)))
            return false;
        const QUrl server = QUrl::fromEncoded(wire, QUrl::StrictMode);
        return server.isValid() && QUrlQuery(server).queryItemValue(s("filter"), QUrl::FullyDecoded) == text;
    }
};

QTEST_GUILESS_MAIN(TestLdFilter)
#include "tst_ldfilter.moc"
