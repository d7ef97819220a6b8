#include "rowtableview.h"

namespace sb {

QModelIndex RowTableView::moveCursor(CursorAction action, Qt::KeyboardModifiers modifiers)
{
    if ((action != MoveHome && action != MoveEnd) || !model() || model()->rowCount(rootIndex()) == 0)
        return QTableView::moveCursor(action, modifiers);
    const QModelIndex current = currentIndex();
    const int column = current.isValid() ? current.column() : columnAt(0);
    const int rows = model()->rowCount(rootIndex());
    // The first or last row that is not hidden.
    int row = action == MoveHome ? 0 : rows - 1;
    const int step = action == MoveHome ? 1 : -1;
    while (row >= 0 && row < rows && isRowHidden(row))
        row += step;
    if (row < 0 || row >= rows)
        return current;
    return model()->index(row, qMax(0, column), rootIndex());
}

} // namespace sb
