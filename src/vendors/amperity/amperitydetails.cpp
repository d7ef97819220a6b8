// AmperityApi::details(): a Segment (see docs/vendors/amperity.md) for reading: id, name
// and status are all Amperity's list sends; anything more is shown under its own name.
#include "amperityapi.h"

#include "vendors/detailsupport.h"

namespace sb {

using namespace detailsupport;

SegmentDetails AmperityApi::details(const Profile &, const QJsonObject &record) const
{
    SegmentDetails d = startDetails(stringAt(record, "name"), tr("ID"), recordKey(record));
    addFact(d.facts, tr("Status"), plainValue(record.value(QLatin1String("status"))));
    addOtherFields(d.facts, record, {QStringLiteral("name"), QStringLiteral("id"), QStringLiteral("status")});
    return d;
}

} // namespace sb
