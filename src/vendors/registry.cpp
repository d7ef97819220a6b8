#include "registry.h"

#include "vendors/amperity/amperityapi.h"
#include "vendors/batch/batchapi.h"
#include "vendors/launchdarkly/launchdarklyapi.h"
#include "vendors/sailpoint/sailpointapi.h"

namespace sb {

namespace {

template<class Api> const VendorApi *instance()
{
    static const Api api;
    return &api;
}

} // namespace

QList<const VendorApi *> allVendors()
{
    // A new vendor is one folder under src/vendors and one line here.
    return {
        instance<BatchApi>(),
        instance<LaunchDarklyApi>(),
        instance<AmperityApi>(),
        instance<SailPointApi>(),
    };
}

const VendorApi *vendorById(const QString &id)
{
    const QList<const VendorApi *> vendors = allVendors();
    for (const VendorApi *api : vendors) {
        if (api->id() == id)
            return api;
    }
    return nullptr;
}

} // namespace sb
