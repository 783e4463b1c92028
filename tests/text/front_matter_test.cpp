#include "text/front_matter.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace kith {
namespace {

Status Parse(const std::string& text, Document* doc) {
  *doc = Document();
  doc->path = "article.txt";
  doc->text = text;
  return ParseFrontMatter(doc);
}

std::string BodyText(const Document& doc) { return doc.text.substr(doc.body.begin, doc.body.size()); }

TEST_CASE("front matter sets meta and body", "[text]") {
  const std::string text =
      "---\n"
      "title: \"Flood Waters Recede: \\\"Worst Is Over\\\"\"\n"
      "Date: 2019-11-05\n"
      "url: https://news.example.org/floods?id=7\n"
      "source: 'Example Valley Radio'\n"
      "\n"
      "# a comment line\n"
      "author: Jane Roe\n"
      "---\n"
      "The river fell by a metre overnight.\n";
  Document doc;
  REQUIRE(Parse(text, &doc).ok());
  CHECK(doc.meta.title == "Flood Waters Recede: \"Worst Is Over\"");
  CHECK(doc.meta.date == "2019-11-05");
  CHECK(doc.meta.url == "https://news.example.org/floods?id=7");
  CHECK(doc.meta.source == "Example Valley Radio");
  CHECK(doc.meta.author == "Jane Roe");
  CHECK(doc.meta.extra.count("author") == 0);
  CHECK(BodyText(doc) == "The river fell by a metre overnight.\n");
  CHECK(doc.body.end == text.size());
}

TEST_CASE("front matter takes an author crediting one person only", "[text]") {
  Document doc;
  REQUIRE(Parse("---\nauthor: Jane Roe and John Doe\n---\nBody.\n", &doc).ok());
  CHECK(doc.meta.author.empty());
  REQUIRE(Parse("---\nauthor: Jane Roe, John Doe\n---\nBody.\n", &doc).ok());
  CHECK(doc.meta.author.empty());
}

TEST_CASE("front matter reads a doubled quote inside '...' as one quote, as YAML does", "[text]") {
  Document doc;
  REQUIRE(Parse("---\ntitle: 'A Teacher''s Case: ''We Wait'''\nsource: ''\n---\nBody.\n", &doc).ok());
  CHECK(doc.meta.title == "A Teacher's Case: 'We Wait'");
  CHECK(doc.meta.source.empty());
  // A single quote still closes the value: text after it is an error.
  const Status s = Parse("---\ntitle: 'A Teacher's Case'\n---\nBody.\n", &doc);
  CHECK(!s.ok());
  CHECK(s.ToString().find("text after the closing quote") != std::string::npos);
}

TEST_CASE("front matter is optional", "[text]") {
  Document doc;
  REQUIRE(Parse("Plain article text.\n--- not a fence\n", &doc).ok());
  CHECK(doc.body == Span{0, doc.text.size()});
  CHECK(doc.meta.title.empty());
  CHECK(doc.meta.extra.empty());
}

TEST_CASE("front matter accepts CRLF lines and a BOM turned into spaces", "[text]") {
  Document doc;
  REQUIRE(Parse("   ---\r\ntitle: Council Votes\r\n---\r\nBody.\r\n", &doc).ok());
  CHECK(doc.meta.title == "Council Votes");
  CHECK(BodyText(doc) == "Body.\r\n");
}

TEST_CASE("front matter closed on the last line leaves an empty body", "[text]") {
  Document doc;
  REQUIRE(Parse("---\ntitle: Only Meta\n---", &doc).ok());
  CHECK(doc.body.empty());
  CHECK(doc.meta.title == "Only Meta");
}

TEST_CASE("front matter errors carry line and column", "[text]") {
  struct Case {
    const char* name;
    std::string text;
    int line;
    int column;
    const char* message;
  };
  const std::vector<Case> cases = {
      {"missing closing line", "---\ntitle: Unclosed\n\nThe story starts here.\n", 1, 1, "no closing \"---\""},
      {"line without colon", "---\ntitle: Fine\n  just some words\n---\nBody.\n", 3, 3, "no ':'"},
      {"empty key", "---\n: value\n---\nBody.\n", 2, 1, "empty key"},
      {"repeated key", "---\ntitle: A\nTitle: B\n---\nBody.\n", 3, 1, "repeated key \"title\""},
      {"unterminated quote", "---\ntitle: \"Half quoted\n---\nBody.\n", 2, 8, "unterminated"},
      {"text after closing quote", "---\ntitle: \"A\" B\n---\nBody.\n", 2, 8, "text after the closing quote"},
      {"bad date", "---\ntitle: A\ndate: next Tuesday\n---\nBody.\n", 3, 7, "bad date \"next Tuesday\""},
  };
  for (const Case& c : cases) {
    SECTION(c.name) {
      Document doc;
      const Status s = Parse(c.text, &doc);
      REQUIRE_FALSE(s.ok());
      CHECK(s.code() == StatusCode::kInvalidInput);
      CHECK(s.file() == "article.txt");
      CHECK(s.line() == c.line);
      CHECK(s.column() == c.column);
      CHECK_THAT(s.message(), Catch::Contains(c.message));
    }
  }
}

TEST_CASE("front matter closing line must come within 50 lines", "[text]") {
  std::string text = "---\n";
  for (int i = 0; i < 50; ++i) text += "k" + std::to_string(i) + ": v\n";
  Document doc;
  const Status within = Parse(text + "---\nBody.\n", &doc);
  CHECK_FALSE(within.ok());  // the 51st line is past the limit
  text.erase(text.rfind("k49"));
  REQUIRE(Parse(text + "---\nBody.\n", &doc).ok());
  CHECK(doc.meta.extra.size() == 49);
}

TEST_CASE("NormalizeIsoDate accepts the documented forms", "[text]") {
  struct Case {
    const char* in;
    const char* out;
  };
  const std::vector<Case> cases = {
      {"2021-02-22", "2021-02-22"},
      {"2021-02", "2021-02"},
      {"2021", "2021"},
      {"  2021-02-22  ", "2021-02-22"},
      {"2021-02-22T10:30:00Z", "2021-02-22"},
      {"2021-02-22T10:30:00+05:00", "2021-02-22"},
      {"22 February 2021", "2021-02-22"},
      {"3 feb 2021", "2021-02-03"},
      {"February 22, 2021", "2021-02-22"},
      {"February 22 2021", "2021-02-22"},
      {"Feb. 22, 2021", "2021-02-22"},
      {"Sept. 9, 2020", "2020-09-09"},
      {"DECEMBER 31, 1999", "1999-12-31"},
      {"February 2021", "2021-02"},
      {"29 February 2020", "2020-02-29"},
      {"2000-02-29", "2000-02-29"},
  };
  for (const Case& c : cases) {
    std::string out;
    INFO(c.in);
    REQUIRE(NormalizeIsoDate(c.in, &out).ok());
    CHECK(out == c.out);
  }
}

TEST_CASE("NormalizeIsoDate refuses anything else naming the input", "[text]") {
  const std::vector<std::string> bad = {"",
                                        "yesterday",
                                        "2021-13-01",
                                        "2021-02-30",
                                        "1900-02-29",
                                        "21-02-22",
                                        "2021-2-22",
                                        "2021/02/22",
                                        "0000",
                                        "22 Febtober 2021",
                                        "February 30, 2021",
                                        "February, 22 2021",
                                        "22, February 2021",
                                        "February 22, 21",
                                        "2021-02-22T",
                                        "2021-02-22 extra",
                                        "Monday, February 22, 2021"};
  for (const std::string& in : bad) {
    INFO(in);
    std::string out = "unchanged";
    const Status s = NormalizeIsoDate(in, &out);
    REQUIRE_FALSE(s.ok());
    CHECK(s.code() == StatusCode::kInvalidInput);
    CHECK_THAT(s.message(), Catch::Contains("\"" + in + "\""));
    CHECK(out == "unchanged");
  }
}

}  // namespace
}  // namespace kith
