#pragma once

// The demo data set's vocabularies (datagen_demo_vocabulary.cpp), which datagen_demo.cpp composes
// names, codes, keys and descriptions from. Not for other files.

#include <QString>

#include <vector>

namespace sb::datagen::detail {

// A qualifier, region or platform: its text in names, its key in codes and keys (lowercase, '-').
struct Part
{
    const char *text;
    const char *key;
};
using Parts = std::vector<Part>;

// `group` indexes the vendor's qualifier groups. `hint`: LaunchDarkly the audience's tag (which
// also names its first rule clause), SailPoint "attribute=value" (its first visibility criterion).
// `about`: the first sentence of the description (LaunchDarkly and SailPoint).
struct Audience
{
    const char *name;
    const char *key;
    int group;
    const char *hint;
    const char *about;
};

enum class Style {
    Parenthesised, // Audience — qualifier (region, platform)
    Dotted, // Audience — qualifier · region · platform
    Governance, // Audience — region · qualifier (platform)
};

struct Vocabulary
{
    Style style;
    std::vector<Audience> first; // epoch 0's segments
    std::vector<Audience> later; // added at later epochs, and staging's own
    std::vector<Parts> groups;
    Parts regions;
    Parts platforms;
};

// One combination of the vendor's pools; nullptr where the name has no such part.
struct Combo
{
    const Audience *audience;
    const Part *qualifier;
    const Part *region;
    const Part *platform;
};

// The vendor's vocabulary, by its seed (BatchSeed, ...).
const Vocabulary &demoVocabulary(quint64 seed);
// Segment `index`'s combination (datagen_demo.cpp).
Combo demoCombo(quint64 seed, int index);
QString demoText(const Part *part); // empty for nullptr

} // namespace sb::datagen::detail
