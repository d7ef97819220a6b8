#pragma once

#include "core/error.h"
#include "core/result.h"
#include "core/segment.h"
#include "core/vendorapi.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace sb {

// One segment as two listings (A and B) have it.
struct SegmentDifference
{
    enum class Status { OnlyA, OnlyB, Different, Identical };

    Status status = Status::Identical;
    QString key;
    QString nameA; // empty when only in B
    QString nameB; // empty when only in A
    QStringList fields; // Different: the content fields that differ, in VendorApi::contentFields() order
    QByteArray recordA; // the records as the vendor sent them, for a field-by-field view
    QByteArray recordB;

    // "only-a", "only-b", "different", "identical": the command line's status column.
    static QString statusName(Status status);
};

// How many of each.
struct ComparisonCounts
{
    qint64 onlyA = 0;
    qint64 onlyB = 0;
    qint64 different = 0;
    qint64 identical = 0;

    bool hasDifferences() const { return onlyA + onlyB + different > 0; }
};

// Compares two listings of one vendor's segments (two environments, two accounts, two syncs),
// matched by the segment's key, with the vendor's content rule: links, versions and timestamps
// never make two segments different. Give it every page of A, then every page of B, as they come;
// it keeps A's records until B has been seen (one side, not both), and of B only what differs.
// Pages are read in batches: an error (a key listed twice) may come from a later add, or finish().
class Comparison final
{
    Q_DECLARE_TR_FUNCTIONS(sb::Comparison)

public:
    // `keepIdentical`: finish() lists the identical segments too (otherwise only counted).
    explicit Comparison(const VendorApi *vendor, bool keepIdentical = false);

    // A's segments, in any number of pages; all of them before the first of B.
    Error addA(const QList<Segment> &segments);
    Error addB(const QList<Segment> &segments);
    // The same, for records read already.
    Error addA(const QList<ComparedRecord> &records);
    Error addB(const QList<ComparedRecord> &records);
    // Every segment in A or B that differs (and the identical ones when kept), by key; then
    // counts() says how many of each. An error when a side listed a key twice.
    Result<QList<SegmentDifference>> finish();
    ComparisonCounts counts() const { return m_counts; }

private:
    struct Held
    {
        qint64 contentHash = 0;
        QString name;
        QByteArray json;
        bool seen = false; // B has it too
    };

    Error flushA(); // reads the pages of A (B) waiting to be read
    Error flushB();

    const VendorApi *m_vendor;
    QList<Segment> m_pendingA;
    QList<Segment> m_pendingB;
    bool m_keepIdentical;
    QHash<QString, Held> m_a;
    QSet<QString> m_bKeys;
    QList<SegmentDifference> m_found; // only in B, different, identical: as B comes
    ComparisonCounts m_counts;
    Error m_error;
};

} // namespace sb
