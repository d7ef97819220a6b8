#pragma once

#include <QMap>
#include <QMetaType>
#include <QString>
#include <QUrl>

namespace sb {

// What the program remembers about an account, without its secret. The secret lives
// in SecretStore under secretKey(); never here.
struct Profile
{
    QString name;
    QString vendor; // VendorApi::id()
    QUrl baseUrl; // the API root: one of VendorApi::baseUrlSuggestions(), filled in (docs/vendors/ lists them)
    QMap<QString, QString> params; // the vendor's non-secret keys, as its VendorApi::profileFields() names them

    QString param(const QString &key) const { return params.value(key); }
    // The keychain entry's key: namespaced by profile name.
    QString secretKey() const;

    friend bool operator==(const Profile &, const Profile &) = default;
};

// The one profile key generic code knows: the tenant, whose value also fills "{tenant}" in a
// vendor's baseUrlSuggestions(). Every other key is its vendor's own (BatchApi::projectKey, ...).
namespace ParamKey {
inline const QString tenant = QStringLiteral("tenant");
} // namespace ParamKey

} // namespace sb

Q_DECLARE_METATYPE(sb::Profile)
