// Token tests evaluated once per token. A TokenTestCatalog numbers the
// distinct one-token tests of a rule set (two rules asking the same question
// share a number); a TokenTestCache remembers, for the tokens of one document,
// which of those tests each token passes, so that every stage and every rule
// of a rule set asks a token a given question at most once. The cache holds
// at most `kMaxCacheBytes` of answers and re-bases on the sentence asked
// about when a very long document does not fit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/rule.h"
#include "text/tokenizer.h"

namespace kith {

class TokenTestCatalog {
 public:
  // The number of `test`, added if new. `one_word_entry`: a lexicon test
  // asked of one token (zero-width look-ahead), which passes only when the
  // token is a one-word entry of the lexicon.
  int Add(const TokenTest& test, bool one_word_entry);
  std::size_t size() const { return entries_.size(); }
  bool Passes(int id, const Token& token) const;

 private:
  struct Entry {
    TokenTest test;  // a copy: the catalog outlives any one rule
    bool one_word_entry = false;
  };
  std::vector<Entry> entries_;
  std::unordered_map<std::string, int> by_key_;
};

class TokenTestCache {
 public:
  static constexpr std::size_t kMaxCacheBytes = std::size_t{16} << 20;

  TokenTestCache(const TokenTestCatalog& catalog, const std::vector<Token>& tokens)
      : catalog_(catalog), tokens_(tokens) {}

  // Makes tokens [first, last) answerable; keeps earlier answers when they are in the window.
  void Cover(std::size_t first, std::size_t last);
  // Whether token `at` (inside the covered window) passes test `id`.
  bool Passes(int id, std::size_t at) {
    std::uint8_t& cached = answers_[(at - window_first_) * catalog_.size() + static_cast<std::size_t>(id)];
    if (cached == 0) cached = catalog_.Passes(id, tokens_[at]) ? 2 : 1;
    return cached == 2;
  }
  const TokenTestCatalog& catalog() const { return catalog_; }

 private:
  const TokenTestCatalog& catalog_;
  const std::vector<Token>& tokens_;
  std::vector<std::uint8_t> answers_;  // per token x test: 0 not asked, 1 fails, 2 passes
  std::size_t window_first_ = 0;
  std::size_t window_last_ = 0;
};

// True when the single-token conditions of `test` hold for `token`.
bool TokenPasses(const TokenTest& test, const Token& token);

}  // namespace kith
