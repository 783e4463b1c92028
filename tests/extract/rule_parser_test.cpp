#include "extract/rule_parser.h"

#include <catch2/catch.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "extract/json_tree.h"
#include "extract/lexicon.h"
#include "extract/rule.h"
#include "text/tokenizer.h"

namespace kith {
namespace {

// A context with one tiny lexicon, "kin".
class ParserFixture {
 public:
  ParserFixture() {
    const Status s =
        Lexicon::Parse("kin", "kin.txt", "mother\tgender=female\nson\tgender=male\n", Tokenizer(), &kin_);
    REQUIRE(s.ok());
    context_.lexicons["kin"] = kin_.get();
  }
  const RuleParseContext& context() const { return context_; }

 private:
  std::unique_ptr<Lexicon> kin_;
  RuleParseContext context_;
};

struct DumpCase {
  const char* name;
  const char* text;
  std::vector<std::string> dumps;  // DumpRule() of each rule, in file order
};

const DumpCase kDumpCases[] = {
    {"single-token predicates",
     R"({"stage": 3, "rules": [{"id": "t.preds", "priority": 7,
         "pattern": [{"text": "Mr."}, {"lower": ["Said", "told"]}, {"shape": "Xxxxx"}, {"prefix": "Qa"},
                     {"suffix": ["ova", "OV"]}, {"case": "title"}, {"kind": "number"}, {"regex": "[0-9]+s"},
                     {"line_start": true, "kind": "word"}, {"case": "upper", "kind": "punct"}, {"case": "lower"}, {}],
         "create": {"mention": {"label": "Test"}}}]})",
     {"rule t.preds stage=3 priority=7\n"
      "  pattern: [text=\"Mr.\"] [lower=\"said\"|\"told\"] [shape=\"Xxxxx\"] [prefix=\"qa\"] [suffix=\"ova\"|\"ov\"] "
      "[case=title] [kind=number] [regex=/[0-9]+s/] [kind=word line_start] [case=upper kind=punct] [case=lower] []\n"
      "  create mention \"Test\""}},
    {"lexicon with where, including a negated value",
     R"({"rules": [{"id": "t.lex",
         "pattern": [{"lexicon": "kin", "where": {"gender": "female"}},
                     {"lexicon": "kin", "where": {"gender": "!male", "number": "singular"}, "case": "title"}],
         "create": {"mention": {"label": "Kin"}}}]})",
     {"rule t.lex stage=0 priority=0\n"
      "  pattern: [lexicon=kin where.gender=female] [case=title lexicon=kin where.gender=!male where.number=singular]\n"
      "  create mention \"Kin\""}},
    {"mention predicates",
     R"({"rules": [{"id": "t.mention",
         "pattern": [{"mention": "Person"}, {"mention": ["Organization", "Place"], "case": "title"}],
         "create": {"mention": {"label": "Pair"}}}]})",
     {"rule t.mention stage=0 priority=0\n"
      "  pattern: [mention=\"Person\"] [case=title mention=\"Organization\"|\"Place\"]\n"
      "  create mention \"Pair\""}},
    {"not with one element, a list, and a lexicon inside",
     R"({"rules": [{"id": "t.not",
         "pattern": [{"case": "title", "not": [{"lexicon": "kin"}, {"text": "'s"}]},
                     {"not": {"lower": "the"}},
                     {"not": {"case": "lower", "kind": "word"}}],
         "create": {"mention": {"label": "Not"}}}]})",
     {"rule t.not stage=0 priority=0\n"
      "  pattern: [case=title not(lexicon=kin) not(text=\"'s\")] [not(lower=\"the\")] [not(case=lower kind=word)]\n"
      "  create mention \"Not\""}},
    {"every quantifier",
     R"({"rules": [{"id": "t.ops",
         "pattern": [{"text": "a", "op": "?"}, {"text": "b", "op": "*"}, {"text": "c", "op": "+"},
                     {"text": "d", "op": "{2}"}, {"text": "e", "op": "{1,3}"}, {"text": "f", "op": "{2,}"},
                     {"text": "g", "op": "{0,1}"}, {"text": "h", "op": "{0,}"}, {"text": "i", "op": "{1,}"},
                     {"text": "j", "op": "{1}"}, {"text": "k", "op": "{0,50}"}],
         "create": {"mention": {"label": "Ops"}}}]})",
     {"rule t.ops stage=0 priority=0\n"
      "  pattern: [text=\"a\"]? [text=\"b\"]* [text=\"c\"]+ [text=\"d\"]{2,2} [text=\"e\"]{1,3} [text=\"f\"]{2,} "
      "[text=\"g\"]? [text=\"h\"]* [text=\"i\"]+ [text=\"j\"] [text=\"k\"]{0,50}\n"
      "  create mention \"Ops\""}},
    {"groups, alternatives and captures",
     R"({"rules": [{"id": "t.group",
         "pattern": [{"as": "kin", "lexicon": "kin"},
                     {"group": [{"text": ","}, {"lower": "the", "op": "?"}], "op": "?"},
                     {"as": "name", "any": [[{"case": "title"}, {"case": "title", "op": "?"}],
                                            [{"shape": "X."}, {"case": "title"}]]}],
         "create": {"mention": {"label": "Person", "span": "name"}}}]})",
     {"rule t.group stage=0 priority=0\n"
      "  pattern: kin:[lexicon=kin] ([text=\",\"] [lower=\"the\"]?)? "
      "name:([case=title] [case=title]? | [shape=\"X.\"] [case=title])\n"
      "  create mention \"Person\" span=name"}},
    {"macros via use, nested and quantified",
     R"({"macros": {"WORD": [{"case": "title", "kind": "word"}],
                    "NAME": [{"use": "WORD"}, {"use": "WORD", "op": "{0,2}"}]},
         "rules": [{"id": "t.macro",
                    "pattern": [{"lower": "activist"}, {"as": "name", "use": "NAME"}],
                    "create": {"mention": {"label": "Person", "span": "name"}}}]})",
     {"rule t.macro stage=0 priority=0\n"
      "  pattern: [lower=\"activist\"] name:(([case=title kind=word]) ([case=title kind=word]){0,2})\n"
      "  create mention \"Person\" span=name"}},
    {"sibling alternatives bind the same capture",
     R"({"rules": [{"id": "t.siblings",
         "pattern": [{"any": [[{"as": "p", "mention": "Person"}],
                              [{"as": "p", "lexicon": "kin"}, {"as": "q", "case": "title"}]]},
                     {"text": "said"}],
         "create": {"mention": {"label": "Speaker", "span": "p", "attributes": {"who": "@p", "also": "@q"}}}}]})",
     {"rule t.siblings stage=0 priority=0\n"
      "  pattern: (p:[mention=\"Person\"] | p:[lexicon=kin] q:[case=title]) [text=\"said\"]\n"
      "  create mention \"Speaker\" span=p also=@q who=@p"}},
    {"creates of mention, relation and event with every attribute form",
     R"({"rules": [{"id": "t.create", "priority": -2, "comment": "ignored", "description": "ignored",
         "pattern": [{"as": "kin", "lexicon": "kin"}, {"text": ",", "op": "?"}, {"as": "name", "case": "title", "op": "+"}],
         "create": [
           {"mention": {"label": "Person", "span": "name", "nests": true,
                        "attributes": {"gender": "@kin.gender", "term": "@kin", "source": "kin-apposition",
                                       "count": 3, "flag": true, "empty": ""}}},
           {"relation": {"type": "@kin.relation", "subject": "name", "object": "kin", "span": "name",
                         "attributes": {"term": "@kin"}}},
           {"event": {"kind": "Protest", "roles": {"protester": "name", "relative": "kin"},
                      "attributes": {"date": "--02-22"}}},
           {"mention": {"label": "Kin", "span": "kin", "nests": false}}],
         "examples": {"match": ["my mother, Aigul", "son Arman"], "no_match": ["mother said"]}}]})",
     {"rule t.create stage=0 priority=-2\n"
      "  pattern: kin:[lexicon=kin] [text=\",\"]? name:[case=title]+\n"
      "  create mention \"Person\" span=name nests count=\"3\" empty=\"\" flag=\"true\" gender=@kin.gender "
      "source=\"kin-apposition\" term=@kin\n"
      "  create relation @kin.relation subject=name object=kin span=name term=@kin\n"
      "  create event \"Protest\" role.protester=name role.relative=kin date=\"--02-22\"\n"
      "  create mention \"Kin\" span=kin\n"
      "  example match \"my mother, Aigul\"\n"
      "  example match \"son Arman\"\n"
      "  example no_match \"mother said\""}},
    {"attribute values with fallbacks (a value that starts as a literal is one literal)",
     R"({"rules": [{"id": "t.fallback",
         "pattern": [{"as": "kin", "lexicon": "kin"}, {"as": "n", "kind": "number", "op": "?"}],
         "create": {"mention": {"label": "@kin.gender|Kin", "attributes": {"count": "@n|@kin.count|1", "g": "x|y"}}}}]})",
     {"rule t.fallback stage=0 priority=0\n"
      "  pattern: kin:[lexicon=kin] n:[kind=number]?\n"
      "  create mention @kin.gender|\"Kin\" count=@n|@kin.count|\"1\" g=\"x|y\""}},
    {"several rules share the file's stage",
     R"({"stage": 40, "description": "two rules",
         "rules": [{"id": "t.one", "priority": 1, "pattern": [{"text": "a"}], "create": {"mention": {"label": "A"}}},
                   {"id": "t.two", "pattern": [{"text": "b"}], "create": {"mention": {"label": "B"}}}]})",
     {"rule t.one stage=40 priority=1\n  pattern: [text=\"a\"]\n  create mention \"A\"",
      "rule t.two stage=40 priority=0\n  pattern: [text=\"b\"]\n  create mention \"B\""}},
    {"comments and trailing commas are accepted",
     "{\n  // a comment\n  \"rules\": [\n    {\"id\": \"t.c\", \"pattern\": [{\"text\": \"x\"},], "
     "\"create\": {\"mention\": {\"label\": \"X\"}},},\n  ],\n}\n",
     {"rule t.c stage=0 priority=0\n  pattern: [text=\"x\"]\n  create mention \"X\""}},
    {"an empty rules array", R"({"rules": []})", {}},
};

TEST_CASE("ParseRuleFile gives the expected canonical dump", "[extract]") {
  const ParserFixture fixture;
  for (const DumpCase& c : kDumpCases) {
    INFO(c.name);
    std::vector<Rule> rules;
    const Status s = ParseRuleFile("t.json", c.text, fixture.context(), &rules);
    INFO(s.ToString());
    REQUIRE(s.ok());
    std::vector<std::string> dumps;
    for (const Rule& r : rules) dumps.push_back(DumpRule(r));
    CHECK(dumps == c.dumps);
    for (const Rule& r : rules) CHECK(r.file == "t.json");
  }
}

TEST_CASE("ParseRuleFile records captures, their lexicons and the rule's line", "[extract]") {
  const ParserFixture fixture;
  const std::string text =
      "{\"rules\": [\n"
      "  {\"id\": \"a\", \"pattern\": [{\"text\": \"x\"}], \"create\": {\"mention\": {\"label\": \"X\"}}},\n"
      "  {\"id\": \"b\",\n"
      "   \"pattern\": [{\"as\": \"k\", \"lexicon\": \"kin\"}, {\"as\": \"many\", \"lexicon\": \"kin\", \"op\": \"+\"},\n"
      "               {\"any\": [[{\"as\": \"p\", \"text\": \"p\"}], [{\"as\": \"p\", \"text\": \"q\"}]]},\n"
      "               {\"as\": \"g\", \"group\": [{\"as\": \"inner\", \"lexicon\": \"kin\"}]}],\n"
      "   \"create\": {\"mention\": {\"label\": \"@k.gender\"}}}\n"
      "]}\n";
  std::vector<Rule> rules;
  const Status s = ParseRuleFile("caps.json", text, fixture.context(), &rules);
  INFO(s.ToString());
  REQUIRE(s.ok());
  REQUIRE(rules.size() == 2);
  CHECK(rules[0].line == 2);
  CHECK(rules[1].line == 3);
  CHECK(rules[1].captures == std::vector<std::string>{"k", "many", "p", "g", "inner"});
  // Only single, unquantified lexicon elements map a capture to their lexicon.
  const Lexicon* kin = fixture.context().lexicons.at("kin");
  CHECK(rules[1].capture_lexicons == std::map<std::string, std::vector<const Lexicon*>>{{"inner", {kin}}, {"k", {kin}}});
  REQUIRE(rules[1].creates.size() == 1);
  CHECK(rules[1].creates[0].label_value.capture == "k");
  CHECK(rules[1].creates[0].label_value.key == "gender");
  CHECK(rules[1].pattern[0].test.lexicon_ptr != nullptr);
  CHECK(rules[1].pattern[0].test.lexicon_ptr->name() == "kin");
}

TEST_CASE("ParseRuleFile appends to the output and leaves it alone on error", "[extract]") {
  const ParserFixture fixture;
  std::vector<Rule> rules;
  REQUIRE(ParseRuleFile("a.json", R"({"rules": [{"id": "a", "pattern": [{}], "create": {"mention": {"label": "A"}}}]})",
                        fixture.context(), &rules)
              .ok());
  REQUIRE(ParseRuleFile("b.json", R"({"rules": [{"id": "b", "pattern": [{}], "create": {"mention": {"label": "B"}}}]})",
                        fixture.context(), &rules)
              .ok());
  REQUIRE(rules.size() == 2);
  CHECK(rules[0].file == "a.json");
  CHECK(rules[1].file == "b.json");
  const Status bad = ParseRuleFile("c.json", R"({"rules": [{"id": "c", "pattern": [{"lemma": "x"}]}]})",
                                   fixture.context(), &rules);
  CHECK_FALSE(bad.ok());
  CHECK(bad.code() == StatusCode::kRuleError);
  CHECK(rules.size() == 2);
}

struct ErrorCase {
  const char* name;
  const char* text;
  const char* error;  // Status::ToString(): file:line:col: error: message
  // The error is located at a JSON string (a key or a string value); see
  // "JsonSource locates strings at their opening quote" below.
  bool at_string;
};

const ErrorCase kErrorCases[] = {
    {"malformed JSON: two commas", "{\"rules\": [\n  {\"id\": \"x\",, \"pattern\": []}\n]}",
     "bad.json:2:14: error: invalid JSON: Missing a name for object member.", false},
    {"malformed JSON: unterminated array", "{\"rules\": [\n", "bad.json:2:1: error: invalid JSON: Invalid value.",
     false},
    {"malformed JSON: unquoted key", "{\"rules\": [{id: \"x\"}]}",
     "bad.json:1:13: error: invalid JSON: Missing a name for object member.", false},
    {"not a rule file", "[1, 2]", "bad.json:1:1: error: a rule file is a JSON object with \"rules\"", false},
    {"no rules array", "{\"stage\": 1}", "bad.json:1:1: error: rule file has no \"rules\" array", false},
    {"rules of the wrong type", "{\"rules\": {}}", "bad.json:1:11: error: \"rules\" must be an array, not object", false},
    {"unknown key at the top", "{\"rulez\": []}", "bad.json:1:2: error: unknown key \"rulez\" in rule file", true},
    {"unknown key in a pattern element",
     "{\"rules\": [\n  {\"id\": \"x\",\n   \"pattern\": [{\"lemmaa\": \"go\"}],\n   \"create\": {\"mention\": {\"label\": \"X\"}}}]}",
     "bad.json:3:17: error: unknown key \"lemmaa\" in pattern element", true},
    {"unknown key in a rule, columns count code points",
     "{\"rules\": [{\"id\": \"\xD2\x9A\xD0\xB0\xD1\x81\xD1\x8B\xD0\xBC\", \"patern\": []}]}",
     "bad.json:1:28: error: unknown key \"patern\" in rule", true},
    {"priority of the wrong type",
     "{\"rules\": [{\"id\": \"x\", \"priority\": \"high\", \"pattern\": [{}], \"create\": {\"mention\": {\"label\": \"X\"}}}]}",
     "bad.json:1:36: error: \"priority\" must be an integer, not string", true},
    {"priority that is not an integer",
     "{\"rules\": [{\"id\": \"x\", \"priority\": 1.5, \"pattern\": [{}], \"create\": {\"mention\": {\"label\": \"X\"}}}]}",
     "bad.json:1:36: error: \"priority\" must be an integer, not number", false},
    {"priority of another type",
     "{\"rules\": [{\"id\": \"x\", \"priority\": true, \"pattern\": [{}], \"create\": {\"mention\": {\"label\": \"X\"}}}]}",
     "bad.json:1:36: error: \"priority\" must be an integer, not boolean", false},
    {"stage of the wrong type", "{\"stage\": \"3\", \"rules\": []}",
     "bad.json:1:11: error: \"stage\" must be an integer, not string", true},
    {"unknown lexicon",
     "{\"rules\": [{\"id\": \"x\", \"pattern\": [{\"lexicon\": \"kinship\"}], \"create\": {\"mention\": {\"label\": \"X\"}}}]}",
     "bad.json:1:48: error: unknown lexicon \"kinship\"", true},
    {"unknown op",
     "{\"rules\": [{\"id\": \"x\", \"pattern\": [{\"text\": \"a\", \"op\": \"++\"}], \"create\": {\"mention\": {\"label\": \"X\"}}}]}",
     "bad.json:1:56: error: unknown \"op\" \"++\" (use ?, *, +, {m,n})", true},
    {"quantifier with min above max",
     "{\"rules\": [{\"id\": \"x\", \"pattern\": [{\"text\": \"a\", \"op\": \"{3,1}\"}], \"create\": {\"mention\": {\"label\": \"X\"}}}]}",
     "bad.json:1:56: error: quantifier \"{3,1}\" out of range (0 <= m <= n <= 50)", true},
    {"quantifier above the limit",
     "{\"rules\": [{\"id\": \"x\", \"pattern\": [{\"text\": \"a\", \"op\": \"{51}\"}], \"create\": {\"mention\": {\"label\": \"X\"}}}]}",
     "bad.json:1:56: error: quantifier \"{51}\" out of range (0 <= m <= n <= 50)", true},
    {"quantifier that is not a number",
     "{\"rules\": [{\"id\": \"x\", \"pattern\": [{\"text\": \"a\", \"op\": \"{2x}\"}], \"create\": {\"mention\": {\"label\": \"X\"}}}]}",
     "bad.json:1:56: error: bad quantifier \"{2x}\"", true},
    {"quantifier without a minimum",
     "{\"rules\": [{\"id\": \"x\", \"pattern\": [{\"text\": \"a\", \"op\": \"{,3}\"}], \"create\": {\"mention\": {\"label\": \"X\"}}}]}",
     "bad.json:1:56: error: bad quantifier \"{,3}\"", true},
    {"capture used twice",
     "{\"rules\": [{\"id\": \"x\", \"pattern\": [{\"as\": \"n\"}, {\"as\": \"n\"}], \"create\": {\"mention\": {\"label\": \"X\"}}}]}",
     "bad.json:1:56: error: capture name \"n\" is empty or used twice", true},
    {"capture bound in an alternative and again after it",
     "{\"rules\": [{\"id\": \"x\", \"pattern\": [{\"any\": [[{\"as\": \"n\"}], [{}]]}, {\"as\": \"n\"}], "
     "\"create\": {\"mention\": {\"label\": \"X\"}}}]}",
     "bad.json:1:75: error: capture name \"n\" is empty or used twice", true},
    {"empty capture name",
     "{\"rules\": [{\"id\": \"x\", \"pattern\": [{\"as\": \"\"}], \"create\": {\"mention\": {\"label\": \"X\"}}}]}",
     "bad.json:1:43: error: capture name \"\" is empty or used twice", true},
    {"missing capture in a create attribute",
     "{\"rules\": [{\"id\": \"x\", \"pattern\": [{\"as\": \"n\"}],\n"
     "  \"create\": {\"mention\": {\"label\": \"X\", \"attributes\": {\"g\": \"@missing.gender\"}}}}]}",
     "bad.json:2:60: error: \"@missing.gender\" names no capture of this rule", true},
    {"missing capture in a fallback",
     "{\"rules\": [{\"id\": \"x\", \"pattern\": [{\"as\": \"n\"}], \"create\": {\"mention\": {\"label\": \"X\", "
     "\"attributes\": {\"c\": \"@n|@missing|1\"}}}}]}",
     "bad.json:1:107: error: \"@missing\" names no capture of this rule", true},
    {"missing capture as a span",
     "{\"rules\": [{\"id\": \"x\", \"pattern\": [{\"as\": \"n\"}], \"create\": {\"mention\": {\"label\": \"X\", \"span\": \"nm\"}}}]}",
     "bad.json:1:95: error: no capture named \"nm\" in this rule", true},
    {"create with two keys",
     "{\"rules\": [{\"id\": \"x\", \"pattern\": [{}],\n"
     "  \"create\": {\"mention\": {\"label\": \"X\"}, \"event\": {\"kind\": \"E\"}}}]}",
     "bad.json:2:13: error: \"create\" takes objects with one key: \"mention\", \"relation\" or \"event\"", false},
    {"create of an unknown kind",
     "{\"rules\": [{\"id\": \"x\", \"pattern\": [{}], \"create\": {\"fact\": {\"label\": \"X\"}}}]}",
     "bad.json:1:52: error: unknown key \"fact\" in create", true},
    {"create that creates nothing", "{\"rules\": [{\"id\": \"x\", \"pattern\": [{}], \"create\": []}]}",
     "bad.json:1:51: error: rule \"x\" creates nothing", false},
    {"relation without object",
     "{\"rules\": [{\"id\": \"x\", \"pattern\": [{\"as\": \"a\"}],\n"
     "  \"create\": {\"relation\": {\"type\": \"parent\", \"subject\": \"a\"}}}]}",
     "bad.json:2:26: error: \"relation\" needs \"subject\" and \"object\" captures", false},
    {"mention without a label",
     "{\"rules\": [{\"id\": \"x\", \"pattern\": [{}], \"create\": {\"mention\": {\"nests\": true}}}]}",
     "bad.json:1:63: error: \"mention\" needs a non-empty \"label\"", false},
    {"nests on a relation",
     "{\"rules\": [{\"id\": \"x\", \"pattern\": [{\"as\": \"a\"}],\n"
     "  \"create\": {\"relation\": {\"type\": \"t\", \"subject\": \"a\", \"object\": \"a\", \"nests\": true}}}]}",
     "bad.json:2:71: error: unknown key \"nests\" in \"relation\"", true},
    {"mention inside not",
     "{\"rules\": [{\"id\": \"x\", \"pattern\": [{\"not\": {\"mention\": \"Person\"}}], \"create\": {\"mention\": {\"label\": \"X\"}}}]}",
     "bad.json:1:45: error: \"mention\" is not allowed inside \"not\"", true},
    {"where without a lexicon inside not",
     "{\"rules\": [{\"id\": \"x\", \"pattern\": [{\"not\": {\"lower\": \"kin\", \"where\": {\"gender\": \"male\"}}}], "
     "\"create\": {\"mention\": {\"label\": \"X\"}}}]}",
     "bad.json:1:61: error: \"where\" needs a \"lexicon\" in the same element", true},
    {"where without a lexicon",
     "{\"rules\": [{\"id\": \"x\", \"pattern\": [{\"where\": {\"gender\": \"male\"}, \"case\": \"title\"}], "
     "\"create\": {\"mention\": {\"label\": \"X\"}}}]}",
     "bad.json:1:37: error: \"where\" needs a \"lexicon\" in the same element", true},
    {"unknown macro",
     "{\"macros\": {\"NAME\": [{}]}, \"rules\": [{\"id\": \"x\", \"pattern\": [{\"use\": \"NAMES\"}], "
     "\"create\": {\"mention\": {\"label\": \"X\"}}}]}",
     "bad.json:1:70: error: unknown macro \"NAMES\"", true},
    {"macro that uses itself",
     "{\"macros\": {\"LOOP\": [{\"use\": \"LOOP\"}]}, \"rules\": [{\"id\": \"x\", \"pattern\": [{\"use\": \"LOOP\"}], "
     "\"create\": {\"mention\": {\"label\": \"X\"}}}]}",
     "bad.json:1:30: error: macros nest more than 10 deep", true},
    {"empty pattern",
     "{\"rules\": [{\"id\": \"x\", \"pattern\": [], \"create\": {\"mention\": {\"label\": \"X\"}}}]}",
     "bad.json:1:35: error: rule \"x\": \"pattern\" must be a non-empty array", false},
    {"empty group",
     "{\"rules\": [{\"id\": \"x\", \"pattern\": [{\"group\": []}], \"create\": {\"mention\": {\"label\": \"X\"}}}]}",
     "bad.json:1:46: error: \"group\" is empty", false},
    {"group that also tests a token",
     "{\"rules\": [{\"id\": \"x\", \"pattern\": [{\"group\": [{}], \"text\": \"a\"}], \"create\": {\"mention\": {\"label\": \"X\"}}}]}",
     "bad.json:1:36: error: an element with \"group\" or \"any\" cannot also test a token", false},
    {"missing id", "{\"rules\": [\n  {\"pattern\": [{}], \"create\": {\"mention\": {\"label\": \"X\"}}}]}",
     "bad.json:2:3: error: rule has no \"id\"", false},
    {"missing create", "{\"rules\": [{\"id\": \"x\", \"pattern\": [{}]}]}",
     "bad.json:1:12: error: rule \"x\" has no \"create\"", false},
    {"bad case value",
     "{\"rules\": [{\"id\": \"x\", \"pattern\": [{\"case\": \"Title\"}], \"create\": {\"mention\": {\"label\": \"X\"}}}]}",
     "bad.json:1:45: error: \"case\" is \"title\", \"upper\" or \"lower\", not \"Title\"", true},
    {"empty list of strings",
     "{\"rules\": [{\"id\": \"x\", \"pattern\": [{\"text\": []}], \"create\": {\"mention\": {\"label\": \"X\"}}}]}",
     "bad.json:1:45: error: \"text\" is an empty list", false},
    {"regex syntax error",
     "{\"rules\": [{\"id\": \"x\", \"pattern\": [{\"regex\": \"[a-z\"}], \"create\": {\"mention\": {\"label\": \"X\"}}}]}",
     "bad.json:1:46: error: regex \"[a-z\": missing ']' at column 5", true},
};

TEST_CASE("ParseRuleFile rejects invalid rule files with located errors", "[extract]") {
  const ParserFixture fixture;
  for (const ErrorCase& c : kErrorCases) {
    INFO(c.name << "\n" << c.text);
    std::vector<Rule> rules;
    const Status s = ParseRuleFile("bad.json", c.text, fixture.context(), &rules);
    REQUIRE_FALSE(s.ok());
    CHECK(s.code() == StatusCode::kRuleError);
    CHECK(s.file() == "bad.json");
    CHECK(s.ToString() == c.error);
  }
}

// Regression: RapidJSON parses strings on a local copy of the input stream
// (internal::StreamLocalCopy), so in the Key()/String() callbacks the stream
// still stands at the string's opening quote. An earlier version walked back
// from there to the previous string and pointed errors too far left.
TEST_CASE("JsonSource locates strings at their opening quote", "[extract]") {
  const ParserFixture fixture;
  for (const ErrorCase& c : kErrorCases) {
    if (!c.at_string) continue;
    INFO(c.name << "\n" << c.text);
    std::vector<Rule> rules;
    const Status s = ParseRuleFile("bad.json", c.text, fixture.context(), &rules);
    CHECK(s.ToString() == c.error);
  }
  std::unique_ptr<JsonSource> src;
  REQUIRE(JsonSource::Parse("j.json", "{\"a\": \"xy\", \"bb\": [\"z\"]}", &src).ok());
  const JsonValue& root = src->root();
  REQUIRE(root.members.size() == 2);
  CHECK(root.key_offsets[0] == 1);
  CHECK(root.members[0].second.offset == 6);
  CHECK(root.key_offsets[1] == 12);
  CHECK(root.members[1].second.offset == 18);
  CHECK(root.members[1].second.items[0].offset == 19);
}

TEST_CASE("JsonSource locates objects, arrays, numbers and literals", "[extract]") {
  std::unique_ptr<JsonSource> src;
  const std::string text = "{\"a\": [1, -2.5e3, true, null],\n \"b\": {\"c\": false}}";
  REQUIRE(JsonSource::Parse("j.json", text, &src).ok());
  const JsonValue& root = src->root();
  CHECK(root.offset == 0);
  const JsonValue* a = root.Find("a");
  REQUIRE(a != nullptr);
  CHECK(a->offset == 6);
  REQUIRE(a->items.size() == 4);
  CHECK(a->items[0].offset == 7);
  CHECK(a->items[0].is_integer);
  CHECK(a->items[1].offset == 10);
  CHECK(a->items[1].number == -2500.0);
  CHECK(a->items[2].offset == 18);
  CHECK(a->items[3].offset == 24);
  const JsonValue* b = root.Find("b");
  REQUIRE(b != nullptr);
  CHECK(b->offset == 37);
  int line = 0;
  int column = 0;
  src->LineColumn(b->offset, &line, &column);
  CHECK(line == 2);
  CHECK(column == 7);
  CHECK(src->ErrorAt(b->offset, "boom").ToString() == "j.json:2:7: error: boom");
}

}  // namespace
}  // namespace kith
