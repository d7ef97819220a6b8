#include "recordcodec.h"

#include <zdict.h>
#include <zstd.h>

#include <algorithm>
#include <cstring>
#include <vector>

namespace sb::storesql {

namespace {

constexpr int kLevel = 3; // zstd's default: a record of 1 KB in a few microseconds
constexpr size_t kDictionaryCapacity = 16 * 1024;
// Every stored frame starts with these bytes (ZSTD_MAGICNUMBER, little-endian): they are left out.
constexpr char kMagic[4] = {'\x28', '\xB5', '\x2F', '\xFD'};
// A record larger than this is not a vendor's segment; it is not decompressed into memory.
constexpr unsigned long long kMaxRecord = 256ull * 1024 * 1024;

} // namespace

std::optional<QByteArray> trainDictionary(const QList<QByteArray> &samples)
{
    QByteArray joined;
    std::vector<size_t> sizes;
    sizes.reserve(size_t(samples.size()));
    for (const QByteArray &s : samples) {
        joined += s;
        sizes.push_back(size_t(s.size()));
    }
    // zstd wants roughly ten times the dictionary's size in samples, or more.
    const size_t capacity = std::min(kDictionaryCapacity, size_t(joined.size()) / 10);
    if (capacity < 256)
        return std::nullopt;
    QByteArray dictionary(qsizetype(capacity), Qt::Uninitialized);
    const size_t size =
        ZDICT_trainFromBuffer(dictionary.data(), capacity, joined.constData(), sizes.data(), unsigned(sizes.size()));
    if (ZDICT_isError(size))
        return std::nullopt;
    dictionary.truncate(qsizetype(size));
    return dictionary;
}

RecordCompressor::RecordCompressor(const QByteArray &dictionary)
{
    m_cctx = ZSTD_createCCtx();
    m_cdict = ZSTD_createCDict(dictionary.constData(), size_t(dictionary.size()), kLevel);
    if (m_cctx) {
        // The dictionary is known from the row; its id in every frame would only cost 4 bytes.
        ZSTD_CCtx_setParameter(m_cctx, ZSTD_c_dictIDFlag, 0);
        ZSTD_CCtx_setParameter(m_cctx, ZSTD_c_checksumFlag, 0);
        ZSTD_CCtx_setParameter(m_cctx, ZSTD_c_contentSizeFlag, 1);
    }
}

RecordCompressor::~RecordCompressor()
{
    ZSTD_freeCDict(m_cdict);
    ZSTD_freeCCtx(m_cctx);
}

std::optional<QByteArray> RecordCompressor::compress(const QByteArray &record) const
{
    if (!isValid())
        return std::nullopt;
    QByteArray out(qsizetype(ZSTD_compressBound(size_t(record.size()))), Qt::Uninitialized);
    if (ZSTD_isError(ZSTD_CCtx_refCDict(m_cctx, m_cdict)))
        return std::nullopt;
    const size_t n = ZSTD_compress2(m_cctx, out.data(), size_t(out.size()), record.constData(), size_t(record.size()));
    if (ZSTD_isError(n) || n < sizeof kMagic || memcmp(out.constData(), kMagic, sizeof kMagic) != 0)
        return std::nullopt;
    return out.mid(sizeof kMagic, qsizetype(n - sizeof kMagic));
}

RecordDecompressor::RecordDecompressor(const QByteArray &dictionary)
{
    m_dctx = ZSTD_createDCtx();
    m_ddict = ZSTD_createDDict(dictionary.constData(), size_t(dictionary.size()));
}

RecordDecompressor::~RecordDecompressor()
{
    ZSTD_freeDDict(m_ddict);
    ZSTD_freeDCtx(m_dctx);
}

std::optional<QByteArray> RecordDecompressor::decompress(const QByteArray &stored) const
{
    if (!isValid())
        return std::nullopt;
    const QByteArray frame = QByteArray(kMagic, sizeof kMagic) + stored;
    const unsigned long long size = ZSTD_getFrameContentSize(frame.constData(), size_t(frame.size()));
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > kMaxRecord)
        return std::nullopt;
    QByteArray out(qsizetype(size), Qt::Uninitialized);
    const size_t n = ZSTD_decompress_usingDDict(m_dctx, out.data(), size_t(out.size()), frame.constData(),
                                                size_t(frame.size()), m_ddict);
    if (ZSTD_isError(n) || n != size)
        return std::nullopt;
    return out;
}

} // namespace sb::storesql
