// Lexicon: a named list of words or phrases loaded from a plain-text file,
// with optional attributes per entry. Matching is on tokens' normalised lower
// case, so "Consulate", "consulate" and "CONSULATE" are one entry, and a
// multi-word entry ("State Department") matches that run of tokens.
//
// File format (UTF-8, one entry per line):
//   # lines starting with '#' are comments; the first ones say what the file holds
//   entry text<TAB>key=value<TAB>key=value ...
// The entry text is tokenized with kith's tokenizer. Blank lines are skipped.
// Attribute values may not contain tabs. A file with no entries is an error.
// A repeated entry merges its attributes (the later value wins per key).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "text/tokenizer.h"

namespace kith {

struct LexiconEntry {
  std::string text;                               // as written in the file
  std::vector<std::string> tokens;                // normalised lower-case tokens
  std::map<std::string, std::string> attributes;  // key=value pairs
  int line = 0;                                   // 1-based line in the file

  // Whether the attributes hold what a rule's "where" asks: "v" equal to v,
  // "*" present with any value, "!*" absent, "!v" absent or not v.
  bool Meets(const std::map<std::string, std::string>& where) const;
};

class Lexicon {
 public:
  // Parses `content` (the file's bytes); `file` names it in error messages.
  // Entries are split into tokens by `tokenizer`, so they match running text.
  static Status Parse(const std::string& name, const std::string& file, const std::string& content,
                      const Tokenizer& tokenizer, std::unique_ptr<Lexicon>* out);
  static Status Load(const std::string& name, const std::string& path, const Tokenizer& tokenizer,
                     std::unique_ptr<Lexicon>* out);

  const std::string& name() const { return name_; }
  const std::vector<LexiconEntry>& entries() const { return entries_; }

  // Entries whose first token is `first_lower`; empty when none. Owned by the lexicon.
  const std::vector<int>* EntriesStartingWith(const std::string& first_lower) const;
  // The entry whose token sequence equals `tokens` exactly, or nullptr.
  const LexiconEntry* Find(const std::vector<std::string>& tokens) const;
  // Single-token convenience: the entry that is exactly this lower-case token, or nullptr.
  const LexiconEntry* FindWord(const std::string& lower) const;
  std::size_t max_tokens() const { return max_tokens_; }

 private:
  std::string name_;
  std::vector<LexiconEntry> entries_;
  std::unordered_map<std::string, std::vector<int>> by_first_;
  std::map<std::vector<std::string>, int> by_tokens_;
  std::unordered_map<std::string, int> single_;  // one-token entries, for the hot FindWord
  std::size_t max_tokens_ = 0;
};

}  // namespace kith
