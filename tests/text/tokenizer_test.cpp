#include "text/tokenizer.h"

#include <catch2/catch.hpp>

#include <string>
#include <unordered_set>
#include <vector>

#include "base/utf8.h"

namespace kith {
namespace {

// Normalised token texts joined by "|".
std::string Norms(const std::vector<Token>& tokens) {
  std::string out;
  for (std::size_t i = 0; i < tokens.size(); ++i) out += (i ? "|" : "") + tokens[i].norm;
  return out;
}

std::string Lowers(const std::vector<Token>& tokens) {
  std::string out;
  for (std::size_t i = 0; i < tokens.size(); ++i) out += (i ? "|" : "") + tokens[i].lower;
  return out;
}

// The raw bytes of each token, joined by "|".
std::string Raws(const std::string& text, const std::vector<Token>& tokens) {
  std::string out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    out += (i ? "|" : "") + text.substr(tokens[i].span.begin, tokens[i].span.size());
  }
  return out;
}

std::string Kinds(const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& t : tokens) {
    out += t.kind == TokenKind::kWord ? 'w' : t.kind == TokenKind::kNumber ? 'n' : 'p';
  }
  return out;
}

struct TokenCase {
  const char* name;
  std::string input;
  bool with_abbreviations;  // the set {"mr.", "feb."}
  std::string norms;        // expected normalised tokens joined by "|"
  std::string kinds;        // 'w' word, 'n' number, 'p' punctuation, one per token
};

const TokenCase kTokenCases[] = {
    {"dotted initialism", "U.S. State Department", false, "U.S.|State|Department", "www"},
    {"dotted lower-case initialism", "at 5 p.m. today", false, "at|5|p.m.|today", "wnww"},
    {"slashed acronym with possessive", "RFE/RL's Kazakh Service", false, "RFE/RL|'s|Kazakh|Service", "wwww"},
    {"curly apostrophe possessive", "Kazakhstan\xE2\x80\x99s largest", false, "Kazakhstan|'s|largest", "www"},
    {"hyphenated age", "a 68-year-old man", false, "a|68-year-old|man", "www"},
    {"hyphenated city", "in Nur-Sultan.", false, "in|Nur-Sultan|.", "wwp"},
    {"thousands separator", "2,000 people", false, "2,000|people", "nw"},
    {"decimal number", "10.5 percent", false, "10.5|percent", "nw"},
    {"number at sentence end keeps the period apart", "fined 2,000.", false, "fined|2,000|.", "wnp"},
    {"decade", "the 1990s", false, "the|1990s", "ww"},
    {"four-dot ellipsis is one token", "He paused.... Then", false, "He|paused|....|Then", "wwpw"},
    {"three-dot ellipsis", "wait...", false, "wait|...", "wp"},
    {"unicode ellipsis normalised", "wait\xE2\x80\xA6", false, "wait|...", "wp"},
    {"em dash normalised", "war\xE2\x80\x94peace", false, "war|--|peace", "wpw"},
    {"en dash normalised", "1990\xE2\x80\x93" "2000", false, "1990|-|2000", "npn"},
    {"ascii double hyphen", "war -- peace", false, "war|--|peace", "wpw"},
    {"curly double quotes", "\xE2\x80\x9C" "Free them\xE2\x80\x9D", false, "\"|Free|them|\"", "pwwp"},
    {"guillemets", "\xC2\xAB" "Nur Otan\xC2\xBB", false, "\"|Nur|Otan|\"", "pwwp"},
    {"abbreviation in the set keeps its period", "Mr. Smith", true, "Mr.|Smith", "ww"},
    {"abbreviation matching is case-insensitive", "MR. SMITH", true, "MR.|SMITH", "ww"},
    {"abbreviation not in the set", "Mr. Smith", false, "Mr|.|Smith", "wpw"},
    {"personal initial", "John F. Kennedy", false, "John|F.|Kennedy", "www"},
    {"apostrophe inside a name", "O'Brien said", false, "O'Brien|said", "ww"},
    {"curly apostrophe inside a name", "O\xE2\x80\x99" "Brien", false, "O'Brien", "w"},
    {"contraction stays one token", "don't", false, "don't", "w"},
    {"plural possessive apostrophe split off", "Kazakhs' rights", false, "Kazakhs|'|rights", "wpw"},
    {"capital S possessive", "RFE/RL'S report", false, "RFE/RL|'S|report", "www"},
    {"possessive after initialism", "the U.S.'s embassy", false, "the|U.S.|'s|embassy", "wwww"},
    {"Kazakh Cyrillic letters in one word", "\xD2\x9A\xD0\xB0\xD1\x81\xD1\x8B\xD0\xBC", false,
     "\xD2\x9A\xD0\xB0\xD1\x81\xD1\x8B\xD0\xBC", "w"},
    {"Cyrillic words and punctuation", "\xD0\x90\xD0\xBB\xD0\xBC\xD0\xB0\xD1\x82\xD1\x8B, 2021.", false,
     "\xD0\x90\xD0\xBB\xD0\xBC\xD0\xB0\xD1\x82\xD1\x8B|,|2021|.", "wpnp"},
    {"sentence punctuation", "Why? Now!", false, "Why|?|Now|!", "wpwp"},
    {"non-breaking space separates", "Nur\xC2\xA0Otan", false, "Nur|Otan", "ww"},
    {"empty input", "", false, "", ""},
    {"whitespace only", " \t\n ", false, "", ""},
};

TEST_CASE("Tokenizer splits words, numbers and punctuation by the documented conventions", "[text]") {
  const Tokenizer plain;
  const Tokenizer abbreviating(std::unordered_set<std::string>{"mr.", "feb."});
  for (const TokenCase& c : kTokenCases) {
    INFO(c.name << ": " << c.input);
    const Tokenizer& tokenizer = c.with_abbreviations ? abbreviating : plain;
    const std::vector<Token> tokens = tokenizer.Tokenize(c.input);
    CHECK(Norms(tokens) == c.norms);
    CHECK(Kinds(tokens) == c.kinds);
    for (const Token& t : tokens) {
      CHECK(t.span.begin < t.span.end);
      CHECK(t.span.end <= c.input.size());
    }
  }
}

TEST_CASE("Tokenizer keeps the period of a number abbreviation only before a number", "[text]") {
  const Tokenizer tokenizer(std::unordered_set<std::string>{"no.", "mr."}, {}, std::unordered_set<std::string>{"no."});
  CHECK(Norms(tokenizer.Tokenize("Cell No. 3")) == "Cell|No.|3");
  CHECK(Norms(tokenizer.Tokenize("Cell No. A-7 of")) == "Cell|No.|A-7|of");
  CHECK(Norms(tokenizer.Tokenize("cell no.\u00a012")) == "cell|no.|12");
  CHECK(Norms(tokenizer.Tokenize("A: No. Satsuki sat")) == "A|:|No|.|Satsuki|sat");
  CHECK(Norms(tokenizer.Tokenize("said no.")) == "said|no|.");
  CHECK(Norms(tokenizer.Tokenize("Mr. Smith")) == "Mr.|Smith");
}

TEST_CASE("Tokenizer spans point at the original bytes, not the normalised text", "[text]") {
  const std::string text =
      "\xE2\x80\x9CKazakhstan\xE2\x80\x99s war\xE2\x80\x94its\xE2\x80\xA6\xE2\x80\x9D O\xE2\x80\x99" "Brien said.";
  const std::vector<Token> tokens = Tokenizer().Tokenize(text);
  CHECK(Norms(tokens) == "\"|Kazakhstan|'s|war|--|its|...|\"|O'Brien|said|.");
  CHECK(Raws(text, tokens) ==
        "\xE2\x80\x9C|Kazakhstan|\xE2\x80\x99s|war|\xE2\x80\x94|its|\xE2\x80\xA6|\xE2\x80\x9D|O\xE2\x80\x99"
        "Brien|said|.");
  // Spans are ordered and do not overlap.
  for (std::size_t i = 1; i < tokens.size(); ++i) CHECK(tokens[i - 1].span.end <= tokens[i].span.begin);
}

TEST_CASE("Tokenizer lower-cases Latin and Cyrillic and computes shapes", "[text]") {
  // "Қасым-Жомарт Тоқаев ӘЛИЯ Алматы"
  const std::string text =
      "\xD2\x9A\xD0\xB0\xD1\x81\xD1\x8B\xD0\xBC-\xD0\x96\xD0\xBE\xD0\xBC\xD0\xB0\xD1\x80\xD1\x82 "
      "\xD0\xA2\xD0\xBE\xD2\x9B\xD0\xB0\xD0\xB5\xD0\xB2 \xD3\x98\xD0\x9B\xD0\x98\xD0\xAF "
      "\xD0\x90\xD0\xBB\xD0\xBC\xD0\xB0\xD1\x82\xD1\x8B";
  const std::vector<Token> tokens = Tokenizer().Tokenize(text);
  REQUIRE(tokens.size() == 4);
  CHECK(Lowers(tokens) ==
        "\xD2\x9B\xD0\xB0\xD1\x81\xD1\x8B\xD0\xBC-\xD0\xB6\xD0\xBE\xD0\xBC\xD0\xB0\xD1\x80\xD1\x82|"
        "\xD1\x82\xD0\xBE\xD2\x9B\xD0\xB0\xD0\xB5\xD0\xB2|\xD3\x99\xD0\xBB\xD0\xB8\xD1\x8F|"
        "\xD0\xB0\xD0\xBB\xD0\xBC\xD0\xB0\xD1\x82\xD1\x8B");
  CHECK(tokens[0].shape == "Xxxxx-Xxxxx");
  CHECK(tokens[1].shape == "Xxxxx");
  CHECK(tokens[2].shape == "XXXX");
  CHECK(tokens[3].shape == "Xxxxx");

  const std::vector<Token> latin = Tokenizer().Tokenize("U.S. Nur-Sultan 68-year-old 2,000 McDONALD");
  CHECK(Lowers(latin) == "u.s.|nur-sultan|68-year-old|2,000|mcdonald");
  CHECK(latin[0].shape == "X.X.");
  CHECK(latin[1].shape == "Xxx-Xxxxx");
  CHECK(latin[2].shape == "dd-xxxx-xxx");
  CHECK(latin[3].shape == "d,ddd");
  CHECK(latin[4].shape == "XxXXXX");
}

TEST_CASE("Tokenizer gives an ASCII token the forms Utf8Lower and WordShape give", "[text]") {
  // ASCII tokens take a one-pass path; it must agree with the general functions.
  const std::vector<Token> tokens = Tokenizer().Tokenize(
      "ABCDEFGH abcdefghij 12345678 O'Brien's a--b ... 3.14 x9Y_z RFE/RL (Mr) \"q\" 2019-2021 AbCdEfGhIj.");
  REQUIRE(tokens.size() > 10);
  for (const Token& t : tokens) {
    INFO(t.norm);
    CHECK(t.lower == Utf8Lower(t.norm));
    CHECK(t.shape == WordShape(t.norm));
  }
}

// Latin Extended-A letters are not all "even code point = capital": Ł/ł,
// Ń/ń, Ž/ž and others pair odd capitals with even small letters. Names like
// "Wałęsa" or "Žemaitis" appear in news text.
TEST_CASE("Tokenizer lower-cases Latin Extended-A letters with odd capitals", "[text]") {
  // "Wałęsa Łódź Žemaitis"
  const std::vector<Token> tokens =
      Tokenizer().Tokenize("Wa\xC5\x82\xC4\x99sa \xC5\x81\xC3\xB3" "d\xC5\xBA \xC5\xBD" "emaitis");
  REQUIRE(tokens.size() == 3);
  CHECK(tokens[0].lower == "wa\xC5\x82\xC4\x99sa");
  CHECK(tokens[1].lower == "\xC5\x82\xC3\xB3" "d\xC5\xBA");
  CHECK(tokens[2].lower == "\xC5\xBE" "emaitis");
  CHECK(tokens[0].shape == "Xxxxx");
  CHECK(tokens[1].shape == "Xxxx");
  CHECK(tokens[2].shape == "Xxxxx");
}

TEST_CASE("Tokenizer marks the first token of every line", "[text]") {
  const std::string text = "Protest in Almaty\nThe protesters left.\r\nThey  returned\n\n  later.";
  const std::vector<Token> tokens = Tokenizer().Tokenize(text);
  REQUIRE(Norms(tokens) == "Protest|in|Almaty|The|protesters|left|.|They|returned|later|.");
  std::string flags;
  for (const Token& t : tokens) flags += t.line_start ? '1' : '0';
  CHECK(flags == "10010001010");
  CHECK(Raws(text, tokens) == Norms(tokens));
}

TEST_CASE("Tokenizer reads only the given range and appends to the output", "[text]") {
  const std::string text = "first line\nsecond line here\nthird";
  std::vector<Token> out;
  const Tokenizer tokenizer;
  tokenizer.Tokenize(text, Span{0, 10}, &out);
  tokenizer.Tokenize(text, Span{11, 27}, &out);
  REQUIRE(Norms(out) == "first|line|second|line|here");
  CHECK(out[2].span == Span{11, 17});
  CHECK(out[4].span == Span{23, 27});
  CHECK(out[0].line_start);
  CHECK(out[2].line_start);
  CHECK_FALSE(out[3].line_start);
  // A range that ends inside a word cuts the word at the range's end.
  std::vector<Token> cut;
  tokenizer.Tokenize(text, Span{11, 14}, &cut);
  CHECK(Norms(cut) == "sec");
}

TEST_CASE("Tokenizer survives truncated and invalid UTF-8", "[text]") {
  // A lone continuation byte, a truncated two-byte sequence at the end.
  const std::string text = std::string("ab\x80" "cd ") + "\xD0";
  const std::vector<Token> tokens = Tokenizer().Tokenize(text);
  std::size_t covered = 0;
  for (const Token& t : tokens) {
    CHECK(t.span.end <= text.size());
    covered += t.span.size();
  }
  CHECK(covered == text.size() - 1);  // every byte but the space is in some token
}

}  // namespace
}  // namespace kith
