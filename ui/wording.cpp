#include "wording.h"

#include "core/profile.h"
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

QString profileTitle(const Profile &profile, const QString &scope)
{
    const VendorApi *vendor = vendorById(profile.vendor);
    const QString vendorName = vendor ? vendor->shortName() : profile.vendor;
    QString title = profile.name;
    if (!profile.name.contains(vendorName, Qt::CaseInsensitive))
        title = QCoreApplication::translate("sb::Wording", "%1 · %2").arg(title, vendorName);
    return scope.isEmpty() ? title : QCoreApplication::translate("sb::Wording", "%1, %2").arg(title, scope);
}

QString profileToolTip(const Profile &profile, const QString &scope)
{
    const VendorApi *vendor = vendorById(profile.vendor);
    QStringList lines {profile.name, vendor ? vendor->displayName() : profile.vendor};
    if (!scope.isEmpty())
        lines << scope;
    if (!profile.baseUrl.isEmpty())
        lines << profile.baseUrl.toDisplayString();
    return lines.join(QLatin1Char('\n'));
}

} // namespace sb
