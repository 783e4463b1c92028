// Tokenizer: splits a range of a document into word, number and punctuation
// tokens. Each token keeps its byte span into the original text and a
// normalised form for matching: typographic quotes, apostrophes, dashes and
// ellipses become ASCII ("’" -> "'", "“" -> "\"", "—" -> "--", "…" -> "...").
//
// Conventions: abbreviations from the given set ("Mr.", "Feb.") and dotted
// initialisms ("U.S.") keep their periods; slashed acronyms ("RFE/RL"),
// hyphenated words ("68-year-old", "Nur-Sultan") and numbers ("2,000",
// "10.5") are one token; the possessive "'s" and a trailing "'" are split off.
// A token that keeps a final period and may also be the last word of a
// sentence (dotted initialisms of two or more letters, and the abbreviations
// given as such: "Jr.") is marked, so that the sentence splitter can end a
// sentence there when a new one clearly starts. An abbreviation given as one only before a
// number ("No.") keeps its period only where the next word holds a digit ("No. 3", "No. A-7").
// Thread-safe: Tokenizer is immutable after construction.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "base/span.h"

namespace kith {

enum class TokenKind { kWord, kNumber, kPunct };

// True for the normalised form of a list item's bullet: "-", "*", "•", or a dash ("--").
bool IsBulletMark(std::string_view norm);

struct Token {
  Span span;           // bytes of the original text
  std::string norm;    // normalised text
  std::string lower;   // normalised, lower-cased
  std::string shape;   // WordShape(norm): "Xxxx", "dd", ...
  TokenKind kind = TokenKind::kPunct;
  bool line_start = false;  // first token of its line
  bool may_end_sentence = false;  // keeps a final period that may also end a sentence ("U.S.", "Jr.")
};

class Tokenizer {
 public:
  Tokenizer() = default;
  // `abbreviations`: lower-case forms with their final period ("mr.", "feb.");
  // `may_end_sentence`: those of them that are also often a sentence's last word;
  // `before_number`: those that are abbreviations only before a number ("No. 3"; "No. She ...").
  explicit Tokenizer(std::unordered_set<std::string> abbreviations,
                     std::unordered_set<std::string> may_end_sentence = {},
                     std::unordered_set<std::string> before_number = {});

  // Appends the tokens of text[range.begin, range.end) to *out.
  void Tokenize(std::string_view text, Span range, std::vector<Token>* out) const;
  // Convenience for lexicon entries and tests: tokens of a whole string.
  std::vector<Token> Tokenize(std::string_view text) const;

 private:
  std::unordered_set<std::string> abbreviations_;
  std::unordered_set<std::string> may_end_sentence_;
  std::unordered_set<std::string> before_number_;
};

}  // namespace kith
