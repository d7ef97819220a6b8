#include "clisupport.h"

#include "core/vendorapi.h"
#include "export/exportjob.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/profilestore.h"
#include "vendors/registry.h"

#include <QCoreApplication>
#include <QEventLoop>

#include <cstdio>
#include <unistd.h>

namespace sb::cli {

QString tr(const char *text)
{
    return QCoreApplication::translate("sb::cli", text);
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

int fail(int code, const QString &message)
{
    // One line: the caller's scripts grep it.
    QString line = message;
    line.replace(QLatin1Char('\n'), QLatin1String(" "));
    err() << "segment-browser: " << line << Qt::endl;
    return code;
}

int exitCodeFor(const Error &error)
{
    switch (error.kind) {
    case Error::Kind::None:
        return Ok;
    case Error::Kind::Usage:
        return Usage;
    case Error::Kind::Auth:
        return AuthRefused;
    default:
        return Failure;
    }
}

bool stderrIsTerminal()
{
    return isatty(fileno(stderr)) == 1;
}

Result<SavedProfile> savedProfile(const QString &name)
{
    ProfileStore store(ProfileStore::defaultPath());
    const std::optional<Profile> saved = store.profile(name);
    if (!saved)
        return Error::usage(tr("no profile named '%1' (see: segment-browser profiles list)").arg(name));
    const VendorApi *vendor = vendorById(saved->vendor);
    if (!vendor)
        return Error::usage(tr("unknown vendor '%1' in profile '%2'").arg(saved->vendor, saved->name));
    return SavedProfile {*saved, vendor};
}

Result<QString> keychainSecret(const Profile &profile)
{
    KeychainSecretStore keychain;
    const SecretResult r = keychain.waitFor(keychain.read(profile.secretKey()));
    if (!r.ok())
        return Error::usage(tr("no secret for profile '%1': %2").arg(profile.name, r.error.message));
    return r.secret;
}

Result<QList<Column>> exportColumns(const VendorApi &vendor, const QString &spec, QList<int> *order)
{
    QList<Column> columns = vendor.columns();
    order->clear();
    if (spec.isNull()) {
        for (int i = 0; i < columns.size(); ++i)
            order->append(i);
        return columns;
    }
    QStringList known;
    for (const Column &c : columns)
        known << c.field;
    for (const QString &raw : spec.split(QLatin1Char(','))) {
        const QString name = raw.trimmed();
        if (!isWellFormedFieldPath(name))
            return Error::usage(tr("malformed column name '%1' in --columns: use field names such as %2 or owner.id, "
                                   "separated by commas")
                                    .arg(name, known.value(0)));
        qsizetype i = known.indexOf(name);
        if (i < 0) {
            // Any other field of the vendor's record; cells are empty where a record lacks it.
            i = known.size();
            known << name;
            columns.append(Column {name, ValueType::Json});
        }
        order->append(int(i));
    }
    return columns;
}

Result<qint64> runToEnd(ExportJob &job)
{
    QEventLoop loop;
    Error failure;
    qint64 written = 0;
    QObject::connect(&job, &ExportJob::finished, &loop, [&](qint64 rows) {
        written = rows;
        loop.quit();
    });
    QObject::connect(&job, &ExportJob::failed, &loop, [&](const Error &e) {
        failure = e;
        loop.quit();
    });
    job.start();
    // A target that cannot be opened fails inside start(), before the loop could see quit().
    if (job.isRunning())
        loop.exec();
    if (failure.isError())
        return failure;
    return written;
}

} // namespace sb::cli
