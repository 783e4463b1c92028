// Token tests evaluated once per token. A TokenTestCatalog numbers the
// distinct one-token tests of a rule set (two rules asking the same question
// share a number); a TokenTestCache remembers, for the tokens of one document,
// which of those tests each token passes (and which lexicon entries start
// there), so that every stage and every rule
// of a rule set asks a token a given question at most once. The cache holds
// at most about `kMaxCacheBytes` of answers and re-bases on the sentence asked
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

class Lexicon;

class TokenTestCatalog {
 public:
  // The number of `test`, added if new. `one_word_entry`: a lexicon test
  // asked of one token (zero-width look-ahead), which passes only when the
  // token is a one-word entry of the lexicon.
  int Add(const TokenTest& test, bool one_word_entry);
  std::size_t size() const { return entries_.size(); }
  // Whether `token`, whose word number (WordId) is `word`, passes test `id`.
  bool Passes(int id, const Token& token, int word) const;
  // The number of `lexicon`, whose first words a cache remembers per token.
  int AddLexicon(const Lexicon* lexicon);
  std::size_t lexicon_count() const { return lexicons_.size(); }
  // The number of a lower-case word that rules look for (a word key of a rule index).
  int AddWord(const std::string& lower);
  // The number of `lower` among the words added and the first words of the
  // lexicons, or -1. Call Seal() after the last Add*.
  int WordId(const std::string& lower) const;
  // The entries of lexicon `lexicon` whose first word is word `word`, or nullptr.
  const std::vector<int>* EntriesStartingWith(int lexicon, int word) const;
  // Indexes the lexicons' first words; call after adding lexicons and words.
  void Seal();
  // After Seal(): how many words are numbered, and, per word, the lexicons
  // with entries starting with it (with those entries).
  std::size_t word_count() const { return starts_by_word_.size(); }
  const std::vector<std::pair<int, const std::vector<int>*>>& LexiconStarts(int word) const {
    return starts_by_word_[static_cast<std::size_t>(word)];
  }

 private:
  struct Entry {
    TokenTest test;  // a copy without the "not" lexicons below: the catalog outlives any one rule
    bool one_word_entry = false;
    int lexicon = -1;                   // one_word_entry: the lexicon's number
    std::uint64_t not_one_word = 0;     // "not" lexicons (numbers < 64) the token must not be a one-word entry of
  };
  // Whether `word` is a one-word entry of lexicon `lexicon`.
  bool IsOneWordEntry(int lexicon, int word, const Token& token) const;
  std::vector<Entry> entries_;
  std::unordered_map<std::string, int> by_key_;
  std::vector<const Lexicon*> lexicons_;
  std::unordered_map<std::string, int> words_;
  // Per word: the lexicons with entries starting with it, and those entries.
  std::vector<std::vector<std::pair<int, const std::vector<int>*>>> starts_by_word_;
  std::vector<std::uint64_t> one_word_of_;  // per word: the lexicons (< 64) it is a one-word entry of
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
    if (cached == 0) cached = catalog_.Passes(id, tokens_[at], WordAt(at)) ? 2 : 1;
    return cached == 2;
  }
  // The entries of lexicon `id` whose first word is token `at` (inside the window), or nullptr.
  const std::vector<int>* EntriesStartingAt(int id, std::size_t at) {
    const int word = WordAt(at);
    return word < 0 ? nullptr : catalog_.EntriesStartingWith(id, word);
  }
  // The catalog's number of token `at`'s lower-case text (inside the window), or -1.
  int WordAt(std::size_t at) {
    int& cached = words_[at - window_first_];
    if (cached == kNotAsked) cached = catalog_.WordId(tokens_[at].lower);
    return cached;
  }
  const TokenTestCatalog& catalog() const { return catalog_; }

 private:
  const TokenTestCatalog& catalog_;
  const std::vector<Token>& tokens_;
  std::vector<std::uint8_t> answers_;  // per token x test: 0 not asked, 1 fails, 2 passes
  static constexpr int kNotAsked = -2;
  std::vector<int> words_;  // per token: its word number, -1 none, kNotAsked
  std::size_t window_first_ = 0;
  std::size_t window_last_ = 0;
};

// True when the single-token conditions of `test` hold for `token`.
bool TokenPasses(const TokenTest& test, const Token& token);

}  // namespace kith
