#include "text/sentences.h"

#include <catch2/catch.hpp>

#include <string>
#include <unordered_set>
#include <vector>

#include "text/tokenizer.h"

namespace kith {
namespace {

// The original text of each sentence (first token's begin to last token's end), joined by " || ".
std::string Sentences(const std::string& text, const std::vector<Token>& tokens,
                      const std::vector<SentenceSpan>& sentences) {
  std::string out;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    const SentenceSpan& s = sentences[i];
    const std::size_t b = tokens[s.first].span.begin;
    const std::size_t e = tokens[s.last - 1].span.end;
    out += (i ? " || " : "") + text.substr(b, e - b);
  }
  return out;
}

struct SentenceCase {
  const char* name;
  std::string text;
  std::string expected;  // sentences joined by " || "
};

const SentenceCase kSentenceCases[] = {
    {"abbreviations do not end a sentence", "Mr. Smith arrived. He left.", "Mr. Smith arrived. || He left."},
    {"dotted initialisms do not end a sentence", "The U.S. Embassy said so. It declined.",
     "The U.S. Embassy said so. || It declined."},
    {"personal initials do not end a sentence", "John F. Kennedy spoke. Then he left.",
     "John F. Kennedy spoke. || Then he left."},
    {"quoted passage with its attribution after a comma inside the quote",
     "\"We want answers. We will stay,\" Aigerim said. Police left.",
     "\"We want answers. We will stay,\" Aigerim said. || Police left."},
    {"quoted passage with curly quotes and its attribution",
     "\xE2\x80\x9CWe want answers. We will stay,\xE2\x80\x9D Aigerim said. Police left.",
     "\xE2\x80\x9CWe want answers. We will stay,\xE2\x80\x9D Aigerim said. || Police left."},
    {"attribution before a colon and a quoted passage", "Aigerim said: \"We want answers. We will stay.\" Police left.",
     "Aigerim said: \"We want answers. We will stay.\" || Police left."},
    {"quote closing on a period followed by a new sentence", "He said \"We will stay.\" Police left.",
     "He said \"We will stay.\" || Police left."},
    {"quote closing on a question mark", "\"Where is my son?\" She waited.", "\"Where is my son?\" || She waited."},
    {"quote closing on an exclamation before a lower-case attribution", "\"Stop!\" he shouted. Police left.",
     "\"Stop!\" he shouted. || Police left."},
    {"single quotes are absorbed after the final period", "'We will stay.' Then they left.",
     "'We will stay.' || Then they left."},
    {"closing bracket is absorbed", "They left (finally.) Then they returned.",
     "They left (finally.) || Then they returned."},
    {"question and exclamation marks", "Why were they detained? Nobody knows! Police declined.",
     "Why were they detained? || Nobody knows! || Police declined."},
    {"ellipsis ends a sentence", "He paused... Then he spoke.", "He paused... || Then he spoke."},
    {"a number can open a sentence", "It happened in 2019. 2020 was worse.", "It happened in 2019. || 2020 was worse."},
    {"lower case after a period does not open a sentence", "He left at 5 p.m. on Monday. and then",
     "He left at 5 p.m. on Monday. and then"},
    {"headline line then body", "Protest in Almaty\nThe protesters left. They returned.",
     "Protest in Almaty || The protesters left. || They returned."},
    {"wrapped line is joined", "The protesters gathered near\nthe consulate on Monday.",
     "The protesters gathered near\nthe consulate on Monday."},
    {"line after final punctuation is a new sentence even in lower case", "They left.\nthen they returned.",
     "They left. || then they returned."},
    {"line after a colon is a new sentence", "He said:\nwe stay.", "He said: || we stay."},
    {"line break closes an open quote", "\"We will stay\nPolice left.", "\"We will stay || Police left."},
    {"Cyrillic sentences",
     "\xD0\x9E\xD0\xBD\xD0\xB0 \xD1\x83\xD1\x88\xD0\xBB\xD0\xB0. \xD0\x9E\xD0\xBD \xD0\xBE\xD1\x81\xD1\x82\xD0\xB0\xD0"
     "\xBB\xD1\x81\xD1\x8F.",
     "\xD0\x9E\xD0\xBD\xD0\xB0 \xD1\x83\xD1\x88\xD0\xBB\xD0\xB0. || \xD0\x9E\xD0\xBD \xD0\xBE\xD1\x81\xD1\x82\xD0\xB0"
     "\xD0\xBB\xD1\x81\xD1\x8F."},
    {"no final punctuation", "Protest in Almaty", "Protest in Almaty"},
    {"empty text", "", ""},
};

TEST_CASE("SplitSentences splits at the documented boundaries", "[text]") {
  const Tokenizer tokenizer(std::unordered_set<std::string>{"mr.", "dr."});
  for (const SentenceCase& c : kSentenceCases) {
    INFO(c.name << ": " << c.text);
    const std::vector<Token> tokens = tokenizer.Tokenize(c.text);
    const std::vector<SentenceSpan> sentences = SplitSentences(tokens);
    CHECK(Sentences(c.text, tokens, sentences) == c.expected);
  }
}

// The header's own example: a quoted passage and its attribution ", X said."
// stay one sentence, also when the quote closes on a period before the comma.
TEST_CASE("SplitSentences keeps a quote closed on a period with its comma attribution", "[text]") {
  const std::string text = "\"We want answers. We will stay.\", Aigerim said. Police left.";
  const std::vector<Token> tokens = Tokenizer().Tokenize(text);
  CHECK(Sentences(text, tokens, SplitSentences(tokens)) ==
        "\"We want answers. We will stay.\", Aigerim said. || Police left.");
}


// "U.S." keeps its period and may end a sentence; only a listed opener,
// capitalised, makes it do so.
TEST_CASE("SplitSentences ends a sentence after an abbreviation only before a given opener", "[text]") {
  const std::string text = "He flew to the U.S. Then he left. She saw the U.S. Embassy. They met the U.S. then.";
  const std::vector<Token> tokens = Tokenizer().Tokenize(text);
  const std::unordered_set<std::string> openers{"then", "he"};
  SentenceOptions options;
  options.openers = &openers;
  CHECK(Sentences(text, tokens, SplitSentences(tokens, options)) ==
        "He flew to the U.S. || Then he left. || She saw the U.S. Embassy. || They met the U.S. then.");
  CHECK(Sentences(text, tokens, SplitSentences(tokens)) ==
        "He flew to the U.S. Then he left. || She saw the U.S. Embassy. || They met the U.S. then.");
}
TEST_CASE("SplitSentences covers every token exactly once, in order", "[text]") {
  const std::string text =
      "Protest in Almaty\n\"We want answers. We will stay,\" Aigerim said. Why? Mr. Smith left...\nthen returned.";
  const std::vector<Token> tokens = Tokenizer(std::unordered_set<std::string>{"mr."}).Tokenize(text);
  const std::vector<SentenceSpan> sentences = SplitSentences(tokens);
  REQUIRE_FALSE(sentences.empty());
  CHECK(sentences.front().first == 0);
  CHECK(sentences.back().last == tokens.size());
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    CHECK(sentences[i].first < sentences[i].last);
    if (i > 0) CHECK(sentences[i - 1].last == sentences[i].first);
  }
}

TEST_CASE("SplitSentences cuts a run without punctuation at max_tokens", "[text]") {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "a ";
  const std::vector<Token> tokens = Tokenizer().Tokenize(text);
  REQUIRE(tokens.size() == 1000);

  const std::vector<SentenceSpan> by_default = SplitSentences(tokens);
  REQUIRE(by_default.size() == 4);
  CHECK(by_default[0].first == 0);
  CHECK(by_default[0].last == 300);
  CHECK(by_default[1].last == 600);
  CHECK(by_default[2].last == 900);
  CHECK(by_default[3].last == 1000);

  SentenceOptions options;
  options.max_tokens = 7;
  const std::vector<SentenceSpan> small = SplitSentences(tokens, options);
  REQUIRE(small.size() == 143);
  for (std::size_t i = 0; i + 1 < small.size(); ++i) CHECK(small[i].last - small[i].first == 7);
  CHECK(small.back().last - small.back().first == 6);
}

TEST_CASE("SplitSentences cuts an unclosed quote at max_tokens", "[text]") {
  std::string text = "\"";
  for (int i = 0; i < 20; ++i) text += "We stay. ";
  const std::vector<Token> tokens = Tokenizer().Tokenize(text);
  SentenceOptions options;
  options.max_tokens = 10;
  for (const SentenceSpan& s : SplitSentences(tokens, options)) CHECK(s.last - s.first <= 10);
}

}  // namespace
}  // namespace kith
