#pragma once

// The sandbox's demo profiles as the window takes them (MainWindow::setProfiles), for the window's tests.
#include "sandboxrig.h"
#include "ui/profilesession.h"

namespace sb::test {

inline QList<SessionProfile> demoProfiles(const SandboxRig &rig)
{
    QList<SessionProfile> profiles;
    for (const auto &[p, secret] : sandboxDemoProfiles(rig.server.rootUrl()))
        profiles.append({p, secret});
    return profiles;
}

} // namespace sb::test
