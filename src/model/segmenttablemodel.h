#pragma once

#include "core/error.h"
#include "core/page.h"
#include "core/profile.h"
#include "core/result.h"
#include "core/segment.h"
#include "core/segmentusage.h"
#include "net/pagefetcher.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QMultiHash>
#include <QPointer>

#include <functional>

namespace sb {

// The segments of one profile and query, loaded page by page as the view asks for more
// (canFetchMore/fetchMore). At most one request is in flight; a reply for a superseded
// query is dropped; the last page ends the loading; a failure becomes a state with retry(),
// not a dialog. Sorting goes to the server where the vendor sorts; elsewhere it does nothing.
class SegmentTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role {
        RawValueRole = Qt::UserRole + 1, // the typed value (QString, bool, qint64, QStringList)
        RecordJsonRole, // the vendor's whole record as compact JSON bytes
        RecordKeyRole, // the record's key or id
    };

    explicit SegmentTableModel(QObject *parent = nullptr);
    ~SegmentTableModel() override;

    // A new source or query resets the model; loading starts when the view asks.
    void setSource(const VendorApi *vendor, const Profile &profile, const QString &secret);
    void clearSource();
    void setQuery(const Query &query);
    void reload();
    void retry();
    void setPageSize(int pageSize) { m_pageSize = pageSize; }

    // Rows of a stored snapshot instead of the vendor's: `read(offset, limit)` gives `total` rows in
    // the vendor's order, taken as the view scrolls, as pages are. The source (setSource) stays:
    // a new query, a sort or reload() goes back to the vendor.
    using SnapshotReader = std::function<Result<QList<Segment>>(qint64 offset, int limit)>;
    void showSnapshot(qint64 total, const QDateTime &asOf, SnapshotReader read);
    bool isSnapshot() const { return bool(m_snapshot); }
    SnapshotReader snapshotReader() const { return m_snapshot; } // for an export of the whole snapshot
    QDateTime snapshotTime() const { return m_snapshotTime; }

    const VendorApi *vendor() const { return m_vendor; }
    const Profile &profile() const { return m_profile; }
    const Query &query() const { return m_query; }
    PageFetcher *fetcher() const { return m_fetcher; }
    QString secret() const { return m_secret; } // for an export's own PageFetcher; memory only
    QList<Column> columns() const { return m_columns; }
    // Fields of the vendor's record shown after the default columns ("rules", "owner.id"),
    // read from each row's JSON when shown. Columns change in place; rows stay loaded.
    void setExtraFields(const QStringList &fields);
    QStringList extraFields() const;
    int defaultColumnCount() const { return int(m_columns.size() - m_extraCount); }
    // The fields found in the first `sampleRows` loaded records (nested objects one level deep,
    // as "owner.id"), sorted: what the user can add as columns.
    QStringList recordFields(int sampleRows = 200) const;
    const Segment &segment(int row) const { return m_rows.at(row); }

    qint64 loadedCount() const { return m_rows.size(); }
    qint64 total() const { return m_total; }
    bool isLoading() const { return m_inFlight != 0; }
    bool hasMore() const { return m_next.has_value(); }
    bool isComplete() const { return m_vendor && !m_next && !m_error.isError() && m_started; }
    Error error() const { return m_error; }
    // "Loaded 120 of 1,234", "120 loaded, more available", "1,234 segments"; a snapshot adds
    // "as of 2 Dec 09:14".
    QString statusText() const;

    // Who uses each segment, for vendors that can say (VendorApi::usage(): LaunchDarkly's flags): a
    // column after the vendor's own, filled by one walk of the usage listing that starts with the
    // source. Until the walk ends its cells say so; a failed walk puts its error in their place.
    enum class UsageState { None, Loading, Known, Failed };
    UsageState usageState() const { return m_usageState; }
    int usageColumn() const { return m_usageColumn; } // -1 when the vendor cannot say
    Error usageError() const { return m_usageError; }
    const SegmentUsage &usage() const { return m_usage; }
    QList<SegmentUser> usersOf(int row) const;
    // Walks the usage listing again (Retry).
    void reloadUsage();
    // The usage as a stored snapshot's sync read it, in place of a walk of the vendor's listing.
    void setKnownUsage(const SegmentUsage &usage);

    bool isColumnSortable(int column) const;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    // Loading, error, totals or the query changed.
    void stateChanged();
    // A page hit a transient failure and is asked again in delayMs ("rate limited, retrying in 4 s").
    void retrying(const sb::Error &reason, int delayMs);
    // The page being read has had no byte for quietMs; it is given up in giveUpInMs (every second).
    void stalled(qint64 quietMs, qint64 giveUpInMs);
    // The usage walk started, ended or failed.
    void usageChanged();

private:
    void resetRows();
    void startUsage();
    QVariant usageData(const Segment &s, int role) const;
    void usageCellsChanged();
    void onPage(quint64 id, const Page &page);
    void onFailed(quint64 id, const Error &error);
    QList<Segment> readSnapshotRows();
    void appendSnapshotRows(); // inside a reset only
    static constexpr quint64 kSnapshotRead = ~quint64(0); // m_inFlight while a snapshot chunk is due

    const VendorApi *m_vendor = nullptr;
    Profile m_profile;
    QString m_secret;
    Query m_query;
    QPointer<PageFetcher> m_fetcher;
    QList<Column> m_columns;
    QList<Segment> m_rows;
    // Every loaded row by its record's hash, to notice a record the server sends again. Hashes, not
    // the records: growing a set of 100,000 records hashed them all again, a stall of tens of ms.
    QMultiHash<size_t, int> m_rowsByHash;
    std::optional<Cursor> m_next;
    qint64 m_total = -1;
    quint64 m_inFlight = 0; // the one request in flight, 0 when none
    quint64 m_generation = 0; // bumped by every reset; replies of older generations are dropped
    quint64 m_inFlightGeneration = 0;
    bool m_started = false;
    Error m_error;
    int m_pageSize = 0;
    int m_sortColumn = -1;
    qsizetype m_extraCount = 0;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    int m_usageColumn = -1;
    UsageState m_usageState = UsageState::None;
    SegmentUsage m_usage;
    Error m_usageError;
    QPointer<QObject> m_usageWalk; // the UsageWalk in progress
    SnapshotReader m_snapshot; // set while the rows come from a stored snapshot
    QDateTime m_snapshotTime;
    qint64 m_snapshotTotal = 0;
};

} // namespace sb
