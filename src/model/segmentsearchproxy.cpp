#include "segmentsearchproxy.h"

#include "segmenttablemodel.h"

#include <cstring>

namespace sb {

SegmentSearchProxy::SegmentSearchProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    // Rows keep the source's (the server's) order; the proxy only filters.
    setDynamicSortFilter(false);
}

SegmentSearchProxy::~SegmentSearchProxy() = default;

void SegmentSearchProxy::setSourceModel(QAbstractItemModel *source)
{
    for (const QMetaObject::Connection &c : std::as_const(m_sourceConnections))
        disconnect(c);
    m_sourceConnections.clear();
    dropCache();
    // Connected before the base class connects its own handlers, so the folded text of new rows
    // is ready when the base class filters them.
    if (source) {
        m_sourceConnections = {
            connect(source, &QAbstractItemModel::rowsInserted, this, &SegmentSearchProxy::onSourceRowsInserted),
            connect(source, &QAbstractItemModel::modelReset, this, &SegmentSearchProxy::dropCache),
            connect(source, &QAbstractItemModel::layoutChanged, this, &SegmentSearchProxy::dropCache),
            connect(source, &QAbstractItemModel::rowsRemoved, this, &SegmentSearchProxy::dropCache),
            connect(source, &QAbstractItemModel::rowsMoved, this, &SegmentSearchProxy::dropCache),
            connect(source, &QAbstractItemModel::columnsInserted, this, &SegmentSearchProxy::dropCache),
            connect(source, &QAbstractItemModel::columnsRemoved, this, &SegmentSearchProxy::dropCache),
            connect(source, &QAbstractItemModel::dataChanged, this, &SegmentSearchProxy::onSourceDataChanged),
        };
    }
    QSortFilterProxyModel::setSourceModel(source);
}

void SegmentSearchProxy::setSearchText(const QString &text)
{
    if (text == m_text)
        return;
    // A reset, not invalidateFilter(): on 100,000 rows the latter emits one removal per gap
    // between matches, which a view attached to the proxy processes one by one.
    beginResetModel();
    m_text = text;
    m_needle = text.toCaseFolded().toUtf8();
    endResetModel();
    emit searchTextChanged(m_text);
}

void SegmentSearchProxy::setUnusedFilter(int column)
{
    if (column == m_unusedColumn)
        return;
    beginResetModel();
    m_unusedColumn = column;
    endResetModel();
    emit searchTextChanged(m_text);
}

void SegmentSearchProxy::onSourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    dropCache();
    // The filter reads the column that changed (the usage arrived): filter again.
    if (m_unusedColumn >= 0 && topLeft.column() <= m_unusedColumn && m_unusedColumn <= bottomRight.column()) {
        beginResetModel();
        endResetModel();
    }
}

qint64 SegmentSearchProxy::cacheBytes() const
{
    qint64 bytes = qint64(m_rows.capacity() * sizeof(QByteArray));
    for (const QByteArray &row : m_rows)
        bytes += row.capacity();
    return bytes;
}

bool SegmentSearchProxy::canFetchMore(const QModelIndex &parent) const
{
    return !isSearching() && QSortFilterProxyModel::canFetchMore(parent);
}

void SegmentSearchProxy::fetchMore(const QModelIndex &parent)
{
    if (!isSearching())
        QSortFilterProxyModel::fetchMore(parent);
}

void SegmentSearchProxy::sort(int column, Qt::SortOrder order)
{
    if (sourceModel())
        sourceModel()->sort(column, order);
}

bool SegmentSearchProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return true;
    if (m_unusedColumn >= 0) {
        const QVariant uses = sourceModel()->index(sourceRow, m_unusedColumn).data(SegmentTableModel::RawValueRole);
        if (!uses.isValid() || uses.toLongLong() != 0)
            return false;
    }
    if (!isSearching())
        return true;
    cacheUpTo(sourceRow);
    const QByteArray &row = m_rows[size_t(sourceRow)];
    // glibc's memmem (two-way, vectorised) scans 100,000 rows several times faster than
    // QByteArray::contains, whose rolling hash is made for one long haystack.
    return memmem(row.constData(), size_t(row.size()), m_needle.constData(), size_t(m_needle.size())) != nullptr;
}

void SegmentSearchProxy::onSourceRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    if (size_t(first) != m_rows.size()) {
        dropCache(); // inserted in the middle: rebuilt on demand
        return;
    }
    cacheUpTo(last);
}

void SegmentSearchProxy::dropCache()
{
    m_rows.clear();
    m_rows.shrink_to_fit();
}

void SegmentSearchProxy::cacheUpTo(int sourceRow) const
{
    if (sourceRow < 0)
        return;
    for (int row = int(m_rows.size()); row <= sourceRow; ++row)
        m_rows.push_back(foldedRow(row));
}

QByteArray SegmentSearchProxy::foldedRow(int sourceRow) const
{
    const QAbstractItemModel *source = sourceModel();
    QString text;
    const int columns = source->columnCount();
    for (int column = 0; column < columns; ++column) {
        if (column > 0)
            text += QChar(0); // a match never spans two cells: nobody types a NUL
        text += source->data(source->index(sourceRow, column), Qt::DisplayRole).toString();
    }
    // Folded per character, like Qt::CaseInsensitive compares; UTF-8 halves the memory, and a
    // byte match of valid UTF-8 is a character match.
    QByteArray folded = text.toCaseFolded().toUtf8();
    folded.squeeze();
    return folded;
}

} // namespace sb
