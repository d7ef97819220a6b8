#pragma once

#include <QFrame>
#include <QStringList>

QT_BEGIN_NAMESPACE
class QHBoxLayout;
class QLineEdit;
QT_END_NAMESPACE

namespace sb {

// A list of strings edited as chips: type, then Enter (or a comma, when commas split) makes a
// removable chip; Backspace in the empty field removes the last one. Text typed but not yet made
// a chip counts as a value too, so nothing the user typed is silently left out of the filter.
class TokenEdit final : public QFrame
{
    Q_OBJECT

public:
    explicit TokenEdit(QWidget *parent = nullptr);

    // Search text may itself hold commas, so the query row turns splitting off.
    void setCommaSplits(bool splits) { m_commaSplits = splits; }
    void setPlaceholderText(const QString &text);
    // What one chip is called in accessible names ("tag", "key", ...).
    void setItemName(const QString &name) { m_itemName = name; }

    // The chips, then the pending text when it is not blank.
    QStringList values() const;
    // Replaces everything, without emitting changed().
    void setValues(const QStringList &values);
    QLineEdit *lineEdit() const { return m_edit; }

signals:
    void changed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void addToken(const QString &text);
    void removeToken(QWidget *chip);
    void onTextEdited(const QString &text);

    QHBoxLayout *m_layout;
    QLineEdit *m_edit;
    QList<QWidget *> m_chips;
    QStringList m_tokens; // parallel to m_chips
    QString m_itemName;
    bool m_commaSplits = true;
};

} // namespace sb
