#include "accountcommands.h"

#include "clisupport.h"

#include "core/vendorapi.h"

#include <QCommandLineParser>

namespace sb::cli {

int runEnvironments(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("List every project and environment a profile's access token reaches, as CSV (for vendors whose "
           "token reaches several)."));
    parser.addHelpOption();
    const QCommandLineOption profileOpt(QStringLiteral("profile"),
                                        tr("The saved profile; its secret comes from the keychain."),
                                        QStringLiteral("NAME"));
    const QCommandLineOption outputOpt({QStringLiteral("output"), QStringLiteral("o")},
                                       tr("The CSV file to write, or - for standard output (the default)."),
                                       QStringLiteral("FILE"));
    parser.addOptions({profileOpt, outputOpt});
    if (const std::optional<int> done = parseArguments(parser, QStringLiteral("environments"), args))
        return *done;
    if (!parser.isSet(profileOpt))
        return fail(Usage, tr("--profile NAME is required"));

    const Result<SavedProfile> saved = savedProfile(parser.value(profileOpt));
    if (!saved)
        return fail(Usage, saved.error().message);
    const Profile &profile = saved.value().profile;
    const VendorApi &vendor = *saved.value().vendor;
    const ScopeModel model = vendor.scopes();
    if (model.listing.isEmpty())
        return fail(Usage, tr("%1 profiles have no projects or environments to list").arg(vendor.displayName()));
    const Result<QString> secret = keychainSecret(profile);
    if (!secret)
        return fail(Usage, secret.error().message);

    const Result<QList<ScopeGroup>> groups = discoverScopes(vendor, profile, secret.value());
    if (!groups) {
        const Error &e = groups.error();
        if (e.kind == Error::Kind::Auth && e.httpStatus == 403)
            return fail(exitCodeFor(e),
                        tr("%1 (this token may not list projects; profiles can name the %2 and %3 "
                           "keys themselves)")
                            .arg(e.toString(), model.groupParam, model.scopeParam));
        return fail(exitCodeFor(e), e.toString());
    }
    // The header is an interface: the profile keys the columns fill, and their names.
    QList<QStringList> rows {{model.groupParam, model.groupParam + QStringLiteral("_name"), model.scopeParam,
                              model.scopeParam + QStringLiteral("_name")}};
    for (const ScopeGroup &group : groups.value()) {
        for (const NamedKey &scope : group.scopes)
            rows.append({group.group.key, group.group.name, scope.key, scope.name});
    }
    const QString output = parser.isSet(outputOpt) ? parser.value(outputOpt) : QStringLiteral("-");
    if (const Error e = writeCsv(output, CsvOptions {}, rows); e.isError())
        return fail(Failure, e.message);
    return Ok;
}

} // namespace sb::cli
