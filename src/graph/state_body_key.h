// State body key: one key for the names an article gives one state's body
// in either order, "Kyrgyz Foreign Ministry", "Kyrgyzstan's Ministry of
// Foreign Affairs", "the Ministry of Foreign Affairs of the Kyrgyz Republic":
// the body's head (its other name in the heads lexicon, if it has one) and
// the country, through the countries and nationality adjectives lexicons.
// A ministry or a parliament seated in its state's capital ("<head> in
// <capital>": "the Foreign Ministry in Astana") has its country's key too. A
// name that is not a head with a country before it ("<adjective or country>
// <head>"), after "of" ("<head> of [the] <country>") or so seated has no key:
// "the Chinese Embassy in Astana" has none, so it is never joined this way.
#pragma once

#include <string>
#include <vector>

#include "extract/rule_set.h"

namespace kith {

// "ministry of foreign affairs|Kyrgyzstan", or "" when the name is no such name; `words` are
// the name's tokens in lower case, as the rules' tokenizer makes them.
std::string StateBodyKey(std::vector<std::string> words, const RuleSet& rules);

// The key of a name with a seat once the seat is left out ("Embassy of the People's Republic
// of China in Kazakhstan" -> "embassy|China"), or "" when the name has no " in " or the rest
// has no key.
std::string SeatlessStateBodyKey(const std::vector<std::string>& words, const RuleSet& rules);

}  // namespace kith
