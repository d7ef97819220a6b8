#include "tokenedit.h"

#include "controlnames.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QToolButton>

namespace sb {

namespace {

// One chip: a rounded box in the palette's button colours, painted rather than styled so that it
// follows a palette change (a switch to a dark theme) like every other control.
class TokenChip final : public QWidget
{
public:
    using QWidget::QWidget;

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(palette().color(QPalette::Mid));
        painter.setBrush(palette().button());
        painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    }
};

} // namespace

TokenEdit::TokenEdit(QWidget *parent) : QFrame(parent), m_layout(new QHBoxLayout(this)), m_edit(new QLineEdit(this))
{
    // Looks like one line edit: the frame and base colour are the field's, the inner edit has none.
    setFrameShape(QFrame::StyledPanel);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    setFocusProxy(m_edit);
    m_itemName = tr("value");
    m_layout->setContentsMargins(2, 1, 2, 1);
    m_layout->setSpacing(3);
    m_edit->setFrame(false);
    m_edit->setObjectName(QStringLiteral("tokenInput"));
    m_edit->setMinimumWidth(fontMetrics().averageCharWidth() * 12);
    m_layout->addWidget(m_edit, 1);
    m_edit->installEventFilter(this);
    connect(m_edit, &QLineEdit::textEdited, this, &TokenEdit::onTextEdited);
    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        const QString text = m_edit->text();
        m_edit->clear();
        addToken(text);
        // The value did not change (pending text counted already), unless it was blank or a repeat.
        emit changed();
    });
}

void TokenEdit::setPlaceholderText(const QString &text)
{
    m_edit->setPlaceholderText(text);
    m_edit->setAccessibleName(text);
}

QStringList TokenEdit::values() const
{
    QStringList out = m_tokens;
    const QString pending = m_edit->text().trimmed();
    if (!pending.isEmpty() && !out.contains(pending))
        out.append(pending);
    return out;
}

void TokenEdit::setValues(const QStringList &values)
{
    for (QWidget *chip : std::as_const(m_chips))
        delete chip;
    m_chips.clear();
    m_tokens.clear();
    m_edit->clear();
    for (const QString &value : values)
        addToken(value);
}

bool TokenEdit::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Backspace && m_edit->text().isEmpty() && !m_chips.isEmpty()) {
            removeToken(m_chips.constLast());
            return true;
        }
    }
    return QFrame::eventFilter(watched, event);
}

void TokenEdit::addToken(const QString &text)
{
    // Values are compared as typed, but surrounding blanks are never meant.
    const QString token = text.trimmed();
    if (token.isEmpty() || m_tokens.contains(token))
        return;
    auto *chip = new TokenChip(this);
    chip->setObjectName(QStringLiteral("token"));
    auto *layout = new QHBoxLayout(chip);
    layout->setContentsMargins(5, 0, 1, 0);
    layout->setSpacing(1);
    auto *label = new QLabel(token, chip);
    label->setTextFormat(Qt::PlainText);
    label->setForegroundRole(QPalette::ButtonText); // on the chip's button-coloured box
    layout->addWidget(label);
    const QString removeText = tr("Remove %1 \u201c%2\u201d").arg(m_itemName, token);
    QToolButton *remove = makeToolButton(chip, QStringLiteral("\u00d7"), "removeToken", removeText, removeText);
    remove->setFocusPolicy(Qt::NoFocus); // Backspace removes from the keyboard
    layout->addWidget(remove);
    connect(remove, &QToolButton::clicked, this, [this, chip] {
        removeToken(chip);
        m_edit->setFocus();
    });
    m_layout->insertWidget(m_layout->count() - 1, chip);
    m_chips.append(chip);
    m_tokens.append(token);
}

void TokenEdit::removeToken(QWidget *chip)
{
    const qsizetype index = m_chips.indexOf(chip);
    if (index < 0)
        return;
    m_chips.removeAt(index);
    m_tokens.removeAt(index);
    chip->deleteLater();
    emit changed();
}

void TokenEdit::onTextEdited(const QString &text)
{
    if (m_commaSplits && text.contains(QLatin1Char(','))) {
        // Typed or pasted: every part but the last is finished.
        QStringList parts = text.split(QLatin1Char(','));
        const QString rest = parts.takeLast();
        for (const QString &part : std::as_const(parts))
            addToken(part);
        m_edit->setText(rest);
    }
    emit changed();
}

} // namespace sb
