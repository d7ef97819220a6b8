// SegmentBrowser's part in who uses a segment (VendorApi::usage(): LaunchDarkly's flags): the
// details pane's list and "Unused only", and the row above the table that holds it.

#include "segmentbrowser.h"

#include "detailpane.h"

#include "core/vendorapi.h"
#include "model/segmentsearchproxy.h"
#include "model/segmenttablemodel.h"

#include <QCheckBox>
#include <QHBoxLayout>

namespace sb {

void SegmentBrowser::showCurrentUsers(int row)
{
    const VendorApi *vendor = m_model->vendor();
    if (!vendor || m_model->usageColumn() < 0) {
        m_details->setUsers({}, {});
        return;
    }
    const UsageModel usage = vendor->usage();
    switch (m_model->usageState()) {
    case SegmentTableModel::UsageState::Known:
        m_details->setUsers(usage.title, m_model->usersOf(row));
        return;
    case SegmentTableModel::UsageState::Failed:
        m_details->setUsers(
            usage.title, {},
            tr("Could not read the %1: %2").arg(usage.title.toLower(), m_model->usageError().toString()));
        return;
    default:
        m_details->setUsers(usage.title, {}, tr("Reading the %1…").arg(usage.title.toLower()));
        return;
    }
}

void SegmentBrowser::setScopeBar(QWidget *bar)
{
    bar->setParent(m_sourceBar);
    static_cast<QHBoxLayout *>(m_sourceBar->layout())->insertWidget(0, bar);
}

void SegmentBrowser::updateSourceBar()
{
    const VendorApi *vendor = m_model->vendor();
    const bool usage = vendor && m_model->usageColumn() >= 0;
    m_unused->setVisible(usage);
    if (usage) {
        m_unused->setText(tr("&Unused only"));
        m_unused->setToolTip(tr("%1: the loaded segments no %2 use; scrolling loads more")
                                 .arg(vendor->usage().unusedTitle, vendor->usage().title.toLower()));
        m_unused->setAccessibleName(vendor->usage().unusedTitle);
    }
    m_search->setUnusedFilter(usage && m_unused->isChecked() ? m_model->usageColumn() : -1);
}

} // namespace sb
