#pragma once

#include <QJsonObject>
#include <QString>

// The sandbox's segments. Every record is a pure function of (vendor, index), so any page of
// 100,000 segments is made on demand in microseconds, the same in every run, and segment i is the
// same whatever the segment count (a smaller sandbox lists a prefix of a bigger one).
//
// The values are deliberately awkward: Arabic and Hebrew names, emoji, quotes, commas, line
// breaks, values beginning with = + - @ (CSV formula injection), empty and missing descriptions,
// duplicate names, equal timestamps (so that multi-key sorts have ties to break).
namespace sb::datagen {

// Batch: {code, display_name, created_at, updated_at} (RFC 3339 UTC).
QJsonObject batchSegment(int index);
// Batch's cursor names a segment by "code@created_at"; this finds the index back, or -1.
int batchIndexOf(const QString &code);

// LaunchDarkly UserSegment; `_links.self` points into the given project and environment.
QJsonObject launchDarklySegment(int index, const QString &project, const QString &environment);
// The sort keys alone, cheap enough to sort 100,000 segments.
QString launchDarklyKey(int index);
QString launchDarklyName(int index);
qint64 launchDarklyCreationDate(int index);
qint64 launchDarklyLastModified(int index);

// Amperity: {id, name, status?}; ids look like "ab-1CDEfGHI".
QJsonObject amperitySegment(int index);

// SailPoint Segment: id (UUID), name, created, modified, description?, owner (or null),
// visibilityCriteria (or null), active.
QJsonObject sailPointSegment(int index);

// Helpers the endpoints share for opaque cursors and ids.
quint64 mix(quint64 value); // SplitMix64 finaliser: a fixed, well-spread hash
QString toBase(quint64 value, int base, int width); // digits 0-9 A-Z a-z, zero-padded to width
std::optional<quint64> fromBase(QStringView text, int base);
QString hexId(quint64 seed, int digits); // lowercase hex, for tracking and error ids

} // namespace sb::datagen
