#pragma once

#include <QStringList>

// The commands about an account beyond its segments.
namespace sb::cli {

// environments --profile NAME [--output FILE|-]: every project and environment the profile's
// secret reaches, as CSV (project,project_name,environment,environment_name for LaunchDarkly).
int runEnvironments(const QStringList &args);
// diff --profile A --profile B [--offline] [--output FILE|-]: the segments that differ (diffcommand.cpp).
int runDiff(const QStringList &args);

} // namespace sb::cli
