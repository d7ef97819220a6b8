#include "columnstate.h"

#include "settings.h"

#include "core/vendorapi.h"
#include "model/segmenttablemodel.h"

#include <QGuiApplication>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelection>
#include <QMenu>
#include <QMessageBox>
#include <QScrollBar>
#include <QTableView>

namespace sb {

ColumnState::ColumnState(QTableView *table, SegmentTableModel *model, QObject *parent)
    : QObject(parent), m_table(table), m_model(model)
{
    QHeaderView *header = m_table->horizontalHeader();
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, &ColumnState::showMenu);
    // The first rows of a vendor without saved columns size them; the view's model (a proxy, maybe)
    // has them by the time the event loop comes back.
    // A snapshot's first rows come in a reset, a vendor's in an insertion.
    const auto fitLater = [this] {
        QMetaObject::invokeMethod(this, &ColumnState::fitToContents, Qt::QueuedConnection);
    };
    connect(m_model, &QAbstractItemModel::rowsInserted, this, fitLater);
    connect(m_model, &QAbstractItemModel::modelReset, this, fitLater);
    // Widths a person sets are theirs: no fit comes after.
    connect(header, &QHeaderView::sectionResized, this, [this, header] {
        if (header->isVisible() && QGuiApplication::mouseButtons() != Qt::NoButton)
            m_fitPending = false;
    });
}

QList<int> ColumnState::visibleColumns() const
{
    const QHeaderView *header = m_table->horizontalHeader();
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns.append(logical);
    }
    return columns;
}

void ColumnState::save()
{
    // The header must still show the vendor it was restored for: saving another's would mix them.
    if (m_vendor.isEmpty() || !m_model->vendor() || m_model->vendor()->id() != m_vendor)
        return;
    UiSettings::setColumns(m_vendor, m_model->extraFields(), m_table->horizontalHeader()->saveState(), fields());
}

QStringList ColumnState::fields() const
{
    QStringList names;
    for (const Column &c : m_model->columns())
        names.append(c.field);
    return names;
}

void ColumnState::restore()
{
    m_fitPending = false; // a fit asked for another vendor's columns is not this one's
    m_vendor = m_model->vendor() ? m_model->vendor()->id() : QString();
    if (m_vendor.isEmpty())
        return;
    m_model->setExtraFields(UiSettings::extraFields(m_vendor));
    QHeaderView *header = m_table->horizontalHeader();
    const QByteArray state = UiSettings::headerState(m_vendor);
    if (state.isEmpty() || UiSettings::headerFields(m_vendor) != fields() || !header->restoreState(state)) {
        showAllInOrder(false);
        fitWhenLoaded();
    }
    header->setSortIndicatorShown(false);
}

void ColumnState::fitWhenLoaded()
{
    m_fitPending = true;
    fitToContents();
}

void ColumnState::fitToContents()
{
    if (!m_fitPending || m_table->model()->rowCount() == 0)
        return;
    m_fitPending = false;
    // Each column as wide as what the first screenful holds, within reason: an id shows whole, a
    // long description does not push the others out.
    QHeaderView *header = m_table->horizontalHeader();
    const int widest = qMax(2 * header->defaultSectionSize(), m_table->viewport()->width() / 2);
    for (int c = 0; c < header->count(); ++c) {
        if (header->isSectionHidden(c))
            continue;
        m_table->resizeColumnToContents(c);
        if (header->sectionSize(c) > widest)
            header->resizeSection(c, widest);
    }
}

void ColumnState::reset()
{
    if (m_vendor.isEmpty())
        return;
    UiSettings::resetColumns(m_vendor);
    m_model->setExtraFields({});
    showAllInOrder(true);
    fitWhenLoaded();
}

void ColumnState::showAllInOrder(bool resize)
{
    QHeaderView *header = m_table->horizontalHeader();
    for (int c = 0; c < header->count(); ++c) {
        header->setSectionHidden(c, false);
        header->moveSection(header->visualIndex(c), c);
        if (resize)
            header->resizeSection(c, header->defaultSectionSize());
    }
}

void ColumnState::showMenu(const QPoint &pos)
{
    if (!m_model->vendor())
        return;
    QHeaderView *header = m_table->horizontalHeader();
    const int clicked = header->logicalIndexAt(pos);
    QMenu menu(m_table);
    menu.setTitle(tr("Columns"));
    const QList<int> visible = visibleColumns();
    for (int c = 0; c < m_model->columnCount(); ++c) {
        QAction *a = menu.addAction(m_model->headerData(c, Qt::Horizontal).toString());
        a->setCheckable(true);
        a->setChecked(!header->isSectionHidden(c));
        a->setEnabled(!(visible.size() == 1 && visible.first() == c)); // keep one column
        connect(a, &QAction::toggled, this, [this, header, c](bool on) {
            header->setSectionHidden(c, !on);
            save();
        });
    }
    menu.addSeparator();
    menu.addAction(tr("&Add Field…"), this, &ColumnState::addField);
    if (clicked >= m_model->defaultColumnCount()) {
        const QString field = m_model->columns().at(clicked).field;
        const QString label = m_model->headerData(clicked, Qt::Horizontal).toString();
        menu.addAction(tr("&Remove “%1”").arg(label), this, [this, field] {
            QStringList extra = m_model->extraFields();
            extra.removeAll(field);
            m_model->setExtraFields(extra);
            save();
        });
    }
    menu.addAction(tr("Reset &Columns"), this, &ColumnState::reset);
    menu.exec(header->mapToGlobal(pos));
}

void ColumnState::addField()
{
    if (!m_model->vendor())
        return;
    QStringList candidates = m_model->recordFields();
    const QList<Column> columns = m_model->columns();
    for (const Column &c : columns)
        candidates.removeAll(c.field);
    // The model's own columns that are hidden (the derived "flags" among them) come first.
    QHeaderView *header = m_table->horizontalHeader();
    for (qsizetype c = columns.size() - 1; c >= 0; --c) {
        if (header->isSectionHidden(int(c)))
            candidates.prepend(columns.at(c).field);
    }
    bool ok = false;
    const QString field =
        QInputDialog::getItem(m_table->window(), tr("Add Field"),
                              tr("A field of the %1 record, as the API names it (\"owner.name\" for a nested one):")
                                  .arg(m_model->vendor()->displayName()),
                              candidates, 0, true, &ok)
            .trimmed();
    if (!ok || field.isEmpty())
        return;
    if (!isWellFormedFieldPath(field)) {
        QMessageBox::warning(m_table->window(), tr("Add Field"), tr("“%1” is not a field name.").arg(field));
        return;
    }
    // One of the model's own columns, hidden: shown again where it was.
    for (qsizetype c = 0; c < columns.size(); ++c) {
        if (columns.at(c).field == field) {
            showColumn(int(c));
            save();
            return;
        }
    }
    QStringList extra = m_model->extraFields();
    if (!extra.contains(field))
        extra.append(field);
    m_model->setExtraFields(extra);
    save();
    showColumn(m_model->defaultColumnCount() + int(extra.indexOf(field)));
}

void ColumnState::showColumn(int column)
{
    m_table->horizontalHeader()->setSectionHidden(column, false);
    const QModelIndex current = m_table->currentIndex();
    const int row = current.isValid() ? current.row() : 0;
    if (m_table->model()->rowCount() > 0) {
        const QModelIndex cell = m_table->model()->index(row, column);
        // The selection stays as it is, the new column's cells with it; the cursor moves into the column.
        // One selection change for every selected range, however many rows (Ctrl+A on 100,000).
        QItemSelectionModel *selection = m_table->selectionModel();
        QItemSelection widened;
        for (const QItemSelectionRange &range : selection->selection())
            widened.select(m_table->model()->index(range.top(), column),
                           m_table->model()->index(range.bottom(), column));
        if (!widened.isEmpty())
            selection->select(widened, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        if (current.isValid())
            m_table->selectionModel()->setCurrentIndex(cell, QItemSelectionModel::NoUpdate);
        m_table->scrollTo(cell);
    } else {
        m_table->horizontalScrollBar()->setValue(m_table->columnViewportPosition(column));
    }
    m_table->setFocus();
}

} // namespace sb
