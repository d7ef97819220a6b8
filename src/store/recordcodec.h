#pragma once

// How the store keeps a record's bytes: as the vendor sent them, or as a zstd frame made with a
// dictionary trained on the source's own first records. A source's records share their field names
// and most of their shape, so a dictionary takes a 70-byte record to about 30 bytes and a 900-byte
// one to about a quarter. Not part of the store's interface.

#include <QByteArray>
#include <QList>

#include <memory>
#include <optional>

struct ZSTD_CCtx_s;
struct ZSTD_DCtx_s;
struct ZSTD_CDict_s;
struct ZSTD_DDict_s;

namespace sb::storesql {

// Records a dictionary is trained on: a source with fewer keeps its records as they came.
constexpr int kDictionarySamples = 1000;

// A dictionary trained on `samples`; nullopt when zstd could not make a useful one.
std::optional<QByteArray> trainDictionary(const QList<QByteArray> &samples);

// Compresses records with one dictionary. Not thread-safe; one per sync.
class RecordCompressor final
{
public:
    explicit RecordCompressor(const QByteArray &dictionary);
    ~RecordCompressor();
    RecordCompressor(const RecordCompressor &) = delete;
    RecordCompressor &operator=(const RecordCompressor &) = delete;

    bool isValid() const { return m_cctx && m_cdict; }
    // The frame without zstd's 4-byte magic number (every stored frame has the same one);
    // nullopt when zstd fails, and the record is then kept as it came.
    std::optional<QByteArray> compress(const QByteArray &record) const;

private:
    ZSTD_CCtx_s *m_cctx = nullptr;
    ZSTD_CDict_s *m_cdict = nullptr;
};

// Decompresses what RecordCompressor made with the same dictionary.
class RecordDecompressor final
{
public:
    explicit RecordDecompressor(const QByteArray &dictionary);
    ~RecordDecompressor();
    RecordDecompressor(const RecordDecompressor &) = delete;
    RecordDecompressor &operator=(const RecordDecompressor &) = delete;

    bool isValid() const { return m_dctx && m_ddict; }
    // nullopt when `stored` is not a frame of this dictionary (a damaged store).
    std::optional<QByteArray> decompress(const QByteArray &stored) const;

private:
    ZSTD_DCtx_s *m_dctx = nullptr;
    ZSTD_DDict_s *m_ddict = nullptr;
};

} // namespace sb::storesql
