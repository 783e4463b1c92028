#include "text/line_classifier.h"

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "extract/lexicon.h"
#include "text/tokenizer.h"

namespace kith {
namespace {

LexiconEntry Cue(const std::string& text, const std::string& match, const std::string& kind,
                 const std::string& max_words = "") {
  LexiconEntry e;
  e.text = text;
  e.attributes = {{"match", match}, {"kind", kind}};
  if (!max_words.empty()) e.attributes["max_words"] = max_words;
  return e;
}

// A small hand-made furniture lexicon, independent of rules/lexicons.
const std::vector<LexiconEntry>& TestCues() {
  static const std::vector<LexiconEntry> cues = {
      Cue("Skip to main content", "line", "navigation"),
      Cue("Share", "line", "navigation"),
      Cue("Comments", "line", "navigation"),
      Cue("Print", "line", "navigation"),
      Cue("Follow us", "prefix", "navigation"),
      Cue("Sign up", "prefix", "navigation"),
      Cue("Photo:", "prefix", "media"),
      Cue("click here", "contains", "navigation", "15"),
      Cue("copyright", "contains", "legal", "12"),
      Cue("\xC2\xA9", "contains", "legal"),
  };
  return cues;
}

std::string Text(const Document& doc, const Span& s) { return doc.text.substr(s.begin, s.size()); }

std::vector<std::string> Texts(const Document& doc, const std::vector<Span>& spans) {
  std::vector<std::string> out;
  for (const Span& s : spans) out.push_back(Text(doc, s));
  return out;
}

// "rule: text" for each furniture line.
std::vector<std::string> FurnitureTexts(const Document& doc) {
  std::vector<std::string> out;
  for (const Document::Furniture& f : doc.furniture) out.push_back(f.rule + ": " + Text(doc, f.span));
  return out;
}

Document Classify(const std::string& text, const std::vector<LexiconEntry>& cues = TestCues()) {
  Document doc;
  doc.text = text;
  doc.body = Span{0, text.size()};
  ClassifyLines(cues, &doc);
  return doc;
}

// Invented article paragraphs.
const char* const kPara1 = "The regional council approved the new water plan on Thursday after a long debate.";
const char* const kPara2 = "Farmers in the valley said the plan would cut their costs by a fifth.";
const char* const kPara3 = "Opposition members argued that the council had ignored smaller villages.";
const char* const kPara4 = "A final vote on the budget is expected in early spring, officials said.";
const char* const kPara5 = "The plan will be reviewed again in three years.";

// `line` placed early in an article (before the footer zone).
std::string ArticleWith(const std::string& line) {
  return std::string("Council Backs Valley Water Plan\n\n") + kPara1 + "\n\n" + line + "\n\n" + kPara2 + "\n\n" +
         kPara3 + "\n\n" + kPara4 + "\n\n" + kPara5 + "\n";
}

TEST_CASE("SplitLines splits on LF, CRLF and lone CR", "[text]") {
  const std::string text = "a\nbb\r\nccc\rd\n\nlast";
  const std::vector<Span> lines = SplitLines(text, Span{0, text.size()});
  std::vector<std::string> got;
  for (const Span& s : lines) got.push_back(text.substr(s.begin, s.size()));
  CHECK(got == std::vector<std::string>{"a", "bb", "ccc", "d", "", "last"});
  CHECK(SplitLines(text, Span{2, 6}).size() == 1);  // "bb\r\n" is one line
  CHECK(SplitLines("", Span{0, 0}).empty());
}

TEST_CASE("line classifier removes each furniture shape with its rule", "[text]") {
  struct Case {
    const char* line;
    const char* rule;
  };
  const std::vector<Case> cases = {
      {"Skip to main content", "cue-line"},
      {"SHARE:", "cue-line"},
      {"  Comments (14)  ", "cue-line"},
      {"\xE2\x80\xBA Print", "cue-line"},
      {"Follow us on all social networks", "cue-prefix"},
      {"Sign up for the morning briefing", "cue-prefix"},
      {"Photo: Jane Roe for Example Agency", "cue-prefix"},
      {"To see the full map, click here.", "cue-contains"},
      {"Copyright 2020 Example Media Group", "cue-contains"},
      {"\xC2\xA9 Example Media Group", "cue-contains"},
      {"\xE2\x80\xA2 Politics", "bullet"},
      {"- World News", "bullet"},
      {"* Home", "bullet"},
      {"\xE2\x96\xAA", "bullet"},
      {"16x9 Image", "media"},
      {"Image 3 of 7", "media"},
      {"Gallery", "media"},
      {"Video 2:31", "media"},
      {"By Jane Doe", "byline"},
      {"By Maria de la Cruz and Tom Reed", "byline"},
      {"By Example Radio's Northern Desk", "byline"},
      {"Interview by Jane Doe", "byline"},
      {"Photos by Maria de la Cruz", "byline"},
  };
  for (const Case& c : cases) {
    SECTION(c.line) {
      const Document doc = Classify(ArticleWith(c.line));
      std::string trimmed = c.line;
      trimmed.erase(0, trimmed.find_first_not_of(' '));
      trimmed.erase(trimmed.find_last_not_of(' ') + 1);
      CHECK(FurnitureTexts(doc) == std::vector<std::string>{std::string(c.rule) + ": " + trimmed});
      CHECK(Texts(doc, doc.content_lines) == std::vector<std::string>{kPara1, kPara2, kPara3, kPara4, kPara5});
    }
  }
}

TEST_CASE("line classifier keeps prose that resembles furniture", "[text]") {
  const std::vector<std::string> lines = {
      "Share prices fell sharply on Tuesday as investors left the market.",
      "Print newspapers have lost half of their readers in a decade.",
      "Sign up sheets were handed out to every voter who arrived at the polling station early on Monday, "
      "officials in the northern district said.",
      "The copyright case brought by the author against the publisher is expected to reach the supreme court "
      "next spring, lawyers said.",
      "- The minister resigned on Monday.",
      "\xE2\x80\xA2 Three people were injured when the roof of the old market hall collapsed in the storm.",
      "By the end of the week, the river had risen by two metres.",
      "By Monday the roads were open again.",
      "Photographers gathered outside the court before dawn.",
      "The photo was taken on the morning of the flood.",
  };
  for (const std::string& line : lines) {
    SECTION(line) {
      const Document doc = Classify(ArticleWith(line));
      CHECK(doc.furniture.empty());
      CHECK(Texts(doc, doc.content_lines) == std::vector<std::string>{kPara1, line, kPara2, kPara3, kPara4, kPara5});
    }
  }
}

TEST_CASE("line classifier never removes a normal paragraph", "[text]") {
  const std::string text = std::string(kPara1) + "\n\n" + kPara2 + "\n" + kPara3 + "\r\n" + kPara4 + "\r" + kPara5;
  const Document doc = Classify(text);
  CHECK(doc.furniture.empty());
  CHECK(doc.headline_lines.empty());
  CHECK(Texts(doc, doc.content_lines) == std::vector<std::string>{kPara1, kPara2, kPara3, kPara4, kPara5});
  CHECK(doc.meta.title.empty());
}

TEST_CASE("line classifier treats title-case lines as headlines and sets the title", "[text]") {
  const std::string text = std::string("River Levels Rise Across Northern Valleys overnight\n\n") + kPara1 +
                           "\n\nTalks Stall: What Comes Next For The Region\n\n" + kPara2 + "\n";
  const Document doc = Classify(text);
  CHECK(Texts(doc, doc.headline_lines) ==
        std::vector<std::string>{"River Levels Rise Across Northern Valleys overnight",
                                 "Talks Stall: What Comes Next For The Region"});
  CHECK(Texts(doc, doc.content_lines) == std::vector<std::string>{kPara1, kPara2});
  CHECK(doc.meta.title == "River Levels Rise Across Northern Valleys overnight");
}

TEST_CASE("line classifier headline threshold", "[text]") {
  struct Case {
    const char* line;
    bool headline;
  };
  const std::vector<Case> cases = {
      {"Mayor Opens New Bridge Over Harbour", true},
      {"Mayor visits flooded villages near coast", false},  // 1 of 5 long words capitalised
      {"Mayor Visits Flooded villages near coast", false},  // 3 of 6: below 70%
      {"Mayor Visits Flooded Villages near coast", false},  // 4 of 6 = 67%
      {"Mayor Visits Flooded Villages Near coast", true},   // 5 of 6
      {"Two big days", false},                              // its one long word is lower case
      {"Storm Hits Town.", false},
      {"Why Did The Bridge Fall?", false},
      {"Officials Said: Nothing Will Change:", false},
      {"Two Words", false},
      {"Case 4. Abdukerim Sidiq (born 1978)", false},  // a case file's heading names a person
      {"Marat Ospanov (b. 1951)", false},
      {"Case 5. Rozigul Memet (Born in 1985)", false},
      {"Marat Ospanov Of Ghulja (1951-2020)", false},
      {"Protests Born Of Grief (Since 2018)", true},
      {"1. Marat Ospanov (Marat Ospanuly), 61, Ethnic Kazakh, Retired Vet From Nilka", false},  // an age
      {"Marat Ospanov, 61, ethnic Kazakh, retired veterinarian from Nilka County, Ili Prefecture", false},
      {"Talks On 2, 3 And 4 March Stall", true},
  };
  for (const Case& c : cases) {
    SECTION(c.line) {
      // After a first paragraph, so the first-line title rule does not apply.
      const Document doc = Classify(std::string(kPara1) + "\n" + c.line + "\n" + kPara2 + "\n");
      CHECK(doc.headline_lines.size() == (c.headline ? 1u : 0u));
    }
  }
}

TEST_CASE("line classifier keeps a title-case quote line as content", "[text]") {
  const std::vector<std::string> quotes = {
      "\xE2\x80\x9CWe Will Not Stop Until Our Families Come Home\xE2\x80\x9D",
      "\"We Will Not Stop Until Our Families Come Home\"",
  };
  for (const std::string& quote : quotes) {
    const Document doc = Classify(std::string(kPara1) + "\n\n" + quote + "\n\n" + kPara2 + "\n");
    CHECK(doc.headline_lines.empty());
    CHECK(Texts(doc, doc.content_lines) == std::vector<std::string>{kPara1, quote, kPara2});
  }
}

TEST_CASE("line classifier uses a sentence-case first line as the title", "[text]") {
  const Document doc = Classify(std::string("Council backs valley water plan\n\n") + kPara1 + "\n");
  CHECK(doc.meta.title == "Council backs valley water plan");
  CHECK(Texts(doc, doc.headline_lines) == std::vector<std::string>{"Council backs valley water plan"});
  CHECK(Texts(doc, doc.content_lines) == std::vector<std::string>{kPara1});
}

TEST_CASE("line classifier does not overwrite a title from front matter", "[text]") {
  Document doc;
  doc.text = std::string("Share\n\nCouncil Backs Valley Water Plan\n\n") + kPara1 + "\n";
  doc.body = Span{0, doc.text.size()};
  doc.meta.title = "Given Title";
  ClassifyLines(TestCues(), &doc);
  CHECK(doc.meta.title == "Given Title");
  CHECK(doc.headline_lines.size() == 1);
}

TEST_CASE("line classifier keeps the first copy of a repeated caption", "[text]") {
  const std::string caption = "Residents Carry Sandbags Along The Flooded Riverbank On Tuesday";
  const std::string text = std::string("Floods Reach The Old Town\n\n") + caption + "\n" + caption + "\n\n" + kPara1 +
                           "\n\n" + kPara2 + "\n\n" + kPara3 + "\n";
  const Document doc = Classify(text);
  CHECK(Texts(doc, doc.content_lines) == std::vector<std::string>{caption, kPara1, kPara2, kPara3});
  CHECK(FurnitureTexts(doc) == std::vector<std::string>{"repeated-line: " + caption});
  CHECK(doc.furniture[0].span.begin > doc.content_lines[0].begin);
  CHECK(doc.meta.title == "Floods Reach The Old Town");
}

TEST_CASE("line classifier fills the source from an organisation byline", "[text]") {
  struct Case {
    const char* byline;
    const char* source;
  };
  const std::vector<Case> cases = {
      {"By Example Radio's Northern Service", "Example Radio's Northern Service"},
      {"By XR/TV's Evening Desk", "XR/TV's Evening Desk"},
      {"By XR/TV", "XR/TV"},
      {"By Jane Doe", ""},
      {"By Jane Doe, Example News", "Example News"},
      {"By Jane Doe | Example Press Bureau", "Example Press Bureau"},
  };
  for (const Case& c : cases) {
    SECTION(c.byline) {
      const Document doc =
          Classify(std::string("Council Backs Valley Water Plan\n\n") + c.byline + "\n\n" + kPara1 + "\n");
      CHECK(doc.meta.source == c.source);
      CHECK(FurnitureTexts(doc) == std::vector<std::string>{std::string("byline: ") + c.byline});
    }
  }
  SECTION("an existing source is kept") {
    Document doc;
    doc.text = std::string("By Example Radio Service\n\n") + kPara1 + "\n";
    doc.body = Span{0, doc.text.size()};
    doc.meta.source = "Front Matter Source";
    ClassifyLines(TestCues(), &doc);
    CHECK(doc.meta.source == "Front Matter Source");
  }
}

TEST_CASE("line classifier takes the author from a byline crediting one person", "[text]") {
  struct Case {
    const char* byline;
    const char* author;
  };
  const std::vector<Case> cases = {
      {"By Jane Doe", "Jane Doe"},
      {"By Jane Doe, Example News", "Jane Doe"},
      {"By Jane Doe in Riverton", "Jane Doe"},
      {"By Maria de la Cruz and Tom Reed", ""},
      {"By Jane Doe, Tom Reed and Ann Lee", ""},
      {"By Example Radio's Northern Service", ""},
      {"Interview by Jane Doe", "Jane Doe"},
      {"Reporting by Jane Doe, Example News", "Jane Doe"},
      {"Interview by the editors", ""},
  };
  for (const Case& c : cases) {
    SECTION(c.byline) {
      const Document doc =
          Classify(std::string("Council Backs Valley Water Plan\n\n") + c.byline + "\n\n" + kPara1 + "\n");
      CHECK(doc.meta.author == c.author);
    }
  }
  SECTION("an author from front matter is kept") {
    Document doc;
    doc.text = std::string("By Jane Doe\n\n") + kPara1 + "\n";
    doc.body = Span{0, doc.text.size()};
    doc.meta.author = "John Roe";
    ClassifyLines(TestCues(), &doc);
    CHECK(doc.meta.author == "John Roe");
  }
}

TEST_CASE("line classifier removes a trailing footer from a media marker on", "[text]") {
  const std::string text = std::string("Council Backs Valley Water Plan\n\n") + kPara1 + "\n\n" + kPara2 + "\n\n" +
                           kPara3 + "\n\n" + kPara4 + "\n\n" + kPara5 +
                           "\n\n  \xE2\x80\xA2 16x9 Image\n\n    Valley Public Radio\n\n"
                           "    Valley Public Radio offers news and music to listeners across the valley.\n\n"
                           "Some words after the footer, even a full sentence.\n";
  const Document doc = Classify(text);
  CHECK(Texts(doc, doc.content_lines) == std::vector<std::string>{kPara1, kPara2, kPara3, kPara4, kPara5});
  CHECK(FurnitureTexts(doc) ==
        std::vector<std::string>{
            "footer: \xE2\x80\xA2 16x9 Image", "footer: Valley Public Radio",
            "footer: Valley Public Radio offers news and music to listeners across the valley.",
            "footer: Some words after the footer, even a full sentence."});
  CHECK(doc.meta.source == "Valley Public Radio");
}

TEST_CASE("line classifier finds a footer by the publisher's self-description", "[text]") {
  const std::string text = std::string(kPara1) + "\n\n" + kPara2 + "\n\n" + kPara3 + "\n\n" + kPara4 + "\n\n" +
                           kPara5 + "\n\nHarbour Daily\n\nHarbour Daily is the city's oldest newspaper.\n";
  const Document doc = Classify(text);
  CHECK(Texts(doc, doc.content_lines) == std::vector<std::string>{kPara1, kPara2, kPara3, kPara4, kPara5});
  CHECK(FurnitureTexts(doc) == std::vector<std::string>{"footer: Harbour Daily",
                                                        "footer: Harbour Daily is the city's oldest newspaper."});
  CHECK(doc.meta.source == "Harbour Daily");
}

TEST_CASE("line classifier looks for a footer only in the last third", "[text]") {
  // A bullet early on is furniture by itself; what follows it stays content.
  const std::string text = std::string("\xE2\x80\xA2 Politics\n") + kPara1 + "\n" + kPara2 + "\n" + kPara3 + "\n" +
                           kPara4 + "\n" + kPara5 + "\n";
  const Document doc = Classify(text);
  CHECK(FurnitureTexts(doc) == std::vector<std::string>{"bullet: \xE2\x80\xA2 Politics"});
  CHECK(doc.content_lines.size() == 5);
}

TEST_CASE("line classifier spans are trimmed and point into the text", "[text]") {
  const std::string text = "  \xC2\xA0" + std::string(kPara1) + " \t\r\n\r\n\t" + kPara2 + "\xC2\xA0\n";
  const Document doc = Classify(text);
  CHECK(Texts(doc, doc.content_lines) == std::vector<std::string>{kPara1, kPara2});
  CHECK(doc.content_lines[0].begin == 4);
}

TEST_CASE("line classifier honours the body span", "[text]") {
  Document doc;
  doc.text = std::string("---\ntitle: X\n---\n") + kPara1 + "\n";
  doc.body = Span{17, doc.text.size()};
  doc.meta.title = "X";
  ClassifyLines(TestCues(), &doc);
  CHECK(Texts(doc, doc.content_lines) == std::vector<std::string>{kPara1});
}

TEST_CASE("ValidateFurnitureCues reports bad attributes at their line", "[text]") {
  CHECK(ValidateFurnitureCues(TestCues(), "f.txt").ok());
  struct Case {
    LexiconEntry entry;
    const char* message;
  };
  std::vector<Case> cases = {
      {Cue("Share", "whole", "navigation"), "unknown match=\"whole\""},
      {Cue("Share", "line", "menu"), "unknown kind=\"menu\""},
      {Cue("Share", "line", "navigation", "many"), "max_words=\"many\""},
      {Cue("Share", "line", "navigation", "0"), "max_words=\"0\""},
  };
  LexiconEntry no_match;
  no_match.text = "Share";
  no_match.attributes = {{"kind", "navigation"}};
  cases.push_back({no_match, "missing match="});
  for (Case& c : cases) {
    c.entry.line = 7;
    const Status s = ValidateFurnitureCues({c.entry}, "f.txt");
    REQUIRE_FALSE(s.ok());
    CHECK(s.code() == StatusCode::kRuleError);
    CHECK(s.file() == "f.txt");
    CHECK(s.line() == 7);
    CHECK_THAT(s.message(), Catch::Contains(c.message));
  }
}

TEST_CASE("furniture lexicon file loads, validates and cleans an invented page", "[text]") {
  const std::string path = std::string(KITH_SOURCE_DIR) + "/rules/lexicons/furniture.txt";
  std::unique_ptr<Lexicon> lexicon;
  const Status loaded = Lexicon::Load("furniture", path, Tokenizer(), &lexicon);
  REQUIRE(loaded.ok());
  CHECK(lexicon->entries().size() >= 60);
  const Status valid = ValidateFurnitureCues(lexicon->entries(), path);
  INFO(valid.ToString());
  REQUIRE(valid.ok());

  const std::string text = std::string(
                               "Skip to main content\n"
                               "Breaking News\n"
                               "Harbour Ferry Service Resumes After Storm\n"
                               "By Harbour News Service\n"
                               "Share on Facebook\n") +
                           kPara1 + "\n" + kPara2 + "\n" + "Photo: Port authority handout\n" + kPara3 + "\n" +
                           kPara4 + "\n" + kPara5 + "\n" +
                           "Advertisement\n"
                           "Reporting by Jane Roe; Editing by Tom Reed\n"
                           "\xC2\xA9 2020 Harbour Media. All rights reserved.\n"
                           "Privacy Policy | Terms of Use\n";
  Document doc;
  doc.text = text;
  doc.body = Span{0, text.size()};
  ClassifyLines(lexicon->entries(), &doc);
  CHECK(Texts(doc, doc.content_lines) == std::vector<std::string>{kPara1, kPara2, kPara3, kPara4, kPara5});
  CHECK(doc.meta.title == "Harbour Ferry Service Resumes After Storm");
  CHECK(doc.meta.source == "Harbour News Service");
  CHECK(doc.furniture.size() == 9);

  // An article sent as one long line that ends in its copyright notice stays text.
  const std::string one_line = std::string(kPara1) + " " + kPara2 + " " + kPara3 + " " + kPara4 + " " + kPara5 +
                               " \xC2\xA9 2020 Harbour Media. All rights reserved.";
  Document single;
  single.text = one_line;
  single.body = Span{0, one_line.size()};
  ClassifyLines(lexicon->entries(), &single);
  CHECK(Texts(single, single.content_lines) == std::vector<std::string>{one_line});
}

}  // namespace
}  // namespace kith
