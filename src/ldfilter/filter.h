#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

// LaunchDarkly's segment filter language (the `filter` query parameter of "List segments"):
//
//   filter := or?                      empty or all-whitespace text = the empty filter
//   or     := and ('|' and)*           '|' is OR
//   and    := item (',' item)*         ',' is AND and binds tighter than '|'
//   item   := '(' or ')' | term
//   term   := field operator value     see Field for which operator each field allows
//   value  := JSON string | JSON list of JSON strings | true | false
//
// Whitespace may appear between any two tokens. Field and operator names are case-sensitive,
// as LaunchDarkly spells them.
namespace sb::ldfilter {

// The fields LaunchDarkly lets a segment list be filtered on. Each allows exactly one operator.
enum class Field {
    ExcludedKeys, // excludedKeys anyOf [keys]: segments whose key is NOT in the list
    External, // external exists true|false: synced segments (a non-empty `_external`)
    IncludedKeys, // includedKeys anyOf [keys]: segments whose key is in the list
    Query, // query equals "text" or ["a","b"]: case-insensitive substring of key, name or description
    Tags, // tags anyOf [tags]: segments with at least one of the tags
    Unbounded, // unbounded equals true|false: big segments (true) or standard ones (false)
};

enum class Op { Equals, AnyOf, Exists };

using Value = std::variant<bool, QString, QStringList>;

// One comparison. `op` is always allowedOp(field) in a valid term; it is kept in the AST so
// that the AST mirrors the text one to one.
struct Term
{
    Field field = Field::Query;
    Op op = Op::Equals;
    Value value = QString();

    // The term for `field` with the one operator that field allows.
    static Term of(Field field, Value value);

    friend bool operator==(const Term &, const Term &) = default;
};

// A term, or an AND / OR of child nodes.
//
// Canonical form (what parse() returns and what print() writes): groups are flattened
// (an AND never has an AND child, an OR never has an OR child, because both are associative),
// a group has at least two children, and the empty filter is a default Node (an AND without
// children). That makes the canonical form of a filter unique: `a,(b,c)` and `(a,b),c` are both
// AND[a,b,c] and print as `a,b,c`.
//
// A group without children puts no constraint, wherever it sits: normalized() drops it and
// matches() skips it, so both agree.
struct Node
{
    enum class Kind { Term, And, Or };

    Kind kind = Kind::And;
    Term term; // only when kind == Term
    QList<Node> children; // only when kind == And or Or

    static Node leaf(Term term);
    static Node andOf(QList<Node> children);
    static Node orOf(QList<Node> children);

    bool isTerm() const { return kind == Kind::Term; }
    // True for the filter that matches everything: a group with no children.
    bool isEmpty() const { return kind != Kind::Term && children.isEmpty(); }

    // Compares the parts that matter for the kind (a term's children and a group's term are ignored).
    friend bool operator==(const Node &a, const Node &b);
};

// A whole filter is its root node; the default one is empty and matches every segment.
using Filter = Node;

QString fieldName(Field field); // "excludedKeys", ...
QString opName(Op op); // "equals", "anyOf", "exists"
std::optional<Field> fieldFromName(const QString &name);
std::optional<Op> opFromName(const QString &name);
Op allowedOp(Field field);
// All field names in enum order, for messages and pickers.
QStringList fieldNames();

// True when the term can be written and read back: the allowed operator and a value of the
// type the field takes (a list for the anyOf fields, a string or a list for query, a boolean
// for unbounded and external).
bool isValid(const Term &term);
bool isValid(const Node &node); // every term in the tree is valid

// The canonical form of `node` (see Node). Matches the same segments as `node`.
Node normalized(const Node &node);

// The UI shows a filter as rows: an OR of rows, each row an AND of terms.
// Returns the rows when the filter already has that shape (no OR inside an AND), or nothing
// when showing it as rows would mean rewriting it. The empty filter is zero rows.
std::optional<QList<QList<Term>>> toRows(const Filter &filter);
// The filter for `rows` (empty rows are skipped), in canonical form.
Filter fromRows(const QList<QList<Term>> &rows);

} // namespace sb::ldfilter
