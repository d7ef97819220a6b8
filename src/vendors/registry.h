#pragma once

#include "core/vendorapi.h"

#include <QList>
#include <QString>

namespace sb {

// The vendor with this id ("batch", ...), or nullptr.
const VendorApi *vendorById(const QString &id);
// Every vendor the program knows, in the order the UI lists them.
QList<const VendorApi *> allVendors();

} // namespace sb
