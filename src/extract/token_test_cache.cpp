#include "extract/token_test_cache.h"

#include <algorithm>
#include <atomic>
#include <string_view>

#include "base/utf8.h"
#include "extract/lexicon.h"
#include "extract/token_regex.h"

namespace kith {

using namespace std::string_view_literals;

namespace {

bool AnyEquals(const std::vector<std::string>& values, const std::string& s) {
  return std::find(values.begin(), values.end(), s) != values.end();
}

bool CaseHolds(const std::string& want, const std::string& text) {
  bool first = true;
  bool first_upper = false;
  bool any_upper = false;
  bool any_lower = false;
  int letters = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 1;
    const char32_t cp = DecodeUtf8(text, i, &len);
    i += len;
    if (!IsLetter(cp)) continue;
    ++letters;
    if (first) first_upper = IsUpper(cp);
    first = false;
    any_upper = any_upper || IsUpper(cp);
    any_lower = any_lower || IsLower(cp);
  }
  if (letters == 0) return false;
  if (want == "title"sv) return first_upper && (any_lower || letters == 1);
  if (want == "upper"sv) return any_upper && !any_lower;
  return !first_upper;  // "lower"
}

}  // namespace

bool TokenPasses(const TokenTest& t, const Token& tok) {
  if (!t.text.empty() && !AnyEquals(t.text, tok.norm)) return false;
  if (!t.lower.empty() && !AnyEquals(t.lower, tok.lower)) return false;
  if (!t.shape.empty() && !AnyEquals(t.shape, tok.shape)) return false;
  if (!t.prefix.empty() && std::none_of(t.prefix.begin(), t.prefix.end(), [&](const std::string& p) {
        return tok.lower.size() > p.size() && tok.lower.compare(0, p.size(), p) == 0;
      })) {
    return false;
  }
  if (!t.suffix.empty() && std::none_of(t.suffix.begin(), t.suffix.end(), [&](const std::string& s) {
        return tok.lower.size() > s.size() && tok.lower.compare(tok.lower.size() - s.size(), s.size(), s) == 0;
      })) {
    return false;
  }
  if (!t.word_case.empty() && !CaseHolds(t.word_case, tok.norm)) return false;
  if (!t.kind.empty()) {
    const char* k = tok.kind == TokenKind::kWord ? "word" : tok.kind == TokenKind::kNumber ? "number" : "punct";
    if (t.kind != k) return false;
  }
  if (t.line_start && !tok.line_start) return false;
  if (t.regex && !t.regex->FullMatch(tok.norm)) return false;

  for (const TokenTest& n : t.none_of) {
    // Inside "not", a lexicon test asks whether the token is a one-word entry
    // (with the attributes its "where" asks for).
    bool in_lexicon = true;
    if (n.lexicon_ptr != nullptr) {
      const LexiconEntry* entry = n.lexicon_ptr->FindWord(tok.lower);
      in_lexicon = entry != nullptr && entry->Meets(n.lexicon_where);
    }
    if (in_lexicon && TokenPasses(n, tok)) return false;
  }
  return true;
}


namespace {

// A "not" item that only names a lexicon: the token must not be a one-word entry of it.
bool OnlyLexicon(const TokenTest& t) {
  return t.lexicon_ptr != nullptr && t.lexicon_where.empty() && t.text.empty() && t.lower.empty() && t.shape.empty() && t.prefix.empty() &&
         t.suffix.empty() && t.word_case.empty() && t.kind.empty() && !t.regex && t.mention.empty() &&
         t.none_of.empty() && !t.line_start;
}

}  // namespace

int TokenTestCatalog::Add(const TokenTest& test, bool one_word_entry) {
  const std::string key = (one_word_entry ? "word-entry" : "token") + DumpTokenTest(test);
  auto [it, added] = by_key_.emplace(key, static_cast<int>(entries_.size()));
  if (!added) return it->second;
  Entry e;
  e.test = test;
  e.one_word_entry = one_word_entry;
  if (one_word_entry) e.lexicon = AddLexicon(test.lexicon_ptr);
  // "not" lexicons become bits checked against the token's word number.
  std::vector<TokenTest> rest;
  for (const TokenTest& n : test.none_of) {
    const int lexicon = OnlyLexicon(n) ? AddLexicon(n.lexicon_ptr) : 64;
    if (lexicon < 64) {
      e.not_one_word |= std::uint64_t{1} << lexicon;
    } else {
      rest.push_back(n);
    }
  }
  e.test.none_of = std::move(rest);
  entries_.push_back(std::move(e));
  return it->second;
}

bool TokenTestCatalog::IsOneWordEntry(int lexicon, int word, const Token& token) const {
  if (lexicon < 64) {
    return word >= 0 && (one_word_of_[static_cast<std::size_t>(word)] & (std::uint64_t{1} << lexicon)) != 0;
  }
  return lexicons_[static_cast<std::size_t>(lexicon)]->FindWord(token.lower) != nullptr;
}

bool TokenTestCatalog::Passes(int id, const Token& token, int word) const {
  const Entry& e = entries_[static_cast<std::size_t>(id)];
  if (word >= 0 && (one_word_of_[static_cast<std::size_t>(word)] & e.not_one_word) != 0) return false;
  if (!TokenPasses(e.test, token)) return false;
  if (!e.one_word_entry) return true;
  if (e.test.lexicon_where.empty()) return IsOneWordEntry(e.lexicon, word, token);
  const LexiconEntry* entry = e.test.lexicon_ptr->FindWord(token.lower);
  return entry != nullptr && entry->Meets(e.test.lexicon_where);
}

int TokenTestCatalog::AddLexicon(const Lexicon* lexicon) {
  const auto it = std::find(lexicons_.begin(), lexicons_.end(), lexicon);
  if (it != lexicons_.end()) return static_cast<int>(it - lexicons_.begin());
  lexicons_.push_back(lexicon);
  return static_cast<int>(lexicons_.size() - 1);
}

int TokenTestCatalog::AddWord(const std::string& lower) {
  auto [it, added] = words_.emplace(lower, static_cast<int>(words_.size()));
  return it->second;
}

int TokenTestCatalog::WordId(const std::string& lower) const {
  const auto it = words_.find(lower);
  return it == words_.end() ? -1 : it->second;
}

const std::vector<int>* TokenTestCatalog::EntriesStartingWith(int lexicon, int word) const {
  for (const auto& [lex, entries] : starts_by_word_[static_cast<std::size_t>(word)]) {
    if (lex == lexicon) return entries;
  }
  return nullptr;
}

void TokenTestCatalog::Seal() {
  starts_by_word_.clear();
  for (std::size_t l = 0; l < lexicons_.size(); ++l) {
    for (const LexiconEntry& e : lexicons_[l]->entries()) {
      const auto word = static_cast<std::size_t>(AddWord(e.tokens[0]));
      if (starts_by_word_.size() <= word) starts_by_word_.resize(word + 1);
      auto& starts = starts_by_word_[word];
      if (!starts.empty() && starts.back().first == static_cast<int>(l)) continue;
      starts.emplace_back(static_cast<int>(l), lexicons_[l]->EntriesStartingWith(e.tokens[0]));
    }
  }
  starts_by_word_.resize(words_.size());
  one_word_of_.assign(words_.size(), 0);
  for (std::size_t l = 0; l < lexicons_.size() && l < 64; ++l) {
    for (const LexiconEntry& e : lexicons_[l]->entries()) {
      if (e.tokens.size() == 1) one_word_of_[static_cast<std::size_t>(words_.at(e.tokens[0]))] |= std::uint64_t{1} << l;
    }
  }
}

namespace {

std::atomic<std::uint64_t> next_catalog_serial{1};

}  // namespace

TokenTestCatalog::TokenTestCatalog() : serial_(next_catalog_serial.fetch_add(1)) {}

// Per thread: the token forms met so far, numbered, with the answers of one
// catalog's tests per form and each form's word number.
struct TokenFormTable {
  std::uint64_t catalog = 0;  // serial of the catalog the answers belong to
  std::size_t tests = 0;
  std::uint64_t generation = 0;  // bumped whenever form numbers are given anew
  std::unordered_map<std::string, int> ids;
  std::vector<std::uint8_t> answers;
  std::vector<int> words;
  std::string key;  // reused buffer

  void Reset(const TokenTestCatalog& c) {
    catalog = c.serial();
    tests = c.size();
    ++generation;
    ids.clear();
    answers.clear();
    words.clear();
  }

  // Numbers the forms of tokens from `first` on into *forms and returns the
  // end of the tokens numbered: `last`, or the first token at or after
  // `must_reach` whose new form would take the answers over `max_bytes`.
  std::size_t Number(const TokenTestCatalog& c, const std::vector<Token>& tokens, std::size_t first, std::size_t last,
                     std::size_t must_reach, std::size_t max_bytes, std::vector<int>* forms) {
    forms->clear();
    for (std::size_t i = first; i < last; ++i) {
      const Token& tok = tokens[i];
      key.assign(tok.norm);
      key.push_back('\0');
      key.push_back(static_cast<char>('0' + static_cast<int>(tok.kind)));
      key.push_back(tok.line_start ? '1' : '0');
      auto it = ids.find(key);
      if (it == ids.end()) {
        if (i >= must_reach && (words.size() + 1) * tests > max_bytes) return i;
        it = ids.emplace(key, static_cast<int>(words.size())).first;
        words.push_back(c.WordId(tok.lower));
        answers.resize(answers.size() + tests, 0);
      }
      forms->push_back(it->second);
    }
    return last;
  }
};

namespace {

thread_local TokenFormTable form_table;

}  // namespace

TokenTestCache::TokenTestCache(const TokenTestCatalog& catalog, const std::vector<Token>& tokens,
                               std::size_t max_form_bytes)
    : catalog_(catalog),
      tokens_(tokens),
      table_(&form_table),
      answers_(&form_table.answers),
      words_(&form_table.words),
      max_form_bytes_(std::max<std::size_t>(max_form_bytes, 1)) {}

void TokenTestCache::Cover(std::size_t first, std::size_t last) {
  table_ = &form_table;
  answers_ = &table_->answers;
  words_ = &table_->words;
  if (table_->catalog != catalog_.serial() || table_->tests != catalog_.size()) table_->Reset(catalog_);
  tests_ = table_->tests;
  if (generation_ == table_->generation && first >= window_first_ && last <= window_last_ &&
      window_last_ > window_first_) {
    return;
  }
  // As much of the rest of the document as the table holds, at least [first, last),
  // in a fresh table when the forms met so far leave too little room.
  window_first_ = first;
  window_last_ = table_->Number(catalog_, tokens_, first, tokens_.size(), first, max_form_bytes_, &forms_);
  if (window_last_ < last) {
    table_->Reset(catalog_);
    window_last_ = table_->Number(catalog_, tokens_, first, tokens_.size(), last, max_form_bytes_, &forms_);
  }
  generation_ = table_->generation;
}

}  // namespace kith
