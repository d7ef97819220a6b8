#pragma once

// Alt+letter mnemonics of a window as a user meets them: every visible button, check box, radio
// button, group box, tab and buddied label, and the menu bar's menus. Two of them on the same
// letter is a clash: Alt+letter then goes to one of them, or cycles, and the other is lost.
#include <QAbstractButton>
#include <QGroupBox>
#include <QHash>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QTabBar>
#include <QWidget>

namespace sb::test {

// The letter after a single '&' ("A&pply" is P; "&&" is a literal ampersand), upper case, or null.
inline QChar mnemonicOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toUpper();
    }
    return {};
}

// "P: “&Profile:” (QLabel) and “A&pply” (QPushButton)" for each letter more than one part of
// `window` claims; empty when there is none. Only what is visible in the window counts.
inline QStringList mnemonicClashes(QWidget *window)
{
    QHash<QChar, QStringList> owners;
    const auto claim = [&](const QString &text, const char *kind) {
        const QChar letter = mnemonicOf(text);
        if (!letter.isNull())
            owners[letter] << QStringLiteral("“%1” (%2)").arg(text, QLatin1String(kind));
    };
    const auto shown = [window](QWidget *w) {
        return w->isVisibleTo(window) && w->window() == window;
    };
    for (QAbstractButton *button : window->findChildren<QAbstractButton *>()) {
        if (shown(button))
            claim(button->text(), button->metaObject()->className());
    }
    for (QLabel *label : window->findChildren<QLabel *>()) {
        if (shown(label) && label->buddy())
            claim(label->text(), "QLabel");
    }
    for (QGroupBox *box : window->findChildren<QGroupBox *>()) {
        if (shown(box))
            claim(box->title(), "QGroupBox");
    }
    for (QTabBar *tabs : window->findChildren<QTabBar *>()) {
        if (!shown(tabs))
            continue;
        for (int i = 0; i < tabs->count(); ++i)
            claim(tabs->tabText(i), "tab");
    }
    for (QMenuBar *bar : window->findChildren<QMenuBar *>()) {
        if (!shown(bar))
            continue;
        for (QAction *action : bar->actions()) {
            if (action->isVisible())
                claim(action->text(), "menu");
        }
    }
    QStringList clashes;
    for (auto it = owners.cbegin(); it != owners.cend(); ++it) {
        if (it.value().size() > 1)
            clashes << QStringLiteral("Alt+%1: %2").arg(it.key(), it.value().join(QStringLiteral(" and ")));
    }
    clashes.sort();
    return clashes;
}

} // namespace sb::test
