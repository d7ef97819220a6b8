#pragma once

#include "core/result.h"

#include <QMetaType>
#include <QString>
#include <QUrl>

namespace sb {

// Where the segment store lives: the default local SQLite file, another file, or a team's
// catalog on PostgreSQL, named by a URL ("postgresql://catalog.example.com/segments"). The URL is
// what settings, the CLI's --store and SEGMENT_BROWSER_STORE hold: it never carries a password
// (the keychain holds it, under secretKey()), and it asks for TLS that checks the server's name
// (sslmode=verify-full) from anything that is not this machine.
struct StoreLocation
{
    enum class Kind { SqliteFile, PostgreSql };
    Kind kind = Kind::SqliteFile;
    QString path; // SqliteFile: the file
    // PostgreSql: where and as whom; `sslMode` is what the connection asks of TLS.
    QString host;
    int port = 5432;
    QString database;
    QString user;
    QString sslMode;

    // Reads `text`: empty is the default file; a path or file:// URL is that file;
    // postgresql:// (or postgres://) is a catalog. A password in the URL, a database missing,
    // another scheme, or TLS weaker than verify-full to another machine is a usage error that
    // says so (and never repeats the password).
    static Result<StoreLocation> parse(const QString &text, const QString &defaultFile);
    // The store a run uses: --store, else SEGMENT_BROWSER_STORE, else the settings', else the default file.
    static Result<StoreLocation> resolve(const QString &option, const QString &environment, const QString &setting,
                                         const QString &defaultFile);

    bool isLoopback() const; // a catalog on this machine (127.0.0.0/8, ::1, localhost or a socket folder)
    static bool isLoopbackHost(const QString &host); // the same, of a host name or address
    // The URL again, without any secret: for settings, logs and "Store: ..." lines.
    QString displayUrl() const;
    // The keychain entry that holds the catalog's password ("postgresql://user@host:port/database").
    QString secretKey() const;
};

} // namespace sb

Q_DECLARE_METATYPE(sb::StoreLocation)
