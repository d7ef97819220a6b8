#pragma once

#include "store/segmentstore.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QPushButton;
class QTableView;
QT_END_NAMESPACE

namespace sb {

class ChangesModel;
class VendorApi;

// What the last sync of a source changed, in place of its table: a line of counts, the changed
// segments (added, removed, changed, with the fields), and a way back to the table. The details
// pane beside it shows the selected change's before and after.
class ChangesView final : public QWidget
{
    Q_OBJECT

public:
    explicit ChangesView(QWidget *parent = nullptr);

    void setChanges(const VendorApi *vendor, const QList<SegmentChange> &changes, const QDateTime &syncedAt,
                    const QString &ranBy = {});
    const SegmentChange &change(int row) const;
    ChangesModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QString summary() const;

signals:
    void currentChanged(int row); // -1: none
    void closeRequested();

private:
    QLabel *m_summary;
    QPushButton *m_close;
    QTableView *m_table;
    ChangesModel *m_model;
};

} // namespace sb
