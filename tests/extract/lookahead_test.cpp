// Zero-width "followed_by" / "not_followed_by" pattern elements, and the rule
// features that came with them: "where" values "*" and "!v", attribute
// fallbacks "a|b", an event's "trigger" and role names "@cap.key".
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "extract/lexicon.h"
#include "extract/matcher.h"
#include "extract/rule.h"
#include "extract/rule_parser.h"
#include "extract/rule_set.h"
#include "tests/store/test_support.h"
#include "text/tokenizer.h"

namespace kith {
namespace {

// A context with one lexicon, "kin": "mother" (female), "son" (male), "parent"
// (no gender) and the two-word "great aunt" (female).
class LookaheadFixture {
 public:
  LookaheadFixture() {
    const Status s = Lexicon::Parse("kin", "kin.txt",
                                    "mother\tgender=female\nson\tgender=male\nparent\ngreat aunt\tgender=female\n",
                                    Tokenizer(), &kin_);
    INFO(s.ToString());
    REQUIRE(s.ok());
    context_.lexicons["kin"] = kin_.get();
  }

  // One rule "r" with this pattern (a JSON array), creating a mention.
  static std::string OneRule(const std::string& pattern) {
    return "{\"rules\": [{\"id\": \"r\", \"pattern\": " + pattern + ", \"create\": {\"mention\": {\"label\": \"X\"}}}]}";
  }

  Status Parse(const std::string& json, std::vector<Rule>* rules) const {
    return ParseRuleFile("look.json", json, context_, rules);
  }

  std::unique_ptr<Matcher> MustCompile(const std::string& pattern) const {
    std::vector<Rule> rules;
    Status s = Parse(OneRule(pattern), &rules);
    INFO(pattern << "\n" << s.ToString());
    REQUIRE(s.ok());
    std::unique_ptr<Matcher> m;
    s = Matcher::Compile(std::move(rules), &m);
    INFO(s.ToString());
    REQUIRE(s.ok());
    return m;
  }

 private:
  std::unique_ptr<Lexicon> kin_;
  RuleParseContext context_;
};

// Runs `m` over `text` as one sentence of tokens [0, last) (all when last is
// npos) and renders the matches as "matched text" joined by "; ".
std::string Match(const Matcher& m, const std::string& text, std::size_t last = std::string::npos) {
  const std::vector<Token> tokens = Tokenizer().Tokenize(text);
  MatchInput in;
  in.tokens = &tokens;
  in.first = 0;
  in.last = last == std::string::npos ? tokens.size() : last;
  std::vector<RuleMatch> matches;
  m.Match(in, &matches);
  std::string out;
  for (const RuleMatch& r : matches) {
    if (!out.empty()) out += "; ";
    if (r.last > r.first) {
      out += text.substr(tokens[r.first].span.begin, tokens[r.last - 1].span.end - tokens[r.first].span.begin);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Parsing and the canonical dump.

struct DumpCase {
  const char* name;
  const char* pattern;  // JSON array
  const char* dump;     // the "pattern:" line of DumpRule()
};

const DumpCase kDumpCases[] = {
    {"not followed by a text", R"([{"case": "title"}, {"not_followed_by": {"text": "'s"}}])",
     "[case=title] (?!text=\"'s\")"},
    {"followed by any of several lower-case words", R"([{"case": "title"}, {"followed_by": {"lower": ["Said", "told"]}}])",
     "[case=title] (?=lower=\"said\"|\"told\")"},
    {"several conditions in one look", R"([{"lower": "the"}, {"followed_by": {"case": "title", "kind": "word"}}])",
     "[lower=\"the\"] (?=case=title kind=word)"},
    {"a one-word lexicon entry", R"([{"case": "title"}, {"not_followed_by": {"lexicon": "kin"}}])",
     "[case=title] (?!lexicon=kin)"},
    {"regex, shape, prefix and suffix",
     R"([{"followed_by": {"regex": "[0-9]+"}}, {"not_followed_by": {"shape": "Xx", "prefix": "Ab", "suffix": "OV"}}, {}])",
     "(?=regex=/[0-9]+/) (?!shape=\"Xx\" prefix=\"ab\" suffix=\"ov\") []"},
    {"line start", R"([{"text": "."}, {"followed_by": {"line_start": true}}])", "[text=\".\"] (?=line_start)"},
    {"an empty look: any next token, or none", R"([{"text": "x"}, {"followed_by": {}}, {"not_followed_by": {}}])",
     "[text=\"x\"] (?=) (?!)"},
    {"inside a group and an alternative",
     R"([{"group": [{"case": "title"}, {"not_followed_by": {"text": "'s"}}], "op": "+"},
         {"any": [[{"followed_by": {"lower": "a"}}, {}], [{"text": "b"}]]}])",
     "([case=title] (?!text=\"'s\"))+ ((?=lower=\"a\") [] | [text=\"b\"])"},
    {"the next tokens in order", R"([{"text": "x"}, {"not_followed_by": [{"text": "to"}, {}, {"lower": "hospital"}]}])",
     "[text=\"x\"] (?![text=\"to\"] [] [lower=\"hospital\"])"},
    {"next to a capture", R"([{"as": "n", "case": "title"}, {"not_followed_by": {"lower": "said"}}])",
     "n:[case=title] (?!lower=\"said\")"},
    {"within a few tokens", R"([{"text": "x"}, {"not_followed_by": {"lower": "hospital"}, "within": 4}])",
     "[text=\"x\"] (?!within 4: lower=\"hospital\")"},
};

TEST_CASE("Lookahead elements parse and dump as (?=...) and (?!...)", "[extract]") {
  const LookaheadFixture fixture;
  for (const DumpCase& c : kDumpCases) {
    INFO(c.name << ": " << c.pattern);
    std::vector<Rule> rules;
    const Status s = fixture.Parse(LookaheadFixture::OneRule(c.pattern), &rules);
    INFO(s.ToString());
    REQUIRE(s.ok());
    REQUIRE(rules.size() == 1);
    CHECK(DumpRule(rules[0]) ==
          std::string("rule r stage=0 priority=0\n  pattern: ") + c.dump + "\n  create mention \"X\"");
  }
}

TEST_CASE("Lookahead elements are zero-width asserts without captures", "[extract]") {
  const LookaheadFixture fixture;
  std::vector<Rule> rules;
  REQUIRE(fixture
              .Parse(LookaheadFixture::OneRule(
                         R"([{"as": "n", "case": "title"}, {"followed_by": {"lower": "said"}}, {"not_followed_by": {"text": "x"}}])"),
                     &rules)
              .ok());
  REQUIRE(rules.size() == 1);
  const std::vector<PatternElement>& p = rules[0].pattern;
  REQUIRE(p.size() == 3);
  CHECK(p[1].kind == PatternElement::Kind::kAssert);
  CHECK_FALSE(p[1].negated);
  CHECK(p[1].test.lower == std::vector<std::string>{"said"});
  CHECK(p[2].kind == PatternElement::Kind::kAssert);
  CHECK(p[2].negated);
  CHECK(p[1].capture.empty());
  CHECK(rules[0].captures == std::vector<std::string>{"n"});
}

struct ErrorCase {
  const char* name;
  const char* pattern;   // JSON array
  const char* message;   // the Status message, after "look.json:line:col: error: "
};

const ErrorCase kErrorCases[] = {
    {"with an op", R"([{"text": "a"}, {"followed_by": {"text": "b"}, "op": "?"}])",
     "\"followed_by\" and \"not_followed_by\" stand alone in their element"},
    {"with a capture", R"([{"text": "a"}, {"not_followed_by": {"text": "b"}, "as": "n"}])",
     "\"followed_by\" and \"not_followed_by\" stand alone in their element"},
    {"with a token test before it", R"([{"text": "a"}, {"text": "c", "followed_by": {"text": "b"}}])",
     "\"followed_by\" and \"not_followed_by\" stand alone in their element"},
    {"with a token test after it", R"([{"text": "a"}, {"followed_by": {"text": "b"}, "case": "title"}])",
     "\"followed_by\" and \"not_followed_by\" stand alone in their element"},
    {"both looks in one element", R"([{"text": "a"}, {"followed_by": {"text": "b"}, "not_followed_by": {"text": "c"}}])",
     "\"followed_by\" and \"not_followed_by\" stand alone in their element"},
    {"with a group before it", R"([{"text": "a"}, {"group": [{}], "followed_by": {"text": "b"}}])",
     "\"followed_by\" and \"not_followed_by\" stand alone in their element"},
    {"within and an op", R"([{"text": "a"}, {"followed_by": {"text": "b"}, "within": 2, "op": "?"}])",
     "\"followed_by\" and \"not_followed_by\" stand alone in their element"},
};

TEST_CASE("A lookahead element with another key is an error located at the element", "[extract]") {
  const LookaheadFixture fixture;
  for (const ErrorCase& c : kErrorCases) {
    INFO(c.name << ": " << c.pattern);
    const std::string json = LookaheadFixture::OneRule(c.pattern);
    std::vector<Rule> rules;
    const Status s = fixture.Parse(json, &rules);
    INFO(s.ToString());
    REQUIRE_FALSE(s.ok());
    CHECK(s.code() == StatusCode::kRuleError);
    CHECK(s.file() == "look.json");
    CHECK(s.message() == c.message);
    // Located at the element's opening brace: the second element of the pattern.
    const std::size_t brace = json.find("}, {") + 3;
    CHECK(s.ToString() == "look.json:1:" + std::to_string(brace + 1) + ": error: " + c.message);
    CHECK(rules.empty());
  }
}

// Element() lets a later "group", "any" or "use" key overwrite the kind that
// "followed_by" set, and checks "stands alone" only when the kind is still the
// assert: {"followed_by": {}, "group": [...]} parses as the group alone (the
// look silently dropped), and with a non-empty look the error names "group"
// and a token test instead. Written the other way round ("group" first) it is
// the stand-alone error.
TEST_CASE("A lookahead element followed by a group, any or use key is an error", "[extract]") {
  const LookaheadFixture fixture;
  struct Case {
    const char* pattern;
  };
  const Case cases[] = {
      {R"([{"text": "a"}, {"followed_by": {}, "group": [{"text": "c"}]}])"},
      {R"([{"text": "a"}, {"not_followed_by": {}, "any": [[{"text": "c"}], [{"text": "d"}]]}])"},
      {R"([{"text": "a"}, {"followed_by": {"text": "b"}, "group": [{"text": "c"}]}])"},
  };
  for (const Case& c : cases) {
    INFO(c.pattern);
    std::vector<Rule> rules;
    const Status s = fixture.Parse(LookaheadFixture::OneRule(c.pattern), &rules);
    INFO(s.ToString());
    INFO((rules.empty() ? std::string("no rule") : DumpRule(rules[0])));
    CHECK(s.message() == "\"followed_by\" and \"not_followed_by\" stand alone in their element");
  }
}

TEST_CASE("A lookahead element holds single-token tests of an object or a non-empty array of them", "[extract]") {
  const LookaheadFixture fixture;
  const char* const kBad[] = {
      R"([{"text": "a"}, {"followed_by": "b"}])",
      R"([{"text": "a"}, {"followed_by": []}])",
      R"([{"text": "a"}, {"followed_by": ["b"]}])",
      R"([{"text": "a"}, {"not_followed_by": [{"text": "b"}, {"mention": "Person"}]}])",
      R"([{"text": "a"}, {"followed_by": {"mention": "Person"}}])",
      R"([{"text": "a"}, {"not_followed_by": {"lower": "kin", "where": {"gender": "male"}}}])",
      R"([{"text": "a"}, {"not_followed_by": {"not": {"text": "b"}}}])",
      R"([{"text": "a"}, {"followed_by": {"op": "?"}}])",
      R"([{"text": "a"}, {"followed_by": {"lemma": "be"}}])",
      R"([{"text": "a"}, {"followed_by": {"lexicon": "kinship"}}])",
  };
  for (const char* pattern : kBad) {
    INFO(pattern);
    std::vector<Rule> rules;
    const Status s = fixture.Parse(LookaheadFixture::OneRule(pattern), &rules);
    INFO(s.ToString());
    CHECK_FALSE(s.ok());
    CHECK(s.code() == StatusCode::kRuleError);
  }
}

TEST_CASE("\"within\" widens a look of one test by a whole number of tokens", "[extract]") {
  const LookaheadFixture fixture;
  const struct {
    const char* pattern;
    const char* message;
  } kBad[] = {
      {R"([{"text": "a"}, {"followed_by": {"text": "b"}, "within": 0}])", "\"within\" is a whole number of tokens from 1 to 20"},
      {R"([{"text": "a"}, {"followed_by": {"text": "b"}, "within": 21}])", "\"within\" is a whole number of tokens from 1 to 20"},
      {R"([{"text": "a"}, {"followed_by": {"text": "b"}, "within": 2.5}])", "\"within\" is a whole number of tokens from 1 to 20"},
      {R"([{"text": "a"}, {"followed_by": {"text": "b"}, "within": "3"}])", "\"within\" is a whole number of tokens from 1 to 20"},
      {R"([{"text": "a"}, {"followed_by": [{"text": "b"}, {"text": "c"}], "within": 3}])",
       "\"within\" takes one test, not an array of them"},
      {R"([{"text": "a", "within": 3}])", "\"within\" goes with \"followed_by\" or \"not_followed_by\""},
  };
  for (const auto& c : kBad) {
    INFO(c.pattern);
    std::vector<Rule> rules;
    const Status s = fixture.Parse(LookaheadFixture::OneRule(c.pattern), &rules);
    INFO(s.ToString());
    REQUIRE_FALSE(s.ok());
    CHECK(s.code() == StatusCode::kRuleError);
    CHECK(s.message() == c.message);
  }
  std::vector<Rule> rules;
  REQUIRE(fixture.Parse(LookaheadFixture::OneRule(R"([{"text": "a"}, {"within": 3, "followed_by": {"text": "b"}}])"), &rules).ok());
  CHECK(rules[0].pattern[1].within == 3);
}

TEST_CASE("A pattern of lookaheads alone can match no tokens", "[extract]") {
  const LookaheadFixture fixture;
  std::vector<Rule> rules;
  REQUIRE(fixture.Parse(LookaheadFixture::OneRule(R"([{"followed_by": {"text": "a"}}])"), &rules).ok());
  std::unique_ptr<Matcher> m;
  const Status s = Matcher::Compile(std::move(rules), &m);
  CHECK(s.code() == StatusCode::kRuleError);
  CHECK(s.message().find("can match no tokens") != std::string::npos);
}

// ---------------------------------------------------------------------------
// Matching.

struct MatchCase {
  const char* name;
  const char* pattern;
  const char* text;
  const char* expected;  // Match() output
};

const MatchCase kMatchCases[] = {
    {"not followed by a possessive: the longest match that holds",
     R"([{"case": "title", "op": "+"}, {"not_followed_by": {"text": "'s"}}])", "Aigerim Sadykova's son met Marat Bek",
     "Aigerim; Marat Bek; Bek"},
    {"followed by a word, which is not part of the match",
     R"([{"lower": "the"}, {"case": "title"}, {"followed_by": {"lower": "said"}}])",
     "the Minister said that the Judge ruled", "the Minister"},
    {"followed by one of several words", R"([{"case": "title"}, {"followed_by": {"lower": ["said", "told"]}}])",
     "Marat told Dana and Aigerim said", "Marat; Aigerim"},
    {"not followed by holds at the sentence end", R"([{"text": "x"}, {"not_followed_by": {"text": "y"}}])", "x y x",
     "x"},
    {"followed by fails at the sentence end", R"([{"text": "x"}, {"followed_by": {"text": "x"}}])", "x x", "x"},
    {"an empty followed_by: some token follows", R"([{"text": "x"}, {"followed_by": {}}])", "x y x", "x"},
    {"an empty not_followed_by: the sentence ends", R"([{"text": "x"}, {"not_followed_by": {}}])", "x y x", "x"},
    {"a look between two tokens",
     R"([{"case": "title"}, {"not_followed_by": {"text": "Bek"}}, {"case": "title"}])", "Aigerim Sadykova Marat Bek",
     "Aigerim Sadykova; Sadykova Marat"},
    {"a look before the first token tests that token",
     R"([{"followed_by": {"prefix": "sad"}}, {"case": "title"}])", "Aigerim Sadykova", "Sadykova"},
    {"a look after an optional token", R"([{"text": "a"}, {"text": "b", "op": "?"}, {"not_followed_by": {"text": "c"}}])",
     "a b c a c", "a"},
    {"a lexicon look tests one-word entries", R"([{"case": "title"}, {"followed_by": {"lexicon": "kin"}}])",
     "Aigerim mother Dana great aunt Marat Son", "Aigerim; Marat"},
    {"a negated lexicon look", R"([{"case": "title"}, {"not_followed_by": {"lexicon": "kin"}}])",
     "Aigerim mother Dana spoke", "Dana"},
    {"a look with two conditions needs both", R"([{"text": "x"}, {"followed_by": {"case": "title", "suffix": "ova"}}])",
     "x Sadykova x sadykova x Marat", "x"},
    {"a look at the next tokens in order", R"([{"text": "x"}, {"followed_by": [{"text": "to"}, {"case": "title"}]}])",
     "x to Almaty x to the x Almaty", "x"},
    {"a negated look at the next tokens: not all of them in order",
     R"([{"text": "x"}, {"not_followed_by": [{"text": "to"}, {"lower": "hospital"}]}])",
     "x to hospital x to camp x hospital x", "x; x; x"},
    {"within: a negated look at none of the next tokens",
     R"([{"text": "x"}, {"not_followed_by": {"lower": "hospital"}, "within": 3}])",
     "x by car to hospital . x to a hospital . x to the camp hospital", "x; x"},
    {"within: a look at any of the next tokens", R"([{"text": "x"}, {"followed_by": {"case": "title"}, "within": 2}])",
     "x to Almaty x to the Almaty x Aksu", "x; x"},
    {"within: the token right after counts too", R"([{"text": "x"}, {"followed_by": {"text": "y"}, "within": 5}])",
     "x y", "x"},
    {"a look inside a repeated group",
     R"([{"group": [{"case": "title"}, {"not_followed_by": {"text": ","}}], "op": "+"}])",
     "Aigerim Sadykova, Marat Bek", "Aigerim; Marat Bek; Bek"},
};

TEST_CASE("Lookahead elements test the next token without consuming it", "[extract]") {
  const LookaheadFixture fixture;
  for (const MatchCase& c : kMatchCases) {
    INFO(c.name << ": " << c.pattern << " over \"" << c.text << "\"");
    const std::unique_ptr<Matcher> m = fixture.MustCompile(c.pattern);
    CHECK(Match(*m, c.text) == c.expected);
  }
}

TEST_CASE("Lookahead elements do not look past the end of the sentence", "[extract]") {
  const LookaheadFixture fixture;
  // Tokens [0, 2) of "a b c": the sentence ends after "b", "c" lies beyond it.
  const std::unique_ptr<Matcher> followed = fixture.MustCompile(R"([{"text": "b"}, {"followed_by": {"text": "c"}}])");
  CHECK(Match(*followed, "a b c", 2).empty());
  CHECK(Match(*followed, "a b c") == "b");
  const std::unique_ptr<Matcher> not_followed =
      fixture.MustCompile(R"([{"text": "b"}, {"not_followed_by": {"text": "c"}}])");
  CHECK(Match(*not_followed, "a b c", 2) == "b");
  CHECK(Match(*not_followed, "a b c").empty());
  // A look at several tokens needs them all inside the sentence.
  const std::unique_ptr<Matcher> followed_two =
      fixture.MustCompile(R"([{"text": "a"}, {"followed_by": [{"text": "b"}, {"text": "c"}]}])");
  CHECK(Match(*followed_two, "a b c", 2).empty());
  CHECK(Match(*followed_two, "a b c") == "a");
  const std::unique_ptr<Matcher> not_followed_two =
      fixture.MustCompile(R"([{"text": "a"}, {"not_followed_by": [{"text": "b"}, {"text": "c"}]}])");
  CHECK(Match(*not_followed_two, "a b c", 2) == "a");
  CHECK(Match(*not_followed_two, "a b c").empty());
  // "within" stops at the sentence end as well.
  const std::unique_ptr<Matcher> within = fixture.MustCompile(R"([{"text": "a"}, {"followed_by": {"text": "d"}, "within": 5}])");
  CHECK(Match(*within, "a b c d", 3).empty());
  CHECK(Match(*within, "a b c d") == "a");
}

TEST_CASE("Repeated zero-width looks finish", "[extract]") {
  const LookaheadFixture fixture;
  std::string text;
  for (int i = 0; i < 300; ++i) text += "a ";
  const std::unique_ptr<Matcher> m = fixture.MustCompile(
      R"([{"group": [{"not_followed_by": {"text": "x"}}, {"followed_by": {}}], "op": "*"}, {"text": "a"}, {"text": "x"}])");
  CHECK(Match(*m, text).empty());
  CHECK(Match(*m, "a x") == "a x");
}

TEST_CASE("Lexicon where: \"*\" needs the attribute, \"!v\" its absence or another value", "[extract]") {
  struct Case {
    const char* where;
    const char* expected;
  };
  const Case cases[] = {
      {R"({"gender": "*"})", "mother; son; great aunt"},
      {R"({"gender": "female"})", "mother; great aunt"},
      {R"({"gender": "!male"})", "mother; parent; great aunt"},
      {R"({"gender": "!female"})", "son; parent"},
      {R"({"number": "*"})", ""},
      {R"({"number": "!plural"})", "mother; son; parent; great aunt"},
      {R"({"gender": "*", "number": "!plural"})", "mother; son; great aunt"},
  };
  const LookaheadFixture fixture;
  for (const Case& c : cases) {
    INFO(c.where);
    const std::unique_ptr<Matcher> m =
        fixture.MustCompile(std::string(R"([{"lexicon": "kin", "where": )") + c.where + "}]");
    CHECK(Match(*m, "mother son parent great aunt") == c.expected);
  }
}

// ---------------------------------------------------------------------------
// End to end through a rules directory: what the matched rules create.

// A rules directory with two lexicons and two stages.
class RulesDir {
 public:
  RulesDir() {
    REQUIRE_FALSE(dir_.path().empty());
    REQUIRE(std::system(("mkdir -p '" + dir_.File("lexicons") + "'").c_str()) == 0);
    Write("lexicons/verbs.txt",
          "# verbs\n"
          "detained\tkind=Detention\tpassive=detainee\tmanner=forcibly\n"
          "fined\tkind=Fine\tpassive=fined\n"
          "left\tkind=Travel\n");
    Write("lexicons/kin.txt", "mother\tgender=female\nson\tgender=male\nparent\n");
    Write("10_names.json", R"({"stage": 10, "rules": [
      {"id": "t.name", "pattern": [{"as": "n", "case": "title", "not": {"lower": ["the", "police"]}, "op": "+"},
                                   {"not_followed_by": {"text": "'s"}}],
       "create": {"mention": {"label": "Person", "span": "n"}}},
      {"id": "t.kin", "pattern": [{"as": "k", "lexicon": "kin", "where": {"gender": "!male"}}],
       "create": {"mention": {"label": "Kin", "span": "k", "attributes": {"g": "@k.gender|none", "w": "@k"}}}}]})");
    Write("20_events.json", R"({"stage": 20, "rules": [
      {"id": "t.passive",
       "pattern": [{"as": "s", "mention": "Person"}, {"lower": "was"},
                   {"as": "t", "lexicon": "verbs", "where": {"passive": "*"}}, {"followed_by": {"text": "."}}],
       "create": {"event": {"kind": "@t.kind", "roles": {"@t.passive": "s", "@t.missing": "s"}, "trigger": "t",
                            "attributes": {"how": "@t.manner|plainly", "what": "@t.kind|unknown"}}}}]})");
    const Status s = RuleSet::Load(dir_.path(), &rules_);
    INFO(s.ToString());
    REQUIRE(s.ok());
  }

  Extraction Run(const std::string& text) const {
    Extraction ex;
    TokenizePlain(text, *rules_, &ex);
    RunStages(text, *rules_, ExtractOptions(), &ex);
    return ex;
  }

 private:
  void Write(const std::string& name, const std::string& content) {
    std::ofstream out(dir_.File(name), std::ios::binary);
    out << content;
    REQUIRE(out.good());
  }

  testing::TempDir dir_;
  std::unique_ptr<RuleSet> rules_;
};

std::string Text(const std::string& text, const Extraction& ex, const CaptureRange& r) {
  if (!r.set || r.last <= r.first) return "";
  return text.substr(ex.tokens[r.first].span.begin, ex.tokens[r.last - 1].span.end - ex.tokens[r.first].span.begin);
}

TEST_CASE("Rules create events with roles named by the trigger's entry, and fallback attributes", "[extract]") {
  const RulesDir dir;
  const std::string text = "Aigerim was detained. Marat was fined. Dana was left. Saule was detained today.";
  const Extraction ex = dir.Run(text);
  REQUIRE(ex.events.size() == 2);
  const ExtractedEvent& detention = ex.events[0];
  CHECK(detention.kind == "Detention");
  CHECK(detention.rule == "t.passive");
  // "@t.passive" is the entry's passive role; "@t.missing" names no role and is left out.
  REQUIRE(detention.roles.size() == 1);
  REQUIRE(detention.roles.count("detainee") == 1);
  CHECK(Text(text, ex, detention.roles.at("detainee")) == "Aigerim");
  CHECK(Text(text, ex, detention.trigger) == "detained");
  CHECK(detention.attributes == std::map<std::string, std::string>{{"how", "forcibly"}, {"what", "Detention"}});
  const ExtractedEvent& fine = ex.events[1];
  CHECK(fine.kind == "Fine");
  REQUIRE(fine.roles.count("fined") == 1);
  CHECK(Text(text, ex, fine.roles.at("fined")) == "Marat");
  CHECK(Text(text, ex, fine.trigger) == "fined");
  // The entry has no manner: the literal after "|".
  CHECK(fine.attributes == std::map<std::string, std::string>{{"how", "plainly"}, {"what", "Fine"}});
  // "left" has no passive role ("where": {"passive": "*"}); "detained today" is not followed by ".".
}

TEST_CASE("Rules: not_followed_by keeps a possessor out of a name, where \"!v\" and fallbacks in mentions",
          "[extract]") {
  const RulesDir dir;
  const std::string text = "Aigerim Sadykova's mother and son met her parent.";
  const Extraction ex = dir.Run(text);
  std::vector<std::string> persons;
  std::vector<std::string> kin;
  for (const ExtractedMention& m : ex.mentions) {
    const std::string words = text.substr(m.span.begin, m.span.size());
    if (m.label == "Person") persons.push_back(words);
    if (m.label == "Kin") kin.push_back(words + " g=" + m.attributes.at("g") + " w=" + m.attributes.at("w"));
  }
  // The longest name not followed by "'s" is the first name alone.
  CHECK(persons == std::vector<std::string>{"Aigerim"});
  CHECK(kin == std::vector<std::string>{"mother g=female w=mother", "parent g=none w=parent"});
}

// ---------------------------------------------------------------------------
// A rule's "not_after": no match starts right after a token passing its test.

// A rule matching a title-case word and "and", with this "not_after" (JSON); `dump` gets its DumpRule.
std::unique_ptr<Matcher> CompileNotAfter(const LookaheadFixture& f, const std::string& not_after, std::string* dump) {
  std::vector<Rule> rules;
  Status s = f.Parse(R"({"rules": [{"id": "r", "pattern": [{"case": "title"}, {"lower": "and"}], "not_after": )" +
                         not_after + R"(, "create": {"mention": {"label": "X"}}}]})",
                     &rules);
  INFO(not_after << "\n" << s.ToString());
  REQUIRE(s.ok());
  *dump = DumpRule(rules[0]);
  std::unique_ptr<Matcher> m;
  s = Matcher::Compile(std::move(rules), &m);
  REQUIRE(s.ok());
  return m;
}

TEST_CASE("not_after keeps a rule from starting right after the token it names", "[extract]") {
  const LookaheadFixture f;
  std::string dump;
  const std::unique_ptr<Matcher> m = CompileNotAfter(f, R"({"lower": ["with", "by"]})", &dump);
  CHECK(dump.find("\n  not_after: lower=\"with\"|\"by\"") != std::string::npos);
  CHECK(Match(*m, "Dana and Aida") == "Dana and");
  CHECK(Match(*m, "with Dana and Aida") == "");
  CHECK(Match(*m, "by Dana and Aida") == "");
  CHECK(Match(*m, "for Dana and Aida") == "Dana and");
}

TEST_CASE("not_after may list tests, and a lexicon's one-word entries", "[extract]") {
  const LookaheadFixture f;
  std::string dump;
  const std::unique_ptr<Matcher> m =
      CompileNotAfter(f, R"([{"lower": "with"}, {"lexicon": "kin", "where": {"gender": "male"}}])", &dump);
  CHECK(dump.find("\n  not_after: lower=\"with\"\n  not_after: lexicon=kin") != std::string::npos);
  CHECK(Match(*m, "with Dana and Aida") == "");
  CHECK(Match(*m, "son Dana and Aida") == "");
  CHECK(Match(*m, "mother Dana and Aida") == "Dana and");  // not a male entry
  CHECK(Match(*m, "for Dana and Aida") == "Dana and");
  // Without "where": any one-word entry, but not the first word of a longer one.
  const std::unique_ptr<Matcher> any = CompileNotAfter(f, R"({"lexicon": "kin"})", &dump);
  CHECK(Match(*any, "parent Dana and Aida") == "");
  CHECK(Match(*any, "great Dana and Aida") == "Dana and");
}

TEST_CASE("not_after takes one-token tests only", "[extract]") {
  const LookaheadFixture f;
  const std::pair<const char*, const char*> cases[] = {
      {R"({"mention": "Person"})", "not \"mention\""},
      {"{}", "an empty test"},
      {R"("with")", "\"not_after\" must be"},
      {"[]", "an empty array"},
      {R"([{"lower": "by"}, "with"])", "\"not_after\" must be"},
      {R"([{"lower": "by"}, {"mention": "Person"}])", "not \"mention\""},
  };
  for (const auto& [test, message] : cases) {
    INFO(test);
    std::vector<Rule> rules;
    const Status s = f.Parse(std::string(R"({"rules": [{"id": "r", "pattern": [{}], "not_after": )") + test +
                                 R"(, "create": {"mention": {"label": "X"}}}]})",
                             &rules);
    REQUIRE_FALSE(s.ok());
    INFO(s.ToString());
    CHECK(s.ToString().find("look.json:1:") == 0);
    CHECK(s.ToString().find(message) != std::string::npos);
  }
}

}  // namespace
}  // namespace kith
