#pragma once

#include "compare/comparison.h"

#include <QAbstractTableModel>

namespace sb {

class VendorApi;

// The segments two listings disagree on (Comparison), one a row: the status, the key, the name in
// A and in B, and the content fields that differ. The identical ones only when asked.
class ComparisonModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role { StatusRole = Qt::UserRole + 1 }; // the row's SegmentDifference::Status, as an int
    enum ColumnIndex { StatusColumn, KeyColumn, NameAColumn, NameBColumn, FieldsColumn, ColumnCount };

    explicit ComparisonModel(QObject *parent = nullptr);

    void setDifferences(const QList<SegmentDifference> &differences);
    // The vendor whose field names the "differing fields" column puts in words (none: as they are).
    void setVendor(const VendorApi *vendor) { m_vendor = vendor; }
    void clear() { setDifferences({}); }
    void setShowIdentical(bool show);
    bool showsIdentical() const { return m_showIdentical; }
    const SegmentDifference &difference(int row) const { return m_all.at(m_rows.at(row)); }
    const QList<SegmentDifference> &all() const { return m_all; }

    static QString statusText(SegmentDifference::Status status); // "Only in A", ...

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rebuildRows();

    QList<SegmentDifference> m_all;
    QList<qsizetype> m_rows; // indexes into m_all of the rows on show
    bool m_showIdentical = false;
    const VendorApi *m_vendor = nullptr;
};

} // namespace sb
