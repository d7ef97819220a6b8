// SegmentBrowser's query: the filter and sort it asks the vendor for (the header, the filter bar),
// and a snapshot browsed without the profile's key, where nothing is asked of the vendor.
#include "segmentbrowser.h"

#include "errorbanner.h"
#include "filterbuilder.h"

#include "core/vendorapi.h"
#include "model/segmenttablemodel.h"

#include <QHeaderView>
#include <QTableView>

namespace sb {

bool SegmentBrowser::isReadOnly() const
{
    return hasSource() && m_model->secret().isEmpty();
}

bool SegmentBrowser::offersServerFilter() const
{
    return m_model->vendor() && m_model->vendor()->filtersOnServer() && !isReadOnly();
}

void SegmentBrowser::showReadOnly(const QString &text)
{
    m_readOnlyText = text;
    m_banner->showReadOnly(text);
}

void SegmentBrowser::onHeaderClicked(int section)
{
    QHeaderView *header = m_table->horizontalHeader();
    if (isReadOnly()) {
        // The vendor sorts; without the key, the snapshot stays in the vendor's order.
        header->setSortIndicatorShown(false);
        emit statusMessage(tr("Sorting asks %1, which needs the profile's key").arg(m_model->vendor()->displayName()),
                           4000);
        return;
    }
    if (!m_model->isColumnSortable(section)) {
        header->setSortIndicatorShown(m_model->sortColumn() >= 0);
        if (m_model->sortColumn() >= 0)
            header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
        if (m_model->vendor())
            emit statusMessage(tr("%1 cannot sort on this column").arg(m_model->vendor()->displayName()), 4000);
        return;
    }
    const Qt::SortOrder order = m_model->sortColumn() == section && m_model->sortOrder() == Qt::AscendingOrder
        ? Qt::DescendingOrder
        : Qt::AscendingOrder;
    m_model->sort(section, order);
    m_filter->setQuery(m_model->query()); // the sort control shows the header's sort
    header->setSortIndicatorShown(true);
    header->setSortIndicator(section, order);
    fetchIfWanted();
}

void SegmentBrowser::applyQuery(const Query &query)
{
    m_loadingAll = false; // "Load All Segments" was for the list before
    m_model->setQuery(query);
    // The sort control may sort on several keys; the header shows none rather than half of it.
    m_table->horizontalHeader()->setSortIndicatorShown(false);
    fetchIfWanted();
}

void SegmentBrowser::setQuery(const Query &query)
{
    m_filter->setQuery(query);
    applyQuery(m_filter->query());
}

void SegmentBrowser::focusFilter()
{
    if (m_filter->isVisible()) {
        m_filter->focusFilter();
        return;
    }
    if (m_model->vendor() && isReadOnly() && m_model->vendor()->filtersOnServer())
        emit statusMessage(tr("Filtering asks %1, which needs the profile's key; use Find (Ctrl+F) over the "
                              "snapshot's rows.")
                               .arg(m_model->vendor()->displayName()),
                           5000);
    else if (m_model->vendor())
        emit statusMessage(tr("%1 does not filter on the server; use Find (Ctrl+F) over the loaded rows.")
                               .arg(m_model->vendor()->displayName()),
                           5000);
}

} // namespace sb
