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
    QUrl baseUrl; // the API root, as in shared/vendor-api/README.md
    QMap<QString, QString> params; // the vendor's non-secret keys: project, environment, tenant, clientId

    QString param(const QString &key) const { return params.value(key); }
    // The keychain entry's key: namespaced by profile name.
    QString secretKey() const;

    friend bool operator==(const Profile &, const Profile &) = default;
};

// The names VendorApi::profileFields() uses for the non-secret keys.
namespace ParamKey {
inline const QString project = QStringLiteral("project");
inline const QString environment = QStringLiteral("environment");
inline const QString tenant = QStringLiteral("tenant");
inline const QString clientId = QStringLiteral("clientId");
} // namespace ParamKey

} // namespace sb

Q_DECLARE_METATYPE(sb::Profile)
