#pragma once

#include "core/error.h"
#include "core/profile.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QSettings;

namespace sb {

// The profiles (name, vendor, base URL, non-secret parameters) in QSettings. Secrets are
// not here: they live in a SecretStore under Profile::secretKey(). Removing or renaming a
// profile therefore has a keychain side that this class does not do; see profilesecrets.h.
//
// Layout, version 1 (the keys this class owns; anything else in the file is left alone):
//   formatVersion=1
//   lastProfile=<name>
//   profiles/size, profiles/<i>/name, .../vendor, .../baseUrl,
//   profiles/<i>/params/size, profiles/<i>/params/<j>/key, .../value
// Names are values, never keys, so '/', '\\', non-ASCII and long names round-trip unchanged.
//
// Version 0 (no formatVersion key; versions that knew only Batch and LaunchDarkly, which both
// have a project) kept one group per profile and one project for all of them:
//   currentProfile=<name>
//   project=<project key shared by every profile>
//   profiles/<name>/vendor, profiles/<name>/url, profiles/<name>/<param>=<value>
// It is migrated to version 1 when the store is created: the shared project goes into each
// profile that has none of its own, the version-0 keys are removed.
class ProfileStore final : public QObject
{
    Q_OBJECT

public:
    static constexpr int currentFormatVersion = 1;
    static constexpr int maxNameLength = 100; // in characters (code points)

    // Reads (and migrates) `settings` at once. Not owned; it must outlive the store.
    explicit ProfileStore(QSettings *settings, QObject *parent = nullptr);
    // Owns an INI file at `iniPath`.
    explicit ProfileStore(const QString &iniPath, QObject *parent = nullptr);
    ~ProfileStore() override;

    // Kind::None when the settings loaded fine. Settings written by a newer version make the
    // store read-only (every change fails with this error), so nothing they hold is lost.
    Error loadError() const { return m_loadError; }
    bool isReadOnly() const { return m_readOnly; }

    // In a stable order: the order they were added (migrated ones in the order QSettings listed them).
    QList<Profile> profiles() const { return m_profiles; }
    QStringList names() const;
    bool contains(const QString &name) const { return indexOf(name) >= 0; }
    std::optional<Profile> profile(const QString &name) const;

    // Each change is written to the settings at once; on error nothing changes.
    Error add(const Profile &profile); // Usage error on a bad or taken name or an empty vendor
    Error update(const Profile &profile); // replaces the profile with the same name
    Error rename(const QString &from, const QString &to);
    // What rename() would refuse, without renaming: lets a caller check before other work.
    Error checkRename(const QString &from, const QString &to) const;
    Error remove(const QString &name);

    // What became of profiles taken from elsewhere (a team's catalog): each is added unless its
    // name is taken here, which keeps this computer's own.
    struct Import
    {
        QStringList added;
        QStringList alreadyHere;
        QList<QPair<QString, QString>> refused; // name, why (a bad name, settings that cannot be written)
    };
    Import importProfiles(const QList<Profile> &profiles);

    // The profile to open next time; empty when none (or it is gone).
    QString lastUsed() const { return m_lastUsed; }
    Error setLastUsed(const QString &name); // an existing name, or empty to forget

    // Usage error unless `name` is non-empty, has no leading or trailing white space, no control
    // characters and at most maxNameLength characters. Slashes and non-ASCII are fine.
    static Error validateName(const QString &name);
    // Where the program keeps its profiles: $XDG_CONFIG_HOME/segment-browser/profiles.ini.
    static QString defaultPath();

signals:
    void changed();

private:
    void load();
    QList<Profile> readVersion1() const;
    Error migrateFromVersion0();
    Error save(const QList<Profile> &profiles, const QString &lastUsed);
    Error checkWritable() const;
    Error checkProfile(const Profile &profile) const;
    Error checkParams(const Profile &profile) const;
    Error notFound(const QString &name) const;
    Error nameTaken(const QString &name) const;
    qsizetype indexOf(const QString &name) const;

    std::unique_ptr<QSettings> m_ownedSettings;
    QSettings *m_settings = nullptr;
    QList<Profile> m_profiles;
    QString m_lastUsed;
    Error m_loadError;
    bool m_readOnly = false;
};

} // namespace sb
