#pragma once

#include <QColor>
#include <QString>

QT_BEGIN_NAMESPACE
class QPalette;
class QWidget;
QT_END_NAMESPACE

namespace sb {

// How the window looks: as the desktop says (the platform's style and palette), or the Fusion
// style with a light or a dark palette for desktops that do not tell Qt about dark mode.
enum class Appearance { System, Light, Dark };

// Applies `appearance` to the whole application. The first call remembers the system look.
void applyAppearance(Appearance appearance);
Appearance currentAppearance();

// "system", "light", "dark", as UiSettings stores them.
QString appearanceName(Appearance appearance);
Appearance appearanceFromName(const QString &name);

// The palette has no roles for errors and warnings: these are the window's one red and one
// warning panel, chosen for the palette they are drawn on (light or dark).
bool isDarkPalette(const QPalette &palette);
QColor errorColor(const QPalette &palette);
// What was added or went well (a change's added lines, "only in B"), beside errorColor's red.
QColor successColor(const QPalette &palette);

// How a note or a message stands out. A widget given a tone keeps it across a switch between
// light and dark: it is drawn again from the new palette.
enum class Tone { Normal, Error, Warning };
void setTone(QWidget *widget, Tone tone);

} // namespace sb
