#include "graph/decimal_number.h"

#include <catch2/catch.hpp>

#include "extract/lexicon.h"

namespace kith {
namespace {

TEST_CASE("DecimalNumber reads numbers as articles write them", "[graph]") {
  std::unique_ptr<Lexicon> numbers;
  REQUIRE(Lexicon::Parse("numbers", "numbers.txt",
                         "a\tvalue=1\ntwo\tvalue=2\nfive\tvalue=5\nten\tvalue=10\ntwenty\tvalue=20\nfifty\tvalue=50\n"
                         "hundred\tvalue=100\tscale=yes\nthousand\tvalue=1000\tscale=yes\n"
                         "million\tvalue=1000000\tscale=yes\n",
                         Tokenizer(), &numbers)
              .ok());
  const struct {
    const char* text;
    const char* decimal;
  } kCases[] = {
      {"150,000", "150000"},
      {"2,000.50", "2000.5"},
      {"0.75", "0.75"},
      {"29170", "29170"},
      {"1.5 million", "1500000"},
      {"ten thousand", "10000"},
      {"a thousand", "1000"},
      {"twenty-five", "25"},
      {"two hundred and fifty thousand", "250000"},
      {"five million", "5000000"},
      {"50", "50"},
      // Not numbers.
      {"", ""},
      {"tenge", ""},
      {"1,000 2,000", ""},
      {"1.2.3", ""},
      {"9999999999999999999", ""},
      {"two zillion", ""},
  };
  for (const auto& c : kCases) {
    INFO(c.text);
    CHECK(DecimalNumber(c.text, numbers.get()) == c.decimal);
  }
}

TEST_CASE("DecimalNumber without a numbers lexicon reads digits only", "[graph]") {
  CHECK(DecimalNumber("3,000", nullptr) == "3000");
  CHECK(DecimalNumber("three", nullptr).empty());
}

}  // namespace
}  // namespace kith
