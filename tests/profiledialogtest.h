#pragma once

// What the profile editor's tests share: finding its widgets by objectName, and driving them as a
// user does.
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QString>
#include <QTest>
#include <QWidget>

namespace sb::test {

template<class T> T *child(QWidget *dialog, const QString &name)
{
    T *widget = dialog->findChild<T *>(name);
    if (!widget)
        qWarning("no child named %s", qPrintable(name));
    return widget;
}

inline QLineEdit *edit(QWidget *dialog, const QString &name)
{
    return child<QLineEdit>(dialog, name);
}

inline void click(QWidget *dialog, const QString &button)
{
    QPushButton *b = child<QPushButton>(dialog, button);
    QVERIFY(b);
    QVERIFY2(b->isEnabled(), qPrintable(button + QStringLiteral(" is disabled")));
    b->click();
}

// As the user types it: replaces the text and emits textEdited.
inline void type(QLineEdit *lineEdit, const QString &text)
{
    QVERIFY(lineEdit);
    lineEdit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(lineEdit, Qt::Key_Delete);
    else
        QTest::keyClicks(lineEdit, text);
    QCOMPARE(lineEdit->text(), text);
}

inline void chooseVendor(QWidget *dialog, const QString &vendor)
{
    auto *combo = child<QComboBox>(dialog, QStringLiteral("vendorCombo"));
    QVERIFY(combo);
    combo->setCurrentIndex(combo->findData(vendor));
    QCOMPARE(combo->currentData().toString(), vendor);
}

} // namespace sb::test
