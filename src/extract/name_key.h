// NameKey: a spelling-insensitive key for transliterated names, so that
// "Qasym" and "Kasym", "Zhanar" and "Janar", "Tursynbai" and "Tursynba",
// "Tokhtar" and "Tokhtarov" compare equal. The equivalences are data: the
// `transliteration` lexicon lists spellings and what they reduce to
// (`kh	as=k`), with `position=end` for endings removed or rewritten at the end
// of a name and `position=start` for beginnings ("Yerlan" and "Erlan"). A
// particle written as a word of its own (`kyzy	joins=previous`) is keyed
// together with the word before it, so "Serik kyzy", "Serikqyzy" and
// "Serikova" compare equal. Immutable after construction; thread-safe.
#pragma once

#include <array>
#include <string>
#include <utility>
#include <vector>

namespace kith {

class Lexicon;

class NameKey {
 public:
  NameKey() = default;
  // `table` may be null: then the key is the lower-cased name without doubled letters.
  explicit NameKey(const Lexicon* table);

  // Key of one lower-cased name token.
  std::string Key(const std::string& lower_token) const;
  // Key of a whole name given as lower-cased words: the words' keys joined by
  // spaces, a joining particle glued to the word before it first.
  std::string OfName(const std::vector<std::string>& lower_words) const;

 private:
  std::vector<std::pair<std::string, std::string>> anywhere_;  // longest first
  std::vector<std::pair<std::string, std::string>> at_end_;    // longest first
  std::vector<std::pair<std::string, std::string>> at_start_;  // longest first
  std::vector<std::string> joining_;                           // particles keyed with the word before
  // anywhere_ entries by their first byte, in anywhere_'s order.
  std::array<std::vector<int>, 256> anywhere_by_first_{};
};

}  // namespace kith
