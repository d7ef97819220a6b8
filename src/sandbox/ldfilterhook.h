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

} // namespace sb
