// Every vendor's reply parser on any reply: any status, any headers, any body. Never a crash;
// a page holds JSON objects only and a forward cursor; an error is typed and says something.
// The fast page reader (simdjson) reads every body as Qt's parser does (samepagebody.h).
// Input: byte 0 picks the vendor, bytes 1-2 the status, then headers ("Name: value" lines) up to
// a blank line, then the body.

#include "fuzzcheck.h"

#include "../samepagebody.h"

#include "core/vendorapi.h"
#include "vendors/registry.h"

#include <QJsonDocument>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;
    const QList<const sb::VendorApi *> vendors = sb::allVendors();
    const sb::VendorApi *vendor = vendors.at(data[0] % vendors.size());
    sb::HttpReply reply;
    // Mostly the statuses servers send, sometimes anything.
    const int raw = (data[1] << 8) | data[2];
    static constexpr int kCommon[] = {200, 200, 200, 400, 401, 403, 404, 429, 500, 502, 503, 504};
    reply.status = raw < 0x8000 ? kCommon[raw % std::size(kCommon)] : raw % 1000;
    const QByteArray rest(reinterpret_cast<const char *>(data + 3), qsizetype(size - 3));
    const qsizetype blank = rest.indexOf("\n\n");
    const QByteArray head = blank < 0 ? QByteArray() : rest.left(blank);
    reply.body = blank < 0 ? rest : rest.mid(blank + 2);
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            reply.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }

    sb::PageQuery query;
    query.pageSize = 1 + data[1] % vendor->maxPageSize();
    query.cursor.offset = data[2];
    query.wantTotal = data[1] & 1;
    const sb::Result<sb::Page> page = vendor->parsePage(reply, query);
    if (!page) {
        SB_FUZZ_CHECK(page.error().isError(), "a failed parse is an error");
        SB_FUZZ_CHECK(!page.error().toString().isEmpty(), "the error says something");
    } else {
        SB_FUZZ_CHECK(reply.status >= 200 && reply.status < 300, "only a success status gives a page");
        for (const sb::Segment &segment : page.value().segments) {
            SB_FUZZ_CHECK(QJsonDocument::fromJson(segment.json).isObject(), "a segment is a JSON object");
            SB_FUZZ_CHECK(segment.values.size() == vendor->columns().size(), "a value per column");
            vendor->recordKey(segment.object());
        }
        if (page.value().next && vendor->paging() == sb::Paging::Offset)
            SB_FUZZ_CHECK(page.value().next->offset > query.cursor.offset, "an offset cursor moves forward");
        SB_FUZZ_CHECK(page.value().total >= -1, "a total is -1 or a count");
    }
    for (const char *key : {"", "items", "segments", "data"}) {
        const QString k = QString::fromLatin1(key);
        const QString difference = sb::pageBodyDifference(sb::vendorsupport::pageBody(*vendor, reply, k),
                                                          sb::vendorsupport::pageBodyQt(*vendor, reply, k));
        if (!difference.isEmpty())
            std::fprintf(stderr, "%s\n", qPrintable(difference));
        SB_FUZZ_CHECK(difference.isEmpty(), "the fast page reader reads the body as Qt's parser does");
    }
    if (vendor->exchangesToken()) {
        const sb::Result<sb::AccessToken> token = vendor->parseToken(reply);
        if (token)
            SB_FUZZ_CHECK(!token.value().token.isEmpty(), "a token is not empty");
    }
    return 0;
}
