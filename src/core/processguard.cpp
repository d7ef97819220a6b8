#include "processguard.h"

#include <cstdlib>
#include <cstring>

#include <sys/prctl.h>
#include <sys/resource.h>

extern char **environ;

namespace sb {

namespace {

QString &takenSecret()
{
    static QString secret;
    return secret;
}

} // namespace

void guardProcess()
{
    // No core file, and no ptrace by others of this user: a crash must not write the secret out.
    const rlimit none {0, 0};
    setrlimit(RLIMIT_CORE, &none);
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);

    static const char kName[] = "SEGMENT_BROWSER_SECRET=";
    for (char **entry = environ; entry && *entry; ++entry) {
        if (std::strncmp(*entry, kName, sizeof kName - 1) != 0)
            continue;
        char *value = *entry + sizeof kName - 1;
        if (takenSecret().isEmpty()) // the first, as getenv() would give it
            takenSecret() = QString::fromLocal8Bit(value);
        // The bytes themselves, where the kernel shows them (/proc/<pid>/environ), then the entry.
        std::memset(value, 0, std::strlen(value));
    }
    unsetenv("SEGMENT_BROWSER_SECRET");
}

QString environmentSecret()
{
    return takenSecret();
}

} // namespace sb
