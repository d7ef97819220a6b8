#pragma once

#include "store/segmentstore.h"

#include <QAbstractTableModel>
#include <QJsonObject>

namespace sb {

// The grid across every source: the store's segments of every profile (and environment) in one
// table, read from the store a page at a time as the view scrolls (canFetchMore/fetchMore), with
// the store's search, filters and sort (sort() asks the store; nothing is sorted in memory).
class EstateModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Vendor,
        Account,
        Environment,
        Key,
        Name,
        Description,
        Tags,
        Created,
        Modified,
        LastChanged,
        Users,
        Count
    };
    static constexpr int pageSize = 500;

    explicit EstateModel(QObject *parent = nullptr);

    // The store is not owned and outlives the model; nullptr: an empty grid.
    void setStore(const SegmentStore *store);
    void setQuery(const EstateQuery &query);
    EstateQuery query() const { return m_query; }
    // Fields of the vendors' records shown as columns after the common ones ("rules", "owner.id"):
    // empty where a vendor's record has no such field. They are not sorted on.
    void setExtraFields(const QStringList &fields);
    QStringList extraFields() const { return m_extraFields; }
    // Reads the first page again (after a sync).
    void refresh();
    // How many rows match (all of them, not only those read so far); -1 until counted. The first
    // page comes at once; the count on the next turn of the event loop (totalChanged), so that a
    // search shows its first rows without waiting for all its matches to be counted.
    qint64 total() const { return m_total; }
    // The store's error, when the last read failed; empty otherwise.
    QString errorText() const { return m_error; }
    const EstateRow *row(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    // The heading of the Users column: what uses a segment, in the vendors' words ("Flags").
    static QString usersTitle();
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order) override;

signals:
    // The rows were read anew (a new query, sort or refresh): errorText() may differ.
    void reset();
    void totalChanged(qint64 total);

private:
    QList<EstateRow> readPage(qint64 offset);
    void count(quint64 generation);
    bool m_lastPageShort = false; // a page came back with fewer rows than asked: no more to read

    const SegmentStore *m_store = nullptr;
    EstateQuery m_query;
    QList<EstateRow> m_rows;
    QList<QJsonObject> m_records; // the rows' records, read, while extra fields are shown
    QStringList m_extraFields;
    bool m_fetching = false; // a page is asked for and comes on the next turn of the event loop
    quint64 m_generation = 0; // a page asked for before a reset is dropped
    qint64 m_total = -1;
    QString m_error;
};

} // namespace sb
