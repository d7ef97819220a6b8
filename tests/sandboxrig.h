#pragma once

// Shared by the tests that page through the sandbox server: a server on a free loopback
// port and the demo profile (with its made-up secret) for each vendor.
#include "core/vendorapi.h"
#include "sandbox/sandboxserver.h"
#include "sandbox/sandboxsetup.h"
#include "vendors/registry.h"

#include <QTest>

namespace sb::test {

struct SandboxRig
{
    SandboxServer server;

    SandboxRig()
    {
        server.setLdFilterHook(ldFilterLanguageHook());
        server.setLdSortHook(ldSortLanguageHook());
        QVERIFY2(server.listen(), "the sandbox did not start");
    }

    Profile profile(const QString &vendor) const
    {
        for (const auto &[p, secret] : sandboxDemoProfiles(server.rootUrl())) {
            if (p.vendor == vendor)
                return p;
        }
        return {};
    }

    QString secret(const QString &vendor) const
    {
        for (const auto &[p, secret] : sandboxDemoProfiles(server.rootUrl())) {
            if (p.vendor == vendor)
                return secret;
        }
        return {};
    }

    QStringList expectedKeys(const QString &vendor, int n) const
    {
        const VendorApi *api = vendorById(vendor);
        QStringList keys;
        for (int i = 0; i < n; ++i)
            keys << api->recordKey(server.record(vendor, i));
        return keys;
    }
};

inline QStringList allVendorIds()
{
    return {QStringLiteral("batch"), QStringLiteral("launchdarkly"), QStringLiteral("amperity"),
            QStringLiteral("sailpoint")};
}

} // namespace sb::test
