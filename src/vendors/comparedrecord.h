#pragma once

#include "core/segment.h"
#include "core/vendorapi.h"

#include <QByteArray>

namespace sb {

// What a comparison needs of one record (ComparedRecord): its key, name and content hash, read
// with simdjson and the content written out by a writer of Qt's compact JSON, so that the values
// are exactly VendorApi::recordKey, recordName and contentHash of Qt's reading (the store keeps
// those hashes: they must never drift) at a fraction of the cost. A record whose bytes that
// writer cannot vouch for (escapes, control characters, non-ASCII keys, numbers Qt might read
// differently) is read by Qt instead.
// `fast`, when given: whether simdjson read it (false: Qt did).
ComparedRecord comparedRecord(const VendorApi &api, const QByteArray &json, bool *fast = nullptr);

// The same through Qt's reading only: the reference the fast path is held to.
ComparedRecord comparedRecordQt(const VendorApi &api, const QByteArray &json);

// VendorApi::changedContentFields of two records as JSON, read the same way (Qt's reading where
// the writer cannot vouch for a record).
QStringList changedContentFields(const VendorApi &api, const QByteArray &before, const QByteArray &after);

} // namespace sb
