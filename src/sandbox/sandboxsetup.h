#pragma once

#include "core/profile.h"
#include "ldfilterhook.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <utility>

namespace sb {

// One profile per vendor on a sandbox at `root`, with the sandbox's made-up secret.
QList<std::pair<Profile, QString>> sandboxDemoProfiles(const QUrl &root);

// LaunchDarkly's filter evaluated with src/ldfilter, the same code the client validates with;
// a bad filter is answered with the parser's message and position.
LdFilterHook ldFilterLanguageHook();
// LaunchDarkly's sort read and ordered with src/ldfilter (parseSort, compareForSort), so the
// sandbox lists in exactly the order the client expects; a bad sort gets the parser's message.
LdSortHook ldSortLanguageHook();

} // namespace sb
