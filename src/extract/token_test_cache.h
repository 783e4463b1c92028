// Token tests evaluated once per token form. A TokenTestCatalog numbers the
// distinct one-token tests of a rule set (two rules asking the same question
// share a number); a TokenTestCache answers them for the tokens of one
// document. Answers depend only on a token's form (its text, kind and whether
// it opens a line), so they are kept per form in a table of the calling
// thread that outlives the document: "the", "said" or "court" is asked a
// given question once per thread, not once per occurrence. The table holds at
// most about `kMaxFormBytes` of answers and starts afresh when full.
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
  TokenTestCatalog();
  // A number no other catalog of this process has (caches key their tables by it).
  std::uint64_t serial() const { return serial_; }
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
  const Lexicon& lexicon(int id) const { return *lexicons_[static_cast<std::size_t>(id)]; }
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
  std::uint64_t serial_;
};

// The answers of one catalog's tests per token form, for one thread.
struct TokenFormTable;

class TokenTestCache {
 public:
  static constexpr std::size_t kMaxFormBytes = std::size_t{8} << 20;

  // `max_form_bytes`: the bound of this thread's form table while this cache fills it.
  TokenTestCache(const TokenTestCatalog& catalog, const std::vector<Token>& tokens,
                 std::size_t max_form_bytes = kMaxFormBytes);

  // Makes tokens [first, last) answerable; call before asking about them.
  void Cover(std::size_t first, std::size_t last);
  // Whether token `at` (inside the covered window) passes test `id`.
  bool Passes(int id, std::size_t at) {
    const std::size_t form = FormAt(at);
    std::uint8_t& cached = (*answers_)[form * tests_ + static_cast<std::size_t>(id)];
    if (cached == 0) cached = catalog_.Passes(id, tokens_[at], (*words_)[form]) ? 2 : 1;
    return cached == 2;
  }
  // The entries of lexicon `id` whose first word is token `at` (inside the window), or nullptr.
  const std::vector<int>* EntriesStartingAt(int id, std::size_t at) {
    const int word = WordAt(at);
    return word < 0 ? nullptr : catalog_.EntriesStartingWith(id, word);
  }
  // The catalog's number of token `at`'s lower-case text (inside the window), or -1.
  int WordAt(std::size_t at) { return (*words_)[FormAt(at)]; }
  const TokenTestCatalog& catalog() const { return catalog_; }

 private:
  std::size_t FormAt(std::size_t at) const { return static_cast<std::size_t>(forms_[at - window_first_]); }

  const TokenTestCatalog& catalog_;
  const std::vector<Token>& tokens_;
  TokenFormTable* table_;                      // this thread's table for `catalog_`
  std::uint64_t generation_ = 0;               // the table's generation `forms_` were numbered in
  std::vector<std::uint8_t>* answers_;         // the table's answers: per form x test, 0 not asked, 1 fails, 2 passes
  std::vector<int>* words_;                    // the table's word number per form (-1: none)
  std::vector<int> forms_;                     // per token of the window: its form in the table
  std::size_t tests_ = 0;                      // catalog_.size() when the window was covered
  std::size_t max_form_bytes_;
  std::size_t window_first_ = 0;
  std::size_t window_last_ = 0;
};

// True when the single-token conditions of `test` hold for `token`.
bool TokenPasses(const TokenTest& test, const Token& token);

}  // namespace kith
