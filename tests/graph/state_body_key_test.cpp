#include "graph/state_body_key.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "tests/project_rules.h"

namespace kith {
namespace {

// The key of `name`, tokenized as the graph builder tokenizes names.
std::string Key(const std::string& name) {
  std::vector<std::string> words;
  for (const Token& t : ProjectRules().tokenizer().Tokenize(name)) words.push_back(t.lower);
  return StateBodyKey(words, ProjectRules());
}

TEST_CASE("StateBodyKey gives one key to a state body's names in either order", "[graph]") {
  const std::string key = Key("Ministry of Foreign Affairs of the Kyrgyz Republic");
  CHECK(key == "ministry of foreign affairs|Kyrgyzstan");
  CHECK(Key("Kyrgyz Foreign Ministry") == key);
  CHECK(Key("Kyrgyzstan's Ministry of Foreign Affairs") == key);
  CHECK(Key("the Foreign Ministry of Kyrgyzstan") == key);
  CHECK(Key("Chinese Embassy") == Key("Embassy of the People's Republic of China"));
  CHECK(Key("Kazakh Foreign Ministry") != key);
}

TEST_CASE("StateBodyKey gives no key to a body with a seat, a name or no country", "[graph]") {
  CHECK(Key("Chinese Embassy in Astana").empty());
  CHECK(Key("Foreign Ministry").empty());
  CHECK(Key("Kizilsu Intermediate People's Court").empty());
  CHECK(Key("Ministry of Foreign Affairs of Atlantis").empty());
}

TEST_CASE("StateBodyKey gives a ministry in its state's capital the state's key", "[graph]") {
  CHECK(Key("Foreign Ministry in Bishkek") == Key("Kyrgyzstan's Ministry of Foreign Affairs"));
  CHECK(Key("the Ministry of Foreign Affairs in Astana") == Key("Kazakh Foreign Ministry"));
  // Not an embassy, which a capital seats for another state, nor a ministry in another city.
  CHECK(Key("Embassy in Astana").empty());
  CHECK(Key("Foreign Ministry in Almaty").empty());
}

}  // namespace
}  // namespace kith
