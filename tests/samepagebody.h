#pragma once

// Holds pageBody() (simdjson) to pageBodyQt() (Qt's parser): both must accept the same bodies and
// read them alike. Shared by tst_vendors and the fuzz target fuzz_parsepage.

#include "vendors/vendorsupport.h"

#include <QMetaType>
#include <QString>

namespace sb {

// Empty when the two readings agree, else what differs.
inline QString pageBodyDifference(const Result<vendorsupport::PageBody> &fast,
                                  const Result<vendorsupport::PageBody> &qt)
{
    if (bool(fast) != bool(qt)) {
        return fast ? QStringLiteral("only Qt refused it: ") + qt.error().toString()
                    : QStringLiteral("only the fast reader refused it: ") + fast.error().toString();
    }
    if (!fast) {
        return fast.error().toString() == qt.error().toString()
            ? QString()
            : QStringLiteral("errors differ: %1 | %2").arg(fast.error().toString(), qt.error().toString());
    }
    if (fast.value().envelope != qt.value().envelope)
        return QStringLiteral("the fields around the records differ");
    const QList<Segment> &a = fast.value().segments;
    const QList<Segment> &b = qt.value().segments;
    if (a.size() != b.size())
        return QStringLiteral("%1 segments, Qt %2").arg(a.size()).arg(b.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i).json != b.at(i).json)
            return QStringLiteral("segment %1's JSON differs").arg(i);
        if (a.at(i).values.size() != b.at(i).values.size())
            return QStringLiteral("segment %1 has another number of values").arg(i);
        for (qsizetype c = 0; c < a.at(i).values.size(); ++c) {
            const QVariant &x = a.at(i).values.at(c);
            const QVariant &y = b.at(i).values.at(c);
            // Strict: the same type as well as an equal value (QVariant == converts numbers).
            if (x.metaType() != y.metaType() || x != y) {
                return QStringLiteral("segment %1 column %2: %3 (%4), Qt %5 (%6)")
                    .arg(i)
                    .arg(c)
                    .arg(x.toString(), QString::fromLatin1(x.typeName()), y.toString(),
                         QString::fromLatin1(y.typeName()));
            }
        }
    }
    return {};
}

} // namespace sb
