#include "exporters/text_escape.h"

#include <catch2/catch.hpp>

namespace kith {
namespace {

const std::string kReplacement = "\xEF\xBF\xBD";

struct Case {
  std::string in;
  std::string out;
};

TEST_CASE("EscapeXml escapes the XML specials and replaces what XML 1.0 forbids", "[exporters]") {
  const Case cases[] = {
      {"", ""},
      {"plain", "plain"},
      {"a & b", "a &amp; b"},
      {"<tag>", "&lt;tag&gt;"},
      {"\"double\" 'single'", "&quot;double&quot; &apos;single&apos;"},
      {"tab\tline\ncr\r", "tab&#9;line&#10;cr&#13;"},
      {"nul" + std::string(1, '\0') + "x", "nul" + kReplacement + "x"},
      {"\x01\x08\x0B\x0C\x1F", kReplacement + kReplacement + kReplacement + kReplacement + kReplacement},
      {"del\x7F kept", "del\x7F kept"},  // allowed in XML 1.0
      {"\xEF\xBF\xBE\xEF\xBF\xBF", kReplacement + kReplacement},  // U+FFFE, U+FFFF
      {"bad \xFF byte", "bad " + kReplacement + " byte"},
      {"\xC3\x96zt\xC3\xBCrk \xF0\x9F\x98\x80 \xD0\x90", "\xC3\x96zt\xC3\xBCrk \xF0\x9F\x98\x80 \xD0\x90"},
      {"&amp;", "&amp;amp;"},
      {"]]>", "]]&gt;"},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(EscapeXml(c.in) == c.out);
  }
}

TEST_CASE("QuoteDot quotes and escapes label strings for Graphviz", "[exporters]") {
  const Case cases[] = {
      {"", "\"\""},
      {"node", "\"node\""},  // a keyword, harmless when quoted
      {"strict graph edge digraph subgraph", "\"strict graph edge digraph subgraph\""},
      {"say \"hi\"", "\"say \\\"hi\\\"\""},
      {"back\\slash", "\"back\\\\slash\""},
      {"\\N \\G \\l \\", "\"\\\\N \\\\G \\\\l \\\\\""},  // no escString sequence survives
      {"two\nlines", "\"two\\nlines\""},
      {"crlf\r\nand cr\rend", "\"crlf\\nand cr\\nend\""},
      {"tab\there", "\"tab here\""},
      {"a & b &amp;", "\"a &amp; b &amp;amp;\""},
      {"<html> ok", "\"<html> ok\""},
      {"ctrl\x01\x7F" "c1\xC2\x85", "\"ctrl" + kReplacement + kReplacement + "c1" + kReplacement + "\""},
      {"\xC3\x96zt\xC3\xBCrk \xF0\x9F\x98\x80", "\"\xC3\x96zt\xC3\xBCrk \xF0\x9F\x98\x80\""},
      {"bad \xC0", "\"bad " + kReplacement + "\""},
      {"{ } ; , = [ ]", "\"{ } ; , = [ ]\""},
      {"cr\r\r\nlf\n\r", "\"cr\\n\\nlf\\n\\n\""},
      {"c1 end \xC2\x9F nbsp \xC2\xA0", "\"c1 end " + kReplacement + " nbsp \xC2\xA0\""},
      {"\xEF\xBF\xBE \xEF\xBF\xBD", "\"" + kReplacement + " \xEF\xBF\xBD\""},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(QuoteDot(c.in) == c.out);
  }
}

TEST_CASE("QuoteCsv always quotes and doubles quotes", "[exporters]") {
  const Case cases[] = {
      {"", "\"\""},
      {"plain", "\"plain\""},
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"two\nlines\r\n", "\"two\nlines\r\n\""},
      {"tab\t; semicolon", "\"tab\t; semicolon\""},
      {"unit\x1Fsep", "\"unit" + kReplacement + "sep\""},
      {std::string("nul\0", 4), "\"nul" + kReplacement + "\""},
      {"back\\slash", "\"back\\slash\""},
      {"\xF0\x9F\x98\x80", "\"\xF0\x9F\x98\x80\""},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(QuoteCsv(c.in) == c.out);
  }
  CHECK(QuoteCsvArray({}) == "\"\"");
  CHECK(QuoteCsvArray({"a"}) == "\"a\"");
  CHECK(QuoteCsvArray({"a \"b\"", "c,d", "e\x1F" "f"}) == "\"a \"\"b\"\"\x1F" "c,d\x1F" "e" + kReplacement + "f\"");
}

TEST_CASE("The appending escapers write what the string ones return", "[exporters]") {
  const std::string inputs[] = {"",        "plain",        "a & b <c> \"d\" 'e'", "tab\tcr\r\nlf\n",
                                "\x01\x1F\x7F", "\xC2\x85\xC2\xA0", "\xEF\xBF\xBE\xEF\xBF\xBF\xEF\xBF\xBD", "bad \xFF\xC0 end",
                                "\\N \\",   "\xF0\x9F\x98\x80"};
  for (const std::string& in : inputs) {
    INFO(in);
    std::string text;
    StringOutput out(&text);
    AppendEscapedXml(in, &out);
    out.Append('|');
    AppendQuotedDot(in, &out);
    out.Append('|');
    AppendQuotedCsv(in, &out);
    out.Flush();
    CHECK(text == EscapeXml(in) + "|" + QuoteDot(in) + "|" + QuoteCsv(in));
  }
}

TEST_CASE("JSON helpers write compact valid JSON", "[exporters]") {
  CHECK(JsonArray(std::vector<std::string>{}) == "[]");
  CHECK(JsonArray(std::vector<std::string>{"a", "b \"c\"", "\n\x01"}) == "[\"a\",\"b \\\"c\\\"\",\"\\n\\u0001\"]");
  CHECK(JsonArray(std::vector<std::string>{"bad \xFF"}) == "[\"bad \xEF\xBF\xBD\"]");
  CHECK(JsonArray(std::vector<std::int64_t>{1, -2, 9007199254740993}) == "[1,-2,9007199254740993]");
  CHECK(JsonObject({{"b", "2"}, {"a", "<1>"}}) == "{\"a\":\"<1>\",\"b\":\"2\"}");
}

}  // namespace
}  // namespace kith
