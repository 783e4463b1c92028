// TokenRegex: the regular expressions behind the "regex" token predicate of
// extraction rules. Rule authors write the patterns and news text is untrusted,
// so neither may make matching expensive: matching simulates a Thompson NFA
// (Pike-VM style, a sparse set of states, no backtracking) in
// O(len(text) x program size) time and O(program size) memory, and Compile
// bounds the program size, the nesting depth and counted repetition.
// (google/re2 for the idea; spaCy issue 6678 for why.)
//
// Syntax, a strict subset of RE2 / ECMAScript:
//   a  é  ж        a literal; a multi-byte UTF-8 character is one unit
//   .              any one code point (newline included)
//   [abc] [a-z0-9] [^...]   a class; ranges between any two code points
//                  ("[a-z]", "[а-я]"); members may be non-ASCII; '-' is literal
//                  first or last; ']' '[' '\' must be escaped inside a class
//   \d \w \s       ASCII digit [0-9], word [0-9A-Za-z_], space [\t\n\v\f\r ]
//   \D \W \S       their complements (any other code point)
//   \. \\ \- ...   an escaped ASCII punctuation character is that literal
//   ( ) (?: )      grouping (nothing is captured)
//   x|y            alternation; an alternative may be empty
//   * + ?          greedy quantifiers; {m} {m,} {m,n} with m <= n <= 100
//   ^ $            start and end of the text (there is no multi-line mode)
//   (?i)           only as the very first thing: ASCII case-insensitive
// Rejected with a message: backreferences, lookaround, lazy and possessive
// quantifiers, \b and friends, named groups, inline flags elsewhere, stray ')'
// ']' '}', quantifiers with nothing to repeat, quantified anchors, nesting
// deeper than kMaxNesting groups, a compiled program over kMaxProgramSize
// instructions, and patterns that are not valid UTF-8.
//
// Text is matched as UTF-8 code points; an invalid byte in the text is one unit
// that only '.', a negated class or \D \W \S can match.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace kith {

class TokenRegex {
 public:
  static constexpr int kMaxRepeat = 100;           // largest m or n in {m,n}
  static constexpr int kMaxNesting = 100;          // deepest group nesting
  static constexpr int kMaxProgramSize = 10000;    // instructions, counted repetition expanded

  // Parses and compiles `pattern`. On success *out owns the new regex; on
  // failure *out is reset and the Status (code kRuleError) reads like
  //   regex "ab(c": missing ')' at column 5
  // with the pattern quoted (control bytes as \xNN, long patterns cut) and the
  // 1-based column counted in code points of `pattern`, "(?i)" included. The
  // same column is in Status::column() (file empty, line 0) so a rule loader
  // can map it into its file.
  static Status Compile(const std::string& pattern, std::unique_ptr<TokenRegex>* out);

  // True when the whole of `text` matches. Const and without shared state:
  // safe to call from many threads on one TokenRegex.
  bool FullMatch(std::string_view text) const;
  // True when some substring of `text` (maybe empty) matches. Thread-safe.
  bool PartialMatch(std::string_view text) const;

  // Canonical form of the parsed pattern, for table-driven parser tests, in
  // RE2's dump style: lit{a} dot{} cc{a-z} ncc{0-9} cat{..} alt{..} star{..}
  // plus{..} que{..} rep{2,5 ..} (max -1 = unbounded) bol{} eol{} emp{}.
  // Class ranges are sorted and merged; under (?i) ASCII letters show folded
  // (lit{a} becomes cc{Aa}).
  std::string Dump() const;
  const std::string& pattern() const { return pattern_; }

  ~TokenRegex();
  TokenRegex(const TokenRegex&) = delete;
  TokenRegex& operator=(const TokenRegex&) = delete;

 private:
  friend class RegexCompiler;

  enum class Op : std::uint8_t { kChar, kClass, kNotClass, kAny, kSplit, kJmp, kBol, kEol, kMatch };
  // Consuming ops and assertions continue at pc + 1; kSplit at x and y, kJmp at x.
  struct Inst {
    Op op = Op::kMatch;
    std::uint32_t arg = 0;  // kChar: the code point; k(Not)Class: index into classes_
    std::uint32_t x = 0;
    std::uint32_t y = 0;
  };
  using Ranges = std::vector<std::pair<std::uint32_t, std::uint32_t>>;  // sorted, disjoint, inclusive

  TokenRegex() = default;
  bool Run(std::string_view text, bool full) const;
  // Fills the quick rejections FullMatch() tries before simulating.
  void ComputeFilters();

  std::string pattern_;
  std::string dump_;
  std::vector<Inst> prog_;  // entry at 0, the single kMatch last
  std::vector<Ranges> classes_;
  // The bytes a matched code point may start or end with: ASCII ones by
  // value, and whether any non-ASCII code point may be there.
  struct EdgeBytes {
    std::uint64_t ascii[2] = {0, 0};
    bool non_ascii = false;
    // Adds what consuming instruction `in` matches; false when it matches any
    // code point (kAny, kNotClass), so the bytes tell nothing.
    bool Add(const Inst& in, const std::vector<Ranges>& classes);
    bool Holds(unsigned char byte) const {
      return byte >= 128 ? non_ascii : (ascii[byte / 64] & (std::uint64_t{1} << (byte % 64))) != 0;
    }
  };
  // Quick rejections: a full match needs at least min_units_ code points (so
  // bytes) and, where the filters are on, a first and last byte they hold.
  std::size_t min_units_ = 0;
  bool first_filter_ = false;
  EdgeBytes first_;
  bool last_filter_ = false;
  EdgeBytes last_;
};

}  // namespace kith
