#include "exporters/person_lookup.h"

#include <catch2/catch.hpp>

#include "tests/exporters/stored_graph_fixture.h"

namespace kith {
namespace {

TEST_CASE("FindPerson matches names and aliases in any case", "[exporters]") {
  StoredGraph graph = testing::SampleStoredGraph();
  graph.entities[6].name = "\xC3\x96zt\xC3\xBCrk Ay\xC5\x9F" "e";  // Öztürk Ayşe
  struct Case {
    std::string query;
    std::int64_t id;
  };
  const Case cases[] = {
      {"Saltanat Seitkali", 1},   {"saltanat seitkali", 1}, {"  SALTANAT SEITKALI\t", 1}, {"yerbolat", 2},
      {"person/7", 7},         {"person-8", 8},       {"person/6", 6},
      {"\xC3\xB6zt\xC3\xBCrk ay\xC5\x9F" "e", 7},  // öztürk ayşe
  };
  for (const Case& c : cases) {
    INFO(c.query);
    std::int64_t id = 0;
    Status s = FindPerson(graph, c.query, &id);
    INFO(s.ToString());
    CHECK(s.ok());
    CHECK(id == c.id);
  }
}

TEST_CASE("FindPerson prefers a name to an alias and lists ambiguous candidates", "[exporters]") {
  StoredGraph graph = testing::SampleStoredGraph();
  graph.entities[7].aliases = {"Yerbolat Seitkali"};  // Daniyar also called so: the name wins
  std::int64_t id = 0;
  REQUIRE(FindPerson(graph, "yerbolat seitkali", &id).ok());
  CHECK(id == 2);
  graph.entities[7].aliases = {"Seitkali"};
  graph.entities[6].aliases = {"Seitkali"};
  Status s = FindPerson(graph, "seitkali", &id);
  CHECK(s.code() == StatusCode::kInvalidInput);
  CHECK(s.message() ==
        "\"seitkali\" names 2 persons; give one of their ids:\n"
        "  person/7 Aigerim Seitkali (also Seitkali)\n"
        "  person/8 Daniyar (also Seitkali)");
  graph.entities[7].name = "Saltanat Seitkali";
  s = FindPerson(graph, "Saltanat Seitkali", &id);
  CHECK(s.code() == StatusCode::kInvalidInput);
  CHECK(s.message().find("person/1 Saltanat Seitkali\n  person/8 Saltanat Seitkali") != std::string::npos);
}

TEST_CASE("FindPerson names what it did not find and suggests similar names", "[exporters]") {
  const StoredGraph graph = testing::SampleStoredGraph();
  std::int64_t id = 42;
  Status s = FindPerson(graph, "Seitkali", &id);
  CHECK(s.code() == StatusCode::kNotFound);
  CHECK(s.message() ==
        "no person named \"Seitkali\"; similar names:\n"
        "  person/1 Saltanat Seitkali\n"
        "  person/2 Yerbolat Seitkali (also Yerbolat)\n"
        "  person/7 Aigerim Seitkali");
  s = FindPerson(graph, "Zzyzx", &id);
  CHECK(s.message() == "no person named \"Zzyzx\" (and none with a similar name)");
  CHECK(FindPerson(graph, "person/3", &id).code() == StatusCode::kNotFound);  // an organization
  CHECK(FindPerson(graph, "person/x", &id).code() == StatusCode::kNotFound);
  CHECK(FindPerson(graph, "Chinese Consulate in Almaty", &id).code() == StatusCode::kNotFound);
  CHECK(FindPerson(graph, "", &id).code() == StatusCode::kNotFound);
  CHECK(id == 42);
}

}  // namespace
}  // namespace kith
