#include "filterbuilder.h"

#include "appearance.h"
#include "controlnames.h"
#include "filterrow.h"
#include "ldfilter/parser.h"
#include "ldfilter/printer.h"
#include "ldfilter/sort.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFrame>
#include <QHBoxLayout>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QTextCharFormat>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace sb {

namespace {

// The UTF-16 index of a 1-based column counted in characters (a surrogate pair is one).
qsizetype indexOfColumn(const QString &text, int column)
{
    qsizetype index = 0;
    for (int c = 1; c < column && index < text.size(); ++c)
        index += (text.at(index).isHighSurrogate() && index + 1 < text.size()) ? 2 : 1;
    return index;
}

} // namespace

FilterBuilder::FilterBuilder(QWidget *parent)
    : QWidget(parent),
      m_rowsArea(new QWidget(this)),
      m_groupsLayout(new QVBoxLayout(m_rowsArea)),
      m_emptyNote(new QLabel(tr("No conditions: every segment is listed."), this)),
      m_nestedNote(new QLabel(tr("This filter has nesting the rows cannot show; edit it as text."), this)),
      m_addRow(new QPushButton(tr("&Add condition"), this)),
      m_addGroup(new QPushButton(tr("&Or\u2026"), this)),
      m_text(new QLineEdit(this)),
      m_error(new QLabel(this)),
      m_state(new QLabel(this)),
      m_sortControl(new QWidget(this)),
      m_clear(new QPushButton(tr("C&lear"), this)),
      m_apply(new QPushButton(tr("Appl&y"), this))
{
    setObjectName(QStringLiteral("filterBuilder"));
    buildSortControl();
    // A bar (the toggle, the filter in words, whether it is applied, Clear and Apply), and below it
    // the conditions, the text and the sort, which fold away into the bar's one line.
    auto *outer = new QVBoxLayout(this);
    m_body = new QWidget(this);
    m_body->setObjectName(QStringLiteral("filterBody"));
    auto *layout = new QVBoxLayout(m_body);
    layout->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_body);

    m_groupsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsArea->setObjectName(QStringLiteral("filterRows"));
    // The conditions scroll in a place of their own, a few rows high at most, so that adding one
    // never pushes the table down by more than that.
    m_rowsScroll = new QScrollArea(this);
    m_rowsScroll->setObjectName(QStringLiteral("filterRowsScroll"));
    m_rowsScroll->setWidget(m_rowsArea);
    m_rowsScroll->setWidgetResizable(true);
    m_rowsScroll->setFrameShape(QFrame::NoFrame);
    m_rowsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_rowsScroll->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    layout->addWidget(m_rowsScroll);
    for (QLabel *note : {m_emptyNote, m_nestedNote}) {
        note->setForegroundRole(QPalette::PlaceholderText);
        note->setWordWrap(true);
        layout->addWidget(note);
    }
    m_emptyNote->setObjectName(QStringLiteral("emptyNote"));
    m_nestedNote->setObjectName(QStringLiteral("nestedNote"));
    m_nestedNote->hide();

    auto *rowButtons = new QHBoxLayout;
    nameControl(m_addRow, "addRow", tr("Add condition"), tr("Add a condition that segments must meet"));
    nameControl(m_addGroup, "addGroup", tr("Add alternative group"),
                tr("Add another group of conditions; a segment may meet either group"));
    rowButtons->addWidget(m_addRow);
    rowButtons->addWidget(m_addGroup);
    rowButtons->addStretch(1);
    layout->addLayout(rowButtons);

    auto *textRow = new QHBoxLayout;
    auto *textLabel = new QLabel(tr("Filter &text:"), this);
    textLabel->setBuddy(m_text);
    nameControl(m_text, "filterText", tr("Filter text"),
                tr("The filter as LaunchDarkly reads it: ',' is and, '|' is or. Enter applies it."));
    m_text->setPlaceholderText(tr("e.g. tags anyOf [\"beta\"],query equals \"toggle\""));
    m_text->setClearButtonEnabled(true);
    textRow->addWidget(textLabel);
    textRow->addWidget(m_text, 1);
    layout->addLayout(textRow);

    m_error->setObjectName(QStringLiteral("filterError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setTone(m_error, Tone::Error);
    m_error->hide();
    layout->addWidget(m_error);

    auto *bottom = new QHBoxLayout;
    m_collapse = new QToolButton(this);
    m_collapse->setCheckable(true);
    m_collapse->setChecked(true);
    m_collapse->setAutoRaise(true);
    m_collapse->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_collapse->setArrowType(Qt::DownArrow);
    m_collapse->setText(tr("Filter"));
    nameControl(m_collapse, "collapseFilter", tr("Show or hide the filter's conditions"),
                tr("Fold the conditions into this line, or unfold them"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("filterSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_summary->hide();
    bottom->addWidget(m_collapse);
    bottom->addWidget(m_summary, 1);
    // The sort keys below the conditions: with them in the bar, a narrow window could not hold it.
    layout->addWidget(m_sortControl, 0, Qt::AlignLeft);
    m_barStretch = new QWidget(this);
    m_barStretch->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bottom->addWidget(m_barStretch, 1);
    // Whether the table shows what is on screen here.
    m_state->setObjectName(QStringLiteral("filterState"));
    m_state->setTextFormat(Qt::PlainText);
    bottom->addWidget(m_state);
    nameControl(m_clear, "clearFilter", tr("Clear filter"), tr("Remove every condition and list all segments"));
    nameControl(m_apply, "applyFilter", tr("Apply filter"), tr("List the segments that match (Enter)"));
    bottom->addWidget(m_clear);
    bottom->addWidget(m_apply);
    outer->insertLayout(0, bottom);
    connect(m_collapse, &QToolButton::toggled, this, [this](bool shown) { setCollapsed(!shown); });

    connect(m_text, &QLineEdit::textChanged, this, &FilterBuilder::onTextEdited);
    connect(m_text, &QLineEdit::returnPressed, this, &FilterBuilder::apply);
    connect(m_apply, &QPushButton::clicked, this, &FilterBuilder::apply);
    connect(m_clear, &QPushButton::clicked, this, &FilterBuilder::clear);
    connect(m_addRow, &QPushButton::clicked, this, [this] {
        addRow(addGroup())->focusValue();
        onRowsChanged();
    });
    connect(m_addGroup, &QPushButton::clicked, this, [this] {
        addRow(addGroup())->focusValue();
        onRowsChanged();
    });

    setSortFields({});
    updateRowControls();
}

void FilterBuilder::setSortFields(const QStringList &fields)
{
    // Only the fields the sort language knows: the spec is written with ldfilter's helpers.
    m_sortFields.clear();
    for (const QString &field : fields) {
        if (ldfilter::parseSort(field))
            m_sortFields.append(field);
    }
    const QString spec = sortSpec();
    while (!m_sortRows.isEmpty())
        removeSortRow(m_sortRows.constLast().widget);
    m_sortControl->setVisible(!m_sortFields.isEmpty());
    setQuery(Query {query().filter, spec});
    // With no row to add or remove, nothing else would say whether a key can be added now.
    updateSortControls();
}

void FilterBuilder::setQuery(const Query &query)
{
    const bool wasValid = m_valid;
    {
        const QSignalBlocker block(this); // no applied(), and validity is reported once, below
        while (!m_sortRows.isEmpty())
            removeSortRow(m_sortRows.constLast().widget);
        if (const Result<QList<ldfilter::SortKey>> keys = ldfilter::parseSort(query.sort)) {
            for (const ldfilter::SortKey &key : keys.value()) {
                if (m_sortFields.contains(ldfilter::sortFieldName(key.field)))
                    addSortRow(ldfilter::sortFieldName(key.field), key.descending);
            }
        }
        // Valid text is shown in its canonical form, the same the rows would write.
        const Result<ldfilter::Filter> filter = ldfilter::parse(query.filter);
        m_text->setText(filter ? ldfilter::print(filter.value()) : query.filter);
    }
    if (m_valid != wasValid)
        emit validityChanged(m_valid);
}

Query FilterBuilder::query() const
{
    return Query {m_textValid ? ldfilter::print(m_filter) : m_text->text(), sortSpec()};
}

bool FilterBuilder::isValid() const
{
    return m_valid;
}

void FilterBuilder::setCollapsed(bool collapsed)
{
    {
        const QSignalBlocker block(m_collapse);
        m_collapse->setChecked(!collapsed);
    }
    m_collapse->setArrowType(collapsed ? Qt::RightArrow : Qt::DownArrow);
    m_body->setVisible(!collapsed);
    m_summary->setVisible(collapsed);
    m_barStretch->setVisible(!collapsed);
    updateSummary();
    emit collapsedChanged(collapsed);
}

bool FilterBuilder::isCollapsed() const
{
    return !m_collapse->isChecked();
}

QString FilterBuilder::summaryText() const
{
    return m_summary->text();
}

void FilterBuilder::updateSummary()
{
    // The filter in the rows' words: conditions joined by "and", groups by "or".
    QString text;
    if (!m_textValid) {
        text = tr("Not a valid filter: %1").arg(m_text->text());
    } else if (const std::optional<QList<QList<ldfilter::Term>>> rows = ldfilter::toRows(m_filter)) {
        QStringList groups;
        for (const QList<ldfilter::Term> &group : *rows) {
            QStringList terms;
            for (const ldfilter::Term &term : group)
                terms << FilterRow::describe(term);
            groups << terms.join(tr(" and "));
        }
        text = groups.isEmpty() ? tr("No conditions: every segment is listed.")
                                : groups.join(groups.size() > 1 ? tr(" — or — ") : QString());
    } else {
        text = m_text->text(); // nesting the rows cannot show: the text form
    }
    m_summary->setText(text);
    m_summary->setToolTip(text);
}

void FilterBuilder::focusFilter()
{
    if (isCollapsed())
        setCollapsed(false);
    m_text->setFocus(Qt::ShortcutFocusReason);
    m_text->selectAll();
}

void FilterBuilder::buildSortControl()
{
    QWidget *control = m_sortControl;
    control->setObjectName(QStringLiteral("sortControl"));
    m_sortLayout = new QHBoxLayout(control);
    m_sortLayout->setContentsMargins(0, 0, 0, 0);
    m_sortLayout->addWidget(new QLabel(tr("Sort by:"), control));
    m_addSort = makeToolButton(control, tr("+ Sort key"), "addSortKey", tr("Add sort key"),
                               tr("Sort by one more field, for segments that tie on the ones before"));
    m_addSort->setAutoRaise(false);
    m_sortLayout->addWidget(m_addSort);
    connect(m_addSort, &QToolButton::clicked, this, [this] {
        // The first field not used yet, so a new key never repeats one.
        for (const QString &field : std::as_const(m_sortFields)) {
            const bool used = std::any_of(m_sortRows.cbegin(), m_sortRows.cend(), [&](const SortRow &row) {
                return row.field->currentData().toString() == field;
            });
            if (!used) {
                addSortRow(field);
                break;
            }
        }
    });
}

void FilterBuilder::setApplied(const Query &query, qint64 matches)
{
    m_applied = query;
    m_matches = matches;
    updateAppliedState();
}

bool FilterBuilder::isApplied() const
{
    return query() == m_applied;
}

QString FilterBuilder::appliedStateText() const
{
    return m_state->text();
}

void FilterBuilder::updateAppliedState()
{
    if (!isApplied()) {
        m_state->setText(m_valid ? tr("Not applied — Enter to apply") : tr("Not applied"));
        setTone(m_state, Tone::Warning);
        return;
    }
    setTone(m_state, Tone::Normal);
    if (m_applied.filter.isEmpty() && m_applied.sort.isEmpty())
        m_state->clear();
    else if (m_matches < 0 || m_applied.filter.isEmpty())
        m_state->setText(m_applied.filter.isEmpty() ? tr("Sort applied") : tr("Filter applied"));
    else
        m_state->setText(m_matches == 1 ? tr("Filter applied · 1 segment")
                                        : tr("Filter applied · %1 segments").arg(QLocale().toString(m_matches)));
}

void FilterBuilder::fitRowsHeight()
{
    // As tall as the conditions, up to about two groups of one; past that they scroll.
    const int cap = (m_addRow->sizeHint().height() + m_groupsLayout->spacing()) * 13 / 2;
    const int wanted = m_rowsArea->sizeHint().height();
    m_rowsScroll->setFixedHeight(qMin(wanted, cap));
    m_rowsScroll->setVerticalScrollBarPolicy(wanted > cap ? Qt::ScrollBarAsNeeded : Qt::ScrollBarAlwaysOff);
}

void FilterBuilder::apply()
{
    if (m_valid)
        emit applied(query());
}

void FilterBuilder::clear()
{
    setQuery(Query {QString(), sortSpec()});
    apply();
}

void FilterBuilder::onTextEdited()
{
    validateText();
    if (m_textValid) {
        const std::optional<QList<QList<ldfilter::Term>>> rows = ldfilter::toRows(m_filter);
        rebuildRows(rows.value_or(QList<QList<ldfilter::Term>>()));
        m_nestedNote->setVisible(!rows);
        m_rowsEditable = bool(rows);
    } else {
        // The rows keep the last valid filter but cannot be edited: that would overwrite the text.
        m_nestedNote->hide();
        m_rowsEditable = false;
    }
    updateRowControls();
}

void FilterBuilder::validateText()
{
    int column = 0;
    const Result<ldfilter::Filter> filter = ldfilter::parse(m_text->text(), &column);
    m_textValid = bool(filter);
    if (filter) {
        m_filter = filter.value();
        m_error->clear();
        m_error->hide();
        m_text->setAccessibleDescription(QString());
        markError(0);
    } else {
        m_error->setText(filter.error().message);
        m_error->show();
        m_text->setAccessibleDescription(filter.error().message);
        markError(column);
    }
    setValid(m_textValid);
    updateAppliedState();
    updateSummary();
}

void FilterBuilder::markError(int column)
{
    // QLineEdit has no API for formats; an input method event is the supported way to give it some.
    // Its positions are relative to the cursor, and an event without text leaves the text alone.
    QList<QInputMethodEvent::Attribute> attributes;
    const QString text = m_text->text();
    if (column > 0) {
        const qsizetype start = indexOfColumn(text, column);
        // At the end of the text there is nothing to underline: mark the last character instead.
        const qsizetype from = start < text.size() ? start : std::max<qsizetype>(0, text.size() - 1);
        QTextCharFormat format;
        format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        format.setUnderlineColor(errorColor(m_text->palette()));
        attributes.append(QInputMethodEvent::Attribute(
            QInputMethodEvent::TextFormat, int(from) - m_text->cursorPosition(), int(text.size() - from), format));
    }
    QInputMethodEvent event(QString(), attributes);
    QCoreApplication::sendEvent(m_text, &event);
    m_text->setProperty("errorColumn", column);
}

void FilterBuilder::rebuildRows(const QList<QList<ldfilter::Term>> &rows)
{
    clearGroups();
    for (const QList<ldfilter::Term> &terms : rows) {
        const int group = addGroup();
        for (const ldfilter::Term &term : terms)
            addRow(group, term);
    }
}

void FilterBuilder::onRowsChanged()
{
    QList<QList<ldfilter::Term>> rows;
    for (const Group &group : std::as_const(m_groups)) {
        QList<ldfilter::Term> terms;
        for (const FilterRow *row : group.members)
            terms.append(row->term());
        rows.append(terms);
    }
    const ldfilter::Filter filter = ldfilter::fromRows(rows);
    {
        // The rows stay as the user arranged them; only the text follows.
        const QSignalBlocker block(m_text);
        m_text->setText(ldfilter::print(filter));
    }
    validateText();
    updateRowControls();
}

FilterRow *FilterBuilder::addRow(int group, const std::optional<ldfilter::Term> &term)
{
    Group &g = m_groups[group];
    auto *row = new FilterRow(g.frame);
    row->setTerm(term.value_or(ldfilter::Term::of(ldfilter::Field::Tags, QStringList())));
    g.rows->insertWidget(g.rows->count() - 1, row); // above the group's "And..." button
    g.members.append(row);
    connect(row, &FilterRow::changed, this, &FilterBuilder::onRowsChanged);
    connect(row, &FilterRow::removeRequested, this, [this, row] { removeRow(row); });
    return row;
}

int FilterBuilder::addGroup()
{
    if (!m_groups.isEmpty()) {
        auto *orLabel = new QLabel(tr("or"), m_rowsArea);
        orLabel->setObjectName(QStringLiteral("orLabel"));
        orLabel->setForegroundRole(QPalette::PlaceholderText);
        m_groupsLayout->addWidget(orLabel);
        m_orLabels.append(orLabel);
    }
    Group group;
    group.frame = new QFrame(m_rowsArea);
    group.frame->setObjectName(QStringLiteral("filterGroup"));
    group.frame->setFrameShape(QFrame::StyledPanel);
    group.rows = new QVBoxLayout(group.frame);
    group.rows->setContentsMargins(6, 4, 6, 4);
    auto *title = new QLabel(tr("Match all of:"), group.frame);
    group.rows->addWidget(title);
    QToolButton *addToGroup =
        makeToolButton(group.frame, tr("+ And\u2026"), "addRowToGroup", tr("Add condition to this group"),
                       tr("Add a condition that segments in this group must also meet"));
    group.rows->addWidget(addToGroup, 0, Qt::AlignLeft);
    group.addRow = addToGroup;
    QFrame *frame = group.frame;
    connect(addToGroup, &QToolButton::clicked, this, [this, frame] {
        for (qsizetype i = 0; i < m_groups.size(); ++i) {
            if (m_groups.at(i).frame == frame) {
                addRow(int(i))->focusValue();
                onRowsChanged();
                return;
            }
        }
    });
    m_groupsLayout->addWidget(group.frame);
    m_groups.append(group);
    return int(m_groups.size()) - 1;
}

void FilterBuilder::removeRow(FilterRow *row)
{
    for (qsizetype i = 0; i < m_groups.size(); ++i) {
        Group &group = m_groups[i];
        if (!group.members.removeOne(row))
            continue;
        row->deleteLater();
        if (group.members.isEmpty()) {
            // An empty group would put no constraint; it goes, with the "or" that joined it.
            group.frame->deleteLater();
            m_groups.removeAt(i);
            if (!m_orLabels.isEmpty())
                delete m_orLabels.takeAt(std::max<qsizetype>(0, i - 1));
        }
        break;
    }
    onRowsChanged();
}

void FilterBuilder::clearGroups()
{
    for (const Group &group : std::as_const(m_groups))
        delete group.frame;
    m_groups.clear();
    qDeleteAll(m_orLabels);
    m_orLabels.clear();
}

void FilterBuilder::updateRowControls()
{
    const bool any = !m_groups.isEmpty();
    m_emptyNote->setVisible(!any && !m_nestedNote->isVisibleTo(this));
    m_rowsScroll->setVisible(any); // an empty area would still take the layout's spacing
    m_rowsArea->setEnabled(m_rowsEditable);
    // New rows show when the event loop comes back (QLayout shows them then): measure after that.
    if (any)
        QMetaObject::invokeMethod(this, &FilterBuilder::fitRowsHeight, Qt::QueuedConnection);
    // The first condition starts the first group; after that, conditions join a group ("And...")
    // or start another one ("Or...").
    m_addRow->setVisible(!any);
    m_addRow->setEnabled(m_rowsEditable);
    m_addGroup->setVisible(any);
    m_addGroup->setEnabled(m_rowsEditable);
    updateTabOrder();
}

void FilterBuilder::updateTabOrder()
{
    // Rows are created as the user adds them, anywhere; Tab should still go the way they read.
    QList<QWidget *> chain;
    for (const Group &group : std::as_const(m_groups)) {
        for (const FilterRow *row : group.members)
            chain += row->focusChain();
        chain.append(group.addRow);
    }
    // The bar first, as shown: the toggle, then (in the body) the conditions, the text and the sort,
    // and back in the bar Clear and Apply, which Tab reaches after everything they act on.
    chain.prepend(m_collapse);
    chain += {m_addRow, m_addGroup, m_text};
    for (const SortRow &row : std::as_const(m_sortRows))
        chain += {row.field, row.direction, row.remove};
    chain += {m_addSort, m_clear, m_apply};
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain.at(i - 1), chain.at(i));
}

void FilterBuilder::addSortRow(const QString &field, bool descending)
{
    SortRow row;
    row.widget = new QWidget(m_sortControl);
    row.widget->setObjectName(QStringLiteral("sortKey"));
    auto *layout = new QHBoxLayout(row.widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    row.field = new QComboBox(row.widget);
    nameControl(row.field, "sortField", tr("Sort field"));
    for (const QString &name : std::as_const(m_sortFields)) {
        QString label = name;
        if (name == QLatin1String("name"))
            label = tr("Name");
        else if (name == QLatin1String("creationDate"))
            label = tr("Created");
        else if (name == QLatin1String("lastModified"))
            label = tr("Last modified");
        row.field->addItem(label, name);
    }
    row.field->setCurrentIndex(std::max(0, row.field->findData(field)));
    row.direction = new QComboBox(row.widget);
    nameControl(row.direction, "sortDirection", tr("Sort direction"));
    row.direction->addItem(tr("ascending"), false);
    row.direction->addItem(tr("descending"), true);
    row.direction->setCurrentIndex(descending ? 1 : 0);
    row.remove = makeToolButton(row.widget, QStringLiteral("\u2212"), "removeSortKey", tr("Remove sort key"),
                                tr("Remove this sort key"));
    layout->addWidget(row.field);
    layout->addWidget(row.direction);
    layout->addWidget(row.remove);
    m_sortLayout->insertWidget(m_sortLayout->count() - 1, row.widget);
    m_sortRows.append(row);
    QWidget *widget = row.widget;
    connect(row.field, &QComboBox::currentIndexChanged, this, &FilterBuilder::updateSortControls);
    connect(row.direction, &QComboBox::currentIndexChanged, this, &FilterBuilder::updateAppliedState);
    connect(row.remove, &QToolButton::clicked, this, [this, widget] { removeSortRow(widget); });
    updateSortControls();
}

void FilterBuilder::removeSortRow(QWidget *widget)
{
    m_sortRows.removeIf([widget](const SortRow &row) { return row.widget == widget; });
    widget->hide();
    widget->deleteLater();
    updateSortControls();
}

QString FilterBuilder::sortSpec() const
{
    // Later keys that repeat a field would never decide anything; the language refuses them.
    QList<ldfilter::SortKey> keys;
    for (const SortRow &row : m_sortRows) {
        const Result<QList<ldfilter::SortKey>> parsed = ldfilter::parseSort(row.field->currentData().toString());
        if (!parsed || parsed.value().isEmpty())
            continue;
        ldfilter::SortKey key = parsed.value().first();
        key.descending = row.direction->currentData().toBool();
        const bool repeated =
            std::any_of(keys.cbegin(), keys.cend(), [&](const ldfilter::SortKey &k) { return k.field == key.field; });
        if (!repeated)
            keys.append(key);
    }
    return ldfilter::printSort(keys);
}

void FilterBuilder::updateSortControls()
{
    m_addSort->setEnabled(m_sortRows.size() < m_sortFields.size());
    updateTabOrder();
    updateAppliedState();
}

void FilterBuilder::setValid(bool valid)
{
    m_apply->setEnabled(valid);
    if (valid == m_valid)
        return;
    m_valid = valid;
    emit validityChanged(valid);
}

} // namespace sb
