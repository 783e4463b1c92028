#include "extract/matcher.h"

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "extract/lexicon.h"
#include "extract/rule_parser.h"
#include "text/tokenizer.h"

namespace kith {
namespace {

// Two small lexicons and helpers to compile rules and run them over a text.
class MatcherFixture {
 public:
  MatcherFixture() {
    REQUIRE(Lexicon::Parse("orgs", "orgs.txt",
                           "State Department\ttype=gov\nState\ttype=word\nHuman Rights Watch\ttype=ngo\n", Tokenizer(),
                           &orgs_)
                .ok());
    REQUIRE(Lexicon::Parse("kin", "kin.txt", "mother\tgender=female\nson\tgender=male\ngreat aunt\tgender=female\ncousin\n",
                           Tokenizer(), &kin_)
                .ok());
    context_.lexicons["orgs"] = orgs_.get();
    context_.lexicons["kin"] = kin_.get();
  }

  // Parses a whole rule file and compiles it.
  Status CompileFile(const std::string& json, std::unique_ptr<Matcher>* out) const {
    std::vector<Rule> rules;
    KITH_RETURN_IF_ERROR(ParseRuleFile("m.json", json, context_, &rules));
    return Matcher::Compile(std::move(rules), out);
  }

  // One rule "r" with this pattern (a JSON array), creating a mention.
  static std::string OneRule(const std::string& pattern) {
    return "{\"rules\": [{\"id\": \"r\", \"pattern\": " + pattern + ", \"create\": {\"mention\": {\"label\": \"X\"}}}]}";
  }

  std::unique_ptr<Matcher> MustCompile(const std::string& json) const {
    std::unique_ptr<Matcher> m;
    const Status s = CompileFile(json, &m);
    INFO(json << "\n" << s.ToString());
    REQUIRE(s.ok());
    return m;
  }

 private:
  std::unique_ptr<Lexicon> orgs_;
  std::unique_ptr<Lexicon> kin_;
  RuleParseContext context_;
};

std::string Slice(const std::string& text, const std::vector<Token>& tokens, std::size_t first, std::size_t last) {
  if (last <= first) return "";
  return text.substr(tokens[first].span.begin, tokens[last - 1].span.end - tokens[first].span.begin);
}

// "id:matched text (cap=text cap2=text)" per match, joined by "; ". Unset
// captures are left out; a capture set over no tokens shows as "cap=".
std::string Render(const std::string& text, const std::vector<Token>& tokens, const std::vector<RuleMatch>& matches,
                   bool with_ids) {
  std::string out;
  for (const RuleMatch& m : matches) {
    if (!out.empty()) out += "; ";
    if (with_ids) out += m.rule->id + ":";
    out += Slice(text, tokens, m.first, m.last);
    std::string caps;
    for (std::size_t c = 0; c < m.captures.size(); ++c) {
      if (!m.captures[c].set) continue;
      caps += (caps.empty() ? "" : " ") + m.rule->captures[c] + "=" +
              Slice(text, tokens, m.captures[c].first, m.captures[c].last);
    }
    if (!caps.empty()) out += " (" + caps + ")";
  }
  return out;
}

struct Run {
  std::vector<Token> tokens;
  std::vector<std::vector<int>> mentions_at;
  std::vector<RuleMatch> matches;
};

// Runs `matcher` over the whole text as one sentence (or tokens [0, last) when last is given).
std::string Match(const Matcher& matcher, const std::string& text, const std::vector<MentionView>* mentions = nullptr,
                  bool with_ids = false, std::size_t last = static_cast<std::size_t>(-1)) {
  Run run;
  run.tokens = Tokenizer().Tokenize(text);
  run.mentions_at.resize(run.tokens.size());
  if (mentions != nullptr) {
    for (std::size_t i = 0; i < mentions->size(); ++i) run.mentions_at[(*mentions)[i].first].push_back(static_cast<int>(i));
  }
  MatchInput in;
  in.tokens = &run.tokens;
  in.first = 0;
  in.last = last == static_cast<std::size_t>(-1) ? run.tokens.size() : last;
  in.mentions = mentions;
  in.mentions_at = mentions != nullptr ? &run.mentions_at : nullptr;
  matcher.Match(in, &run.matches);
  return Render(text, run.tokens, run.matches, with_ids);
}

struct MatchCase {
  const char* name;
  const char* pattern;  // JSON array
  const char* text;
  const char* expected;  // Render() without rule ids
};

const MatchCase kMatchCases[] = {
    // Longest match per start token.
    {"longest match at every start", R"([{"case": "title", "op": "+"}])", "Aigerim Sadykova met Marat Bek",
     "Aigerim Sadykova; Sadykova; Marat Bek; Bek"},
    {"longest, not first, match", R"([{"op": "*"}, {"text": "a"}])", "a b a b", "a b a; b a; a"},
    {"no match", R"([{"text": "x"}])", "a b c", ""},
    // Captures.
    {"captures, an optional one skipped is empty", R"([{"as": "f", "case": "title"}, {"as": "l", "case": "title", "op": "?"}])",
     "Marat Bek said", "Marat Bek (f=Marat l=Bek); Bek (f=Bek l=)"},
    {"capture around a repeated group",
     R"([{"as": "names", "group": [{"case": "title"}, {"as": "and", "lower": "and", "op": "?"}], "op": "+"}])",
     "Marat and Aigerim left", "Marat and Aigerim (names=Marat and Aigerim and=); Aigerim (names=Aigerim and=)"},
    // Quantifiers.
    {"exactly two", R"([{"text": "a", "op": "{2}"}])", "a a a", "a a; a a"},
    {"one to three", R"([{"text": "a", "op": "{1,3}"}])", "a a a a", "a a a; a a a; a a; a"},
    {"two or more", R"([{"text": "a", "op": "{2,}"}])", "a a a", "a a a; a a"},
    {"optional first element", R"([{"lower": "the", "op": "?"}, {"case": "title"}])", "the Consulate",
     "the Consulate; Consulate"},
    {"star before a required token", R"([{"text": "very", "op": "*"}, {"text": "big"}])", "very very big",
     "very very big; very big; big"},
    {"repeated group", R"([{"case": "title"}, {"group": [{"text": "and"}, {"case": "title"}], "op": "*"}])",
     "Marat and Aigerim and Dana and them", "Marat and Aigerim and Dana; Aigerim and Dana; Dana"},
    {"upper bound inside a group",
     R"([{"lower": "the"}, {"group": [{"case": "title"}], "op": "{0,2}"}, {"lower": "office"}])",
     "the Big Red office the A B C office", "the Big Red office"},
    // Alternatives.
    {"alternatives binding the same capture",
     R"([{"any": [[{"as": "who", "lower": "activist"}], [{"lower": "the"}, {"as": "who", "lower": "lawyer"}]]}, {"as": "n", "case": "title"}])",
     "activist Marat and the lawyer Dana", "activist Marat (who=activist n=Marat); the lawyer Dana (who=lawyer n=Dana)"},
    {"the longer alternative wins",
     R"([{"any": [[{"case": "title"}], [{"case": "title"}, {"case": "title"}]]}])", "Marat Bek", "Marat Bek; Bek"},
    {"unset capture of the alternative not taken",
     R"([{"any": [[{"as": "a", "text": "x"}], [{"as": "b", "text": "y"}]]}])", "x y", "x (a=x); y (b=y)"},
    // Lexicons, including entries of several tokens.
    {"multi-token lexicon entry, longest first", R"([{"as": "o", "lexicon": "orgs"}])",
     "the State Department and Human Rights Watch", "State Department (o=State Department); Human Rights Watch (o=Human Rights Watch)"},
    {"lexicon matching ignores case", R"([{"lexicon": "orgs"}])", "STATE DEPARTMENT", "STATE DEPARTMENT"},
    {"lexicon where", R"([{"lexicon": "orgs", "where": {"type": "word"}}])", "the State Department", "State"},
    {"lexicon where not", R"([{"lexicon": "orgs", "where": {"type": "!gov"}}])", "the State Department and Human Rights Watch",
     "State; Human Rights Watch"},
    {"lexicon where on a missing attribute", R"([{"lexicon": "orgs", "where": {"unit": "!yes"}}])", "State Department",
     "State Department"},
    {"lexicon where an attribute is absent", R"([{"lexicon": "kin", "where": {"gender": "!*"}}])", "mother and cousin",
     "cousin"},
    {"shorter lexicon entry lets the pattern continue", R"([{"lexicon": "orgs"}, {"lower": "department"}])",
     "State Department", "State Department"},
    {"lexicon entry followed by a token", R"([{"lexicon": "orgs"}, {"lower": "said"}])", "the State Department said",
     "State Department said"},
    {"lexicon plus a token test on its first token", R"([{"lexicon": "kin", "case": "title"}])", "great aunt Great Aunt",
     "Great Aunt"},
    // Single-token tests.
    {"not with a lexicon and a text", R"([{"case": "title", "not": [{"lexicon": "kin"}, {"lower": "the"}]}])",
     "The Mother of Marat", "Marat"},
    {"not lexicon tests one-word entries only", R"([{"case": "title", "not": {"lexicon": "kin"}}])", "Great Aunt Son",
     "Great; Aunt"},
    {"not lexicon where excludes only the entries it names",
     R"([{"case": "title", "not": {"lexicon": "kin", "where": {"gender": "male"}}}])", "Mother Son Aunt", "Mother; Aunt"},
    {"followed_by lexicon where",
     R"([{"case": "title"}, {"followed_by": {"lexicon": "kin", "where": {"gender": "female"}}}])",
     "Dana mother Marat son", "Dana"},
    {"not with two conditions needs both", R"([{"kind": "word", "not": {"case": "title", "suffix": "ov"}}])",
     "Tokayev Tokayevov Ivanov", "Tokayev"},
    {"line start", R"([{"line_start": true, "case": "title"}])", "Almaty\nAstana City\n  Taraz", "Almaty; Astana; Taraz"},
    {"regex", R"([{"regex": "[0-9]+-year-old"}])", "a 68-year-old man, 5-year-old", "68-year-old; 5-year-old"},
    {"suffix needs a longer token", R"([{"suffix": ["ova", "ov"]}])", "Sadykova ova Tokayev ov Ivanov",
     "Sadykova; Ivanov"},
    {"prefix needs a longer token", R"([{"prefix": "nur"}])", "Nur-Sultan nur Nurlan", "Nur-Sultan; Nurlan"},
    {"shape", R"([{"shape": "dddd"}])", "in 2021 and 21", "2021"},
    {"kind number", R"([{"kind": "number"}])", "2,000 people 10.5 1990s", "2,000; 10.5"},
    {"kind punct", R"([{"kind": "punct"}])", "Yes, no.", ",; ."},
    {"case upper", R"([{"case": "upper"}])", "NATO and U.S. Astana A 2021", "NATO; U.S.; A"},
    {"case title", R"([{"case": "title"}])", "NATO Astana A b McDonald", "Astana; A; McDonald"},
    {"case lower", R"([{"case": "lower"}])", "iPhone Astana b 2021", "iPhone; b"},
    {"text is exact", R"([{"text": "Bek"}])", "Bek BEK bek", "Bek"},
    {"lower ignores case", R"([{"lower": "BEK"}])", "Bek BEK bek", "Bek; BEK; bek"},
    {"text with Cyrillic", "[{\"text\": \"\xD0\x90\xD0\xBB\xD0\xBC\xD0\xB0\xD1\x82\xD1\x8B\"}]",
     "\xD0\xB2 \xD0\x90\xD0\xBB\xD0\xBC\xD0\xB0\xD1\x82\xD1\x8B", "\xD0\x90\xD0\xBB\xD0\xBC\xD0\xB0\xD1\x82\xD1\x8B"},
    {"empty element matches any token", R"([{"lower": "in"}, {}])", "in Almaty in", "in Almaty"},
    // What every match needs, and where: a start after the sentence's last such token cannot match.
    {"a needed word before the start does not count", R"([{"case": "title", "op": "+"}, {"lower": "said"}])",
     "Dana said that Marat Bek left", "Dana said"},
    {"a needed word at the start token itself", R"([{"lower": "said"}, {"case": "title"}])", "Marat said Bek",
     "said Bek"},
    {"a word both alternatives need, in different places",
     R"([{"any": [[{"lower": "said"}, {"case": "title"}], [{"case": "title"}, {"lower": "said"}]]}])", "Bek said Dana",
     "Bek said; said Dana"},
    {"a needed token test (suffix) only after the start",
     R"([{"case": "title", "op": "{0,2}"}, {"case": "title", "suffix": "ova"}])", "Marat Bek met Dana Omarova",
     "Dana Omarova; Omarova"},
    {"alternatives that each need their own word",
     R"([{"case": "title"}, {"any": [[{"lower": "stood"}, {"lower": "alone"}], [{"lower": "sat"}, {"lower": "down"}]]}])",
     "Marat stood alone and Dana sat down", "Marat stood alone; Dana sat down"},
    {"the words of either alternative, only after the start",
     R"([{"case": "title"}, {"op": "{0,3}"}, {"any": [[{"lower": "stood"}], [{"lower": "sat"}]]}])",
     "Marat sat while Dana waited and Bek left", "Marat sat"},
    {"three alternatives that each need their own word, only after the start",
     R"([{"case": "title"}, {"any": [[{"lower": "stood"}], [{"lower": "sat"}, {"lower": "down"}], [{"lower": "went"}, {"lower": "home"}]]}])",
     "Dana sat down and Marat went home", "Dana sat down; Marat went home"},
    {"alternatives needing a word or a lexicon entry, only after the start",
     R"([{"case": "title"}, {"any": [[{"lower": "sat"}], [{"lexicon": "kin", "where": {"gender": "female"}}]]}])",
     "Dana sat and Marat mother", "Dana sat; Marat mother"},
    {"a needed lexicon entry after the start", R"([{"case": "title"}, {"lower": "'s", "op": "?"}, {"lexicon": "kin"}])",
     "son of Marat and Dana's mother", "Dana's mother"},
    {"a needed lexicon entry with the attributes asked for",
     R"([{"case": "title"}, {"lexicon": "kin", "where": {"gender": "female"}}])", "Marat son and Dana mother",
     "Dana mother"},
    {"alternatives asking one lexicon for different attributes",
     R"([{"case": "title"}, {"any": [[{"lexicon": "kin", "where": {"gender": "male"}}], [{"lower": "the"}, {"lexicon": "kin", "where": {"gender": "female"}}]]}])",
     "Marat the mother", "Marat the mother"},
};

TEST_CASE("Matcher finds the longest match of a rule at every start", "[extract]") {
  const MatcherFixture fixture;
  for (const MatchCase& c : kMatchCases) {
    INFO(c.name << ": " << c.pattern << " over \"" << c.text << "\"");
    const std::unique_ptr<Matcher> m = fixture.MustCompile(MatcherFixture::OneRule(c.pattern));
    CHECK(Match(*m, c.text) == c.expected);
  }
}

TEST_CASE("Matcher runs several rules, each where it can start", "[extract]") {
  const MatcherFixture fixture;
  const std::unique_ptr<Matcher> m = fixture.MustCompile(R"({"rules": [
      {"id": "title", "pattern": [{"case": "title"}], "create": {"mention": {"label": "A"}}},
      {"id": "marat", "pattern": [{"lower": "marat"}, {"case": "title"}], "create": {"mention": {"label": "B"}}},
      {"id": "org", "pattern": [{"lexicon": "orgs"}], "create": {"mention": {"label": "C"}}},
      {"id": "opt", "pattern": [{"text": "the", "op": "?"}, {"lexicon": "orgs"}], "create": {"mention": {"label": "D"}}}]})");
  REQUIRE(m->rules().size() == 4);
  CHECK(Match(*m, "Marat Bek met the State Department", nullptr, true) ==
        "title:Marat; marat:Marat Bek; title:Bek; opt:the State Department; title:State; org:State Department; "
        "opt:State Department; title:Department");
}

TEST_CASE("Matcher stays inside the sentence", "[extract]") {
  const MatcherFixture fixture;
  const std::unique_ptr<Matcher> title = fixture.MustCompile(MatcherFixture::OneRule(R"([{"case": "title", "op": "+"}])"));
  CHECK(Match(*title, "Marat Bek Sadyr", nullptr, false, 2) == "Marat Bek; Bek");
  const std::unique_ptr<Matcher> org = fixture.MustCompile(MatcherFixture::OneRule(R"([{"lexicon": "orgs"}])"));
  CHECK(Match(*org, "State Department", nullptr, false, 1) == "State");

  // A sentence in the middle of the token list: matches start and end inside it.
  const std::string text = "Marat Bek. Aigerim Sadykova. Dana Ospan";
  const std::vector<Token> tokens = Tokenizer().Tokenize(text);
  MatchInput in;
  in.tokens = &tokens;
  in.first = 3;
  in.last = 6;
  std::vector<RuleMatch> out;
  title->Match(in, &out);
  CHECK(Render(text, tokens, out, false) == "Aigerim Sadykova; Sadykova");
}

TEST_CASE("Matcher tests mentions from a MentionView list", "[extract]") {
  const MatcherFixture fixture;
  const std::string text = "Aigerim Sadykova from Almaty met the State Department";
  const std::map<std::string, std::string> attrs{{"gender", "female"}};
  const std::vector<MentionView> mentions{
      MentionView{0, 2, "Person", &attrs},
      MentionView{1, 2, "Surname", nullptr},
      MentionView{3, 4, "Place", nullptr},
      MentionView{6, 8, "Organization", nullptr},
  };
  const std::unique_ptr<Matcher> m = fixture.MustCompile(R"({"rules": [
      {"id": "from", "pattern": [{"as": "p", "mention": "Person"}, {"lower": "from"}, {"as": "c", "mention": ["Place", "Organization"]}],
       "create": {"mention": {"label": "A"}}},
      {"id": "met", "pattern": [{"mention": "Place"}, {"lower": "met"}, {"lower": "the", "op": "?"}, {"as": "o", "mention": "Organization"}],
       "create": {"mention": {"label": "B"}}},
      {"id": "any-entity", "pattern": [{"mention": ["Person", "Surname"], "case": "title"}],
       "create": {"mention": {"label": "C"}}},
      {"id": "org-lexicon", "pattern": [{"mention": "Organization", "lexicon": "orgs", "where": {"type": "gov"}}],
       "create": {"mention": {"label": "D"}}},
      {"id": "upper-person", "pattern": [{"mention": "Person", "case": "upper"}], "create": {"mention": {"label": "E"}}},
      {"id": "none", "pattern": [{"mention": "Date"}], "create": {"mention": {"label": "F"}}}]})");
  CHECK(Match(*m, text, &mentions, true) ==
        "from:Aigerim Sadykova from Almaty (p=Aigerim Sadykova c=Almaty); any-entity:Aigerim Sadykova; "
        "any-entity:Sadykova; met:Almaty met the State Department (o=State Department); "
        "org-lexicon:State Department");
  // Without mentions, mention tests never hold.
  CHECK(Match(*m, text, nullptr, true) == "");
  // A mention that runs past the end of the sentence does not match.
  CHECK(Match(*m, text, &mentions, true, 7) ==
        "from:Aigerim Sadykova from Almaty (p=Aigerim Sadykova c=Almaty); any-entity:Aigerim Sadykova; "
        "any-entity:Sadykova");
}

TEST_CASE("Matcher refuses patterns that can match no tokens", "[extract]") {
  const MatcherFixture fixture;
  const char* const kEmpty[] = {
      R"([{"text": "a", "op": "?"}])",
      R"([{"text": "a", "op": "*"}, {"text": "b", "op": "{0,3}"}])",
      R"([{"group": [{"text": "a", "op": "*"}]}])",
      R"([{"any": [[{"text": "a"}], [{"text": "b", "op": "?"}]]}])",
      R"([{"text": "a", "op": "{0}"}])",
  };
  for (const char* pattern : kEmpty) {
    INFO(pattern);
    std::unique_ptr<Matcher> m;
    const Status s = fixture.CompileFile(MatcherFixture::OneRule(pattern), &m);
    CHECK(s.ToString() == "m.json:1: error: rule \"r\": pattern can match no tokens (make an element required)");
    CHECK(s.code() == StatusCode::kRuleError);
  }
  std::unique_ptr<Matcher> m;
  const Status big = fixture.CompileFile(
      MatcherFixture::OneRule(R"([{"group": [{"text": "a", "op": "{0,50}"}], "op": "{0,50}"}, {"text": "b"}])"), &m);
  CHECK(big.ToString() == "m.json:1: error: rule \"r\": pattern compiles to more than 5000 instructions");
  // The error names the rule's own line.
  const Status second = fixture.CompileFile(
      "{\"rules\": [\n"
      "  {\"id\": \"ok\", \"pattern\": [{\"text\": \"a\"}], \"create\": {\"mention\": {\"label\": \"X\"}}},\n"
      "  {\"id\": \"bad\", \"pattern\": [{\"text\": \"a\", \"op\": \"?\"}], \"create\": {\"mention\": {\"label\": \"X\"}}}]}",
      &m);
  CHECK(second.ToString() == "m.json:3: error: rule \"bad\": pattern can match no tokens (make an element required)");
}

TEST_CASE("Matcher finishes on adversarial patterns over a long sentence", "[extract]") {
  const MatcherFixture fixture;
  std::string text;
  for (int i = 0; i < 300; ++i) text += "a ";
  const std::unique_ptr<Matcher> none =
      fixture.MustCompile(MatcherFixture::OneRule(R"([{"op": "*"}, {"op": "*"}, {"text": "x"}])"));
  CHECK(Match(*none, text).empty());
  const std::unique_ptr<Matcher> nested = fixture.MustCompile(MatcherFixture::OneRule(
      R"([{"group": [{"group": [{"op": "*"}, {"op": "?"}], "op": "*"}], "op": "+"}, {"op": "{0,50}"}, {"text": "x"}])"));
  CHECK(Match(*nested, text).empty());
  const std::unique_ptr<Matcher> all =
      fixture.MustCompile(MatcherFixture::OneRule(R"([{"op": "*"}, {"op": "*"}, {"text": "a"}])"));
  const std::vector<Token> tokens = Tokenizer().Tokenize(text);
  MatchInput in;
  in.tokens = &tokens;
  in.first = 0;
  in.last = tokens.size();
  std::vector<RuleMatch> out;
  all->Match(in, &out);
  REQUIRE(out.size() == 300);
  for (std::size_t i = 0; i < out.size(); ++i) {
    CHECK(out[i].first == i);
    CHECK(out[i].last == 300);
  }
}

TEST_CASE("Matcher is shareable across threads", "[extract]") {
  const MatcherFixture fixture;
  const std::unique_ptr<Matcher> m = fixture.MustCompile(MatcherFixture::OneRule(
      R"([{"as": "n", "case": "title", "op": "+"}, {"lower": "from", "op": "?"}, {"lexicon": "orgs", "op": "?"}])"));
  const std::string text = "Marat Bek from State Department said that Aigerim Sadykova left";
  const std::string expected = Match(*m, text);
  REQUIRE_FALSE(expected.empty());
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < results.size(); ++t) {
    threads.emplace_back([&, t] {
      std::string last;
      for (int i = 0; i < 50; ++i) last = Match(*m, text);
      results[t] = last;
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::string& r : results) CHECK(r == expected);
}

TEST_CASE("TokenPasses checks single-token conditions", "[extract]") {
  const std::vector<Token> tokens = Tokenizer().Tokenize("Almaty 2021");
  TokenTest test;
  CHECK(TokenPasses(test, tokens[0]));
  test.word_case = "title";
  test.kind = "word";
  CHECK(TokenPasses(test, tokens[0]));
  CHECK_FALSE(TokenPasses(test, tokens[1]));
  test.line_start = true;
  CHECK(TokenPasses(test, tokens[0]));
  TokenTest no_almaty;
  no_almaty.lower = {"almaty"};
  test.none_of.push_back(no_almaty);
  CHECK_FALSE(TokenPasses(test, tokens[0]));
}

// The parser lower-cases "lower", "prefix" and "suffix" values for ASCII
// only, while tokens' lower forms are lower-cased for Cyrillic too
// (Utf8Lower), so such a value written with capitals never matches.
TEST_CASE("Matcher lower predicates lower-case Cyrillic values", "[extract]") {
  const MatcherFixture fixture;
  // "АЛМАТЫ" as the value; "Алматы" in the text.
  const std::unique_ptr<Matcher> lower = fixture.MustCompile(
      MatcherFixture::OneRule("[{\"lower\": \"\xD0\x90\xD0\x9B\xD0\x9C\xD0\x90\xD0\xA2\xD0\xAB\"}]"));
  CHECK(Match(*lower, "\xD0\x90\xD0\xBB\xD0\xBC\xD0\xB0\xD1\x82\xD1\x8B") ==
        "\xD0\x90\xD0\xBB\xD0\xBC\xD0\xB0\xD1\x82\xD1\x8B");
  // "ОВА" as a suffix; "Садыкова" in the text.
  const std::unique_ptr<Matcher> suffix =
      fixture.MustCompile(MatcherFixture::OneRule("[{\"suffix\": \"\xD0\x9E\xD0\x92\xD0\x90\"}]"));
  CHECK(Match(*suffix, "\xD0\xA1\xD0\xB0\xD0\xB4\xD1\x8B\xD0\xBA\xD0\xBE\xD0\xB2\xD0\xB0") ==
        "\xD0\xA1\xD0\xB0\xD0\xB4\xD1\x8B\xD0\xBA\xD0\xBE\xD0\xB2\xD0\xB0");
}

}  // namespace
}  // namespace kith
