#include "changesmodel.h"

#include "core/vendorapi.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace sb {

ChangesModel::ChangesModel(QObject *parent) : QAbstractTableModel(parent)
{ }

void ChangesModel::setChanges(const VendorApi *vendor, const QList<SegmentChange> &changes)
{
    beginResetModel();
    m_vendor = vendor;
    m_changes = changes;
    m_names.clear();
    for (const SegmentChange &c : std::as_const(m_changes)) {
        const QByteArray &json = c.kind == SegmentChange::Kind::Removed ? c.before : c.after;
        m_names.append(vendor ? vendor->recordName(QJsonDocument::fromJson(json).object()) : QString());
    }
    endResetModel();
}

int ChangesModel::count(SegmentChange::Kind kind) const
{
    return int(
        std::count_if(m_changes.cbegin(), m_changes.cend(), [kind](const SegmentChange &c) { return c.kind == kind; }));
}

int ChangesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_changes.size());
}

int ChangesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ChangesModel::kindText(SegmentChange::Kind kind)
{
    switch (kind) {
    case SegmentChange::Kind::Removed:
        return tr("Removed");
    case SegmentChange::Kind::Changed:
        return tr("Changed");
    case SegmentChange::Kind::Added:
        break;
    }
    return tr("Added");
}

QVariant ChangesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SegmentChange &c = m_changes.at(index.row());
    if (role == KindRole)
        return int(c.kind);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case ChangeColumn:
        return kindText(c.kind);
    case KeyColumn:
        return c.key;
    case NameColumn:
        return m_names.value(index.row());
    case FieldsColumn:
        // In words; the tooltip names the fields as the API does.
        return role == Qt::ToolTipRole || !m_vendor ? c.fields.join(QStringLiteral(", "))
                                                    : fieldLabels(*m_vendor, c.fields);
    default:
        return {};
    }
}

QVariant ChangesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ChangeColumn:
        return tr("Change");
    case KeyColumn:
        return tr("Key");
    case NameColumn:
        return tr("Name");
    case FieldsColumn:
        return tr("Changed fields");
    default:
        return {};
    }
}

} // namespace sb
