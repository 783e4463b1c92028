#include "extract/extraction.h"

#include <algorithm>
#include <string_view>

namespace kith {

using namespace std::string_view_literals;

int Extraction::SentenceOf(std::size_t t) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), t,
                             [](std::size_t tok, const SentenceSpan& s) { return tok < s.first; });
  if (it == sentences.begin()) return -1;
  --it;
  return t < it->last ? static_cast<int>(it - sentences.begin()) : -1;
}

bool IsEntityLabel(const std::string& label) {
  return label == "Person"sv || label == "Organization"sv || label == "Place"sv;
}

std::string AttributeOf(const std::map<std::string, std::string>& attributes, const std::string& key) {
  const auto it = attributes.find(key);
  return it == attributes.end() ? "" : it->second;
}

}  // namespace kith
