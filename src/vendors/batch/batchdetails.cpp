// BatchApi::details(): a oneSegment (see docs/vendors/batch.md) for reading. Batch's
// records are flat; anything beyond the four documented fields is shown under its own name.
#include "batchapi.h"

#include "vendors/detailsupport.h"

namespace sb {

using namespace detailsupport;

SegmentDetails BatchApi::details(const Profile &, const QJsonObject &record) const
{
    SegmentDetails d = startDetails(stringAt(record, "display_name"), tr("Code"), recordKey(record));
    addFact(d.facts, tr("Created"), readableTimestamp(record.value(QLatin1String("created_at"))));
    addFact(d.facts, tr("Modified"), readableTimestamp(record.value(QLatin1String("updated_at"))));
    addOtherFields(d.facts, record,
                   {QStringLiteral("display_name"), QStringLiteral("code"), QStringLiteral("created_at"),
                    QStringLiteral("updated_at")});
    return d;
}

} // namespace sb
