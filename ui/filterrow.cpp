#include "filterrow.h"

#include "controlnames.h"
#include "tokenedit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QToolButton>

namespace sb {

using ldfilter::Field;

namespace {

bool isBoolean(Field field)
{
    return field == Field::Unbounded || field == Field::External;
}

// What the row says for each field, in the order the field picker lists them. `item` names one chip
// (for accessible names) and `hint` is the value editor's placeholder; for the true/false fields
// `hint` is the check box's text and `label` its accessible name.
struct FieldText
{
    Field field;
    const char *label;
    const char *item;
    const char *hint;
    const char *notHint = nullptr; // for the true/false fields, the check box unchecked
};

constexpr FieldText kFieldTexts[] = {
    {Field::Tags, QT_TRANSLATE_NOOP("sb::FilterRow", "Tags"), QT_TRANSLATE_NOOP("sb::FilterRow", "tag"),
     QT_TRANSLATE_NOOP("sb::FilterRow", "Add tags (Enter or comma after each)")},
    {Field::Query, QT_TRANSLATE_NOOP("sb::FilterRow", "Search text"), QT_TRANSLATE_NOOP("sb::FilterRow", "search text"),
     QT_TRANSLATE_NOOP("sb::FilterRow", "Text in key, name or description (Enter to add another)")},
    {Field::IncludedKeys, QT_TRANSLATE_NOOP("sb::FilterRow", "Keys (only these)"),
     QT_TRANSLATE_NOOP("sb::FilterRow", "key"),
     QT_TRANSLATE_NOOP("sb::FilterRow", "Add segment keys (Enter or comma after each)")},
    {Field::ExcludedKeys, QT_TRANSLATE_NOOP("sb::FilterRow", "Keys (all but these)"),
     QT_TRANSLATE_NOOP("sb::FilterRow", "key"),
     QT_TRANSLATE_NOOP("sb::FilterRow", "Add segment keys (Enter or comma after each)")},
    {Field::Unbounded, QT_TRANSLATE_NOOP("sb::FilterRow", "Big segment"), nullptr,
     QT_TRANSLATE_NOOP("sb::FilterRow", "is a big segment"),
     QT_TRANSLATE_NOOP("sb::FilterRow", "is not a big segment")},
    {Field::External, QT_TRANSLATE_NOOP("sb::FilterRow", "Synced segment"), nullptr,
     QT_TRANSLATE_NOOP("sb::FilterRow", "is a synced segment"),
     QT_TRANSLATE_NOOP("sb::FilterRow", "is not a synced segment")},
};

const FieldText &fieldText(Field field)
{
    for (const FieldText &text : kFieldTexts) {
        if (text.field == field)
            return text;
    }
    return kFieldTexts[0];
}

} // namespace

FilterRow::FilterRow(QWidget *parent)
    : QWidget(parent),
      m_field(new QComboBox(this)),
      m_op(new QLabel(this)),
      m_valueStack(new QStackedWidget(this)),
      m_tokens(new TokenEdit(m_valueStack)),
      m_check(new QCheckBox(m_valueStack)),
      m_remove(makeToolButton(this, QStringLiteral("\u2212"), "removeRow", tr("Remove condition"),
                              tr("Remove this condition")))
{
    setObjectName(QStringLiteral("filterRow"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    // Labels for people; the item data is the field, whose name the text form shows.
    for (const FieldText &text : kFieldTexts) {
        m_field->addItem(tr(text.label), int(text.field));
        m_field->setItemData(m_field->count() - 1, ldfilter::fieldName(text.field), Qt::ToolTipRole);
    }
    nameControl(m_field, "field", tr("Field"), tr("What the condition looks at"));

    // The operator is fixed by the field; shown so the row reads like the text form.
    nameControl(m_op, "operator", tr("Operator"), tr("Each field allows exactly one operator"));
    m_op->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("exists")) + 8);
    m_op->setAlignment(Qt::AlignCenter);
    m_op->setForegroundRole(QPalette::PlaceholderText);

    m_tokens->setObjectName(QStringLiteral("tokens"));
    m_check->setObjectName(QStringLiteral("flag"));
    m_valueStack->addWidget(m_tokens);
    m_valueStack->addWidget(m_check);
    m_valueStack->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);

    layout->addWidget(m_field);
    layout->addWidget(m_op);
    layout->addWidget(m_valueStack, 1);
    layout->addWidget(m_remove);

    connect(m_field, &QComboBox::currentIndexChanged, this, [this] {
        m_tokens->setValues({});
        m_check->setChecked(true);
        m_queryAsList = false;
        showField(Field(m_field->currentData().toInt()));
        emit changed();
    });
    connect(m_tokens, &TokenEdit::changed, this, [this] {
        m_queryAsList = false;
        emit changed();
    });
    connect(m_check, &QCheckBox::toggled, this, &FilterRow::changed);
    connect(m_remove, &QToolButton::clicked, this, &FilterRow::removeRequested);

    m_check->setChecked(true);
    showField(Field::Tags);
}

ldfilter::Term FilterRow::term() const
{
    const auto field = Field(m_field->currentData().toInt());
    if (isBoolean(field))
        return ldfilter::Term::of(field, m_check->isChecked());
    const QStringList values = m_tokens->values();
    // The search takes one string or several; a single one is written as a plain string.
    if (field == Field::Query && !m_queryAsList)
        return ldfilter::Term::of(field,
                                  values.size() == 1     ? ldfilter::Value(values.first())
                                      : values.isEmpty() ? ldfilter::Value(QString())
                                                         : ldfilter::Value(values));
    return ldfilter::Term::of(field, values);
}

void FilterRow::setTerm(const ldfilter::Term &term)
{
    const QSignalBlocker blockField(m_field);
    const QSignalBlocker blockTokens(m_tokens);
    const QSignalBlocker blockCheck(m_check);
    m_field->setCurrentIndex(m_field->findData(int(term.field)));
    showField(term.field);
    m_queryAsList = false;
    if (const bool *flag = std::get_if<bool>(&term.value)) {
        m_check->setChecked(*flag);
    } else if (const QString *text = std::get_if<QString>(&term.value)) {
        m_tokens->setValues(text->isEmpty() ? QStringList() : QStringList {*text});
    } else if (const QStringList *list = std::get_if<QStringList>(&term.value)) {
        m_tokens->setValues(*list);
        m_queryAsList = term.field == Field::Query && list->size() <= 1;
    }
}

QString FilterRow::describe(const ldfilter::Term &term)
{
    const FieldText &text = fieldText(term.field);
    if (const bool *flag = std::get_if<bool>(&term.value))
        return tr(*flag || !text.notHint ? text.hint : text.notHint);
    QStringList values;
    if (const QString *one = std::get_if<QString>(&term.value))
        values << *one;
    else if (const QStringList *list = std::get_if<QStringList>(&term.value))
        values = *list;
    if (term.field == Field::Query)
        return tr("%1 contains “%2”").arg(tr(text.label), values.join(QStringLiteral("” or “")));
    return tr("%1 any of %2").arg(tr(text.label), values.join(QStringLiteral(", ")));
}

void FilterRow::focusValue()
{
    m_valueStack->currentWidget()->setFocus();
}

QList<QWidget *> FilterRow::focusChain() const
{
    return {m_field, m_tokens->lineEdit(), m_check, m_remove};
}

void FilterRow::showField(Field field)
{
    // The operator in words: LaunchDarkly's "query equals" matches text anywhere in the key, name
    // or description, so it reads "contains"; a true/false field says it all in its check box.
    const ldfilter::Op op = ldfilter::allowedOp(field);
    m_op->setText(field == Field::Query           ? tr("contains")
                      : op == ldfilter::Op::AnyOf ? tr("any of")
                                                  : ldfilter::opName(op));
    m_op->setVisible(!isBoolean(field));
    m_tokens->setCommaSplits(field != Field::Query);
    const FieldText &text = fieldText(field);
    if (isBoolean(field)) {
        m_check->setText(tr(text.hint));
        m_check->setAccessibleName(tr(text.label));
    } else {
        m_tokens->setItemName(tr(text.item));
        m_tokens->setPlaceholderText(tr(text.hint));
    }
    m_valueStack->setCurrentWidget(isBoolean(field) ? static_cast<QWidget *>(m_check) : m_tokens);
}

} // namespace sb
