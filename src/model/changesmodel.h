#pragma once

#include "store/segmentstore.h"

#include <QAbstractTableModel>

namespace sb {

class VendorApi;

// What a sync changed, one row a segment: the change (added, removed, changed), the key, the
// name, and the content fields that changed.
class ChangesModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role { KindRole = Qt::UserRole + 1 };
    enum ColumnIndex { ChangeColumn, KeyColumn, NameColumn, FieldsColumn, ColumnCount };

    explicit ChangesModel(QObject *parent = nullptr);

    void setChanges(const VendorApi *vendor, const QList<SegmentChange> &changes);
    const SegmentChange &change(int row) const { return m_changes.at(row); }
    const VendorApi *vendor() const { return m_vendor; }
    int count(SegmentChange::Kind kind) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString kindText(SegmentChange::Kind kind); // "Added", "Removed", "Changed"

private:
    const VendorApi *m_vendor = nullptr;
    QList<SegmentChange> m_changes;
    QStringList m_names; // each change's segment name, read once
};

} // namespace sb
