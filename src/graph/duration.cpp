#include "graph/duration.h"

#include <cctype>
#include <cstdlib>
#include <vector>

#include "base/utf8.h"
#include "extract/lexicon.h"

namespace kith {

std::string IsoDuration(const std::string& text, const Lexicon* numbers) {
  // Words split on spaces and hyphens: "10-day" -> "10", "day".
  std::vector<std::string> words;
  std::string w;
  for (char c : Utf8Lower(text) + " ") {
    if (c == ' ' || c == '-' || c == '\t') {
      if (!w.empty()) words.push_back(w);
      w.clear();
    } else {
      w += c;
    }
  }
  long amount = 0;
  char unit = 0;
  for (const std::string& word : words) {
    if (amount == 0) {
      if (std::isdigit(static_cast<unsigned char>(word[0]))) {
        amount = std::strtol(word.c_str(), nullptr, 10);
      } else if (const LexiconEntry* n = numbers == nullptr ? nullptr : numbers->FindWord(word)) {
        const auto v = n->attributes.find("value");
        if (v != n->attributes.end()) amount = std::strtol(v->second.c_str(), nullptr, 10);
      }
      continue;
    }
    const std::string stem = word.back() == 's' ? word.substr(0, word.size() - 1) : word;
    if (stem == "day") unit = 'D';
    if (stem == "week") unit = 'W';
    if (stem == "month") unit = 'M';
    if (stem == "year") unit = 'Y';
    if (unit != 0) break;
  }
  if (amount <= 0 || amount > 100000 || unit == 0) return "";
  return "P" + std::to_string(amount) + unit;
}

}  // namespace kith
