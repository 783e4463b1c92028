#include "graph/surname_gender.h"

#include <catch2/catch.hpp>

#include "tests/project_rules.h"

namespace kith {
namespace {

TEST_CASE("SurnameGender reads a trusted ending of the last word", "[graph]") {
  const RuleSet& rules = ProjectRules();
  CHECK(SurnameGender("Aigul Petrova", rules) == "female");
  CHECK(SurnameGender("Sultanova", rules) == "female");
  CHECK(SurnameGender("Marat Kassenov", rules) == "male");
  CHECK(SurnameGender("Erlan Nurgaliyev", rules) == "male");
  CHECK(SurnameGender("Dina Nurgalieva", rules) == "female");
  CHECK(SurnameGender("Olga Vysotskaya", rules) == "female");
}

TEST_CASE("SurnameGender says nothing for weak, hintless or absent endings", "[graph]") {
  const RuleSet& rules = ProjectRules();
  CHECK(SurnameGender("Karina", rules).empty());            // -ina is weak: given names share it
  CHECK(SurnameGender("Bolat Abdyldaev", rules).empty());   // -ev is weak
  CHECK(SurnameGender("Taras Shevchenko", rules).empty());  // -enko has no hint
  CHECK(SurnameGender("Aigul Serik", rules).empty());
  CHECK(SurnameGender("Ulan Temirbek uulu", rules).empty());
  CHECK(SurnameGender("Ova", rules).empty());               // nothing left before the ending
  CHECK(SurnameGender("", rules).empty());
}

}  // namespace
}  // namespace kith
