#include "extract/token_test_cache.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "text/tokenizer.h"

namespace kith {
namespace {

// A catalog of three tests: title case, the word "said", a regex-free suffix.
struct SmallCatalog {
  TokenTestCatalog catalog;
  int title = -1;
  int said = -1;
  int ova = -1;

  SmallCatalog() {
    TokenTest t;
    t.word_case = "title";
    title = catalog.Add(t, false);
    TokenTest s;
    s.lower = {"said"};
    said = catalog.Add(s, false);
    catalog.AddWord("said");
    TokenTest o;
    o.suffix = {"ova"};
    ova = catalog.Add(o, false);
    catalog.Seal();
  }
};

// Letters standing for `i`, so that every number gives another word.
std::string Letters(int i) {
  std::string out;
  do {
    out += static_cast<char>('a' + i % 26);
    i /= 26;
  } while (i > 0);
  return out;
}

// Every token's answers from a cache, as one string per test ("1" passes).
std::string Answers(TokenTestCache* cache, std::size_t tokens, int test) {
  std::string out;
  cache->Cover(0, tokens);
  for (std::size_t t = 0; t < tokens; ++t) out += cache->Passes(test, t) ? '1' : '0';
  return out;
}

TEST_CASE("TokenTestCache answers per token, the same in every document of a thread", "[extract]") {
  SmallCatalog c;
  const std::vector<Token> first = Tokenizer().Tokenize("Dana Omarova said the court said nothing");
  const std::vector<Token> second = Tokenizer().Tokenize("the court said Dana Omarova was said to be away");
  TokenTestCache a(c.catalog, first);
  CHECK(Answers(&a, first.size(), c.title) == "1100000");
  CHECK(Answers(&a, first.size(), c.said) == "0010010");
  CHECK(Answers(&a, first.size(), c.ova) == "0100000");
  CHECK(a.WordAt(2) >= 0);
  CHECK(a.WordAt(0) == -1);

  // A second document on the same thread reuses the forms and must still be right.
  TokenTestCache b(c.catalog, second);
  CHECK(Answers(&b, second.size(), c.title) == "0001100000");
  CHECK(Answers(&b, second.size(), c.said) == "0010001000");
  CHECK(Answers(&b, second.size(), c.ova) == "0000100000");

  // Another catalog on this thread in between: both caches stay right.
  SmallCatalog other;
  TokenTestCache o(other.catalog, first);
  CHECK(Answers(&o, first.size(), other.said) == "0010010");
  CHECK(Answers(&a, first.size(), c.ova) == "0100000");
  CHECK(Answers(&b, second.size(), c.said) == "0010001000");
}

TEST_CASE("TokenTestCache tells a word at a line start from the same word inside a line", "[extract]") {
  TokenTestCatalog catalog;
  TokenTest t;
  t.line_start = true;
  const int opens = catalog.Add(t, false);
  catalog.Seal();
  std::vector<Token> tokens = Tokenizer().Tokenize("Court Court");
  tokens[0].line_start = true;
  TokenTestCache cache(catalog, tokens);
  CHECK(Answers(&cache, tokens.size(), opens) == "10");
}

TEST_CASE("TokenTestCache over a document with more forms than its table holds", "[extract]") {
  SmallCatalog c;
  std::string text;
  std::string expected_title;
  std::string expected_said;
  for (int i = 0; i < 400; ++i) {
    text += "Na" + Letters(i) + "ova said w" + Letters(i) + " . ";
    expected_title += "1000";
    expected_said += "0100";
  }
  const std::vector<Token> tokens = Tokenizer().Tokenize(text);
  REQUIRE(tokens.size() == 1600);
  // Room for about 50 forms of three answers: the table starts afresh many times.
  TokenTestCache cache(c.catalog, tokens, 150);
  std::string title;
  std::string said;
  std::string ova;
  for (std::size_t s = 0; s < tokens.size(); s += 4) {  // sentence by sentence, as the matcher asks
    cache.Cover(s, s + 4);
    for (std::size_t t = s; t < s + 4; ++t) {
      title += cache.Passes(c.title, t) ? '1' : '0';
      said += cache.Passes(c.said, t) ? '1' : '0';
      ova += cache.Passes(c.ova, t) ? '1' : '0';
    }
  }
  CHECK(title == expected_title);
  CHECK(said == expected_said);
  CHECK(ova == expected_title);
  // A single range larger than the table is still answered whole.
  TokenTestCache whole(c.catalog, tokens, 150);
  CHECK(Answers(&whole, tokens.size(), c.said) == expected_said);
}

}  // namespace
}  // namespace kith
