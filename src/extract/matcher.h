// Matcher: the rules of one stage compiled into small NFA programs and run
// over a sentence's tokens with a Pike-VM simulation (no backtracking): for
// every rule and start token it finds the longest match and its captures in
// time O(sentence length x program size). Rules are indexed by what their
// first token can be (text, lexicon, mention label), so a rule is only tried
// where it can start. Immutable after Compile and safe to share across threads.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "extract/rule.h"
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
  // that can match no tokens at all or whose program is too large.
  static Status Compile(std::vector<Rule> rules, std::unique_ptr<Matcher>* out);
  ~Matcher();

  // Appends the longest match of every rule at every start token of the sentence.
  void Match(const MatchInput& input, std::vector<RuleMatch>* out) const;

  const std::vector<Rule>& rules() const { return rules_; }

  struct Program;

 private:
  Matcher() = default;
  std::vector<Rule> rules_;
  std::vector<std::unique_ptr<Program>> programs_;
  std::unordered_map<std::string, std::vector<int>> by_lower_;
  std::map<const void*, std::vector<int>> by_lexicon_;
  std::map<std::string, std::vector<int>> by_mention_;
  std::vector<int> unindexed_;
};

// True when the single-token conditions of `test` hold for `token`.
bool TokenPasses(const TokenTest& test, const Token& token);

}  // namespace kith
