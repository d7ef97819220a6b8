#pragma once

#include <QTableView>

namespace sb {

// A table whose rows are the things (segments), as in a file manager: Home and End, with or
// without Ctrl, go to the first and last row and stay in the column the cursor is in, where
// QTableView would go to the first or last column (and Ctrl+End to the far corner).
class RowTableView final : public QTableView
{
    Q_OBJECT

public:
    using QTableView::QTableView;

protected:
    QModelIndex moveCursor(CursorAction action, Qt::KeyboardModifiers modifiers) override;
};

} // namespace sb
