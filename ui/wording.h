#pragma once

#include <QString>

namespace sb {

// The vendors this build knows, from the registry, for sentences:
// "Batch, LaunchDarkly, Amperity or SailPoint" (or "... and SailPoint").
enum class ListJoin { Or, And };
QString vendorNameList(ListJoin join);

} // namespace sb
