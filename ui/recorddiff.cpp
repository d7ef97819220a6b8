#include "recorddiff.h"

#include <vector>

namespace sb {

QList<DiffLine> lineDiff(const QStringList &before, const QStringList &after, int maxLines)
{
    const qsizetype n = before.size();
    const qsizetype m = after.size();
    QList<DiffLine> out;
    if (n > maxLines || m > maxLines) {
        for (const QString &line : before)
            out.append({DiffLine::Kind::Removed, line});
        for (const QString &line : after)
            out.append({DiffLine::Kind::Added, line});
        return out;
    }
    // lcs[i][j]: the longest common subsequence of before[i..] and after[j..].
    std::vector<std::vector<int>> lcs(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs[i][j] = before.at(i) == after.at(j) ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n && j < m) {
        if (before.at(i) == after.at(j)) {
            out.append({DiffLine::Kind::Same, before.at(i)});
            ++i;
            ++j;
        } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.append({DiffLine::Kind::Removed, before.at(i++)});
        } else {
            out.append({DiffLine::Kind::Added, after.at(j++)});
        }
    }
    while (i < n)
        out.append({DiffLine::Kind::Removed, before.at(i++)});
    while (j < m)
        out.append({DiffLine::Kind::Added, after.at(j++)});
    return out;
}

} // namespace sb
