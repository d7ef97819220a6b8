#pragma once

#include "core/error.h"
#include "core/result.h"
#include "core/segment.h"
#include "core/segmentusage.h"
#include "core/vendorapi.h"
#include "store/storelocation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace sb {

class SyncWriter;

namespace storesql {
class Dialect;
class RecordCompressor;
class RecordDecompressor;
} // namespace storesql

// Whose segments: a profile, and within it an environment where one profile covers several
// (empty otherwise). Each source has its own snapshot; nothing one source does touches another's.
struct SourceKey
{
    QString profile;
    QString environment;

    friend bool operator==(const SourceKey &, const SourceKey &) = default;
};

// The source a profile's segments are kept as: the profile, and for a vendor whose secret reaches
// several places (VendorApi::scopes()) the place the profile names now ("project/environment"),
// so that each environment keeps its own snapshot and history.
SourceKey sourceOf(const VendorApi *vendor, const Profile &profile);

// One sync of one source: a full walk of its segments, and what it did to the snapshot.
struct SyncRun
{
    enum class Outcome { Succeeded, Failed, Cancelled };

    qint64 id = 0;
    QDateTime started;
    QDateTime ended;
    qint64 rows = 0;
    Outcome outcome = Outcome::Succeeded;
    QString error; // why it failed, as the vendor or the disk said; empty when it succeeded
    int added = 0;
    int removed = 0;
    int changed = 0;
    bool baseline = false; // the source's first snapshot: nothing before it to compare with
    // Who ran it: the machine's name and the user's login (empty for syncs from before schema 4).
    QString machine;
    QString user;

    // This process's machine and user, as a sync it runs records them.
    static QString thisMachine();
    static QString thisUser();
    // "anna on build-01", "anna", or empty when the run does not say.
    QString ranBy() const;

    static QString outcomeName(Outcome outcome); // "succeeded", "failed", "cancelled"
    static Outcome outcomeFromName(const QString &name);
};

// A segment that a sync added, removed or changed (in content: the vendor's content fields).
struct SegmentChange
{
    enum class Kind { Added, Removed, Changed };

    Kind kind = Kind::Added;
    QString key;
    QStringList fields; // the content fields that changed (Changed only)
    QByteArray before; // the record before the sync (Removed, Changed)
    QByteArray after; // the record after it (Added, Changed)

    static QString kindName(Kind kind); // "added", "removed", "changed"
};

// Who used the segments of a source at its last successful sync (VendorApi::usage()).
struct StoredUsage
{
    enum class State { None, Known, Failed }; // None: the vendor cannot say, or no sync read it yet
    State state = State::None;
    QString error; // Failed: why the sync could not read it, in the vendor's words
    SegmentUsage usage;
};

// One stored segment of a snapshot, with its history.
struct StoredSegment
{
    Segment segment;
    QString key;
    QDateTime firstSeen;
    QDateTime lastChanged; // when its content last changed (or it was first seen)
};

// A profile's settings without its secret (vendor, API address, the vendor's keys), as the last
// sync of it left them in the store: what a colleague takes from a team's catalog.
struct SharedProfile
{
    Profile profile;
    QDateTime updated; // when that sync ended
    QString machine;
    QString user;
};

// One source as the side bar shows it: its last successful sync, and its last run of any outcome.
struct SourceInfo
{
    SourceKey key;
    QString vendor;
    qint64 segments = 0; // in its snapshot
    QDateTime lastSync; // when its last successful sync ended; invalid: never synced
    std::optional<SyncRun> lastRun; // the newest run, failed or cancelled ones included
};

// What the grid across every source asks of the store. Every condition narrows the rows.
struct EstateQuery
{
    enum class Sort {
        Source,
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
        Users
    };

    // Words, each the start of a word of the segment's key, name, description or tags (case,
    // accents and punctuation aside; the words of estateWords()).
    QString text;
    QStringList vendors; // empty: every vendor
    QList<SourceKey> sources; // empty: every source
    QString tag; // one of the segment's tags, exactly
    QDateTime changedSince; // its content changed (or it was added) at or after; invalid: any time
    bool removed = false; // false: the segments in the snapshots; true: those the syncs removed
    bool unused = false; // only segments nothing uses, where the last sync read who does (VendorApi::usage())
    Sort sort = Sort::Source; // Source: source by source (as first synced), each in the vendor's order
    Qt::SortOrder order = Qt::AscendingOrder;
};

// One row of the grid across every source.
struct EstateRow
{
    qint64 id = 0; // the stored segment, for record()
    QString vendor;
    SourceKey source;
    QString key;
    QString name;
    QString description;
    QStringList tags;
    QDateTime created;
    QDateTime modified;
    QDateTime lastChanged;
    QDateTime removedAt;
    qint64 users = -1; // how many use it (LaunchDarkly: flags); -1 when its sync did not read that
    QByteArray record; // the record as the vendor sent it, when asked for
};

// The words a search matches on, as the store splits a text: runs of letters and digits, lower
// case, without accents. Exposed so that callers and tests split a query the same way.
QStringList estateWords(const QString &text);

// The memory of every sync, through Qt SQL: a local SQLite file, or a team's catalog on PostgreSQL
// (StoreLocation), with the same schema and calls. Per source, the segments of its last
// successful sync with when each was first seen, last changed and removed, every sync run, and
// what each sync changed. A sync is all or nothing: SyncWriter stages the pages it is given and
// commit() applies them in one transaction; a sync that fails, is cancelled or is interrupted
// leaves the previous snapshot exactly as it was. The store knows no vendor: what a segment's
// content is comes from VendorApi. It never holds a secret.
//
// All calls are made on the thread that opened it. Processes may share a store: readers see the
// old snapshot or the new one, never half. On SQLite writers wait for each other (busy timeout);
// on PostgreSQL a sync holds its source's lock from beginSync() to its end, and another sync of
// that source is refused at once, naming who holds it.
class SegmentStore final
{
    Q_DECLARE_TR_FUNCTIONS(sb::SegmentStore)

public:
    // The highest schema this build reads and writes.
    static constexpr int schemaVersion = 5;
    // How long a write waits for another process's write to finish before it fails.
    static constexpr int busyTimeoutMs = 5000;

    // segments.sqlite under QStandardPaths::AppDataLocation.
    static QString defaultPath();

    explicit SegmentStore(const QString &path); // a SQLite file
    // `password`: the catalog's, from the keychain (none for a file, or a catalog that needs none).
    explicit SegmentStore(const StoreLocation &location, const QString &password = {});
    ~SegmentStore();
    SegmentStore(const SegmentStore &) = delete;
    SegmentStore &operator=(const SegmentStore &) = delete;

    // Opens the file (creating it and its folder when missing) and brings an older schema up to
    // date. A file that is not a database, is damaged, is locked for longer than the busy timeout,
    // or was written by a newer version is an Error::Kind::Storage naming the file; such a file is
    // never changed.
    Error open();
    bool isOpen() const { return m_open; }
    // The file, or the catalog's URL (without any secret): for messages.
    QString path() const { return m_location.displayUrl(); }
    const StoreLocation &location() const { return m_location; }
    bool isCatalog() const; // on PostgreSQL
    QString displayPath() const; // path(), as this system writes a file's; a catalog's URL as it is
    // Why open() failed last; None when it opened or was not tried.
    Error openError() const { return m_openError; }

    // The last successful sync of `source`; nullopt when it has none.
    Result<std::optional<SyncRun>> lastSync(const SourceKey &source) const;
    // Every sync run of `source`, newest first.
    Result<QList<SyncRun>> syncRuns(const SourceKey &source) const;
    // The segments of the snapshot, in the order the vendor listed them; `columns` are typed from
    // each record as a live listing types them. `limit` < 0: all from `offset` on.
    Result<QList<StoredSegment>> snapshot(const SourceKey &source, const QList<Column> &columns, qint64 offset = 0,
                                          qint64 limit = -1) const;
    Result<qint64> snapshotSize(const SourceKey &source) const;
    // The snapshot's segments in the vendor's order, `chunk` at a time, as a comparison reads them,
    // with the content hashes their sync computed: no record is parsed
    // (estate.cpp); `each` returns an error to stop.
    Error forEachSnapshotEntry(const SourceKey &source, qsizetype chunk,
                               const std::function<Error(const QList<ComparedRecord> &)> &each) const;
    // The same, for the snapshot that successful sync run `run` (syncRuns()) left, read back from
    // what the syncs since then changed (history.cpp): each segment's content as it was then (its
    // bookkeeping, such as versions and timestamps, may be a later sync's); `vendor` names and
    // hashes the records that changed since. The last sync's run reads the snapshot itself.
    Error forEachSnapshotEntryAt(const SourceKey &source, qint64 run, const VendorApi *vendor, qsizetype chunk,
                                 const std::function<Error(const QList<ComparedRecord> &)> &each) const;
    // Who used the snapshot's segments, as its sync read it (usage.cpp).
    Result<StoredUsage> storedUsage(const SourceKey &source) const;
    // What the last successful sync changed against the one before it: removed first, then
    // added and changed in the vendor's order. Empty after the first (baseline) sync.
    Result<QList<SegmentChange>> lastChanges(const SourceKey &source) const;
    // Forgets every snapshot and run of a profile, and its shared settings.
    Error removeProfile(const QString &profile);
    // The profiles that synced into the store, by name (sharedprofiles.cpp).
    Result<QList<SharedProfile>> sharedProfiles() const;
    // A renamed profile keeps its snapshots, runs and changes. Whatever is stored under `to` (left
    // by a profile of that name that no longer exists) is dropped; in one transaction.
    Error renameProfile(const QString &from, const QString &to);

    // Every source with a sync (successful or not), by vendor, then profile, then environment.
    Result<QList<SourceInfo>> sources() const;
    // The grid across every source: how many rows match, and `limit` of them from `offset` on.
    Result<qint64> estateCount(const EstateQuery &query) const;
    // `withRecords`: each row's record too (EstateRow::record).
    Result<QList<EstateRow>> estateRows(const EstateQuery &query, qint64 offset, qint64 limit,
                                        bool withRecords = false) const;
    // Every matching row in turn, in one read (an export of them all); `withRecords`: each row's
    // record too. `row` returns false to stop.
    Error forEachEstateRow(const EstateQuery &query, bool withRecords,
                           const std::function<bool(const EstateRow &)> &row) const;
    // The record of a stored segment (EstateRow::id) as the vendor sent it.
    Result<QByteArray> storedRecord(qint64 id) const;

    // Starts a sync of `source` (a profile of vendor `vendor`). Nothing in the store changes until
    // the writer's commit().
    std::unique_ptr<SyncWriter> beginSync(const SourceKey &source, const VendorApi *vendor);

private:
    friend class SyncWriter;
    Error openSqlite();
    Error openPostgreSql();
    Error newerSchema(int version) const;
    Error failure(const QString &what, const QString &detail) const;
    // A sync's hold on its source, from beginSync() to its end (PostgreSQL's advisory lock; SQLite
    // serialises writers by its file lock instead): an error naming who holds it.
    Error lockSource(const SourceKey &source);
    void unlockSource(const SourceKey &source);
    Result<qint64> sourceId(const SourceKey &source, const QString &vendor, bool create);
    std::optional<qint64> existingSourceId(const SourceKey &source) const;
    // A stored record as the vendor sent it: `stored` decompressed with dictionary `dictionary`
    // (0: kept as it came). A record that does not decompress is a damaged store.
    Result<QByteArray> record(qint64 dictionary, const QByteArray &stored) const;
    Error readEstate(const EstateQuery &query, qint64 offset, qint64 limit, bool withRecords,
                     const std::function<bool(const EstateRow &)> &each) const;
    // The FROM and WHERE of an estate query, with its bound values in order.
    QString estateWhere(const EstateQuery &query, QVariantList &values) const;

    StoreLocation m_location;
    QString m_password;
    const storesql::Dialect *m_dialect;
    QString m_connection; // the Qt SQL connection's name, one per store
    bool m_open = false;
    Error m_openError;
    int m_nextStaging = 0;
    QStringList m_spentStaging; // staging tables of committed syncs, dropped before the next one
    mutable QHash<qint64, std::shared_ptr<storesql::RecordDecompressor>> m_decompressors; // by dictionary
    void dropSpentStaging();
};

// One sync in progress: add() every page in the vendor's order, then commit(), or abandon().
// Destroyed without either, it is abandoned as cancelled. The pages wait in a temporary table of
// the store's connection, so the snapshot stays readable, and writable by others, meanwhile.
class SyncWriter final
{
    Q_DECLARE_TR_FUNCTIONS(sb::SyncWriter)

public:
    ~SyncWriter();
    SyncWriter(const SyncWriter &) = delete;
    SyncWriter &operator=(const SyncWriter &) = delete;

    // The error that stopped the writer before any page (a store that is not open); None when fine.
    Error error() const { return m_error; }
    qint64 rows() const { return m_rows; }

    Error add(const QList<Segment> &segments);
    // Who uses the segments, read by the same sync (kept with the snapshot by commit()); or why it
    // could not be read: the segments are kept all the same, with the error in place of the usage.
    void setUsage(const SegmentUsage &usage)
    {
        m_usage = usage;
        m_usageError = {};
    }
    void setUsageError(const Error &error)
    {
        m_usage.reset();
        m_usageError = error;
    }
    // The profile synced, whose settings (never its secret) commit() keeps for colleagues to take.
    void setProfile(const Profile &profile) { m_profile = profile; }
    // Applies the staged pages as the source's new snapshot, in one transaction, and records the
    // run and its changes. On failure nothing is applied and the run is recorded as failed.
    Result<SyncRun> commit();
    // Records the run as failed (or cancelled, for Error::Kind::Cancelled) with `why`; the
    // snapshot is not touched.
    void abandon(const Error &why);

private:
    friend class SegmentStore;
    // A listed segment, as far as a sync's comparison needs it; its record waits in the staging table.
    struct Listed
    {
        QString key;
        qint64 contentHash = 0;
        qint64 bytesHash = 0; // of the record as stored (compressed or not)
        bool compressed = false; // with this sync's dictionary
    };
    // A record that waits for the dictionary to be settled, with what the grid across sources
    // shows of it.
    struct Held
    {
        QByteArray json;
        SegmentSummary summary;
    };

    SyncWriter(SegmentStore *store, const SourceKey &source, const VendorApi *vendor, int staging);
    void dropStaging();
    void unlock(); // the source's lock (SegmentStore::lockSource), once
    void recordFailure(const Error &why);
    // Decides how records are kept (the source's dictionary, a new one trained on the held records,
    // or none), then stages the held records.
    Error settleDictionary(bool final);
    Error stage(const QList<Held> &records, qsizetype first);
    // The usage set for this sync, in place of the source's (inside commit's transaction; usage.cpp).
    Error writeUsage(qint64 source);
    // The profile's settings (setProfile()), as the store shares them (sharedprofiles.cpp).
    Error writeProfile(qint64 now);
    // Applies the staged listing to the snapshot of `source` (inside commit's transaction) and
    // records its changes under run.id; `seen` is when the previous snapshot was taken.
    Error apply(qint64 source, qint64 seen, qint64 now, SyncRun &run);

    SegmentStore *m_store;
    SourceKey m_source;
    const VendorApi *m_vendor;
    QString m_table; // the temporary staging table
    QDateTime m_started;
    qint64 m_rows = 0;
    Error m_error;
    bool m_done = false;
    bool m_locked = false;

    QList<Listed> m_listed; // in the vendor's order; the ordinal in the staging table is the index
    QSet<QString> m_keys;
    QList<Held> m_held; // records of m_listed from m_staged on, until the dictionary is settled
    qsizetype m_staged = 0;
    bool m_settled = false;
    qint64 m_dictionaryId = 0; // the source's dictionary this sync compresses with; 0: new or none
    QByteArray m_newDictionary; // trained by this sync; saved when it commits
    std::unique_ptr<storesql::RecordCompressor> m_compressor;
    std::optional<SegmentUsage> m_usage;
    Error m_usageError;
    std::optional<Profile> m_profile;
};

} // namespace sb
