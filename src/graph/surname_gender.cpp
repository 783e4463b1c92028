#include "graph/surname_gender.h"

#include "base/utf8.h"
#include "extract/lexicon.h"

namespace kith {

using namespace std::string_view_literals;

std::string SurnameGender(const std::string& name, const RuleSet& rules) {
  const Lexicon* suffixes = rules.lexicon("surname_suffixes");
  if (suffixes == nullptr) return "";
  const std::string lower = Utf8Lower(name);
  const std::size_t space = lower.find_last_of(' ');
  const std::string word = space == std::string::npos ? lower : lower.substr(space + 1);
  const LexiconEntry* best = nullptr;
  for (const LexiconEntry& e : suffixes->entries()) {
    if (e.tokens.size() != 1) continue;
    const std::string& s = e.tokens[0];
    if (word.size() < s.size() + 3 || word.compare(word.size() - s.size(), s.size(), s) != 0) continue;
    if (best == nullptr || s.size() > best->tokens[0].size()) best = &e;
  }
  if (best == nullptr) return "";
  const auto weak = best->attributes.find("weak");
  if (weak != best->attributes.end() && weak->second == "yes"sv) return "";
  const auto hint = best->attributes.find("hint");
  if (hint == best->attributes.end() || (hint->second != "male"sv && hint->second != "female"sv)) return "";
  return hint->second;
}

}  // namespace kith
