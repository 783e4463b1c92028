#include "graph/patronymic.h"

#include <catch2/catch.hpp>

#include "tests/project_rules.h"

namespace kith {
namespace {

const RuleSet& Rules() { return ProjectRules(); }

TEST_CASE("PatronymicStemKey reads the father's name from a particle or an ending", "[graph]") {
  const RuleSet& rules = Rules();
  const std::string father = GivenNameKey("Temirbek Asanov", rules);
  REQUIRE_FALSE(father.empty());
  CHECK(PatronymicStemKey("Ulan Temirbek uulu", rules) == father);
  CHECK(PatronymicStemKey("Aida Temirbekqyzy", rules) == father);
  CHECK(PatronymicStemKey("Aida Temirbek kyzy", rules) == father);
  CHECK(PatronymicStemKey("Marat Temirbekovich Asanov", rules) == father);
  // Spelling variants of the father's name compare equal.
  CHECK(PatronymicStemKey("Aida Temirbekqyzy", rules) == PatronymicStemKey("Ulan Temirbekuly", rules));
}

TEST_CASE("PatronymicStemKey is empty for a name without a patronymic", "[graph]") {
  const RuleSet& rules = Rules();
  CHECK(PatronymicStemKey("Aida Asanova", rules).empty());
  CHECK(PatronymicStemKey("Ulan", rules).empty());
  // The given name is never read as one, nor a particle with nothing before it.
  CHECK(PatronymicStemKey("Kyzy Asanova", rules).empty());
  CHECK(PatronymicStemKey("", rules).empty());
}

TEST_CASE("FamilyNameKey falls back to the last word", "[graph]") {
  const RuleSet& rules = Rules();
  CHECK(FamilyNameKey("Erkin Tohti", rules) == FamilyNameKey("Alim Tohtiyev", rules));
  CHECK(FamilyNameKey("Ulan Temirbek uulu", rules) == GivenNameKey("Temirbek Asanov", rules));
  CHECK(FamilyNameKey("Ulan", rules).empty());
}

TEST_CASE("PatronymicKeys gives each function's key, asked once or again", "[graph]") {
  const RuleSet& rules = Rules();
  PatronymicKeys keys(rules);
  for (const char* name : {"Ulan Temirbek uulu", "Aida Temirbekqyzy", "Erkin Tohti", "Ulan", ""}) {
    for (int again = 0; again < 2; ++again) {
      CHECK(keys.Stem(name) == PatronymicStemKey(name, rules));
      CHECK(keys.Family(name) == FamilyNameKey(name, rules));
      CHECK(keys.Given(name) == GivenNameKey(name, rules));
    }
  }
  CHECK_FALSE(keys.Stem("Aida Temirbekqyzy").empty());
}

}  // namespace
}  // namespace kith
