// Patronymic: the father's name a patronymic is made from, so that persons of
// one article can be told apart as children of one father. "Ulan Temirbek
// uulu", "Aida Temirbekqyzy" and "Asel Temirbekovna" all carry "Temirbek".
// The endings and particles are the `patronymic_suffixes`
// lexicon's (weak ones are not trusted); the result is keyed with the rule
// set's NameKey, so spelling variants compare equal. The functions are
// stateless and thread-safe; PatronymicKeys remembers their answers per name
// for one document.
#pragma once

#include <string>
#include <unordered_map>

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

// The three keys above, each computed once per name: the kinship builder asks
// them of every person of a document for every unnamed relative.
class PatronymicKeys {
 public:
  explicit PatronymicKeys(const RuleSet& rules) : rules_(rules) {}
  const std::string& Stem(const std::string& name) { return Of(name).stem; }
  const std::string& Family(const std::string& name) { return Of(name).family; }
  const std::string& Given(const std::string& name) { return Of(name).given; }

 private:
  struct Keys {
    std::string stem;
    std::string family;
    std::string given;
  };
  const Keys& Of(const std::string& name);
  const RuleSet& rules_;
  std::unordered_map<std::string, Keys> by_name_;
};

}  // namespace kith
