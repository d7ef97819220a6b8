#pragma once

#include "ldfilter/filter.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QLabel;
class QStackedWidget;
class QToolButton;
QT_END_NAMESPACE

namespace sb {

class TokenEdit;

// One condition of the visual filter builder: field, its one operator (shown, not chosen) and a
// value editor that suits the field: chips for key and tag lists, text for the search (several
// chips make a list), a check box for the true/false fields.
class FilterRow final : public QWidget
{
    Q_OBJECT

public:
    explicit FilterRow(QWidget *parent = nullptr);

    ldfilter::Term term() const;
    // Shows `term` without emitting changed().
    void setTerm(const ldfilter::Term &term);

    void focusValue();
    // One condition in words, as the rows read: "Tags any of beta, mobile", "Search text contains
    // “toggle”", "not a big segment".
    static QString describe(const ldfilter::Term &term);
    // The row's focusable controls, left to right, for the builder's tab order.
    QList<QWidget *> focusChain() const;

signals:
    void changed();
    void removeRequested();

private:
    void showField(ldfilter::Field field);

    QComboBox *m_field;
    QLabel *m_op;
    QStackedWidget *m_valueStack;
    TokenEdit *m_tokens;
    QCheckBox *m_check;
    QToolButton *m_remove;
    // A search for a one-string list stays a list, so setTerm + term() gives the same term back.
    bool m_queryAsList = false;
};

} // namespace sb
