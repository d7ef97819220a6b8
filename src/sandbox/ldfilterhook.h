#pragma once

#include <QJsonObject>
#include <QString>

#include <functional>

namespace sb {

// How the sandbox answers LaunchDarkly's `filter` query parameter. The hook gets the filter as the
// client meant it (URL-decoded) and returns either an error, which the sandbox sends as
// 400 {"code":"invalid_request","message": error}, or a predicate that picks the segments to list.
// The sandbox applies it after sorting, so totalCount and _links describe the filtered list.
struct LdFilter
{
    QString error;
    std::function<bool(const QJsonObject &segment)> matches;
};
using LdFilterHook = std::function<LdFilter(const QString &filter)>;

// The default hook: refuses every filter. Wire the real evaluator (src/ldfilter) with
// SandboxServer::setLdFilterHook.
LdFilter rejectLdFilter(const QString &filter);

// How the sandbox answers LaunchDarkly's `sort` query parameter, kept out of the endpoint for the
// same reason as the filter: the client's own sort code can be wired in. The hook gets the
// (URL-decoded, non-empty) sort text and returns either an error, sent as 400 invalid_request, or a
// comparison of two segment records (negative, 0 or positive). The sandbox sorts stably with it, so
// ties keep the default order. The records it compares hold key, name, creationDate and
// lastModifiedDate (building whole records for every comparison would make big sorts slow).
struct LdSort
{
    QString error;
    std::function<int(const QJsonObject &a, const QJsonObject &b)> compare;
};
using LdSortHook = std::function<LdSort(const QString &sort)>;

// The default hook: the sandbox's own reading of `sort`. Names compare by UTF-16 code units, dates
// as integers; an unknown field is refused.
LdSort builtinLdSort(const QString &sort);

} // namespace sb
