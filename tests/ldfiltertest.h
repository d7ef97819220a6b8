#pragma once

// What tst_ldfilter (the filter language) and tst_ldsort (its sort and query encoding) share:
// readers, printers for QCOMPARE, a corpus of records and random filters and records.
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
#include <optional>

namespace sb::ldfilter {
// Found by QCOMPARE through argument-dependent lookup, so failures show the filter as text.
inline char *toString(const Node &node)
{
    return qstrdup(print(node).toUtf8().constData());
}
inline char *toString(const Term &term)
{
    return qstrdup(print(term).toUtf8().constData());
}
} // namespace sb::ldfilter

namespace sb::test {

using namespace sb::ldfilter;

inline QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

inline Filter parsed(const QString &text)
{
    const Result<Filter> r = parse(text);
    if (!r) {
        qWarning("%s", qPrintable(r.error().message));
        return Node::orOf({}); // never what a successful parse returns, so comparisons fail
    }
    return r.value();
}

inline QJsonObject record(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

// Three LaunchDarkly segment records that tell the fields apart.
inline const QList<QJsonObject> &records()
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
inline QString randomString(QRandomGenerator &rng)
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

inline QStringList randomList(QRandomGenerator &rng)
{
    QStringList list;
    const int n = rng.bounded(4);
    for (int i = 0; i < n; ++i)
        list.append(randomString(rng));
    return list;
}

inline Term randomTerm(QRandomGenerator &rng)
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
inline Node randomCanonical(QRandomGenerator &rng, int depth, std::optional<Node::Kind> parent)
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
inline Node randomRaw(QRandomGenerator &rng, int depth)
{
    if (depth == 0 || rng.bounded(3) == 0)
        return Node::leaf(randomTerm(rng));
    QList<Node> children;
    const int n = rng.bounded(4);
    for (int i = 0; i < n; ++i)
        children.append(randomRaw(rng, depth - 1));
    return rng.bounded(2) ? Node::andOf(children) : Node::orOf(children);
}

inline QJsonObject randomRecord(QRandomGenerator &rng)
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

inline QString matchPattern(const Filter &filter)
{
    QString out;
    for (const QJsonObject &r : records())
        out += matches(filter, r) ? QLatin1Char('1') : QLatin1Char('0');
    return out;
}

inline const QString kFieldList = s("excludedKeys, external, includedKeys, query, tags, unbounded");

} // namespace sb::test
