#pragma once

#include <QString>

namespace sb {

class MainWindow;
class SandboxServer;

// For scripts/screenshots: puts the demo window into a state worth showing, once its first rows
// are in. Scenes: "details" (a LaunchDarkly segment selected, its details open), "filter"
// (a LaunchDarkly filter and sort applied), "export" (an export of every segment under way),
// "dark" (the details scene in the dark palette), "changes" (a sync, the account later, a second
// sync, and the Changes view on a renamed segment; needs the demo's `sandbox`), "sync" (Sync All,
// then quit: scripts/bench fills a store with it). Unknown scenes do nothing.
void arrangeDemoScene(MainWindow *window, const QString &scene, SandboxServer *sandbox);

} // namespace sb
