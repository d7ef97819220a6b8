#pragma once

#include <QString>

namespace sb {

// The vendors this build knows, from the registry, for sentences:
// "Batch, LaunchDarkly, Amperity or SailPoint" (or "... and SailPoint").
enum class ListJoin { Or, And };
QString vendorNameList(ListJoin join);

struct Profile;

// A profile as lists name it: its name, and its vendor once ("Demo Batch", not "Demo Batch
// (Batch)"; "Acme prod · SailPoint"), with `scope` (a project/environment) after a comma when given.
QString profileTitle(const Profile &profile, const QString &scope = {});
// Its name, vendor in full, scope and API root, for a tooltip.
QString profileToolTip(const Profile &profile, const QString &scope = {});

} // namespace sb
