// LaunchDarklyApi::details(): a UserSegment (see docs/vendors/launchdarkly.md) for reading.
#include "launchdarklyapi.h"

#include "vendors/detailsupport.h"

#include <QJsonArray>
#include <QLocale>

namespace sb {

using namespace detailsupport;

namespace {

QStringList strings(const QJsonValue &array)
{
    QStringList list;
    const QJsonArray values = array.toArray();
    for (const QJsonValue &value : values) {
        // An empty key is unusual enough to be seen rather than a blank line.
        const QString text = plainValue(value);
        list.append(text.isEmpty() ? LaunchDarklyApi::tr("(empty)") : text);
    }
    return list;
}

// The operators that compare dates take Unix milliseconds or RFC 3339 text; both read better as dates.
bool isDateOperator(const QString &op)
{
    return op == QLatin1String("before") || op == QLatin1String("after");
}

QString clauseValues(const QString &op, const QJsonValue &values)
{
    if (!isDateOperator(op))
        return readableList(values);
    QStringList dates;
    const QJsonArray array = values.toArray();
    for (const QJsonValue &value : array)
        dates.append(readableTimestamp(value));
    return dates.join(QLatin1String(", "));
}

// "country in FR, DE", "not email endsWith @x.com", "segmentMatch other-segment".
QString clauseText(const QJsonObject &clause)
{
    const QString op = stringAt(clause, "op");
    const QJsonValue values = clause.value(QLatin1String("values"));
    QString body;
    const QJsonArray list = values.toArray();
    if (op == QLatin1String("segmentMatch"))
        body = op + QLatin1Char(' ') + readableList(values);
    else if (op == QLatin1String("in") && list.size() == 1 && list.first().isBool())
        // "in [true]" is how LaunchDarkly writes a true/false test: "beta is true".
        body = LaunchDarklyApi::tr("%1 is %2")
                   .arg(stringAt(clause, "attribute"),
                        list.first().toBool() ? LaunchDarklyApi::tr("true") : LaunchDarklyApi::tr("false"));
    else
        body = stringAt(clause, "attribute") + QLatin1Char(' ') + op + QLatin1Char(' ') + clauseValues(op, values);
    if (clause.value(QLatin1String("negate")).toBool())
        body = LaunchDarklyApi::tr("not %1").arg(body);
    // "user" is the context kind LaunchDarkly assumes; any other is worth saying.
    const QString kind = stringAt(clause, "contextKind");
    if (!kind.isEmpty() && kind != QLatin1String("user"))
        body = LaunchDarklyApi::tr("%1 (%2 context)").arg(body, kind);
    body = body.trimmed();
    return body.isEmpty() ? LaunchDarklyApi::tr("(empty clause)") : body;
}

// Weights are in thousandths of a percent: 45123 is 45.123 %.
QString rolloutText(const QJsonObject &rule)
{
    const QString percent = QLocale().toString(rule.value(QLatin1String("weight")).toDouble() / 1000.0, 'g', 6);
    const QString kind = stringAt(rule, "rolloutContextKind");
    QString result = kind.isEmpty() ? LaunchDarklyApi::tr("Rollout: %1% of contexts").arg(percent)
                                    : LaunchDarklyApi::tr("Rollout: %1% of %2 contexts").arg(percent, kind);
    const QString bucketBy = stringAt(rule, "bucketBy");
    if (!bucketBy.isEmpty())
        result = LaunchDarklyApi::tr("%1, bucketed by %2").arg(result, bucketBy);
    return result;
}

DetailNode ruleNode(const QJsonObject &rule, qsizetype number)
{
    const QJsonArray clauses = rule.value(QLatin1String("clauses")).toArray();
    QString title = LaunchDarklyApi::tr("Rule %1").arg(number);
    const QString description = stringAt(rule, "description").trimmed();
    if (!description.isEmpty())
        title = LaunchDarklyApi::tr("%1: %2").arg(title, description);
    // Clauses of one rule must all match; the rules themselves are alternatives.
    if (clauses.size() > 1)
        title = LaunchDarklyApi::tr("%1 (all of these)").arg(title);
    DetailNode node {title, {}};
    for (const QJsonValue &clause : clauses)
        node.children.append({clauseText(clause.toObject()), {}});
    if (clauses.isEmpty())
        node.children.append({LaunchDarklyApi::tr("No clauses: every context matches"), {}});
    if (rule.value(QLatin1String("weight")).isDouble())
        node.children.append({rolloutText(rule), {}});
    return node;
}

// includedContexts / excludedContexts: [{contextKind, values[]}].
void addContextTargets(QList<DetailNode> &nodes, const QJsonValue &targets, bool included)
{
    const QJsonArray array = targets.toArray();
    for (const QJsonValue &target : array) {
        const QStringList keys = strings(target.toObject().value(QLatin1String("values")));
        const QString kind = stringAt(target.toObject(), "contextKind");
        if (keys.isEmpty())
            continue;
        const QString title = included ? LaunchDarklyApi::tr("Included %1 contexts (%2)")
                                       : LaunchDarklyApi::tr("Excluded %1 contexts (%2)");
        nodes.append(listNode(title.arg(kind, QLocale().toString(keys.size())), keys));
    }
}

// How many targets a list names, counting the per-context-kind lists too; -1 when the record
// has none of them (a big segment leaves them out).
qint64 targetCount(const QJsonObject &record, const char *keys, const char *contexts)
{
    const QJsonValue list = record.value(QLatin1String(keys));
    const QJsonValue contextList = record.value(QLatin1String(contexts));
    if (!list.isArray() && !contextList.isArray())
        return -1;
    qint64 count = list.toArray().size();
    const QJsonArray targets = contextList.toArray();
    for (const QJsonValue &target : targets)
        count += target.toObject().value(QLatin1String("values")).toArray().size();
    return count;
}

QString countText(qint64 count)
{
    return count < 0 ? QString() : QLocale().toString(count);
}

} // namespace

SegmentDetails LaunchDarklyApi::details(const Profile &, const QJsonObject &record) const
{
    SegmentDetails d = startDetails(stringAt(record, "name"), tr("Key"), recordKey(record));
    const bool unbounded = record.value(QLatin1String("unbounded")).toBool();
    const QJsonObject metadata = record.value(QLatin1String("_unboundedMetadata")).toObject();

    addFact(d.facts, tr("Description"), stringAt(record, "description"));
    addFact(d.facts, tr("Tags"), readableList(record.value(QLatin1String("tags"))));
    addFact(d.facts, tr("Created"), readableTimestamp(record.value(QLatin1String("creationDate"))));
    addFact(d.facts, tr("Modified"), readableTimestamp(record.value(QLatin1String("lastModifiedDate"))));
    addFact(d.facts, tr("Type"), unbounded ? tr("Big segment (unbounded)") : tr("Standard segment"));
    addFact(d.facts, tr("Context kind"), stringAt(record, "unboundedContextKind"));
    addFact(d.facts, tr("Synced from"), stringAt(record, "_external"));
    addFact(d.facts, tr("External link"), stringAt(record, "_externalLink"));
    if (record.value(QLatin1String("deleted")).toBool())
        addFact(d.facts, tr("Deleted"), yesNo(true));
    if (record.value(QLatin1String("_importInProgress")).toBool())
        addFact(d.facts, tr("Import in progress"), yesNo(true));

    // A big segment's own lists are left out; its metadata may still count them.
    qint64 included = targetCount(record, "included", "includedContexts");
    qint64 excluded = targetCount(record, "excluded", "excludedContexts");
    if (included < 0 && metadata.value(QLatin1String("includedCount")).isDouble())
        included = metadata.value(QLatin1String("includedCount")).toInteger();
    if (excluded < 0 && metadata.value(QLatin1String("excludedCount")).isDouble())
        excluded = metadata.value(QLatin1String("excludedCount")).toInteger();
    addFact(d.facts, tr("Included"), countText(included));
    addFact(d.facts, tr("Excluded"), countText(excluded));
    const QJsonValue rules = record.value(QLatin1String("rules"));
    addFact(d.facts, tr("Rules"), rules.isArray() ? countText(rules.toArray().size()) : QString());
    addFact(d.facts, tr("Version"), plainValue(record.value(QLatin1String("version"))));
    if (unbounded)
        addFact(d.facts, tr("Generation"), plainValue(record.value(QLatin1String("generation"))));
    addOtherFields(d.facts, record,
                   {QStringLiteral("name"),
                    QStringLiteral("key"),
                    QStringLiteral("description"),
                    QStringLiteral("tags"),
                    QStringLiteral("creationDate"),
                    QStringLiteral("lastModifiedDate"),
                    QStringLiteral("unbounded"),
                    QStringLiteral("unboundedContextKind"),
                    QStringLiteral("_external"),
                    QStringLiteral("_externalLink"),
                    QStringLiteral("deleted"),
                    QStringLiteral("_importInProgress"),
                    QStringLiteral("included"),
                    QStringLiteral("excluded"),
                    QStringLiteral("includedContexts"),
                    QStringLiteral("excludedContexts"),
                    QStringLiteral("rules"),
                    QStringLiteral("version"),
                    QStringLiteral("generation"),
                    QStringLiteral("_unboundedMetadata"),
                    QStringLiteral("_links"),
                    QStringLiteral("_access"),
                    QStringLiteral("_flags")});

    DetailSection ruleSection {tr("Rules"), {}};
    const QJsonArray ruleList = rules.toArray();
    for (qsizetype i = 0; i < ruleList.size(); ++i)
        ruleSection.nodes.append(ruleNode(ruleList.at(i).toObject(), i + 1));
    if (!ruleSection.nodes.isEmpty())
        d.sections.append(ruleSection);

    DetailSection targets {tr("Targets"), {}};
    const QStringList includedKeys = strings(record.value(QLatin1String("included")));
    const QStringList excludedKeys = strings(record.value(QLatin1String("excluded")));
    if (!includedKeys.isEmpty())
        targets.nodes.append(listNode(tr("Included (%1)").arg(QLocale().toString(includedKeys.size())), includedKeys));
    if (!excludedKeys.isEmpty())
        targets.nodes.append(listNode(tr("Excluded (%1)").arg(QLocale().toString(excludedKeys.size())), excludedKeys));
    addContextTargets(targets.nodes, record.value(QLatin1String("includedContexts")), true);
    addContextTargets(targets.nodes, record.value(QLatin1String("excludedContexts")), false);
    if (!targets.nodes.isEmpty())
        d.sections.append(targets);

    // Only a single-segment read carries the flags that use the segment; show them when present.
    QStringList flags;
    const QJsonArray flagList = record.value(QLatin1String("_flags")).toArray();
    for (const QJsonValue &flag : flagList) {
        const QString name = stringAt(flag.toObject(), "name");
        const QString flagKey = stringAt(flag.toObject(), "key");
        flags.append(name.isEmpty() || name == flagKey ? flagKey : tr("%1 (%2)").arg(name, flagKey));
    }
    if (!flags.isEmpty())
        d.sections.append({tr("Flags using this segment"),
                           {listNode(pluralText(flags.size(), tr("1 flag"), tr("%1 flags")), flags)}});
    return d;
}

} // namespace sb
