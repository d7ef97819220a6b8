#pragma once

#include <QList>
#include <QString>

namespace sb {

// One fact about a segment for the detail pane ("Key", "Created", "Tags"), already formatted
// for reading (local time for dates, "fr, de" for lists). Vendors build these; the pane only shows them.
struct DetailFact
{
    QString label; // translated
    QString value;
};

// A line of a readable tree: a rule, a clause, a criteria group, an owner.
struct DetailNode
{
    QString text;
    QList<DetailNode> children;
};

// A titled part of the detail pane ("Rules", "Visibility criteria", "Owner").
struct DetailSection
{
    QString title; // translated
    QList<DetailNode> nodes;
};

// What the detail pane shows of one record besides its raw JSON: the key facts first, then
// the vendor's structured parts in a readable form.
struct SegmentDetails
{
    QString title; // the segment's name, or its key when it has none
    QList<DetailFact> facts;
    QList<DetailSection> sections;
};

} // namespace sb
