#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace sb {

// One line of a line-by-line comparison of two texts (two records as pretty-printed JSON).
struct DiffLine
{
    enum class Kind { Same, Removed, Added };
    Kind kind = Kind::Same;
    QString text;
};

// The lines of `before` and `after` in order, each marked as in both, only before or only after
// (a longest common subsequence). Past `maxLines` lines on either side it gives up on matching
// and lists every line of `before` as removed and every line of `after` as added.
QList<DiffLine> lineDiff(const QStringList &before, const QStringList &after, int maxLines = 4000);

} // namespace sb
