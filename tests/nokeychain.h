#pragma once

// For tests that run without a keychain: points D-Bus at a socket that does not exist and
// forgets the desktop, so QtKeychain finds no Secret Service. Call before the first keychain
// job: the backend reads these once.
#include <QDir>
#include <QFile>
#include <QString>

namespace sb::test {

inline void pointDBusAtNothing(const QString &dir)
{
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + QFile::encodeName(QDir(dir).filePath(QStringLiteral("no-bus"))));
    qunsetenv("XDG_CURRENT_DESKTOP");
    qunsetenv("DESKTOP_SESSION");
    qunsetenv("KDE_FULL_SESSION");
}

} // namespace sb::test
