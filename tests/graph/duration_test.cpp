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
      {"years", ""},        {"ten", ""},            {"", ""},            {"0 days", ""},
  };
  for (const auto& c : kCases) {
    INFO(c.text);
    CHECK(IsoDuration(c.text, numbers.get()) == c.iso);
  }
}

}  // namespace
}  // namespace kith
