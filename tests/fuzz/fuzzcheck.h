#pragma once

// What the fuzz targets share: a failed property stops the run with a message libFuzzer keeps
// next to the crashing input.

#include <cstdio>
#include <cstdlib>

#define SB_FUZZ_CHECK(condition, what)                                                                                 \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            std::fprintf(stderr, "fuzz property failed: %s (%s:%d)\n", what, __FILE__, __LINE__);                      \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (false)
