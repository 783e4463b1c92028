// Patronymic: the father's name a patronymic is made from, so that persons of
// one article can be told apart as children of one father. "Ulan Temirbek
// uulu", "Aida Temirbekqyzy" and "Asel Temirbekovna" all carry "Temirbek".
// The endings and particles are the `patronymic_suffixes`
// lexicon's (weak ones are not trusted); the result is keyed with the rule
// set's NameKey, so spelling variants compare equal. Stateless, thread-safe.
#pragma once

#include <string>

#include "extract/rule_set.h"

namespace kith {

// The key of the father's name in `name`'s patronymic, or "" when the name has
// none. The first word is the given name and is never read as one.
std::string PatronymicStemKey(const std::string& name, const RuleSet& rules);

// The key of the father's name a child carries: the patronymic's, else the
// last word of a name of two words or more (an Uyghur's second name is the
// father's given name; a family name is shared by siblings), else "".
std::string FamilyNameKey(const std::string& name, const RuleSet& rules);

// The key of `name`'s first word (the given name), or "".
std::string GivenNameKey(const std::string& name, const RuleSet& rules);

}  // namespace kith
