#include "segmenttablemodel.h"
#include "core/timetext.h"

#include "core/logging.h"
#include "core/vendorapi.h"
#include "net/accountwalk.h"
#include "net/pagefetcher.h"
#include "valueformat.h"

#include <QJsonObject>
#include <QLocale>
#include <QSet>
#include <QTimer>

#include <algorithm>

namespace sb {

SegmentTableModel::SegmentTableModel(QObject *parent) : QAbstractTableModel(parent)
{ }

SegmentTableModel::~SegmentTableModel() = default;

void SegmentTableModel::setSource(const VendorApi *vendor, const Profile &profile, const QString &secret)
{
    beginResetModel();
    delete m_fetcher; // cancels whatever it had in flight
    m_vendor = vendor;
    m_profile = profile;
    m_secret = secret;
    m_query = {};
    m_sortColumn = -1;
    m_columns = vendor ? vendor->columns() : QList<Column> {};
    m_extraCount = 0;
    m_usageColumn = -1;
    if (vendor && vendor->tracksUsage()) {
        m_usageColumn = int(m_columns.size());
        m_columns.append({vendor->usage().field, ValueType::String}); // as CSV writes it: the keys
    }
    if (vendor) {
        m_fetcher = new PageFetcher(vendor, profile, secret, this);
        connect(m_fetcher, &PageFetcher::pageReady, this, &SegmentTableModel::onPage);
        connect(m_fetcher, &PageFetcher::failed, this, &SegmentTableModel::onFailed);
        connect(m_fetcher, &PageFetcher::retrying, this, [this](quint64 id, const Error &reason, int delayMs, int) {
            if (id == m_inFlight)
                emit retrying(reason, delayMs);
        });
        connect(m_fetcher, &PageFetcher::stalled, this, [this](quint64 id, qint64 quietMs, qint64 giveUpInMs) {
            // The page, or the access token it waits for (id 0).
            if (id == m_inFlight || (id == 0 && m_inFlight != 0))
                emit stalled(quietMs, giveUpInMs);
        });
    }
    resetRows();
    endResetModel();
    startUsage();
    emit stateChanged();
}

void SegmentTableModel::startUsage()
{
    delete m_usageWalk; // cancels its requests
    m_usage = SegmentUsage();
    m_usageError = {};
    m_usageState = m_usageColumn >= 0 ? UsageState::Loading : UsageState::None;
    if (m_usageColumn >= 0 && m_secret.isEmpty()) {
        // A snapshot browsed without the key: who uses its segments is what its sync stored, if anything.
        m_usageState = UsageState::Failed;
        m_usageError = Error::usage(tr("The %1 are read from %2, which needs the profile's key")
                                        .arg(m_vendor->usage().title.toLower(), m_vendor->displayName()));
    } else if (m_usageColumn >= 0) {
        auto *walk = new UsageWalk(m_vendor, m_profile, m_secret, this);
        m_usageWalk = walk;
        connect(walk, &UsageWalk::finished, this, [this, walk](const SegmentUsage &usage) {
            m_usage = usage;
            m_usageState = UsageState::Known;
            walk->deleteLater();
            usageCellsChanged();
        });
        connect(walk, &UsageWalk::failed, this, [this, walk](const Error &error) {
            m_usageError = error;
            m_usageState = UsageState::Failed;
            walk->deleteLater();
            usageCellsChanged();
        });
        walk->start();
    }
    usageCellsChanged();
}

void SegmentTableModel::reloadUsage()
{
    if (m_usageColumn >= 0)
        startUsage();
}

void SegmentTableModel::setKnownUsage(const SegmentUsage &usage)
{
    if (m_usageColumn < 0)
        return;
    delete m_usageWalk;
    m_usage = usage;
    m_usageError = {};
    m_usageState = UsageState::Known;
    usageCellsChanged();
}

void SegmentTableModel::usageCellsChanged()
{
    if (m_usageColumn >= 0 && !m_rows.isEmpty())
        emit dataChanged(index(0, m_usageColumn), index(int(m_rows.size()) - 1, m_usageColumn));
    if (m_usageColumn >= 0)
        emit headerDataChanged(Qt::Horizontal, m_usageColumn, m_usageColumn);
    emit usageChanged();
}

QList<SegmentUser> SegmentTableModel::usersOf(int row) const
{
    if (m_usageState != UsageState::Known || row < 0 || row >= m_rows.size() || !m_vendor)
        return {};
    return m_usage.usersOf(m_vendor->recordKey(m_rows.at(row).object()));
}

void SegmentTableModel::setExtraFields(const QStringList &fields)
{
    if (fields == extraFields())
        return;
    const int first = defaultColumnCount();
    if (m_extraCount > 0) {
        beginRemoveColumns({}, first, int(m_columns.size()) - 1);
        m_columns.resize(first);
        m_extraCount = 0;
        endRemoveColumns();
    }
    QList<Column> extra;
    for (const QString &field : fields) {
        const bool known =
            std::any_of(m_columns.cbegin(), m_columns.cend(), [&](const Column &c) { return c.field == field; });
        if (!field.isEmpty() && !known
            && std::none_of(extra.cbegin(), extra.cend(), [&](const Column &c) { return c.field == field; }))
            extra.append({field, ValueType::Json});
    }
    if (extra.isEmpty() || !m_vendor)
        return;
    beginInsertColumns({}, first, first + int(extra.size()) - 1);
    m_columns += extra;
    m_extraCount = extra.size();
    endInsertColumns();
}

QStringList SegmentTableModel::extraFields() const
{
    QStringList out;
    for (qsizetype i = defaultColumnCount(); i < m_columns.size(); ++i)
        out.append(m_columns.at(i).field);
    return out;
}

QStringList SegmentTableModel::recordFields(int sampleRows) const
{
    QSet<QString> fields;
    const qsizetype n = qMin<qsizetype>(sampleRows, m_rows.size());
    for (qsizetype i = 0; i < n; ++i) {
        const QJsonObject record = m_rows.at(i).object();
        for (auto it = record.begin(); it != record.end(); ++it) {
            if (it.value().isObject()) {
                const QJsonObject inner = it.value().toObject();
                for (auto jt = inner.begin(); jt != inner.end(); ++jt)
                    fields.insert(it.key() + QLatin1Char('.') + jt.key());
            } else {
                fields.insert(it.key());
            }
        }
    }
    QStringList out(fields.cbegin(), fields.cend());
    out.sort(Qt::CaseInsensitive);
    return out;
}

void SegmentTableModel::clearSource()
{
    setSource(nullptr, {}, {});
}

void SegmentTableModel::setQuery(const Query &query)
{
    beginResetModel();
    m_query = query;
    resetRows();
    endResetModel();
    emit stateChanged();
}

void SegmentTableModel::reload()
{
    setQuery(m_query);
}

void SegmentTableModel::showSnapshot(qint64 total, const QDateTime &asOf, SnapshotReader read)
{
    beginResetModel();
    m_query = {};
    m_sortColumn = -1;
    resetRows(); // cancels any page in flight
    m_snapshot = std::move(read);
    m_snapshotTime = asOf;
    m_snapshotTotal = total;
    m_total = total;
    if (total <= 0)
        m_next.reset();
    m_started = true;
    appendSnapshotRows(); // the first rows at once, inside the reset: nothing to wait for
    endResetModel();
    emit stateChanged();
}

void SegmentTableModel::resetRows()
{
    ++m_generation;
    m_snapshot = nullptr;
    m_snapshotTime = {};
    if (m_fetcher)
        m_fetcher->setQuery(m_query); // cancels the request of the previous generation
    m_rows.clear();
    m_rows.squeeze();
    m_rowsByHash.clear();
    m_next = Cursor {};
    m_total = -1;
    m_inFlight = 0;
    m_started = false;
    m_error = {};
    if (!m_vendor)
        m_next.reset();
}

void SegmentTableModel::retry()
{
    if (!m_error.isError())
        return;
    m_error = {};
    emit stateChanged();
    if (canFetchMore({}))
        fetchMore({});
}

QString SegmentTableModel::statusText() const
{
    const QLocale locale;
    const qint64 loaded = m_rows.size();
    if (m_snapshot) {
        const QString asOf = localDateTimeText(m_snapshotTime);
        if (!m_next)
            return loaded == 1 ? tr("1 segment, as of %1").arg(asOf)
                               : tr("%1 segments, as of %2").arg(locale.toString(loaded), asOf);
        return tr("Loaded %1 of %2, as of %3").arg(locale.toString(loaded), locale.toString(m_total), asOf);
    }
    // Nothing loaded yet: nothing to count ("Loading…" is the browser's to add). After an error,
    // only what is there: the banner says the rest.
    if (loaded == 0 && (isLoading() || m_error.isError()))
        return {};
    if (m_error.isError())
        return loaded == 1 ? tr("1 loaded") : tr("%1 loaded").arg(locale.toString(loaded));
    // A total its own pages contradict: the pages are followed, and the status says so.
    const bool totalWrong = m_total >= 0 && (loaded > m_total || (!m_next && m_started && loaded != m_total));
    if (totalWrong && m_next)
        return tr("%1 loaded, more available (the server's total of %2 is wrong)")
            .arg(locale.toString(loaded), locale.toString(m_total));
    if (totalWrong)
        return tr("%1 segments (the server said %2)").arg(locale.toString(loaded), locale.toString(m_total));
    if (!m_next && m_started)
        return loaded == 1 ? tr("1 segment") : tr("%1 segments").arg(locale.toString(loaded));
    if (m_total >= 0)
        return tr("Loaded %1 of %2").arg(locale.toString(loaded), locale.toString(m_total));
    if (m_started)
        return tr("%1 loaded, more available").arg(locale.toString(loaded));
    return {};
}

bool SegmentTableModel::isColumnSortable(int column) const
{
    if (!m_vendor || column < 0 || column >= m_columns.size())
        return false;
    return !m_vendor->sortKeyForField(m_columns.at(column).field).isEmpty();
}

int SegmentTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SegmentTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant SegmentTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Segment &s = m_rows.at(index.row());
    const Column &c = m_columns.at(index.column());
    if (index.column() == m_usageColumn)
        return usageData(s, role);
    // Extra columns are not parsed up front: only the rows on screen ever read them.
    const QVariant value = index.column() < s.values.size() ? s.values.at(index.column()) : extractValue(s.object(), c);
    switch (role) {
    case Qt::DisplayRole:
        return displayText(value, c.type);
    case Qt::ToolTipRole: {
        const QString tip = toolTipText(value, c.type);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::TextAlignmentRole:
        if (c.type == ValueType::Integer)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RawValueRole:
        return value;
    case RecordJsonRole:
        return s.json;
    case RecordKeyRole:
        return m_vendor ? m_vendor->recordKey(s.object()) : QString();
    default:
        return {};
    }
}

QVariant SegmentTableModel::usageData(const Segment &s, int role) const
{
    const int count = m_usageState == UsageState::Known ? m_usage.countOf(m_vendor->recordKey(s.object())) : 0;
    switch (role) {
    case Qt::DisplayRole:
        if (m_usageState == UsageState::Known)
            return QLocale().toString(count);
        // The error in place of the counts: the column is narrow, its tooltip has all of it.
        return m_usageState == UsageState::Failed ? m_usageError.message : tr("…");
    case Qt::ToolTipRole:
        if (m_usageState == UsageState::Failed)
            return tr("Could not read the %1: %2").arg(m_vendor->usage().title.toLower(), m_usageError.toString());
        if (m_usageState == UsageState::Loading)
            return tr("Reading the %1…").arg(m_vendor->usage().title.toLower());
        return {};
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case RawValueRole:
        return m_usageState == UsageState::Known ? QVariant(qint64(count)) : QVariant();
    case RecordJsonRole:
        return s.json;
    case RecordKeyRole:
        return m_vendor->recordKey(s.object());
    default:
        return {};
    }
}

QVariant SegmentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && section >= 0 && section < m_columns.size()) {
        const QString &field = m_columns.at(section).field;
        if (role == Qt::DisplayRole)
            return section == m_usageColumn ? m_vendor->usage().title : m_vendor->fieldLabel(field);
        if (role == Qt::ToolTipRole && section == m_usageColumn)
            return m_usageState == UsageState::Failed
                ? tr("Could not read the %1: %2").arg(m_vendor->usage().title.toLower(), m_usageError.toString())
                : tr("How many %1 use the segment (%2)")
                      .arg(m_vendor->usage().title.toLower(), m_columns.at(section).field);
        // The field as the API and the CSV name it, and what a click does.
        if (role == Qt::ToolTipRole && isColumnSortable(section))
            return tr("%1 — click to sort on the server").arg(field);
        if (role == Qt::ToolTipRole)
            return field;
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

bool SegmentTableModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.isValid() || (!m_fetcher && !m_snapshot))
        return false;
    return m_next.has_value() && m_inFlight == 0 && !m_error.isError();
}

void SegmentTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    if (m_snapshot) {
        // Read on the next turn of the event loop, as a page would arrive: a view (or a tester)
        // that asks from inside its own reaction to a change must not see rows appear under it.
        m_inFlight = kSnapshotRead;
        m_inFlightGeneration = m_generation;
        QTimer::singleShot(0, this, [this, generation = m_generation] {
            if (generation != m_generation || m_inFlight != kSnapshotRead)
                return;
            m_inFlight = 0;
            const int first = int(m_rows.size());
            const QList<Segment> rows = readSnapshotRows();
            if (!rows.isEmpty()) {
                beginInsertRows({}, first, first + int(rows.size()) - 1);
                m_rows.append(rows);
                endInsertRows();
            }
            emit stateChanged();
        });
        emit stateChanged();
        return;
    }
    const bool first = !m_started;
    m_started = true;
    m_inFlightGeneration = m_generation;
    m_inFlight = m_fetcher->fetch(*m_next, m_pageSize, first);
    emit stateChanged();
}

void SegmentTableModel::onPage(quint64 id, const Page &page)
{
    if (id != m_inFlight || m_inFlightGeneration != m_generation)
        return; // a reply to a superseded query
    m_inFlight = 0;
    // A record that came before means the list moved under the walk (rows were added or removed
    // between pages): rows may be missing too. Stop where we are; retry() asks this page again.
    const int first = int(m_rows.size());
    QMultiHash<size_t, int> pageRows; // this page's rows checked so far, by hash
    const auto among = [](const QMultiHash<size_t, int> &rows, size_t hash, const QByteArray &json, auto jsonOf) {
        for (auto it = rows.constFind(hash); it != rows.cend() && it.key() == hash; ++it) {
            if (jsonOf(it.value()) == json)
                return true;
        }
        return false;
    };
    for (int i = 0; i < int(page.segments.size()); ++i) {
        const Segment &s = page.segments.at(i);
        const size_t hash = page.rowHash(i);
        if (among(m_rowsByHash, hash, s.json, [&](int row) -> const QByteArray & { return m_rows.at(row).json; })
            || among(pageRows, hash, s.json, [&](int j) -> const QByteArray & { return page.segments.at(j).json; })) {
            m_error = Error::parse(tr("The server sent segment \"%1\" a second time: the list changed while it was "
                                      "loading. Reload to start again.")
                                       .arg(m_vendor->recordKey(s.object())));
            emit stateChanged();
            return;
        }
        pageRows.insert(hash, i);
    }
    for (auto it = pageRows.cbegin(); it != pageRows.cend(); ++it)
        m_rowsByHash.insert(it.key(), first + it.value());
    if (page.total >= 0)
        m_total = page.total;
    // The cursor moves before the rows go in: a view (or a tester) reacting to rowsInserted may
    // call fetchMore at once, and must ask for the page after this one.
    m_next = page.next;
    if (!page.segments.isEmpty()) {
        beginInsertRows({}, first, first + int(page.segments.size()) - 1);
        m_rows.append(page.segments);
        endInsertRows();
    }
    qCDebug(lcModel) << "loaded" << m_rows.size() << "rows; more:" << m_next.has_value();
    emit stateChanged();
}

QList<Segment> SegmentTableModel::readSnapshotRows()
{
    // From a local file: a screenful first (the window paints sooner), then chunks a view takes at once.
    const qint64 offset = m_rows.size();
    const int chunk = offset == 0 ? 250 : 2000;
    const Result<QList<Segment>> rows = m_snapshot(offset, chunk);
    if (!rows) {
        m_error = rows.error();
        return {};
    }
    if (offset + rows.value().size() >= m_snapshotTotal || rows.value().size() < chunk)
        m_next.reset();
    return rows.value();
}

void SegmentTableModel::appendSnapshotRows()
{
    m_rows.append(readSnapshotRows());
}

void SegmentTableModel::onFailed(quint64 id, const Error &error)
{
    if (id != m_inFlight || m_inFlightGeneration != m_generation)
        return;
    m_inFlight = 0;
    m_error = error;
    emit stateChanged();
}

void SegmentTableModel::sort(int column, Qt::SortOrder order)
{
    if (!isColumnSortable(column)) {
        if (column < 0 && !m_query.sort.isEmpty()) {
            m_sortColumn = -1;
            Query q = m_query;
            q.sort.clear();
            setQuery(q);
        }
        return;
    }
    const QString key = m_vendor->sortKeyForField(m_columns.at(column).field);
    m_sortColumn = column;
    m_sortOrder = order;
    Query q = m_query;
    q.sort = order == Qt::DescendingOrder ? QLatin1Char('-') + key : key;
    if (q != m_query)
        setQuery(q);
}

} // namespace sb
