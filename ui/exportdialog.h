#pragma once

#include <QList>
#include <QString>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace sb {

class SegmentTableModel;

// File > Export…: runs the whole export flow, non-modal to the table: the options dialog (scope,
// columns, byte order mark, formula guard, file), the progress dialog with Cancel, and a summary
// or the vendor's error at the end. Returns at once; the flow owns itself and ends with its last
// dialog (or with `parent`, which cancels a running export and leaves nothing partial).
//
// What the model holds is copied at the call, so the table may load, reload or switch profile
// meanwhile: "all segments" walks the current query again on its own PageFetcher, and the loaded
// or selected rows are the ones at hand now. `selectedRows` and `visibleColumnsInOrder` are model
// rows and columns; model columns not among the visible ones are offered unchecked after them.
// `warning` (e.g. an access token about to expire) is shown in the options dialog when not empty.
void startExport(QWidget *parent, SegmentTableModel *model, const QList<int> &selectedRows,
                 const QList<int> &visibleColumnsInOrder, const QString &warning);

} // namespace sb
