#pragma once

#include <QLabel>
#include <QPushButton>
#include <QString>

namespace sb {

// A label for text shown as typed (vendor messages and names), never as rich text; wraps and selects.
inline QLabel *plainLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

// A button that does not take Enter from a form's fields: only the dialog's default does.
inline QPushButton *formButton(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setAutoDefault(false);
    return button;
}

} // namespace sb
