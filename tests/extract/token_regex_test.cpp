#include "extract/token_regex.h"

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace kith {
namespace {

std::unique_ptr<TokenRegex> MustCompile(const std::string& pattern) {
  std::unique_ptr<TokenRegex> re;
  Status s = TokenRegex::Compile(pattern, &re);
  INFO("pattern: " << pattern << "  status: " << s.ToString());
  REQUIRE(s.ok());
  REQUIRE(re != nullptr);
  return re;
}

struct DumpCase {
  const char* pattern;
  const char* dump;
};

const DumpCase kDumpCases[] = {
    {"", "emp{}"},
    {"a", "lit{a}"},
    {"abc", "cat{lit{a}lit{b}lit{c}}"},
    {"a b", "cat{lit{a}lit{\\x20}lit{b}}"},
    {"a|b|c", "alt{lit{a}lit{b}lit{c}}"},
    {"a|", "alt{lit{a}emp{}}"},
    {"()", "emp{}"},
    {"a()b", "cat{lit{a}lit{b}}"},
    {"a(bc)d", "cat{lit{a}lit{b}lit{c}lit{d}}"},
    {"(?:a|b)|c", "alt{lit{a}lit{b}lit{c}}"},
    {"(a|b)c", "cat{alt{lit{a}lit{b}}lit{c}}"},
    {"a*", "star{lit{a}}"},
    {"a+", "plus{lit{a}}"},
    {"a?", "que{lit{a}}"},
    {"a{3}", "rep{3,3 lit{a}}"},
    {"a{2,}", "rep{2,-1 lit{a}}"},
    {"a{2,5}", "rep{2,5 lit{a}}"},
    {"a{0,}", "star{lit{a}}"},
    {"a{1,}", "plus{lit{a}}"},
    {"a{0,1}", "que{lit{a}}"},
    {"ab*", "cat{lit{a}star{lit{b}}}"},
    {"(ab)*", "star{cat{lit{a}lit{b}}}"},
    {"(?:ab)+c", "cat{plus{cat{lit{a}lit{b}}}lit{c}}"},
    {"()*", "star{emp{}}"},
    {".", "dot{}"},
    {"^a$", "cat{bol{}lit{a}eol{}}"},
    {"[abc]", "cc{a-c}"},
    {"[ab]", "cc{a-b}"},
    {"[a-z0-9]", "cc{0-9a-z}"},
    {"[a-cb-f]", "cc{a-f}"},
    {"[^a-c]", "ncc{a-c}"},
    {"[-a]", "cc{\\-a}"},
    {"[a-]", "cc{\\-a}"},
    {"[\\]\\[]", "cc{[]}"},
    {"[.*+?(){}|$^]", "cc{$(-+.?^\\{-\\}}"},
    {"[äöü]", "cc{äöü}"},
    {"[а-я]", "cc{а-я}"},
    {"\\d", "cc{0-9}"},
    {"\\D", "ncc{0-9}"},
    {"\\w", "cc{0-9A-Z_a-z}"},
    {"\\W", "ncc{0-9A-Z_a-z}"},
    {"\\s", "cc{\\x09-\\x0d\\x20}"},
    {"\\S", "ncc{\\x09-\\x0d\\x20}"},
    {"[\\d_]", "cc{0-9_}"},
    {"[^\\s]", "ncc{\\x09-\\x0d\\x20}"},
    {"[\\W]", "cc{\\x00-/:-@[-^`\\{-\\x{1100ff}}"},
    {"\\.", "lit{.}"},
    {"\\\\", "lit{\\\\}"},
    {"\\{\\}", "cat{lit{\\{}lit{\\}}}"},
    {"\\-\\/\\|\\^\\$", "cat{lit{-}lit{/}lit{|}lit{^}lit{$}}"},
    {"Ä", "lit{Ä}"},
    {"ж+", "plus{lit{ж}}"},
    {"😀", "lit{😀}"},
    {"(?i)ab", "cat{cc{Aa}cc{Bb}}"},
    {"(?i)[a-c]", "cc{A-Ca-c}"},
    {"(?i)[^x]", "ncc{Xx}"},
    {"(?i)1", "lit{1}"},
    {"(?i)ü", "lit{ü}"},
    {"(?i)", "emp{}"},
    {"(a*)*b", "cat{star{star{lit{a}}}lit{b}}"},
};

TEST_CASE("TokenRegex parses to the expected canonical dump", "[regex]") {
  for (const DumpCase& c : kDumpCases) {
    INFO("pattern: " << c.pattern);
    CHECK(MustCompile(c.pattern)->Dump() == c.dump);
  }
}

struct MatchCase {
  const char* pattern;
  const char* text;
  bool full;
  bool partial;
};

const MatchCase kMatchCases[] = {
    // Patronymic suffixes, case-insensitive.
    {"(?i).*(uly|qyzy|ovna)$", "Ivanovna", true, true},
    {"(?i).*(uly|qyzy|ovna)$", "IVANOVNA", true, true},
    {"(?i).*(uly|qyzy|ovna)$", "Ahmedqyzy", true, true},
    {"(?i).*(uly|qyzy|ovna)$", "Qasymuly", true, true},
    {"(?i).*(uly|qyzy|ovna)$", "uly", true, true},
    {"(?i).*(uly|qyzy|ovna)$", "Ivanovnas", false, false},
    {"(?i).*(uly|qyzy|ovna)$", "Ivanov", false, false},
    {"(ovna|evna)$", "Petrovna", false, true},
    // Capitalised word shapes.
    {"^[A-Z][a-z]+$", "Paris", true, true},
    {"^[A-Z][a-z]+$", "paris", false, false},
    {"^[A-Z][a-z]+$", "PARIS", false, false},
    {"^[A-Z][a-z]+$", "P", false, false},
    {"^[A-Z][a-z]+$", "Über", false, false},
    {"[A-Z][a-z]+", "xParisx", false, true},
    {"(?i)mc[a-z]+", "McDonald", true, true},
    {"(?i)MC", "mc", true, true},
    // UTF-8 letters are single units.
    {"Ä", "Ä", true, true},
    {"Ä", "ä", false, false},
    {"(?i)Ä", "ä", false, false},  // case folding is ASCII only
    {"^.$", "Ä", true, true},
    {"^..$", "Ä", false, false},
    {"^.$", "😀", true, true},
    {"ü+", "üüü", true, true},
    {"M[üu]ller", "Müller", true, true},
    {"M[üu]ller", "Muller", true, true},
    {"M[üu]ller", "Mueller", false, false},
    {"^[äöüÄÖÜß]+$", "äöüß", true, true},
    {"[^ä]", "ä", false, false},
    {"[^ä]", "ö", true, true},
    {"^[А-Я][а-я]+вич$", "Иванович", true, true},
    {"^[А-Я][а-я]+(овна|евна)$", "Петровна", true, true},
    {"^[А-Я][а-я]+(овна|евна)$", "петровна", false, false},
    {"\\w+", "Иван", false, false},  // \w is ASCII
    {"\\W+", "Иван", true, true},
    {"[\\W]+", "Иван", true, true},
    // Basics.
    {"", "", true, true},
    {"", "abc", false, true},
    {".", "", false, false},
    {"a*", "", true, true},
    {"a|b", "b", true, true},
    {"a|", "", true, true},
    {"colou?r", "color", true, true},
    {"colou?r", "colour", true, true},
    {"colou?r", "colouur", false, false},
    {"a.c", "abc", true, true},
    {"a\\.c", "abc", false, false},
    {"a\\.c", "a.c", true, true},
    {"\\$\\d+", "$100", true, true},
    {"\\d+", "2024", true, true},
    {"\\d+", "19th", false, true},
    {"^\\d{4}$", "1999", true, true},
    {"^\\d{4}$", "199", false, false},
    {"\\s", "a b", false, true},
    {"\\S+", "ab", true, true},
    {"[^0-9]+", "abc", true, true},
    {"[^0-9]+", "a1", false, true},
    {"[a-]+", "a-a", true, true},
    // Counted repetition.
    {"a{2,3}", "aaaa", false, true},
    {"^a{2,3}$", "aa", true, true},
    {"a{2,3}", "a", false, false},
    {"a{3}", "aaa", true, true},
    {"(ab){2}", "abab", true, true},
    {"(ab){2}", "ab", false, false},
    {"x{2,}", "xxxxx", true, true},
    {"x{2,}", "x", false, false},
    {"x{0,2}y", "xxy", true, true},
    {"x{0,2}y", "xxxy", false, true},
    // Anchors.
    {"^$", "", true, true},
    {"^$", "a", false, false},
    {"a$", "ba", false, true},
    {"a$", "ab", false, false},
    {"^a", "ba", false, false},
    {"^a", "ab", false, true},
    {"a^b", "ab", false, false},
    {"(^|x)a", "a", true, true},
    {"(^|x)a", "ya", false, false},
    // Alternation and nesting.
    {"(a|ab)(c|bcd)(d*)", "abcd", true, true},
    {"(a*)*b", "aaab", true, true},
    {"()*", "", true, true},
    {"(?:(?:a|b)c)+", "acbcac", true, true},
    // Invalid UTF-8 in the text: one unit that only '.' and negations match.
    {".", "\xff", true, true},
    {"[^a]", "\xff", true, true},
    {"\\D", "\xff", true, true},
    {"a", "\xff", false, false},
    {"a.b", "a\xc3" "b", true, true},
    {".", "\xc3\xa4", true, true},
};

TEST_CASE("TokenRegex matches whole and partial text", "[regex]") {
  for (const MatchCase& c : kMatchCases) {
    auto re = MustCompile(c.pattern);
    INFO("pattern: " << c.pattern << "  text: " << c.text);
    CHECK(re->FullMatch(c.text) == c.full);
    CHECK(re->PartialMatch(c.text) == c.partial);
  }
}

struct ErrorCase {
  std::string pattern;
  const char* fragment;
  int column;
};

TEST_CASE("TokenRegex rejects invalid patterns naming the column", "[regex]") {
  const std::vector<ErrorCase> cases = {
      {"ab(c", "missing ')'", 5},
      {"ab)c", "unmatched ')'", 3},
      {"[abc", "missing ']'", 5},
      {"[]", "empty character class", 1},
      {"[^]", "empty character class", 1},
      {"a**", "quantifier follows another quantifier", 3},
      {"a{2}*", "quantifier follows another quantifier", 5},
      {"*a", "nothing to repeat", 1},
      {"a|*", "nothing to repeat", 3},
      {"(*)", "nothing to repeat", 2},
      {"{2}", "nothing to repeat", 1},
      {"a*?", "lazy quantifiers are not supported", 3},
      {"a+?", "lazy quantifiers are not supported", 3},
      {"a{2}?", "lazy quantifiers are not supported", 5},
      {"a++", "possessive quantifiers are not supported", 3},
      {"(a)\\1", "backreferences are not supported", 4},
      {"(?=a)", "lookahead is not supported", 1},
      {"x(?!a)", "lookahead is not supported", 2},
      {"(?<=a)b", "lookbehind is not supported", 1},
      {"(?<!a)b", "lookbehind is not supported", 1},
      {"(?<name>a)", "named groups are not supported", 1},
      {"(?P<name>a)", "named groups are not supported", 1},
      {"a(?i)b", "(?i) is only allowed at the start", 2},
      {"(?i)(?i)a", "(?i) is only allowed at the start", 5},
      {"(?s)a", "unsupported group syntax", 1},
      {"(?i:a)", "unsupported group syntax", 1},
      {"a{101}", "repetition {101} exceeds the maximum count 100", 2},
      {"a{1,101}", "exceeds the maximum count 100", 2},
      {"a{99999999999999}", "exceeds the maximum count 100", 2},
      {"a{5,2}", "repetition {5,2} has maximum below minimum", 2},
      {"a{", "expected a number after '{'", 3},
      {"a{,3}", "expected a number after '{'", 3},
      {"a{x}", "expected a number after '{'", 3},
      {"a{2", "missing '}' in repetition", 4},
      {"a{2,3", "missing '}' in repetition", 6},
      {"\\q", "unsupported escape '\\q'", 1},
      {"a\\é", "unsupported escape '\\é'", 2},
      {"a\\", "trailing backslash", 2},
      {"\\bword", "word-boundary assertions are not supported", 1},
      {"\\p{L}", "Unicode property classes are not supported", 1},
      {"a\\z", "use ^ and $", 2},
      {"[z-a]", "range 'z-a' ends before it starts", 2},
      {"[a-\\d]", "a class escape cannot end a range", 2},
      {"[[:alpha:]]", "unescaped '[' inside a class", 2},
      {"[a\\qb]", "unsupported escape", 3},
      {"a]", "unmatched ']'", 2},
      {"a}", "unmatched '}'", 2},
      {"^*", "cannot repeat the anchor '^'", 2},
      {"a$+", "cannot repeat the anchor '$'", 3},
      {"(^)*", "cannot repeat the anchor '^'", 4},
      // Columns count code points, "(?i)" included.
      {"ä(", "missing ')'", 3},
      {"(?i)жж)", "unmatched ')'", 7},
      {"Müller[", "missing ']'", 8},
      // Invalid UTF-8 in the pattern.
      {"\xff", "invalid UTF-8 byte", 1},
      {"ä\xc3", "invalid UTF-8 byte", 2},
      {"\xed\xa0\x80", "invalid UTF-8 byte", 1},  // a UTF-16 surrogate
      // Too deep and too big.
      {std::string(101, '(') + "a" + std::string(101, ')'), "groups nested deeper than 100", 101},
      {"(a{100}){100}", "pattern too large: the compiled program would exceed 10000 instructions", 9},
      {"(((a{10}){10}){10}){10}", "pattern too large", 20},
      {std::string(10000, 'x'), "pattern too large", 10000},
  };
  for (const ErrorCase& c : cases) {
    std::unique_ptr<TokenRegex> re;
    Status s = TokenRegex::Compile(c.pattern, &re);
    INFO("pattern: " << c.pattern << "  message: " << s.message());
    REQUIRE_FALSE(s.ok());
    CHECK(s.code() == StatusCode::kRuleError);
    CHECK(re == nullptr);
    CHECK(s.message().find(c.fragment) != std::string::npos);
    CHECK(s.column() == c.column);
    CHECK(s.message().find("at column " + std::to_string(c.column)) != std::string::npos);
  }
}

TEST_CASE("TokenRegex error message quotes the pattern", "[regex]") {
  std::unique_ptr<TokenRegex> re;
  Status s = TokenRegex::Compile("ab(c", &re);
  CHECK(s.message() == "regex \"ab(c\": missing ')' at column 5");
  CHECK(s.ToString() == "error: regex \"ab(c\": missing ')' at column 5");

  s = TokenRegex::Compile("a\tb(", &re);
  CHECK(s.message() == "regex \"a\\x09b(\": missing ')' at column 5");

  // A long pattern is cut in the quote but the column is still exact.
  s = TokenRegex::Compile(std::string(300, 'a') + "(", &re);
  CHECK(s.message() == "regex \"" + std::string(200, 'a') + "...\": missing ')' at column 302");
}

TEST_CASE("TokenRegex Compile resets the output on failure", "[regex]") {
  std::unique_ptr<TokenRegex> re = MustCompile("a");
  CHECK_FALSE(TokenRegex::Compile("(", &re).ok());
  CHECK(re == nullptr);
}

TEST_CASE("TokenRegex accepts the limits themselves", "[regex]") {
  const std::string deep = std::string(100, '(') + "a" + std::string(100, ')');
  CHECK(MustCompile(deep)->FullMatch("a"));
  auto rep = MustCompile("^a{100}$");
  CHECK(rep->FullMatch(std::string(100, 'a')));
  CHECK_FALSE(rep->FullMatch(std::string(99, 'a')));
  CHECK_FALSE(rep->PartialMatch(std::string(101, 'a')));
  auto big = MustCompile("((a{10}){10}){10}");  // 1000 instructions
  CHECK(big->FullMatch(std::string(1000, 'a')));
  CHECK_FALSE(big->FullMatch(std::string(999, 'a')));
}

// With backtracking these would not finish; the NFA simulation is linear.
TEST_CASE("TokenRegex stays linear on adversarial patterns", "[regex]") {
  const std::string as(10000, 'a');

  auto nested_star = MustCompile("(a*)*b");
  CHECK_FALSE(nested_star->FullMatch(as));
  CHECK_FALSE(nested_star->PartialMatch(as));

  auto same_alt = MustCompile("(a|a)*c");
  CHECK_FALSE(same_alt->FullMatch(as));
  CHECK_FALSE(same_alt->PartialMatch(as));

  auto optional_run = MustCompile("(a?){30}a{30}");
  CHECK_FALSE(optional_run->FullMatch(as));
  CHECK(optional_run->PartialMatch(as));
  auto optional_exact = MustCompile("^(a?){30}a{30}$");
  CHECK(optional_exact->FullMatch(std::string(30, 'a')));
  CHECK(optional_exact->FullMatch(std::string(60, 'a')));
  CHECK_FALSE(optional_exact->FullMatch(std::string(61, 'a')));

  auto plus_plus = MustCompile("(x+x+)+y");
  CHECK_FALSE(plus_plus->PartialMatch(std::string(10000, 'x')));

  auto suffix = MustCompile("(?i).*(uly|qyzy|ovna)$");
  CHECK_FALSE(suffix->FullMatch(as));
  CHECK(suffix->FullMatch(as + "ULY"));
}

TEST_CASE("TokenRegex is shareable across threads", "[regex]") {
  auto re = MustCompile("^[A-Z][a-z]+(ovna|evna)$");
  std::vector<int> hits(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&re, &hits, t] {
      for (int i = 0; i < 500; ++i) {
        if (re->FullMatch("Petrovna") && !re->FullMatch("petrovna")) ++hits[static_cast<std::size_t>(t)];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int h : hits) CHECK(h == 500);
}

}  // namespace
}  // namespace kith

namespace kith {
namespace {

// FullMatch's quick rejections (length, first character) never change an
// answer: it must equal a partial match of the pattern anchored at both ends.
TEST_CASE("TokenRegex quick rejections agree with the full simulation", "[extract]") {
  const std::vector<std::string> patterns = {
      "\\d{1,3}-year-old", "(19|20)\\d\\d", "([1-9]|[12]\\d|3[01])(st|nd|rd|th)?", "\\w{3,}(uly|qyzy)",
      "a*", "x?y", "[а-я]+ов", "\\D+", "[^a]b", ".x", "(ab|)c", "é+", "(?:)", "a|b{2}|\\s", "ab$", "^a", "a.", "x[^y]", "(a|b\\W)", "[a-c]+é?", "qyzy|ов"};
  const std::vector<std::string> texts = {"", "a", "b", "1", "12", "123", "45-year-old", "1990", "2021", "31st",
                                          "32", "Nurlanuly", "uly", "Ахметов", "ов", "xy", "y", "cb", "ab", "abc",
                                          "c", "é", "éé", "ée", "bb", " ", "\xff", "\xffx", "Ex", "x\xff", "ab", "aé", "b!", "abcé", "qyzy", "QYZY"};
  for (const std::string& p : patterns) {
    for (const bool fold : {false, true}) {
      std::unique_ptr<TokenRegex> full, anchored;
      REQUIRE(TokenRegex::Compile((fold ? "(?i)" : "") + p, &full).ok());
      REQUIRE(TokenRegex::Compile((fold ? "(?i)^(?:" : "^(?:") + p + ")$", &anchored).ok());
      for (const std::string& t : texts) {
        INFO("pattern " << p << " fold " << fold << " text \"" << t << "\"");
        CHECK(full->FullMatch(t) == anchored->PartialMatch(t));
      }
    }
  }
}

}  // namespace
}  // namespace kith
