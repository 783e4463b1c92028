// Matcher: the rules of one stage compiled into small NFA programs and run
// over a sentence's tokens with a Pike-VM simulation (no backtracking): for
// every rule and start token it finds the longest match and its captures in
// time O(sentence length x program size). Rules are indexed by what their
// first token can be (text, lexicon, mention label), so a rule is only tried
// where it can start, and only in sentences that hold a word, lexicon entry or
// mention every match of it needs (at or after the start token); one-token
// tests are answered through a TokenTestCache.
// Immutable after Compile and safe to share across threads.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "extract/rule.h"
#include "extract/token_test_cache.h"
#include "text/tokenizer.h"

namespace kith {

struct LexiconEntry;

// A mention as the matcher sees it: a labelled run of tokens [first, last).
struct MentionView {
  std::size_t first = 0;
  std::size_t last = 0;
  std::string label;
  const std::map<std::string, std::string>* attributes = nullptr;
};

struct MatchInput {
  const std::vector<Token>* tokens = nullptr;  // all tokens of the document
  std::size_t first = 0;                       // sentence: tokens [first, last)
  std::size_t last = 0;
  const std::vector<MentionView>* mentions = nullptr;           // may be null
  const std::vector<std::vector<int>>* mentions_at = nullptr;   // per token: mentions starting there
  TokenTestCache* cache = nullptr;  // answers of one-token tests for `tokens`; may be null
};

struct CaptureRange {
  std::size_t first = 0;
  std::size_t last = 0;
  bool set = false;
};

struct RuleMatch {
  const Rule* rule = nullptr;
  std::size_t first = 0;  // token range of the whole match
  std::size_t last = 0;
  std::vector<CaptureRange> captures;  // parallel to rule->captures
};

class Matcher {
 public:
  // Compiles `rules` (one stage). Fails with a located error for a pattern
  // that can match no tokens at all or whose program is too large. Matchers
  // of one rule set share `catalog`, so a document's TokenTestCache serves all;
  // the caller seals the catalog once after the last stage is compiled.
  static Status Compile(std::vector<Rule> rules, std::unique_ptr<Matcher>* out);
  static Status Compile(std::vector<Rule> rules, std::shared_ptr<TokenTestCatalog> catalog,
                        std::unique_ptr<Matcher>* out);
  ~Matcher();

  // Lists, per word of the shared catalog, the rules that may start at a
  // token of that word (by the word itself or by a lexicon entry starting
  // with it that has the attributes the rule asks for), and the word and
  // lexicon keys a token of that word holds. Call once after the catalog is
  // sealed, before Match().
  void IndexStartWords();

  // Appends the longest match of every rule at every start token of the sentence.
  void Match(const MatchInput& input, std::vector<RuleMatch>* out) const;

  const std::vector<Rule>& rules() const { return rules_; }
  const TokenTestCatalog& catalog() const { return *catalog_; }

  struct Program;

 private:
  Matcher() = default;
  void IndexKeyWords();  // the second half of IndexStartWords()
  std::vector<Rule> rules_;
  std::vector<std::unique_ptr<Program>> programs_;
  std::unordered_map<int, std::vector<int>> by_word_;  // catalog word -> rules
  // catalog lexicon -> the rules that may start with an entry of it, with the starting test
  std::map<int, std::vector<std::pair<int, const TokenTest*>>> by_lexicon_;
  std::map<std::string, std::vector<int>> by_mention_;
  // Catalog test -> the rules that may start with it, ascending by test (a
  // vector: every start token walks it).
  std::vector<std::pair<int, std::vector<int>>> by_first_test_;
  // IndexStartWords(): the rules of by_word_ and by_lexicon_ per catalog word,
  // sorted, as offsets into one array (word w: [offsets[w], offsets[w + 1])).
  std::vector<std::uint32_t> start_rule_offsets_;
  std::vector<int> start_rules_;
  std::shared_ptr<TokenTestCatalog> catalog_;
  // An entry of catalog lexicon `lexicon` with the attributes `where` asks for.
  struct LexiconNeed {
    int lexicon = -1;
    std::map<std::string, std::string> where;
    bool operator==(const LexiconNeed& o) const { return lexicon == o.lexicon && where == o.where; }
    bool operator<(const LexiconNeed& o) const {
      return lexicon != o.lexicon ? lexicon < o.lexicon : where < o.where;
    }
  };
  // Something a rule's every match consumes: a mention with one of `labels`,
  // one of the catalog's `words` or an entry of one of `lexicons` (sorted),
  // or a token passing catalog test `test`. A rule is not tried at a start
  // token after the last token of its sentence holding it.
  struct Required {
    std::vector<std::string> labels;
    std::vector<LexiconNeed> lexicons;
    std::vector<int> words;
    int test = -1;
    bool operator<(const Required& o) const {
      if (test != o.test) return test < o.test;
      if (words != o.words) return words < o.words;
      if (labels != o.labels) return labels < o.labels;
      return lexicons < o.lexicons;
    }
  };
  std::vector<Required> required_;
  // IndexStartWords(): per catalog word, the required_ keys a token of that
  // word holds (as one of the key's words, or as the first word of an entry
  // of the key's lexicon), as offsets into one array like start_rules_. One
  // pass over a sentence finds where it last holds every word and lexicon key.
  std::vector<std::uint32_t> key_offsets_;
  std::vector<int> keys_by_word_;
  std::vector<bool> key_in_word_pass_;  // per required_ key: found by that pass (not asked lazily)
};

}  // namespace kith
