#include "wording.h"

#include "core/vendorapi.h"
#include "vendors/registry.h"

#include <QCoreApplication>
#include <QStringList>

namespace sb {

QString vendorNameList(ListJoin join)
{
    QStringList names;
    for (const VendorApi *v : allVendors())
        names.append(v->displayName());
    if (names.size() < 2)
        return names.join(QString());
    const QString last = names.takeLast();
    const QString rest = names.join(QStringLiteral(", "));
    return join == ListJoin::Or ? QCoreApplication::translate("sb::Wording", "%1 or %2").arg(rest, last)
                                : QCoreApplication::translate("sb::Wording", "%1 and %2").arg(rest, last);
}

} // namespace sb
