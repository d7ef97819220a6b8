#pragma once

#include <QString>

namespace sb {

class MainWindow;

// For scripts/screenshots: puts the demo window into a state worth showing, once its first rows
// are in. Scenes: "details" (a LaunchDarkly segment selected, its details open), "filter"
// (a LaunchDarkly filter and sort applied), "export" (an export of every segment under way),
// "dark" (the details scene in the dark palette). Unknown scenes do nothing.
void arrangeDemoScene(MainWindow *window, const QString &scene);

} // namespace sb
