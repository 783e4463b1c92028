#include "graph/state_body_key.h"

#include <cstddef>
#include <string_view>
#include <vector>

#include "base/utf8.h"
#include "extract/extraction.h"
#include "extract/lexicon.h"

namespace kith {

using namespace std::string_view_literals;

namespace {

using Words = std::vector<std::string>;

Words Slice(const Words& words, std::size_t begin, std::size_t end) {
  return Words(words.begin() + static_cast<std::ptrdiff_t>(begin), words.begin() + static_cast<std::ptrdiff_t>(end));
}

// The country `words` name ("kyrgyz republic" -> Kyrgyzstan), or "".
std::string CountryNamed(const Words& words, const RuleSet& rules) {
  const Lexicon* countries = rules.lexicon("countries");
  const LexiconEntry* e = countries != nullptr ? countries->Find(words) : nullptr;
  if (e == nullptr) return "";
  const auto canonical = e->attributes.find("canonical");
  return canonical != e->attributes.end() ? canonical->second : e->text;
}

// The country a nationality adjective or a country name in `words` points to, or "".
std::string CountryOf(const Words& words, const RuleSet& rules) {
  const std::string named = CountryNamed(words, rules);
  if (!named.empty()) return named;
  const Lexicon* adjectives = rules.lexicon("nationality_adjectives");
  const LexiconEntry* e = adjectives != nullptr ? adjectives->Find(words) : nullptr;
  if (e == nullptr) return "";
  const auto country = e->attributes.find("country");
  return country != e->attributes.end() ? country->second : "";
}

// The heads lexicon's entry for `words`, or nullptr.
const LexiconEntry* HeadEntry(const Words& words, const RuleSet& rules) {
  const Lexicon* heads = rules.lexicon("org_heads");
  return heads != nullptr && !words.empty() ? heads->Find(words) : nullptr;
}

// The head `words` are, by its other name when it has one ("foreign ministry" -> "ministry of
// foreign affairs"), in lower case; "" when they are no head.
std::string HeadOf(const Words& words, const RuleSet& rules) {
  const LexiconEntry* e = HeadEntry(words, rules);
  if (e == nullptr) return "";
  const auto alias_of = e->attributes.find("alias_of");
  return Utf8Lower(alias_of != e->attributes.end() ? alias_of->second : e->text);
}

// True when `words` are a head of a body a state seats in its own capital (a ministry, a
// parliament), unlike its embassies and consulates abroad or a city's own executive.
bool IsCapitalSeatedHead(const Words& words, const RuleSet& rules) {
  const LexiconEntry* e = HeadEntry(words, rules);
  if (e == nullptr) return false;
  const std::string klass = AttributeOf(e->attributes, "class");
  return klass == "ministry"sv || klass == "legislature"sv;
}

// The country whose capital `words` name ("astana" -> "Kazakhstan"), or "".
std::string CountryOfCapital(const Words& words, const RuleSet& rules) {
  const Lexicon* cities = rules.lexicon("cities");
  const LexiconEntry* e = cities != nullptr && !words.empty() ? cities->Find(words) : nullptr;
  if (e == nullptr || AttributeOf(e->attributes, "capital") != "yes"sv) return "";
  return AttributeOf(e->attributes, "country");
}

}  // namespace

std::string StateBodyKey(Words words, const RuleSet& rules) {
  if (!words.empty() && words.front() == "the"sv) words.erase(words.begin());
  if (words.size() < 2) return "";
  // "<head> of [the] <country>", at the first "of" that splits it so ("Ministry of Foreign Affairs
  // of the Kyrgyz Republic", "Embassy of the People's Republic of China").
  for (std::size_t of = 1; of + 1 < words.size(); ++of) {
    if (words[of] != "of"sv) continue;
    const std::string head = HeadOf(Slice(words, 0, of), rules);
    if (head.empty()) continue;
    const std::size_t place = words[of + 1] == "the"sv ? of + 2 : of + 1;
    const std::string country = place < words.size() ? CountryNamed(Slice(words, place, words.size()), rules) : "";
    if (!country.empty()) return head + "|" + country;
  }
  // "<adjective or country>['s] <head>".
  for (std::size_t split = 1; split < words.size(); ++split) {
    const std::string country = CountryOf(Slice(words, 0, split), rules);
    if (country.empty()) continue;
    const std::size_t head_begin = words[split] == "'s"sv ? split + 1 : split;
    const std::string head = HeadOf(Slice(words, head_begin, words.size()), rules);
    if (!head.empty()) return head + "|" + country;
  }
  // "<head> in <capital>": a ministry in its state's capital ("Foreign Ministry in Astana").
  for (std::size_t in = 1; in + 1 < words.size(); ++in) {
    if (words[in] != "in"sv || !IsCapitalSeatedHead(Slice(words, 0, in), rules)) continue;
    const std::string country = CountryOfCapital(Slice(words, in + 1, words.size()), rules);
    if (!country.empty()) return HeadOf(Slice(words, 0, in), rules) + "|" + country;
  }
  return "";
}

std::string SeatlessStateBodyKey(const std::vector<std::string>& words, const RuleSet& rules) {
  for (std::size_t in = words.size(); in-- > 1;) {
    if (words[in] == "in"sv) return StateBodyKey(Slice(words, 0, in), rules);
  }
  return "";
}

}  // namespace kith
