#include "comparisonmodel.h"

#include "core/vendorapi.h"

namespace sb {

ComparisonModel::ComparisonModel(QObject *parent) : QAbstractTableModel(parent)
{ }

void ComparisonModel::setDifferences(const QList<SegmentDifference> &differences)
{
    beginResetModel();
    m_all = differences;
    rebuildRows();
    endResetModel();
}

void ComparisonModel::setShowIdentical(bool show)
{
    if (show == m_showIdentical)
        return;
    beginResetModel();
    m_showIdentical = show;
    rebuildRows();
    endResetModel();
}

void ComparisonModel::rebuildRows()
{
    m_rows.clear();
    for (qsizetype i = 0; i < m_all.size(); ++i) {
        if (m_showIdentical || m_all.at(i).status != SegmentDifference::Status::Identical)
            m_rows.append(i);
    }
}

QString ComparisonModel::statusText(SegmentDifference::Status status)
{
    switch (status) {
    case SegmentDifference::Status::OnlyA:
        return tr("Only in A");
    case SegmentDifference::Status::OnlyB:
        return tr("Only in B");
    case SegmentDifference::Status::Different:
        return tr("Different");
    case SegmentDifference::Status::Identical:
        break;
    }
    return tr("Identical");
}

int ComparisonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ComparisonModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ComparisonModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SegmentDifference &d = difference(index.row());
    if (role == StatusRole)
        return int(d.status);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case StatusColumn:
        return statusText(d.status);
    case KeyColumn:
        return d.key;
    case NameAColumn:
        return d.nameA;
    case NameBColumn:
        return d.nameB;
    case FieldsColumn:
        // In words; the tooltip names the fields as the API does.
        return role == Qt::ToolTipRole || !m_vendor ? d.fields.join(QStringLiteral(", "))
                                                    : fieldLabels(*m_vendor, d.fields);
    default:
        return {};
    }
}

QVariant ComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StatusColumn:
        return tr("Status");
    case KeyColumn:
        return tr("Key");
    case NameAColumn:
        return tr("Name in A");
    case NameBColumn:
        return tr("Name in B");
    case FieldsColumn:
        return tr("Differing fields");
    default:
        return {};
    }
}

} // namespace sb
