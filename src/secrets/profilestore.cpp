#include "profilestore.h"

#include "core/logging.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>

namespace sb {

QString ProfileStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/segment-browser/profiles.ini");
}

namespace {

const QString formatVersionKey = QStringLiteral("formatVersion");
const QString lastProfileKey = QStringLiteral("lastProfile");
const QString profilesKey = QStringLiteral("profiles");
const QString nameKey = QStringLiteral("name");
const QString vendorKey = QStringLiteral("vendor");
const QString baseUrlKey = QStringLiteral("baseUrl");
const QString paramsKey = QStringLiteral("params");
const QString paramKeyKey = QStringLiteral("key");
const QString paramValueKey = QStringLiteral("value");

// Version 0 keys, read only to migrate them.
namespace v0 {
const QString currentProfileKey = QStringLiteral("currentProfile");
const QString sharedProjectKey = QStringLiteral("project");
const QString vendorKey = QStringLiteral("vendor");
const QString urlKey = QStringLiteral("url");
} // namespace v0

bool isForbiddenInName(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    default:
        return false;
    }
}

} // namespace

ProfileStore::ProfileStore(QSettings *settings, QObject *parent) : QObject(parent), m_settings(settings)
{
    load();
}

ProfileStore::ProfileStore(const QString &iniPath, QObject *parent)
    : QObject(parent), m_ownedSettings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{
    m_settings = m_ownedSettings.get();
    load();
}

ProfileStore::~ProfileStore() = default;

Error ProfileStore::validateName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return Error::usage(tr("A profile needs a name."));
    if (name.trimmed() != name)
        return Error::usage(tr("A profile name must not start or end with a space."));
    // toUcs4() would quietly turn a lone surrogate into U+FFFD; it is not text at all.
    if (!name.isValidUtf16())
        return Error::usage(tr("A profile name must be valid text."));
    const QList<uint> characters = name.toUcs4();
    for (const uint c : characters) {
        if (isForbiddenInName(c))
            return Error::usage(tr("A profile name must not contain control characters or line breaks."));
    }
    if (characters.size() > maxNameLength)
        return Error::usage(tr("A profile name can have at most %1 characters.").arg(maxNameLength));
    return {};
}

QStringList ProfileStore::names() const
{
    QStringList out;
    out.reserve(m_profiles.size());
    for (const Profile &profile : m_profiles)
        out.append(profile.name);
    return out;
}

std::optional<Profile> ProfileStore::profile(const QString &name) const
{
    const qsizetype index = indexOf(name);
    if (index < 0)
        return std::nullopt;
    return m_profiles.at(index);
}

qsizetype ProfileStore::indexOf(const QString &name) const
{
    for (qsizetype i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).name == name)
            return i;
    }
    return -1;
}

Error ProfileStore::notFound(const QString &name) const
{
    return Error::usage(tr("There is no profile named \"%1\".").arg(name));
}

Error ProfileStore::nameTaken(const QString &name) const
{
    return Error::usage(tr("A profile named \"%1\" already exists.").arg(name));
}

Error ProfileStore::checkWritable() const
{
    return m_readOnly ? m_loadError : Error {};
}

Error ProfileStore::checkProfile(const Profile &profile) const
{
    if (const Error error = validateName(profile.name); error.isError())
        return error;
    if (profile.vendor.isEmpty())
        return Error::usage(tr("The profile \"%1\" needs a vendor.").arg(profile.name));
    return checkParams(profile);
}

Error ProfileStore::checkParams(const Profile &profile) const
{
    // Keys end up in headers, URLs and form bodies: a line break could forge a header.
    for (auto it = profile.params.cbegin(); it != profile.params.cend(); ++it) {
        const bool control = std::any_of(it.value().cbegin(), it.value().cend(),
                                         [](QChar c) { return c.category() == QChar::Other_Control; });
        if (control)
            return Error::usage(tr("The %1 of the profile \"%2\" contains a line break or another control character.")
                                    .arg(it.key(), profile.name));
    }
    return {};
}

Error ProfileStore::add(const Profile &profile)
{
    if (const Error error = checkProfile(profile); error.isError())
        return error;
    if (contains(profile.name))
        return nameTaken(profile.name);
    QList<Profile> next = m_profiles;
    next.append(profile);
    return save(next, m_lastUsed);
}

ProfileStore::Import ProfileStore::importProfiles(const QList<Profile> &profiles)
{
    Import result;
    for (const Profile &p : profiles) {
        if (contains(p.name)) {
            result.alreadyHere.append(p.name);
        } else if (const Error e = add(p); e.isError()) {
            result.refused.append({p.name, e.message});
        } else {
            result.added.append(p.name);
        }
    }
    return result;
}

Error ProfileStore::update(const Profile &profile)
{
    const qsizetype index = indexOf(profile.name);
    if (index < 0)
        return notFound(profile.name);
    // Only the vendor is checked: a migrated name that no longer validates may still be edited.
    if (profile.vendor.isEmpty())
        return Error::usage(tr("The profile \"%1\" needs a vendor.").arg(profile.name));
    if (const Error error = checkParams(profile); error.isError())
        return error;
    QList<Profile> next = m_profiles;
    next[index] = profile;
    return save(next, m_lastUsed);
}

Error ProfileStore::checkRename(const QString &from, const QString &to) const
{
    if (!contains(from))
        return notFound(from);
    if (from == to)
        return {};
    if (const Error error = validateName(to); error.isError())
        return error;
    if (contains(to))
        return nameTaken(to);
    return checkWritable();
}

Error ProfileStore::rename(const QString &from, const QString &to)
{
    if (const Error error = checkRename(from, to); error.isError() || from == to)
        return error;
    QList<Profile> next = m_profiles;
    next[indexOf(from)].name = to;
    return save(next, m_lastUsed == from ? to : m_lastUsed);
}

Error ProfileStore::remove(const QString &name)
{
    const qsizetype index = indexOf(name);
    if (index < 0)
        return notFound(name);
    QList<Profile> next = m_profiles;
    next.removeAt(index);
    return save(next, m_lastUsed == name ? QString() : m_lastUsed);
}

Error ProfileStore::setLastUsed(const QString &name)
{
    if (!name.isEmpty() && !contains(name))
        return notFound(name);
    if (name == m_lastUsed)
        return {};
    return save(m_profiles, name);
}

void ProfileStore::load()
{
    const QString file = QDir::toNativeSeparators(m_settings->fileName());
    if (m_settings->status() != QSettings::NoError) {
        // Writing would replace a file we could not read: leave it for the user to repair.
        m_readOnly = true;
        m_loadError =
            Error::storage(tr("The settings file %1 could not be read; its profiles are left as they are.").arg(file));
        qCWarning(lcSecrets) << "settings unreadable:" << file;
        return;
    }
    const QVariant versionValue = m_settings->value(formatVersionKey);
    if (!versionValue.isValid()) {
        // Every version since 1 writes formatVersion: without it, any profile data is version 0.
        const bool hasVersion0 = m_settings->childGroups().contains(profilesKey)
            || m_settings->contains(v0::sharedProjectKey) || m_settings->contains(v0::currentProfileKey);
        if (hasVersion0)
            m_loadError = migrateFromVersion0();
        return;
    }
    bool isNumber = false;
    const int version = versionValue.toInt(&isNumber);
    if (!isNumber || version < 0) {
        m_readOnly = true;
        m_loadError = Error::storage(tr("The settings file %1 has an unknown profile format \"%2\"; its profiles are "
                                        "left as they are.")
                                         .arg(file, versionValue.toString()));
        return;
    }
    if (version == 0) {
        m_loadError = migrateFromVersion0();
        return;
    }
    m_profiles = readVersion1();
    const QString last = m_settings->value(lastProfileKey).toString();
    m_lastUsed = contains(last) ? last : QString();
    if (version > currentFormatVersion) {
        // A newer layout is likely a superset of ours; show what we understand, change nothing.
        m_readOnly = true;
        m_loadError = Error::storage(tr("The settings file %1 was written by a newer version of Segment Browser "
                                        "(profile format %2); profiles can be used but not changed.")
                                         .arg(file)
                                         .arg(version));
    }
}

QList<Profile> ProfileStore::readVersion1() const
{
    QList<Profile> out;
    const int count = m_settings->beginReadArray(profilesKey);
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        Profile profile;
        profile.name = m_settings->value(nameKey).toString();
        profile.vendor = m_settings->value(vendorKey).toString();
        profile.baseUrl = QUrl(m_settings->value(baseUrlKey).toString());
        const int paramCount = m_settings->beginReadArray(paramsKey);
        for (int j = 0; j < paramCount; ++j) {
            m_settings->setArrayIndex(j);
            const QString key = m_settings->value(paramKeyKey).toString();
            if (!key.isEmpty())
                profile.params.insert(key, m_settings->value(paramValueKey).toString());
        }
        m_settings->endArray();
        // Without a unique name an entry cannot be addressed at all; other oddities are kept.
        const bool duplicate = std::any_of(out.cbegin(), out.cend(),
                                           [&profile](const Profile &seen) { return seen.name == profile.name; });
        if (profile.name.isEmpty() || duplicate) {
            qCWarning(lcSecrets) << "skipping profile entry" << i << "with an empty or repeated name" << profile.name;
            continue;
        }
        out.append(profile);
    }
    m_settings->endArray();
    return out;
}

Error ProfileStore::migrateFromVersion0()
{
    const QString sharedProject = m_settings->value(v0::sharedProjectKey).toString();
    QList<Profile> migrated;
    m_settings->beginGroup(profilesKey);
    const QStringList groups = m_settings->childGroups();
    for (const QString &name : groups) {
        m_settings->beginGroup(name);
        Profile profile;
        profile.name = name;
        const QStringList keys = m_settings->childKeys();
        for (const QString &key : keys) {
            const QString value = m_settings->value(key).toString();
            if (key == v0::vendorKey)
                profile.vendor = value;
            else if (key == v0::urlKey)
                profile.baseUrl = QUrl(value);
            else
                profile.params.insert(key, value);
        }
        // The shared project becomes each profile's own, under the key Batch and LaunchDarkly use.
        if (!sharedProject.isEmpty() && !profile.params.contains(v0::sharedProjectKey))
            profile.params.insert(v0::sharedProjectKey, sharedProject);
        m_settings->endGroup();
        migrated.append(profile);
    }
    m_settings->endGroup();
    const QString current = m_settings->value(v0::currentProfileKey).toString();
    const QString last = groups.contains(current) ? current : QString();
    qCInfo(lcSecrets) << "migrating" << migrated.size() << "profiles from format 0 to" << currentFormatVersion;

    m_settings->remove(v0::sharedProjectKey);
    m_settings->remove(v0::currentProfileKey);
    const Error error = save(migrated, last);
    if (error.isError()) {
        // The file keeps its version-0 content; the profiles are still usable in this session.
        m_profiles = migrated;
        m_lastUsed = last;
    }
    return error;
}

Error ProfileStore::save(const QList<Profile> &profiles, const QString &lastUsed)
{
    if (const Error error = checkWritable(); error.isError())
        return error;
    m_settings->remove(profilesKey);
    m_settings->beginWriteArray(profilesKey, int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const Profile &profile = profiles.at(i);
        m_settings->setArrayIndex(i);
        m_settings->setValue(nameKey, profile.name);
        m_settings->setValue(vendorKey, profile.vendor);
        m_settings->setValue(baseUrlKey, profile.baseUrl.toString(QUrl::FullyEncoded));
        m_settings->beginWriteArray(paramsKey, int(profile.params.size()));
        int j = 0;
        for (auto it = profile.params.cbegin(); it != profile.params.cend(); ++it, ++j) {
            m_settings->setArrayIndex(j);
            m_settings->setValue(paramKeyKey, it.key());
            m_settings->setValue(paramValueKey, it.value());
        }
        m_settings->endArray();
    }
    m_settings->endArray();
    m_settings->setValue(formatVersionKey, currentFormatVersion);
    if (lastUsed.isEmpty())
        m_settings->remove(lastProfileKey);
    else
        m_settings->setValue(lastProfileKey, lastUsed);
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError) {
        qCWarning(lcSecrets) << "could not write profiles to" << m_settings->fileName();
        return Error::storage(
            tr("Could not save the profiles to %1.").arg(QDir::toNativeSeparators(m_settings->fileName())));
    }
    m_profiles = profiles;
    m_lastUsed = lastUsed;
    emit changed();
    return {};
}

} // namespace sb
