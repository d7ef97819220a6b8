#include "storeaccess.h"

#include "clisupport.h"

#include "secrets/keychainsecretstore.h"
#include "secrets/secretstore.h"

#include <QCommandLineParser>
#include <QFile>
#include <QSettings>

namespace sb::cli {

namespace {

const QString kStoreOption = QStringLiteral("--store");
const QString kStoreSettingKey = QStringLiteral("store/url");

QString &storeOption()
{
    static QString option;
    return option;
}

QString sourceWords(StoreSource source)
{
    switch (source) {
    case StoreSource::Option:
        return tr("from --store");
    case StoreSource::Environment:
        return tr("from SEGMENT_BROWSER_STORE");
    case StoreSource::Settings:
        return tr("from the settings; change it with: segment-browser store use URL");
    case StoreSource::Default:
        break;
    }
    return tr("the local file; a team's catalog is chosen with: segment-browser store use postgresql://host/db");
}

} // namespace

Result<QStringList> takeStoreOption(const QStringList &args)
{
    QStringList rest;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == kStoreOption) {
            if (i + 1 >= args.size() || args.at(i + 1).startsWith(QLatin1String("--")))
                return Error::usage(tr("--store takes the store's URL or file: --store postgresql://host/db"));
            setStoreOption(args.at(++i));
        } else if (a.startsWith(kStoreOption + QLatin1Char('='))) {
            setStoreOption(a.mid(kStoreOption.size() + 1));
        } else {
            rest.append(a);
        }
    }
    return rest;
}

void setStoreOption(const QString &url)
{
    storeOption() = url;
}

QString storeSetting()
{
    return QSettings().value(kStoreSettingKey).toString();
}

void setStoreSetting(const QString &url)
{
    QSettings settings;
    if (url.isEmpty())
        settings.remove(kStoreSettingKey);
    else
        settings.setValue(kStoreSettingKey, url);
}

Result<ChosenStore> chosenStore()
{
    const QString environment = qEnvironmentVariable("SEGMENT_BROWSER_STORE");
    const QString setting = storeSetting();
    const Result<StoreLocation> location =
        StoreLocation::resolve(storeOption(), environment, setting, SegmentStore::defaultPath());
    if (!location)
        return location.error();
    ChosenStore chosen {location.value(), StoreSource::Default};
    if (!storeOption().trimmed().isEmpty())
        chosen.source = StoreSource::Option;
    else if (!environment.trimmed().isEmpty())
        chosen.source = StoreSource::Environment;
    else if (!setting.trimmed().isEmpty())
        chosen.source = StoreSource::Settings;
    return chosen;
}

QString catalogPassword(const StoreLocation &location)
{
    if (location.kind != StoreLocation::Kind::PostgreSql)
        return {};
    KeychainSecretStore keychain;
    const SecretResult r = keychain.waitFor(keychain.read(location.secretKey()));
    return r.ok() ? r.secret : QString();
}

Result<std::unique_ptr<SegmentStore>> openStoreAt(const StoreLocation &location)
{
    auto store = std::make_unique<SegmentStore>(location, catalogPassword(location));
    if (Error e = store->open(); e.isError()) {
        if (store->isCatalog() && e.message.contains(QLatin1String("password")))
            e.message += tr(". Keep the catalog's password in the keychain with: segment-browser store password %1")
                             .arg(location.displayUrl());
        return e;
    }
    return store;
}

Result<std::unique_ptr<SegmentStore>> openChosenStore()
{
    const Result<ChosenStore> chosen = chosenStore();
    if (!chosen)
        return chosen.error();
    return openStoreAt(chosen.value().location);
}

namespace {

QString storeHelp()
{
    return tr("Usage: segment-browser store [show | use URL | password [URL]]\n\n"
              "Which store the syncs and snapshots are kept in: the local file, or a team's catalog on\n"
              "PostgreSQL that one scheduled sync fills and every colleague reads.\n\n"
              "  show            the store in use, and where that choice comes from\n"
              "  use URL         keep URL as the store from now on (checked first); \"use default\" goes\n"
              "                  back to the local file\n"
              "  password [URL]  read the catalog's password from standard input and keep it in the\n"
              "                  keychain, once the catalog accepts it\n\n"
              "URL: postgresql://user@host[:port]/database (never with a password in it); TLS that checks\n"
              "the server's name (sslmode=verify-full) to anything but this machine. Every command also\n"
              "takes --store URL, and SEGMENT_BROWSER_STORE names a store for a whole session or job.\n");
}

int showStore()
{
    const Result<ChosenStore> chosen = chosenStore();
    if (!chosen)
        return fail(Usage, chosen.error().message);
    const StoreLocation &where = chosen.value().location;
    out() << where.displayUrl() << Qt::endl;
    err() << sourceWords(chosen.value().source) << Qt::endl;
    if (where.kind == StoreLocation::Kind::PostgreSql)
        err() << (catalogPassword(where).isEmpty() ? tr("No password for it is in the keychain.")
                                                   : tr("Its password is in the keychain."))
              << Qt::endl;
    return Ok;
}

int useStore(const QString &url)
{
    const bool backToDefault = url == QLatin1String("default") || url.trimmed().isEmpty();
    const Result<StoreLocation> where =
        StoreLocation::parse(backToDefault ? QString() : url, SegmentStore::defaultPath());
    if (!where)
        return fail(Usage, where.error().message);
    const Result<std::unique_ptr<SegmentStore>> store = openStoreAt(where.value());
    if (!store)
        return fail(exitCodeFor(store.error()), store.error().message);
    setStoreSetting(backToDefault ? QString() : where.value().displayUrl());
    err() << tr("The store is now %1.").arg(where.value().displayUrl()) << Qt::endl;
    return Ok;
}

int storePassword(const QString &url)
{
    Result<StoreLocation> where = StoreLocation::parse(url, SegmentStore::defaultPath());
    if (url.isEmpty()) {
        const Result<ChosenStore> chosen = chosenStore();
        if (!chosen)
            return fail(Usage, chosen.error().message);
        where = chosen.value().location;
    }
    if (!where)
        return fail(Usage, where.error().message);
    if (where.value().kind != StoreLocation::Kind::PostgreSql)
        return fail(Usage,
                    tr("%1 is a file: only a catalog on PostgreSQL has a password").arg(where.value().displayUrl()));
    const QString password = readSecretLine(tr("Password of %1: ").arg(where.value().displayUrl()));
    if (password.isEmpty())
        return fail(Usage, tr("no password on standard input"));
    // Kept only once the catalog takes it: a mistyped password never replaces a good one.
    SegmentStore store(where.value(), password);
    if (const Error e = store.open(); e.isError())
        return fail(exitCodeFor(e), e.message);
    KeychainSecretStore keychain;
    const SecretResult written = keychain.waitFor(keychain.write(where.value().secretKey(), password));
    if (!written.ok())
        return fail(Usage, tr("the password was not kept: %1").arg(written.error.message));
    err() << tr("The password of %1 is in the keychain.").arg(where.value().displayUrl()) << Qt::endl;
    return Ok;
}

} // namespace

int runStore(const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        out() << storeHelp();
        return Ok;
    }
    if (sub.isEmpty() || sub == QLatin1String("show"))
        return args.size() > 1 ? fail(Usage, tr("unexpected argument '%1'").arg(args.at(1))) : showStore();
    if (sub == QLatin1String("use")) {
        if (args.size() != 2)
            return fail(Usage, tr("name the store: segment-browser store use postgresql://host/db (or: use default)"));
        return useStore(args.at(1));
    }
    if (sub == QLatin1String("password")) {
        if (args.size() > 2)
            return fail(Usage, tr("unexpected argument '%1'").arg(args.at(2)));
        return storePassword(args.value(1));
    }
    return fail(Usage, tr("unknown store command '%1' (show, use, password)").arg(sub));
}

} // namespace sb::cli
