#pragma once

#include <QByteArray>
#include <QList>
#include <QSortFilterProxyModel>
#include <QString>

#include <vector>

namespace sb {

// Quick search (Ctrl+F) over the rows a table model has loaded: keeps the rows whose displayed
// text, in any column, contains the search text, ignoring case. Works on any source model; meant
// for SegmentTableModel.
//
// Fast on 100,000 rows because each row's displayed text is folded once, when the row arrives,
// and kept as UTF-8; a search is then one substring scan per row. While a search is active the
// proxy never asks the source for more pages (canFetchMore is false), so typing does not load
// every page of the account. sort() goes to the source (the server sorts), not to the proxy.
class SegmentSearchProxy final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit SegmentSearchProxy(QObject *parent = nullptr);
    ~SegmentSearchProxy() override;

    void setSourceModel(QAbstractItemModel *sourceModel) override;

    // Empty text ends the search and shows every row again.
    void setSearchText(const QString &text);
    QString searchText() const { return m_text; }
    bool isSearching() const { return !m_needle.isEmpty(); }
    // Only the rows whose typed value (SegmentTableModel::RawValueRole) in `column` is 0: the
    // unused segments, by the model's usage column. -1 shows every row again. Unlike a text search
    // it lets the view load more pages, so that scrolling finds the unused segments further on.
    void setUnusedFilter(int column);
    int unusedFilter() const { return m_unusedColumn; }
    // Rows that match the search; every row when no search is active.
    int matchCount() const { return rowCount(); }
    // Bytes held by the folded text of the rows (for the benchmark).
    qint64 cacheBytes() const;

    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    void searchTextChanged(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void onSourceRowsInserted(const QModelIndex &parent, int first, int last);
    void dropCache();
    void cacheUpTo(int sourceRow) const;
    QByteArray foldedRow(int sourceRow) const;

    QList<QMetaObject::Connection> m_sourceConnections;
    void onSourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    QString m_text;
    int m_unusedColumn = -1;
    QByteArray m_needle; // the folded search text, UTF-8
    // Folded displayed text of source rows 0..size()-1, cells separated by NUL. Filled as rows
    // arrive and on demand; dropped when the source changes other than by appending.
    mutable std::vector<QByteArray> m_rows;
};

} // namespace sb
