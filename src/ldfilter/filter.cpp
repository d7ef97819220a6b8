#include "filter.h"

#include <algorithm>
#include <array>

namespace sb::ldfilter {

namespace {

struct FieldInfo
{
    Field field;
    const char *name;
    Op op;
};

// In enum order, which is also alphabetical, as LaunchDarkly's table lists them.
constexpr std::array<FieldInfo, 6> kFields {{
    {Field::ExcludedKeys, "excludedKeys", Op::AnyOf},
    {Field::External, "external", Op::Exists},
    {Field::IncludedKeys, "includedKeys", Op::AnyOf},
    {Field::Query, "query", Op::Equals},
    {Field::Tags, "tags", Op::AnyOf},
    {Field::Unbounded, "unbounded", Op::Equals},
}};

constexpr std::array<const char *, 3> kOps {"equals", "anyOf", "exists"};

const FieldInfo &info(Field field)
{
    return kFields[static_cast<size_t>(field)];
}

Node group(Node::Kind kind, QList<Node> children)
{
    Node node;
    node.kind = kind;
    node.children = std::move(children);
    return node;
}

} // namespace

Term Term::of(Field field, Value value)
{
    return Term {field, allowedOp(field), std::move(value)};
}

Node Node::leaf(Term term)
{
    Node node;
    node.kind = Kind::Term;
    node.term = std::move(term);
    return node;
}

Node Node::andOf(QList<Node> children)
{
    return group(Kind::And, std::move(children));
}

Node Node::orOf(QList<Node> children)
{
    return group(Kind::Or, std::move(children));
}

bool operator==(const Node &a, const Node &b)
{
    if (a.kind != b.kind)
        return false;
    return a.kind == Node::Kind::Term ? a.term == b.term : a.children == b.children;
}

QString fieldName(Field field)
{
    return QString::fromLatin1(info(field).name);
}

QString opName(Op op)
{
    return QString::fromLatin1(kOps[static_cast<size_t>(op)]);
}

std::optional<Field> fieldFromName(const QString &name)
{
    for (const FieldInfo &f : kFields) {
        if (name == QLatin1String(f.name))
            return f.field;
    }
    return std::nullopt;
}

std::optional<Op> opFromName(const QString &name)
{
    for (size_t i = 0; i < kOps.size(); ++i) {
        if (name == QLatin1String(kOps[i]))
            return static_cast<Op>(i);
    }
    return std::nullopt;
}

Op allowedOp(Field field)
{
    return info(field).op;
}

QStringList fieldNames()
{
    QStringList names;
    for (const FieldInfo &f : kFields)
        names.append(QString::fromLatin1(f.name));
    return names;
}

bool isValid(const Term &term)
{
    if (term.op != allowedOp(term.field))
        return false;
    switch (term.field) {
    case Field::ExcludedKeys:
    case Field::IncludedKeys:
    case Field::Tags:
        return std::holds_alternative<QStringList>(term.value);
    case Field::Query:
        return !std::holds_alternative<bool>(term.value);
    case Field::External:
    case Field::Unbounded:
        return std::holds_alternative<bool>(term.value);
    }
    return false;
}

bool isValid(const Node &node)
{
    if (node.isTerm())
        return isValid(node.term);
    return std::all_of(node.children.cbegin(), node.children.cend(), [](const Node &child) { return isValid(child); });
}

Node normalized(const Node &node)
{
    if (node.isTerm())
        return Node::leaf(node.term);
    QList<Node> flat;
    for (const Node &child : node.children) {
        Node c = normalized(child);
        if (c.isEmpty())
            continue;
        if (c.kind == node.kind)
            flat.append(c.children);
        else
            flat.append(std::move(c));
    }
    if (flat.isEmpty())
        return Node();
    if (flat.size() == 1)
        return flat.takeFirst();
    return group(node.kind, std::move(flat));
}

std::optional<QList<QList<Term>>> toRows(const Filter &filter)
{
    const Node root = normalized(filter);
    if (root.isEmpty())
        return QList<QList<Term>>();
    // In canonical form an AND's children are terms or ORs; rows need them all to be terms.
    const auto andRow = [](const Node &node) -> std::optional<QList<Term>> {
        if (node.isTerm())
            return QList<Term> {node.term};
        QList<Term> row;
        for (const Node &child : node.children) {
            if (!child.isTerm())
                return std::nullopt;
            row.append(child.term);
        }
        return row;
    };
    if (root.kind != Node::Kind::Or) {
        const auto row = andRow(root);
        if (!row)
            return std::nullopt;
        return QList<QList<Term>> {*row};
    }
    QList<QList<Term>> rows;
    for (const Node &child : root.children) {
        const auto row = andRow(child);
        if (!row)
            return std::nullopt;
        rows.append(*row);
    }
    return rows;
}

Filter fromRows(const QList<QList<Term>> &rows)
{
    QList<Node> alternatives;
    for (const QList<Term> &row : rows) {
        QList<Node> terms;
        for (const Term &term : row)
            terms.append(Node::leaf(term));
        alternatives.append(Node::andOf(std::move(terms)));
    }
    return normalized(Node::orOf(std::move(alternatives)));
}

} // namespace sb::ldfilter
