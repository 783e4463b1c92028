// SurnameGender: the gender a surname's ending suggests, for persons the text
// gives none by a pronoun, a kin word or a patronymic. "Aigul Petrova" and
// "Sultanova" read female, "Marat Kassenov" male. The endings are the
// `surname_suffixes` lexicon's entries with a `hint`; weak ones (short endings
// that ordinary given names share, such as -in or -ina) are not trusted. A
// guess, never evidence: callers use it only where nothing else fixed the
// gender. Stateless, thread-safe.
#pragma once

#include <string>

#include "extract/rule_set.h"

namespace kith {

// "male", "female", or "" when the last word of `name` has no trusted ending
// with a hint. The longest ending that leaves three letters before it decides
// ("Abdybekova" reads -bekova, "Karina" the weak -ina and so nothing).
std::string SurnameGender(const std::string& name, const RuleSet& rules);

}  // namespace kith
