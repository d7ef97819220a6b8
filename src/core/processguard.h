#pragma once

#include <QString>

namespace sb {

// What the process does about its secrets before anything else: no core dump may hold them
// (PR_SET_DUMPABLE 0 and a core size limit of 0), and the secret handed in through the
// environment (SEGMENT_BROWSER_SECRET) is taken into memory and wiped from the environment, the
// original bytes included, so that neither /proc/<pid>/environ nor a child process sees it.
void guardProcess();

// The secret SEGMENT_BROWSER_SECRET held when guardProcess() ran; empty when it was not set.
QString environmentSecret();

} // namespace sb
