// SailPointApi::details(): a v3 Segment (see docs/vendors/sailpoint.md) for reading.
#include "sailpointapi.h"

#include "vendors/detailsupport.h"

#include <QJsonArray>

namespace sb {

using namespace detailsupport;

namespace {

// A Value {type, value}: strings quoted (so that an empty one is still seen), other types named.
QString valueText(const QJsonValue &value)
{
    if (!value.isObject())
        return SailPointApi::tr("(no value)");
    const QJsonObject object = value.toObject();
    const QString type = stringAt(object, "type");
    const QString content = plainValue(object.value(QLatin1String("value")));
    if (type.isEmpty() || type == QLatin1String("STRING"))
        return QLatin1Char('"') + content + QLatin1Char('"');
    return SailPointApi::tr("%1 (%2)").arg(content, type);
}

// An Expression: AND groups its children; EQUALS compares an attribute with a value. The
// schema knows only these two; any other operator is shown as SailPoint wrote it.
DetailNode expressionNode(const QJsonObject &expression)
{
    const QString op = stringAt(expression, "operator");
    const QString attribute = stringAt(expression, "attribute");
    DetailNode node;
    if (op == QLatin1String("AND"))
        node.text = SailPointApi::tr("All of these");
    else if (op == QLatin1String("OR"))
        node.text = SailPointApi::tr("Any of these");
    else if (op == QLatin1String("EQUALS"))
        node.text =
            SailPointApi::tr("%1 equals %2").arg(attribute, valueText(expression.value(QLatin1String("value"))));
    else if (attribute.isEmpty())
        node.text = op.isEmpty() ? SailPointApi::tr("(no operator)") : op;
    else
        node.text = SailPointApi::tr("%1 %2 %3")
                        .arg(attribute, op.isEmpty() ? SailPointApi::tr("(no operator)") : op,
                             valueText(expression.value(QLatin1String("value"))));
    // Inner expressions' children are documented as always null; an array is read anyway.
    const QJsonArray children = expression.value(QLatin1String("children")).toArray();
    for (const QJsonValue &child : children)
        node.children.append(expressionNode(child.toObject()));
    return node;
}

} // namespace

SegmentDetails SailPointApi::details(const Profile &, const QJsonObject &record) const
{
    SegmentDetails d = startDetails(stringAt(record, "name"), tr("ID"), recordKey(record));
    const QJsonValue ownerValue = record.value(QLatin1String("owner"));
    const QJsonObject owner = ownerValue.toObject();

    addFact(d.facts, tr("Description"), stringAt(record, "description"));
    // The schema's default: a segment that does not say it is active is not.
    addFact(d.facts, tr("Active"), yesNo(record.value(QLatin1String("active")).toBool()));
    addFact(d.facts, tr("Created"), readableTimestamp(record.value(QLatin1String("created"))));
    addFact(d.facts, tr("Modified"), readableTimestamp(record.value(QLatin1String("modified"))));
    addFact(d.facts, tr("Owner"), stringAt(owner, "name").isEmpty() ? stringAt(owner, "id") : stringAt(owner, "name"));
    addOtherFields(d.facts, record,
                   {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("description"),
                    QStringLiteral("active"), QStringLiteral("created"), QStringLiteral("modified"),
                    QStringLiteral("owner"), QStringLiteral("visibilityCriteria")});

    DetailSection ownerSection {tr("Owner"), {}};
    if (ownerValue.isObject()) {
        for (const auto &[label, key] :
             {std::pair {tr("Name"), "name"}, std::pair {tr("Type"), "type"}, std::pair {tr("ID"), "id"}}) {
            const QString value = plainValue(owner.value(QLatin1String(key)));
            if (!value.isEmpty())
                ownerSection.nodes.append({tr("%1: %2").arg(label, value), {}});
        }
    }
    if (ownerSection.nodes.isEmpty())
        ownerSection.nodes.append({tr("No owner"), {}});
    d.sections.append(ownerSection);

    DetailSection criteria {tr("Visibility criteria"), {}};
    const QJsonValue expression =
        record.value(QLatin1String("visibilityCriteria")).toObject().value(QLatin1String("expression"));
    if (expression.isObject())
        criteria.nodes.append(expressionNode(expression.toObject()));
    else
        criteria.nodes.append({tr("None"), {}});
    d.sections.append(criteria);
    return d;
}

} // namespace sb
