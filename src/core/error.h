#pragma once

#include <QMetaType>
#include <QString>

namespace sb {

// Errors are values. `message` is the vendor's own words when the vendor sent any;
// it never contains a secret.
struct Error
{
    enum class Kind {
        None,
        Usage, // bad input from the user: an option, a filter, a URL
        Auth, // the vendor refused the credentials (401/403)
        RateLimit, // 429 after all tries
        Server, // any other 4xx/5xx status from the vendor
        Network, // connection refused, reset, timed out, TLS failure
        Parse, // a body that is not what the vendor documents
        Cancelled, // superseded or cancelled by the user
        Storage, // a file could not be written, a keychain could not be used
    };

    Kind kind = Kind::None;
    int httpStatus = 0; // 0 when no HTTP status was received
    QString message; // human-readable, the vendor's own message where there is one
    QString vendorCode; // e.g. "invalid_request", "400.1 Bad Request Content"
    qint64 retryAfterMs = -1; // how long the server asked us to wait; -1 when it did not say

    bool isError() const { return kind != Kind::None; }
    // Worth trying the same request again: rate limits, 502/503/504, network trouble.
    bool isTransient() const;
    // "HTTP 401: Invalid access token" or the message alone when there is no status.
    QString toString() const;
    static QString kindName(Kind kind);

    static Error usage(const QString &message);
    static Error parse(const QString &message);
    static Error network(const QString &message);
    static Error storage(const QString &message);
    static Error cancelled();
    static Error fromStatus(int httpStatus, const QString &message, const QString &vendorCode = {});

    friend bool operator==(const Error &, const Error &) = default;
};

// `text` with its control characters made visible: C0 controls (tab, line breaks, ESC, NUL…),
// DEL and C1 controls as \xNN, and the invisible direction overrides as \u202E and the like.
// For text a vendor or a file supplied that is shown in a terminal, the window or a log: it can
// then neither clear a screen, move the cursor, overwrite a line with \r, nor reorder what shows.
QString visibleText(QStringView text);

// The one wording of a wait before the next try, for the window, its dialogs and the command line:
// "Rate limited by LaunchDarkly; retrying in 5 s", "HTTP 503: Service Unavailable; retrying in 2 s".
// `msLeft` is rounded up to whole seconds.
QString retryNotice(const Error &reason, const QString &vendorName, qint64 msLeft);

} // namespace sb

Q_DECLARE_METATYPE(sb::Error)
