// Bad rule files and lexicons through the real `kith rules check` and
// `kith ingest`: every error names file:line:col (or the file, for a
// lexicon with no entries), and matching stays fast on patterns and input
// built to be slow. The slow-input cases finish in seconds; the ctest
// TIMEOUT of the reliability tests (far above that) catches a regression to
// exponential matching without a timed assertion.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/reliability/reliability_support.h"

namespace kith {
namespace {

namespace fs = std::filesystem;

using reliability::ProjectRules;
using reliability::RunKith;
using reliability::RunResult;
using reliability::TempDir;
using reliability::WriteFile;

// A rules directory: the project's lexicons plus `files` (name -> text).
std::string MakeRulesDir(const TempDir& dir, const std::vector<std::pair<std::string, std::string>>& files) {
  const std::string rules = dir.File("rules");
  fs::create_directories(rules + "/lexicons");
  for (const auto& entry : fs::directory_iterator(ProjectRules() + "/lexicons")) {
    fs::copy_file(entry.path(), rules + "/lexicons/" + entry.path().filename().string());
  }
  for (const auto& [name, text] : files) WriteFile(rules + "/" + name, text);
  return rules;
}

struct BadRuleCase {
  const char* name;
  const char* file;      // relative to the rules directory
  std::string text;
  const char* located;   // expected "file:line:col: error: ..." prefix after the directory
  const char* message;   // a part of the message
};

const std::string kCreate = R"("create": {"mention": {"label": "P"}})";

const std::vector<BadRuleCase> kBadRules = {
    {"malformed JSON", "a.json", R"({"rules": [ {"id": "x",, } ]})", "a.json:1:24: error:",
     "invalid JSON: Missing a name for object member."},
    {"truncated file", "a.json", "{\"rules\": [{\"id\": \"x\",\n  \"pattern\": [{\"text\": \"a\"", "a.json:2:27: error:",
     "invalid JSON"},
    {"empty file", "a.json", "", "a.json:1:1: error:", "The document is empty"},
    {"not an object", "a.json", "[]", "a.json:1:1: error:", "a rule file is a JSON object"},
    {"unknown key", "a.json",
     "{\"rules\": [{\"id\": \"x\",\n   \"pattern\": [{\"lemmaa\": \"a\"}], " + kCreate + "}]}", "a.json:2:17: error:",
     "unknown key \"lemmaa\" in pattern element"},
    {"wrong type: priority is a string", "a.json",
     R"({"rules": [{"id": "x", "priority": "high", "pattern": [{"text": "a"}], )" + kCreate + "}]}",
     "a.json:1:36: error:", "\"priority\" must be an integer, not string"},
    {"wrong type: stage is a fraction", "a.json", R"({"stage": 1.5, "rules": []})", "a.json:1:11: error:",
     "\"stage\" must be an integer"},
    {"wrong type: pattern is an object", "a.json",
     R"({"rules": [{"id": "x", "pattern": {"text": "a"}, )" + kCreate + "}]}", "a.json:1:35: error:",
     "\"pattern\" must be a non-empty array"},
    {"empty pattern", "a.json", R"({"rules": [{"id": "x", "pattern": [], )" + kCreate + "}]}", "a.json:1:35: error:",
     "\"pattern\" must be a non-empty array"},
    {"unknown lexicon", "a.json", R"({"rules": [{"id": "x", "pattern": [{"lexicon": "nope"}], )" + kCreate + "}]}",
     "a.json:1:48: error:", "unknown lexicon \"nope\""},
    {"bad regex", "a.json", R"({"rules": [{"id": "x", "pattern": [{"regex": "(a"}], )" + kCreate + "}]}",
     "a.json:1:46: error:", "missing ')'"},
    {"huge counted repeat", "a.json",
     R"({"rules": [{"id": "x", "pattern": [{"text": "a", "op": "{0,100000}"}], )" + kCreate + "}]}",
     "a.json:1:56: error:", "out of range"},
    {"invalid UTF-8 in a string", "a.json",
     "{\"rules\": [{\"id\": \"x\xFF\", \"pattern\": [{\"text\": \"a\"}], " + kCreate + "}]}", "a.json:1:21: error:",
     "Invalid encoding"},
    {"capture that does not exist", "a.json",
     R"({"rules": [{"id": "x", "pattern": [{"text": "a"}], "create": {"mention": {"label": "P", "span": "nocap"}}}]})",
     "a.json:1:97: error:", "no capture named \"nocap\""},
    {"empty lexicon", "lexicons/empty.txt", "# a header and nothing else\n\n", "lexicons/empty.txt: error:",
     "lexicon \"empty\" has no entries"},
    {"lexicon attribute without =", "lexicons/bad.txt", "word\tnoequals\n", "lexicons/bad.txt:1:6: error:",
     "attribute \"noequals\" is not key=value"},
};

TEST_CASE("Bad rule files and lexicons are refused at file:line:col", "[reliability]") {
  for (const BadRuleCase& c : kBadRules) {
    SECTION(c.name) {
      TempDir dir;
      const std::string rules = MakeRulesDir(dir, {{c.file, c.text}});
      RunResult r = RunKith({"rules", "check", "--rules", rules}, dir.path());
      INFO(r.err);
      CHECK(r.code == 1);
      CHECK(r.err.find("kith: " + rules + "/" + c.located) != std::string::npos);
      CHECK(r.err.find(c.message) != std::string::npos);
      // ingest refuses to start with the same message, and creates no database.
      WriteFile(dir.File("a.txt"), "Aigerim Sadykova spoke in Almaty.\n");
      r = RunKith({"ingest", "--db", dir.File("kith.db"), "--rules", rules, dir.File("a.txt")}, dir.path());
      CHECK(r.code == 2);
      CHECK(r.err.find(rules + "/" + c.located) != std::string::npos);
    }
  }
}

// Regression: RapidJSON's recursive reader (json_tree.cpp) and the rule
// parser's recursion over "group" once overflowed the stack (SIGSEGV) on a
// deeply nested file; the JSON tree builder now refuses nesting past 64.
TEST_CASE("A deeply nested rule file is refused, not a crash", "[reliability]") {
  SECTION("200000 nested arrays") {
    TempDir dir;
    const std::string rules = MakeRulesDir(dir, {{"a.json", std::string(200000, '[')}});
    const RunResult r = RunKith({"rules", "check", "--rules", rules}, dir.path());
    CHECK(r.signal == 0);
    CHECK(r.code == 1);
    CHECK(r.err.find(rules + "/a.json:1:") != std::string::npos);
  }
  SECTION("20000 nested groups") {
    std::string pattern;
    for (int i = 0; i < 20000; ++i) pattern += R"({"group": [)";
    pattern += "{}";
    for (int i = 0; i < 20000; ++i) pattern += "]}";
    TempDir dir;
    const std::string rules =
        MakeRulesDir(dir, {{"a.json", R"({"rules": [{"id": "x", "pattern": [)" + pattern + "], " + kCreate + "}]}"}});
    const RunResult r = RunKith({"rules", "check", "--rules", rules}, dir.path());
    CHECK(r.signal == 0);
    CHECK(r.code == 1);
    CHECK(r.err.find(rules + "/a.json:1:") != std::string::npos);
  }
}

// Patterns of the kind that make backtracking matchers exponential: nested
// and stacked stars over "any token", overlapping alternatives, a regex with
// nested repeats, ten macros deep, none of which can finish their match
// because the last element never occurs. The input gives them sentences of
// the longest length (300 tokens) of the one word they all accept.
TEST_CASE("Matching stays fast on adversarial patterns and input", "[reliability]") {
  const std::string tail = R"(, {"text": "NEVER"}], )" + kCreate + "}";
  std::string macros = R"("M0": [{"lower": "aaa", "op": "*"}])";
  for (int i = 1; i <= 9; ++i) {
    macros += ", \"M" + std::to_string(i) + "\": [{\"use\": \"M" + std::to_string(i - 1) + "\", \"op\": \"*\"}]";
  }
  const std::string file = R"({"stage": 10, "macros": {)" + macros + R"(}, "rules": [
    {"id": "adv.nested-stars", "pattern": [{"group": [{"group": [{}], "op": "*"}], "op": "*"})" + tail + R"(,
    {"id": "adv.stacked-stars", "pattern": [{"op": "*"}, {"op": "*"}, {"op": "*"}, {"op": "*"}, {"op": "*"})" + tail + R"(,
    {"id": "adv.counted", "pattern": [{"op": "{0,50}"}, {"op": "{0,50}"}, {"lower": "aaa", "op": "{0,50}"})" + tail + R"(,
    {"id": "adv.alternatives", "pattern": [{"any": [[{"lower": "aaa"}], [{"lower": "aaa"}, {"op": "?"}], [{}, {}]], "op": "+"})" + tail + R"(,
    {"id": "adv.regex", "pattern": [{"regex": "(a|aa|a*)*(a*)*(a|a)*b", "op": "+"})" + tail + R"(,
    {"id": "adv.macros", "pattern": [{"use": "M9"})" + tail + R"(
  ]})";
  TempDir dir;
  const std::string rules = MakeRulesDir(dir, {{"10_adversarial.json", file}});
  std::string text;
  for (int sentence = 0; sentence < 40; ++sentence) {
    for (int word = 0; word < 400; ++word) text += "aaa ";
    text += "\n\n";
  }
  WriteFile(dir.File("adversarial.txt"), text);
  const RunResult r =
      RunKith({"ingest", "--db", dir.File("kith.db"), "--rules", rules, dir.File("adversarial.txt")}, dir.path());
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(r.err.find("1 new") != std::string::npos);
}

// The project's rules on input shaped against them: thousands of capitalised
// words in a row (every name rule can start at every word), and quotes that
// never close or nest thousands deep (quote-speaker resolution).
TEST_CASE("The project's rules stay fast on runs of capitalised words and on unbalanced quotes", "[reliability]") {
  const std::vector<std::string> words = {"Aigerim", "Sadykova", "Marat", "Serikuly", "Almaty", "Court",
                                          "Bishkek", "Nur", "Sultan", "Kazakh", "Son", "Mother"};
  std::string caps;
  for (std::size_t i = 0; i < 5000; ++i) caps += words[(i * 7 + i / 3) % words.size()] + " ";
  caps += "said.\n";
  std::string quotes;
  for (int i = 0; i < 3000; ++i) quotes += "He said \"";
  quotes += " it.\n\n";
  for (int i = 0; i < 3000; ++i) quotes += "\xE2\x80\x9C\xC2\xAB\xE2\x80\x98";  // “«‘ never closed
  quotes += "\n\n";
  quotes += std::string(5000, '"') + "\n\n" + "\"Marat \"Serikuly\" said \"his \"\"mother\" was \"detained.\n";
  TempDir dir;
  WriteFile(dir.File("caps.txt"), caps);
  WriteFile(dir.File("quotes.txt"), quotes);
  const RunResult r = RunKith(
      {"ingest", "--db", dir.File("kith.db"), "--rules", ProjectRules(), dir.File("caps.txt"), dir.File("quotes.txt")},
      dir.path());
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(r.err.find("2 new") != std::string::npos);
  CHECK(reliability::QueryOne(dir.File("kith.db"), "PRAGMA integrity_check") == "ok");
}

}  // namespace
}  // namespace kith
