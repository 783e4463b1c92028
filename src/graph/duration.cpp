#include "graph/duration.h"

#include <cctype>
#include <cstdlib>
#include <vector>
#include <string_view>

#include "base/utf8.h"
#include "extract/lexicon.h"

namespace kith {

using namespace std::string_view_literals;

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
    if (stem == "day"sv) unit = 'D';
    if (stem == "week"sv) unit = 'W';
    if (stem == "month"sv) unit = 'M';
    if (stem == "year"sv) unit = 'Y';
    if (stem == "decade"sv) {
      unit = 'Y';
      amount *= 10;
    }
    if (unit != 0) break;
  }
  if (amount <= 0 || amount > 100000 || unit == 0) return "";
  return "P" + std::to_string(amount) + unit;
}

std::vector<std::string> IsoDurations(const std::string& text, const Lexicon* numbers, bool join_months) {
  // Parts split at commas and "and": "10, 8 and 5 years" -> "10", "8", "5 years".
  std::vector<std::string> parts;
  std::string part;
  std::string word;
  const auto end_word = [&]() {
    if (word == "and"sv) {
      parts.push_back(part);
      part.clear();
    } else if (!word.empty()) {
      part += (part.empty() ? "" : " ") + word;
    }
    word.clear();
  };
  for (char c : Utf8Lower(text) + " ") {
    if (c == ',') {
      end_word();
      parts.push_back(part);
      part.clear();
    } else if (c == ' ' || c == '\t' || c == '\n') {
      end_word();
    } else {
      word += c;
    }
  }
  parts.push_back(part);
  std::vector<std::string> out;
  std::size_t waiting = 0;  // leading parts that are bare numbers, waiting for a unit
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    const std::string iso = IsoDuration(p, numbers);
    if (!iso.empty()) {
      const char unit = iso.back();
      for (std::size_t i = out.size() - waiting; i < out.size(); ++i) out[i] += unit;
      waiting = 0;
      out.push_back(iso);
      continue;
    }
    // A bare number: "12" in "12 and 7 years".
    const std::string with_unit = IsoDuration(p + " days", numbers);
    if (with_unit.empty() || p.find(' ') != std::string::npos) return {};
    out.push_back(with_unit.substr(0, with_unit.size() - 1));
    ++waiting;
  }
  if (waiting > 0) return {};
  // "seven years and six months" is one term: years, then fewer months than make a year.
  for (std::size_t i = 0; join_months && i + 1 < out.size(); ++i) {
    const std::string& years = out[i];
    const std::string& months = out[i + 1];
    if (years.back() != 'Y' || months.back() != 'M' || years.find('M') != std::string::npos) continue;
    if (std::strtol(months.c_str() + 1, nullptr, 10) >= 12) continue;
    out[i] = years + months.substr(1);
    out.erase(out.begin() + static_cast<std::ptrdiff_t>(i) + 1);
  }
  return out;
}

}  // namespace kith
