// LaunchDarkly filter text: any input is parsed without crashing, and whatever parses prints as
// text that parses to the same filter and prints the same again (parse -> print -> parse).

#include "fuzzcheck.h"

#include "ldfilter/parser.h"
#include "ldfilter/printer.h"

#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    int column = 0;
    const sb::Result<sb::ldfilter::Filter> first = sb::ldfilter::parse(text, &column);
    if (!first) {
        SB_FUZZ_CHECK(!first.error().message.isEmpty(), "a refused filter says why");
        SB_FUZZ_CHECK(column >= 1 && column <= text.size() + 1, "the error column is inside the text");
        return 0;
    }
    SB_FUZZ_CHECK(sb::ldfilter::isValid(first.value()), "a parsed filter is valid");
    const QString printed = sb::ldfilter::print(first.value());
    const sb::Result<sb::ldfilter::Filter> second = sb::ldfilter::parse(printed);
    SB_FUZZ_CHECK(bool(second), "printed text parses");
    SB_FUZZ_CHECK(second.value() == first.value(), "parse(print(f)) == f");
    SB_FUZZ_CHECK(sb::ldfilter::print(second.value()) == printed, "print is stable");
    return 0;
}
