#include "evaluator.h"

#include <QJsonArray>

#include <algorithm>

namespace sb::ldfilter {

namespace {

QString stringField(const QJsonObject &record, QLatin1String name)
{
    return record.value(name).toString();
}

QStringList stringsOf(const Value &value)
{
    if (const QString *s = std::get_if<QString>(&value))
        return {*s};
    if (const QStringList *list = std::get_if<QStringList>(&value))
        return *list;
    return {};
}

bool queryMatches(const QString &needle, const QJsonObject &record)
{
    for (const QLatin1String name : {QLatin1String("key"), QLatin1String("name"), QLatin1String("description")}) {
        if (stringField(record, name).contains(needle, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool hasAnyTag(const QStringList &wanted, const QJsonObject &record)
{
    const QJsonArray tags = record.value(QLatin1String("tags")).toArray();
    return std::any_of(tags.cbegin(), tags.cend(),
                       [&](const QJsonValue &tag) { return tag.isString() && wanted.contains(tag.toString()); });
}

// nullopt: the node puts no constraint (a group without children, or only such groups).
// This is the same rule normalized() applies by dropping those groups.
std::optional<bool> evaluate(const Node &node, const QJsonObject &record)
{
    if (node.isTerm())
        return matches(node.term, record);
    const bool isAnd = node.kind == Node::Kind::And;
    bool constrained = false;
    for (const Node &child : node.children) {
        const std::optional<bool> result = evaluate(child, record);
        if (!result)
            continue;
        constrained = true;
        // AND stops at the first false, OR at the first true.
        if (*result != isAnd)
            return *result;
    }
    if (!constrained)
        return std::nullopt;
    return isAnd;
}

} // namespace

bool matches(const Term &term, const QJsonObject &record)
{
    if (!isValid(term))
        return false;
    const QString key = stringField(record, QLatin1String("key"));
    switch (term.field) {
    case Field::Query: {
        const QStringList needles = stringsOf(term.value);
        return std::any_of(needles.cbegin(), needles.cend(),
                           [&](const QString &needle) { return queryMatches(needle, record); });
    }
    case Field::Tags:
        return hasAnyTag(stringsOf(term.value), record);
    case Field::IncludedKeys:
        return stringsOf(term.value).contains(key);
    case Field::ExcludedKeys:
        return !stringsOf(term.value).contains(key);
    case Field::Unbounded:
        return record.value(QLatin1String("unbounded")).toBool(false) == std::get<bool>(term.value);
    case Field::External:
        return !stringField(record, QLatin1String("_external")).isEmpty() == std::get<bool>(term.value);
    }
    return false;
}

bool matches(const Filter &filter, const QJsonObject &record)
{
    return evaluate(filter, record).value_or(true);
}

} // namespace sb::ldfilter
