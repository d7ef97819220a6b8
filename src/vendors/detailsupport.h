#pragma once

#include "core/details.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

// Vendor-neutral helpers for VendorApi::details(): each vendor folder decides which of its
// fields are facts and how its structured parts read; these only format values, so that a
// date, a list or a yes/no reads the same whichever vendor it comes from.
namespace sb::detailsupport {

// A record's timestamp, an RFC 3339 string or Unix milliseconds, made readable as the whole window
// shows moments (localDateTimeText); the vendor's
// own text when it cannot be read as a time (nothing is hidden), empty when missing or null.
QString readableTimestamp(const QJsonValue &value);
// A string or number as it reads: strings as they are, whole numbers without a decimal point,
// true/false as the words; arrays and objects as compact JSON; empty for null or missing.
QString plainValue(const QJsonValue &value);
// A list of values as "fr, de"; a value that would be misread in such a list (empty, with a
// comma or quote, or with space at an end) is quoted, so the list stays unambiguous.
QString readableList(const QJsonValue &values);
// "Yes" / "No", translated.
QString yesNo(bool value);
// A count with both forms spelled out, the number in the locale's digits: pluralText(n, tr("1 flag"),
// tr("%1 flags")) reads "1 flag" or "1,200 flags". (No translation is loaded, so tr()'s %n would
// show its "(s)" as it is.)
QString pluralText(qsizetype n, const QString &one, const QString &many);

// The string at `key`, as sent (not trimmed); empty when missing or not a string.
QString stringAt(const QJsonObject &object, const char *key);

// Details that start as every vendor's do: the title, then "Name" and the key under
// `keyLabel` ("Key", "ID", "Code") as the first facts.
SegmentDetails startDetails(const QString &name, const QString &keyLabel, const QString &key);
// Appends a fact unless its value is empty, so that missing fields leave no blank rows.
void addFact(QList<DetailFact> &facts, const QString &label, const QString &value);
// A node for at most `shown` of the strings in `values`, with one "... and N more" line after
// them, so that a list of thousands of keys does not swamp the pane (the JSON has them all).
DetailNode listNode(const QString &text, const QStringList &values, qsizetype shown = 20);
// Facts for the top-level fields of `record` not named in `known`: what a vendor adds later
// still shows, under its own field name.
void addOtherFields(QList<DetailFact> &facts, const QJsonObject &record, const QStringList &known);

} // namespace sb::detailsupport
