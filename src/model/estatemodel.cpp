#include "estatemodel.h"
#include "core/timetext.h"

#include "core/vendorapi.h"
#include "vendors/registry.h"

#include <QJsonDocument>
#include <QLocale>

namespace sb {

EstateModel::EstateModel(QObject *parent) : QAbstractTableModel(parent)
{ }

void EstateModel::setStore(const SegmentStore *store)
{
    m_store = store;
    refresh();
}

void EstateModel::setQuery(const EstateQuery &query)
{
    m_query = query;
    refresh();
}

void EstateModel::setExtraFields(const QStringList &fields)
{
    m_extraFields = fields;
    refresh();
}

void EstateModel::refresh()
{
    ++m_generation;
    m_fetching = false;
    beginResetModel();
    m_rows.clear();
    m_records.clear();
    m_error.clear();
    m_total = -1;
    m_lastPageShort = false;
    if (m_store && m_store->isOpen())
        m_rows = readPage(0);
    if (m_lastPageShort)
        m_total = m_rows.size(); // all of them are here: nothing to count
    endResetModel();
    emit reset();
    if (m_store && m_store->isOpen() && m_error.isEmpty() && m_total < 0)
        QMetaObject::invokeMethod(
            this, [this, generation = m_generation] { count(generation); }, Qt::QueuedConnection);
}

void EstateModel::count(quint64 generation)
{
    if (generation != m_generation || !m_store)
        return;
    const Result<qint64> total = m_store->estateCount(m_query);
    if (!total) {
        m_error = total.error().message;
        emit totalChanged(-1);
        return;
    }
    m_total = total.value();
    emit totalChanged(m_total);
}

QList<EstateRow> EstateModel::readPage(qint64 offset)
{
    const Result<QList<EstateRow>> rows = m_store->estateRows(m_query, offset, pageSize, !m_extraFields.isEmpty());
    if (!rows) {
        m_error = rows.error().message;
        return {};
    }
    m_lastPageShort = rows.value().size() < pageSize;
    if (!m_extraFields.isEmpty()) {
        for (const EstateRow &row : rows.value())
            m_records.append(QJsonDocument::fromJson(row.record).object());
    }
    return rows.value();
}

const EstateRow *EstateModel::row(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int EstateModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EstateModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count + int(m_extraFields.size());
}

QVariant EstateModel::data(const QModelIndex &index, int role) const
{
    const EstateRow *r = index.isValid() ? row(index.row()) : nullptr;
    if (!r)
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {}; // the row itself, with its id and source, is row()
    if (index.column() >= Count) {
        const QJsonObject record = m_records.value(index.row());
        const QVariant value = extractValue(record, {m_extraFields.value(index.column() - Count), ValueType::Json});
        return value.typeId() == QMetaType::QStringList ? value.toStringList().join(QStringLiteral(", "))
                                                        : value.toString();
    }
    switch (Column(index.column())) {
    case Vendor: {
        const VendorApi *api = vendorById(r->vendor);
        return api ? api->displayName() : r->vendor;
    }
    case Account:
        return r->source.profile;
    case Environment:
        return r->source.environment;
    case Key:
        return r->key;
    case Name:
        return r->name;
    case Description:
        return role == Qt::DisplayRole ? QString(r->description).replace(QLatin1Char('\n'), QLatin1Char(' '))
                                       : r->description;
    case Tags:
        return r->tags.join(QStringLiteral(", "));
    case Created:
        return localDateTimeText(r->created);
    case Modified:
        return localDateTimeText(r->modified);
    case LastChanged:
        return localDateTimeText(r->lastChanged);
    case Users:
        // Empty where the vendor cannot say or the last sync could not read it.
        return r->users >= 0 ? QLocale().toString(r->users) : QString();
    case Count:
        break;
    }
    return {};
}

QString EstateModel::usersTitle()
{
    // The vendors' own word for what uses a segment ("Flags"), for every vendor that can say.
    QStringList titles;
    for (const VendorApi *v : allVendors()) {
        if (v->tracksUsage() && !titles.contains(v->usage().title))
            titles << v->usage().title;
    }
    return titles.isEmpty() ? tr("Used by") : titles.join(QStringLiteral(" / "));
}

QVariant EstateModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    // An added field reads in words; its path is the tooltip (and the CSV header).
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section >= Count)
        return m_extraFields.value(section - Count);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section >= Count)
        return humanFieldName(m_extraFields.value(section - Count));
    switch (Column(section)) {
    case Vendor:
        return tr("Vendor");
    case Account:
        return tr("Account");
    case Environment:
        return tr("Environment");
    case Key:
        return tr("Key");
    case Name:
        return tr("Name");
    case Description:
        return tr("Description");
    case Tags:
        return tr("Tags");
    case Created:
        return tr("Created");
    case Modified:
        return tr("Modified");
    case LastChanged:
        return tr("Last changed");
    case Users:
        return usersTitle();
    case Count:
        break;
    }
    return {};
}

bool EstateModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_store && !m_fetching && m_error.isEmpty() && !m_lastPageShort
        && (m_total < 0 || m_rows.size() < m_total);
}

void EstateModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    // Rows are never inserted from inside a view's call (it may be amid a reset or a layout): the
    // page is read on the next turn of the event loop, as a network page would arrive.
    m_fetching = true;
    QMetaObject::invokeMethod(
        this,
        [this, generation = m_generation] {
            if (generation != m_generation || !m_fetching)
                return;
            m_fetching = false;
            const QList<EstateRow> page = readPage(m_rows.size());
            if (!m_error.isEmpty())
                emit totalChanged(m_total); // the view says why it stopped
            if (page.isEmpty())
                return; // the store holds fewer than it said (a sync in between): no more
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.size() - 1));
            m_rows += page;
            endInsertRows();
        },
        Qt::QueuedConnection);
}

void EstateModel::sort(int column, Qt::SortOrder order)
{
    static const EstateQuery::Sort sorts[Count] = {
        EstateQuery::Sort::Vendor,      EstateQuery::Sort::Account, EstateQuery::Sort::Environment,
        EstateQuery::Sort::Key,         EstateQuery::Sort::Name,    EstateQuery::Sort::Description,
        EstateQuery::Sort::Tags,        EstateQuery::Sort::Created, EstateQuery::Sort::Modified,
        EstateQuery::Sort::LastChanged, EstateQuery::Sort::Users,
    };
    if (column >= Count)
        return; // a field of the records: the store does not sort on it
    EstateQuery query = m_query;
    query.sort = column >= 0 ? sorts[column] : EstateQuery::Sort::Source;
    query.order = order;
    setQuery(query);
}

} // namespace sb
