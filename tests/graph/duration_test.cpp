#include "graph/duration.h"

#include <catch2/catch.hpp>

#include "extract/lexicon.h"

namespace kith {
namespace {

TEST_CASE("IsoDuration reads written terms", "[graph]") {
  std::unique_ptr<Lexicon> numbers;
  REQUIRE(Lexicon::Parse("numbers", "numbers.txt", "ten\tvalue=10\ntwelve\tvalue=12\na\tvalue=1\n", Tokenizer(), &numbers).ok());
  const struct {
    const char* text;
    const char* iso;
  } kCases[] = {
      {"10 days", "P10D"},  {"ten days", "P10D"},   {"10-day", "P10D"},  {"18 months", "P18M"},
      {"a year", "P1Y"},    {"twelve years", "P12Y"}, {"2 weeks", "P2W"}, {"13 years", "P13Y"},
      {"a decade", "P10Y"}, {"2 decades", "P20Y"},
      {"years", ""},        {"ten", ""},            {"", ""},            {"0 days", ""},
  };
  for (const auto& c : kCases) {
    INFO(c.text);
    CHECK(IsoDuration(c.text, numbers.get()) == c.iso);
  }
}

}  // namespace
}  // namespace kith

namespace kith {
namespace {

TEST_CASE("IsoDurations reads one term per defendant from a list", "[graph]") {
  std::unique_ptr<Lexicon> numbers;
  REQUIRE(Lexicon::Parse("numbers", "numbers.txt", "ten\tvalue=10\nseven\tvalue=7\na\tvalue=1\n", Tokenizer(), &numbers).ok());
  const struct {
    const char* text;
    std::vector<std::string> isos;
  } kCases[] = {
      {"12 and 7 years", {"P12Y", "P7Y"}},
      {"10, 8 and 5 years", {"P10Y", "P8Y", "P5Y"}},
      {"ten years and 18 months", {"P10Y", "P18M"}},
      {"seven years and 6 months", {"P7Y6M"}},
      {"12 years and 7 years", {"P12Y", "P7Y"}},
      {"ten years, 6 months and 7 years", {"P10Y6M", "P7Y"}},
      {"ten and seven years", {"P10Y", "P7Y"}},
      {"18 months", {"P18M"}},
      {"15 days", {"P15D"}},
      {"12 and 7", {}},
      {"12 and many years", {}},
      {"", {}},
  };
  for (const auto& c : kCases) {
    INFO(c.text);
    CHECK(IsoDurations(c.text, numbers.get()) == c.isos);
  }
}

}  // namespace
}  // namespace kith
