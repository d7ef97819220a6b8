#pragma once

#include <QString>
#include <QToolButton>
#include <QWidget>

namespace sb {

// Names a control three ways at once: for tests and style sheets (objectName), for screen readers
// (accessible name) and for people pointing at it (tool tip, when given).
inline void nameControl(QWidget *widget, const char *objectName, const QString &accessibleName,
                        const QString &toolTip = {})
{
    widget->setObjectName(QLatin1String(objectName));
    widget->setAccessibleName(accessibleName);
    if (!toolTip.isEmpty())
        widget->setToolTip(toolTip);
}

// A flat, text-only tool button (add and remove buttons in rows), named as nameControl names.
inline QToolButton *makeToolButton(QWidget *parent, const QString &text, const char *objectName,
                                   const QString &accessibleName, const QString &toolTip)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setAutoRaise(true);
    nameControl(button, objectName, accessibleName, toolTip);
    return button;
}

} // namespace sb
