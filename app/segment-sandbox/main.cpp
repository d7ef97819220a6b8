// segment-sandbox: the four vendors' list-segments APIs on 127.0.0.1, until killed.

#include "sandbox/datagen.h"
#include "sandbox/faults.h"
#include "sandbox/sandboxserver.h"
#include "sandbox/sandboxsetup.h"
#include "version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

namespace {

// The translation context lupdate sees for this program's strings.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(SegmentSandbox)
};

// A whole number from an option; nullopt (after a message) when it is not one.
std::optional<int> number(const QCommandLineParser &parser, const QString &option, int fallback, int minimum)
{
    if (!parser.isSet(option))
        return fallback;
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value < minimum) {
        QTextStream(stderr) << Text::tr("--%1 needs a whole number of at least %2, not \"%3\"")
                                   .arg(option)
                                   .arg(minimum)
                                   .arg(parser.value(option))
                            << Qt::endl;
        return std::nullopt;
    }
    return value;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("segment-sandbox"));
    QCoreApplication::setApplicationVersion(QLatin1String(sb::kVersion));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Plays the list-segments APIs of Batch, LaunchDarkly, Amperity and SailPoint on 127.0.0.1,\n"
                 "with deterministic data and faults on demand. Runs until killed.\n\n")
        + sb::FaultPlan::syntaxHelp());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("port"), Text::tr("Port to listen on (0: any free port)."), Text::tr("N"), QStringLiteral("0")},
        {QStringLiteral("segments"), Text::tr("Segments each vendor lists (default 1000)."), Text::tr("N")},
        {QStringLiteral("latency-ms"), Text::tr("Delay every answer by MS milliseconds."), Text::tr("MS")},
        {QStringLiteral("faults"), Text::tr("Fault rules, see above."), Text::tr("SPEC")},
        {QStringLiteral("ld-max-page-size"), Text::tr("LaunchDarkly sends at most N segments a page (0: no cap)."),
         Text::tr("N")},
        {QStringLiteral("token-lifetime"), Text::tr("SailPoint access tokens live S seconds (default 3600)."),
         Text::tr("S")},
        {QStringLiteral("epoch"),
         Text::tr("Serve the same account N steps later (0: today's data, at most %1): some segments removed, "
                  "renamed, edited or changed in bookkeeping only, some added.")
             .arg(sb::SandboxServer::maxEpoch()),
         Text::tr("N"), QStringLiteral("0")},
        {QStringLiteral("data"),
         Text::tr("The segments served: demo (a plausible company's accounts) or faults (the awkward test corpus "
                  "the tests and benchmarks use). Default demo."),
         Text::tr("SET"), QStringLiteral("demo")},
        {QStringLiteral("quiet"), Text::tr("Do not print a line for every request.")},
    });
    parser.process(app);

    const std::optional<int> port = number(parser, QStringLiteral("port"), 0, 0);
    const std::optional<int> segments = number(parser, QStringLiteral("segments"), 1000, 0);
    const std::optional<int> latency = number(parser, QStringLiteral("latency-ms"), 0, 0);
    const std::optional<int> maxPage = number(parser, QStringLiteral("ld-max-page-size"), 0, 0);
    const std::optional<int> lifetime = number(parser, QStringLiteral("token-lifetime"), 3600, 0);
    const std::optional<int> epoch = number(parser, QStringLiteral("epoch"), 0, 0);
    if (!port || !segments || !latency || !maxPage || !lifetime || !epoch || *port > 65535)
        return 2;
    if (*epoch > sb::SandboxServer::maxEpoch()) {
        QTextStream(stderr) << Text::tr("--epoch goes up to %1, not %2").arg(sb::SandboxServer::maxEpoch()).arg(*epoch)
                            << Qt::endl;
        return 2;
    }

    const std::optional<sb::datagen::DataSet> data = sb::datagen::dataSetNamed(parser.value(QStringLiteral("data")));
    if (!data) {
        QTextStream(stderr)
            << Text::tr("--data is demo or faults, not \"%1\"").arg(parser.value(QStringLiteral("data"))) << Qt::endl;
        return 2;
    }

    sb::SandboxServer server;
    server.setDataSet(*data); // before prepareRecords writes any record out
    server.setLdFilterHook(sb::ldFilterLanguageHook());
    server.setLdSortHook(sb::ldSortLanguageHook());
    server.setSegmentCount(*segments);
    server.setEpoch(*epoch);
    server.prepareRecords();
    server.setLatencyMs(*latency);
    server.setLdMaxPageSize(*maxPage);
    server.setTokenLifetimeSeconds(*lifetime);
    QString error;
    if (!server.setFaults(parser.value(QStringLiteral("faults")), &error)) {
        QTextStream(stderr) << error << Qt::endl;
        return 2;
    }
    if (!server.listen(quint16(*port))) {
        QTextStream(stderr) << Text::tr("Cannot listen on 127.0.0.1:%1").arg(*port) << Qt::endl;
        return 1;
    }

    if (!parser.isSet(QStringLiteral("quiet"))) {
        QObject::connect(&server, &sb::SandboxServer::requestServed,
                         [](const QString &channel, int number, const QString &method, const QString &path, int status,
                            bool faulted) {
                             QTextStream out(stdout);
                             out << method << ' ' << path << "  "
                                 << (channel.isEmpty() ? QStringLiteral("-") : channel);
                             if (number > 0)
                                 out << " #" << number;
                             out << "  " << status << (faulted ? Text::tr("  (fault)") : QString()) << Qt::endl;
                         });
    }

    // The credentials are the sandbox's fixed, fake ones: printing them is the point.
    using C = sb::SandboxCredentials;
    const QString root = server.rootUrl().toString();
    QTextStream out(stdout);
    out << Text::tr("Sandbox listening on %1").arg(root) << '\n'
        << Text::tr("Data set: %1").arg(sb::datagen::dataSetName(*data)) << '\n'
        << (*epoch > 0 ? Text::tr("Epoch %1: the same account later").arg(*epoch) + QLatin1Char('\n') : QString())
        << Text::tr("Batch         base %1/2.11  REST key %2  project %3")
               .arg(root, C::batchRestKey(), C::batchProjectKey())
        << '\n'
        << Text::tr("LaunchDarkly  base %1  token %2  project %3  environment %4")
               .arg(root, C::ldToken(), C::ldProject(), C::ldEnvironment())
        << '\n'
        << Text::tr("Amperity      base %1/api  tenant %2  token %3").arg(root, C::amperityTenant(), C::amperityToken())
        << '\n'
        << Text::tr("SailPoint     base %1/v3  token URL %1/oauth/token  client id %2  client secret %3")
               .arg(root, C::sailpointClientId(), C::sailpointClientSecret())
        << Qt::endl;
    return QCoreApplication::exec();
}
