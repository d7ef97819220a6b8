#pragma once

#include <QStringList>

// The commands about an account beyond its segments.
namespace sb::cli {

// environments --profile NAME [--output FILE|-]: every project and environment the profile's
// secret reaches, as CSV (project,project_name,environment,environment_name for LaunchDarkly).
int runEnvironments(const QStringList &args);

} // namespace sb::cli
