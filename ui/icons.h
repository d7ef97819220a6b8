#pragma once

#include <QIcon>
#include <QString>

class QWidget;

namespace sb {

// One of the program's line icons (resources/icons/<name>.svg), drawn in the palette's text
// colour so it reads in light and dark mode, and rendered for 1x, 2x and 3x screens.
// A null icon when the resource is missing (as in tests, which do not link the resources).
QIcon lineIcon(const QString &name, const QWidget *widget);

} // namespace sb
