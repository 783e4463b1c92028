#include "graph/decimal_number.h"

#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <vector>
#include <string_view>

#include "base/utf8.h"
#include "extract/lexicon.h"

namespace kith {

using namespace std::string_view_literals;

namespace {

// A fixed-point value: mantissa * 10^-decimals. Exact, unlike a double, so "2,000.10" stays 2000.1.
struct Fixed {
  std::int64_t mantissa = 0;
  int decimals = 0;
  bool ok = true;
};

constexpr std::int64_t kLimit = 999999999999999999;  // 18 digits

Fixed Times(Fixed a, std::int64_t factor) {
  if (!a.ok || factor < 0 || (factor != 0 && a.mantissa > kLimit / factor)) return Fixed{0, 0, false};
  a.mantissa *= factor;
  return a;
}

Fixed Plus(Fixed a, Fixed b) {
  if (!a.ok || !b.ok) return Fixed{0, 0, false};
  while (a.decimals < b.decimals) {
    a = Times(a, 10);
    ++a.decimals;
  }
  while (b.decimals < a.decimals) {
    b = Times(b, 10);
    ++b.decimals;
  }
  if (!a.ok || !b.ok || a.mantissa > kLimit - b.mantissa) return Fixed{0, 0, false};
  a.mantissa += b.mantissa;
  return a;
}

// "150,000" or "2,000.50"; not ok for anything else.
Fixed ParseDigits(const std::string& word) {
  Fixed f;
  bool point = false;
  bool any = false;
  for (char c : word) {
    if (c == ',' && !point) continue;
    if (c == '.' && !point) {
      point = true;
      continue;
    }
    if (!std::isdigit(static_cast<unsigned char>(c))) return Fixed{0, 0, false};
    f = Times(f, 10);
    if (!f.ok || f.mantissa > kLimit - (c - '0')) return Fixed{0, 0, false};
    f.mantissa += c - '0';
    if (point) ++f.decimals;
    any = true;
  }
  if (!any) f.ok = false;
  return f;
}

std::string Format(Fixed f) {
  while (f.decimals > 0 && f.mantissa % 10 == 0) {
    f.mantissa /= 10;
    --f.decimals;
  }
  std::string digits = std::to_string(f.mantissa);
  if (f.decimals == 0) return digits;
  while (static_cast<int>(digits.size()) <= f.decimals) digits.insert(digits.begin(), '0');
  digits.insert(digits.end() - f.decimals, '.');
  return digits;
}

}  // namespace

std::string DecimalNumber(const std::string& text, const Lexicon* numbers) {
  std::vector<std::string> words;
  std::string w;
  for (char c : Utf8Lower(text) + " ") {
    if (c == ' ' || c == '-' || c == '\t' || c == '\n') {
      if (!w.empty()) words.push_back(w);
      w.clear();
    } else {
      w += c;
    }
  }
  if (words.empty()) return "";
  // "two hundred and fifty thousand": `current` gathers what a scale word of a thousand or more
  // multiplies; `total` holds what such a scale word has already finished.
  Fixed total;
  Fixed current;
  bool have_current = false;
  for (const std::string& word : words) {
    if (word == "and"sv) continue;
    if (std::isdigit(static_cast<unsigned char>(word[0]))) {
      if (have_current) return "";  // two numerals in a row are no one number
      current = ParseDigits(word);
      have_current = true;
      if (!current.ok) return "";
      continue;
    }
    const LexiconEntry* entry = numbers == nullptr ? nullptr : numbers->FindWord(word);
    if (entry == nullptr) return "";
    const auto value = entry->attributes.find("value");
    if (value == entry->attributes.end()) return "";
    const Fixed v = ParseDigits(value->second);
    if (!v.ok || v.decimals != 0) return "";
    const auto scale = entry->attributes.find("scale");
    if (scale != entry->attributes.end() && scale->second == "yes"sv) {
      if (!have_current) current = Fixed{1, 0, true};
      current = Times(current, v.mantissa);
      if (v.mantissa >= 1000) {
        total = Plus(total, current);
        current = Fixed{};
        have_current = false;
      }
      if (!current.ok || !total.ok) return "";
      continue;
    }
    current = have_current ? Plus(current, v) : v;
    have_current = true;
    if (!current.ok) return "";
  }
  const Fixed result = Plus(total, current);
  if (!result.ok) return "";
  return Format(result);
}

}  // namespace kith
