#include "ldfiltertest.h"

using namespace sb;
using namespace sb::ldfilter;
using namespace sb::test;

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
};

QTEST_GUILESS_MAIN(TestLdFilter)
#include "tst_ldfilter.moc"
