#include "graph/patronymic.h"

#include <vector>
#include <string_view>

#include "base/utf8.h"
#include "extract/lexicon.h"

namespace kith {

using namespace std::string_view_literals;

namespace {

std::vector<std::string> LowerWords(const std::string& name) {
  std::vector<std::string> words;
  const std::string lower = Utf8Lower(name);
  const auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  for (std::size_t i = 0; i < lower.size();) {
    while (i < lower.size() && space(lower[i])) ++i;
    std::size_t end = i;
    while (end < lower.size() && !space(lower[end])) ++end;
    if (end > i) words.push_back(lower.substr(i, end - i));
    i = end;
  }
  return words;
}

bool Trusted(const LexiconEntry& e, const char* position) {
  const auto weak = e.attributes.find("weak");
  if (weak != e.attributes.end() && weak->second == "yes"sv) return false;
  const auto pos = e.attributes.find("position");
  const std::string p = pos == e.attributes.end() ? "" : pos->second;
  return p == position || p == "both"sv;
}

}  // namespace

std::string PatronymicStemKey(const std::string& name, const RuleSet& rules) {
  const Lexicon* suffixes = rules.lexicon("patronymic_suffixes");
  if (suffixes == nullptr) return "";
  const std::vector<std::string> words = LowerWords(name);
  for (std::size_t i = 1; i < words.size(); ++i) {
    const std::string& w = words[i];
    // A particle of its own after the father's name: "Temirbek uulu".
    if (i >= 2) {
      if (const LexiconEntry* e = suffixes->FindWord(w); e != nullptr && Trusted(*e, "word")) {
        return rules.name_key().Key(words[i - 1]);
      }
    }
    // An ending glued to it: "Temirbekqyzy"; the longest that leaves three bytes.
    std::size_t best = 0;
    for (const LexiconEntry& e : suffixes->entries()) {
      if (e.tokens.size() != 1) continue;
      const std::string& s = e.tokens[0];
      if (s.size() > best && w.size() >= s.size() + 3 && w.compare(w.size() - s.size(), s.size(), s) == 0 &&
          Trusted(e, "suffix")) {
        best = s.size();
      }
    }
    if (best > 0) return rules.name_key().Key(w.substr(0, w.size() - best));
  }
  return "";
}

std::string FamilyNameKey(const std::string& name, const RuleSet& rules) {
  std::string stem = PatronymicStemKey(name, rules);
  if (!stem.empty()) return stem;
  const std::vector<std::string> words = LowerWords(name);
  return words.size() >= 2 ? rules.name_key().Key(words.back()) : "";
}

std::string GivenNameKey(const std::string& name, const RuleSet& rules) {
  const std::vector<std::string> words = LowerWords(name);
  return words.empty() ? "" : rules.name_key().Key(words[0]);
}

const PatronymicKeys::Keys& PatronymicKeys::Of(const std::string& name) {
  const auto found = by_name_.find(name);
  if (found != by_name_.end()) return found->second;
  Keys keys;
  keys.stem = PatronymicStemKey(name, rules_);
  keys.family = FamilyNameKey(name, rules_);
  keys.given = GivenNameKey(name, rules_);
  return by_name_.emplace(name, std::move(keys)).first->second;
}

}  // namespace kith
