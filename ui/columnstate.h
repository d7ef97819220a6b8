#pragma once

#include <QObject>
#include <QString>

QT_BEGIN_NAMESPACE
class QPoint;
class QTableView;
QT_END_NAMESPACE

namespace sb {

class SegmentTableModel;

// The table header's columns per vendor (KeePassXC's DatabaseWidgetStateSync): which are shown,
// their order and widths, and the record fields added with Add Field, saved per vendor and brought
// back when a source of that vendor opens. Also the header's context menu.
class ColumnState final : public QObject
{
    Q_OBJECT

public:
    // `table` shows `model` (possibly through a proxy that keeps its columns); neither is owned.
    ColumnState(QTableView *table, SegmentTableModel *model, QObject *parent = nullptr);

    // Saves the columns of the vendor the header shows now (nothing when it shows none).
    void save();
    // Shows the saved columns of the model's vendor; call after the model's source changed.
    void restore();
    // Back to the vendor's default columns, in order, at the default width.
    void reset();
    // Asks for a field of the record and adds it as a column.
    void addField();

    // The visible columns (model columns) in the order the header shows them.
    QList<int> visibleColumns() const;

private:
    void showMenu(const QPoint &pos);
    void showAllInOrder(bool resize);
    // Sizes the columns to their contents once rows are there (now, or when the first arrive).
    void fitWhenLoaded();
    void fitToContents();
    // Shows the column, scrolls to it and puts the cursor in it.
    void showColumn(int column);
    QStringList fields() const; // the model's columns, in model order

    QTableView *m_table;
    SegmentTableModel *m_model;
    QString m_vendor; // whose columns the header shows now
    bool m_fitPending = false;
};

} // namespace sb
