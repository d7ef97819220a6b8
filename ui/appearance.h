#pragma once

#include <QString>

namespace sb {

// How the window looks: as the desktop says (the platform's style and palette), or the Fusion
// style with a light or a dark palette for desktops that do not tell Qt about dark mode.
enum class Appearance { System, Light, Dark };

// Applies `appearance` to the whole application. The first call remembers the system look.
void applyAppearance(Appearance appearance);
Appearance currentAppearance();

// Stored as "system", "light", "dark" in QSettings under kAppearanceKey.
inline const QString kAppearanceKey = QStringLiteral("appearance");
QString appearanceName(Appearance appearance);
Appearance appearanceFromName(const QString &name);

} // namespace sb
