#pragma once

// What datagen.cpp (epoch 0) and datagen_later.cpp (the same account later) share: the seeds,
// the hash and draw streams records are made from, and a few pools and formats. Not for other files.

#include "datagen.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace sb::datagen::detail {

// Each vendor draws from the same pools with its own seed, so the four lists differ.
enum Seed : quint64 { BatchSeed = 1, LaunchDarklySeed = 2, AmperitySeed = 3, SailPointSeed = 4 };

// Different salts give independent-looking choices for the same record.
inline quint64 hashOf(quint64 seed, int index, quint64 salt)
{
    return mix(mix(seed * 0x100000001b3ULL + salt) ^ quint64(index));
}

// A SplitMix64 stream for the several draws one record needs; each draw is independent of the
// others (hashing a draw again would repeat the next one).
class Draws
{
public:
    Draws(quint64 seed, int index, quint64 salt) : m_state(hashOf(seed, index, salt)) { }
    quint64 next()
    {
        m_state += 0x9E3779B97F4A7C15ULL;
        return mix(m_state);
    }
    int below(int n) { return int(next() % quint64(n)); }
    bool oneIn(int n) { return below(n) == 0; }

private:
    quint64 m_state;
};

template<typename T> const T &pick(const QList<T> &pool, quint64 hash)
{
    return pool.at(qsizetype(hash % quint64(pool.size())));
}

const QStringList &nameTemplates();
std::optional<QString> description(quint64 seed, int index);
QString rfc3339Utc(qint64 seconds);
QString sailPointTimestamp(qint64 seconds, quint64 h);

} // namespace sb::datagen::detail
