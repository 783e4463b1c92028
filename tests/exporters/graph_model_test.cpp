#include "exporters/graph_model.h"

#include <catch2/catch.hpp>

#include "tests/exporters/stored_graph_fixture.h"

namespace kith {
namespace {

TEST_CASE("TieType names relationship types", "[exporters]") {
  struct Case {
    std::string type;
    std::string out;
    bool reversed;
  };
  const Case cases[] = {
      {"parent", "PARENT_OF", false},     {"child", "PARENT_OF", true},       {"sibling", "SIBLING_OF", false},
      {"spouse", "SPOUSE_OF", false},     {"relative", "RELATIVE_OF", false}, {"member", "MEMBER_OF", false},
      {"member of", "MEMBER_OF", false},  {"works-for", "WORKS_FOR_OF", false}, {"head_of", "HEAD_OF", false},
      {"", "RELATED_TO", false},          {"&&", "RELATED_TO", false},        {"2nd cousin", "T_2ND_COUSIN_OF", false},
      {"Employer", "EMPLOYER_OF", false},
  };
  for (const Case& c : cases) {
    INFO(c.type);
    bool reversed = !c.reversed;
    CHECK(TieType(c.type, &reversed) == c.out);
    CHECK(reversed == c.reversed);
  }
}

TEST_CASE("GraphModel holds entities, events and their edges in a fixed order", "[exporters]") {
  const StoredGraph stored = testing::SampleStoredGraph();
  const GraphModel model(stored);
  const ModelGraph& g = model.graph();
  REQUIRE(model.num_vertices() == 12);  // 8 entities + 4 events
  CHECK(model.NodeKey(0) == "person-1");
  CHECK(model.NodeKey(2) == "organization-3");
  CHECK(model.NodeKey(3) == "place-4");
  CHECK(model.NodeKey(8) == "event-1");
  CHECK(model.EntityVertex(6) == 5);
  CHECK(model.EventVertex(2) == 9);
  CHECK(model.EntityVertex(99) == ModelGraph::null_vertex());
  CHECK(model.FindDocument(2)->path == "samples/b.txt");
  CHECK(model.FindDocument(3) == nullptr);

  std::vector<std::string> edges;
  for (ModelEdgeRef e : model.edges()) {
    edges.push_back(model.EdgeKey(e) + " " + model.NodeKey(boost::source(e, g)) + " -" + std::string(g[e].type) + "-> " +
                    model.NodeKey(boost::target(e, g)));
  }
  CHECK(edges == std::vector<std::string>{
                     "tie-1 person-2 -SIBLING_OF-> person-1",
                     "tie-2 person-1 -PARENT_OF-> person-6",  // (6 child 1): the parent first
                     "tie-3 person-6 -RELATIVE_OF-> person-2",
                     "tie-4 person-7 -SPOUSE_OF-> person-2",
                     "tie-5 person-1 -PARENT_OF-> person-6",
                     "located-3 organization-3 -LOCATED_IN-> place-4",
                     "located-4 place-4 -PART_OF-> place-5",
                     "event-1-place event-1 -LOCATED_IN-> organization-3",
                     "event-1-role-0 person-1 -PARTICIPATED_IN-> event-1",
                     "event-1-role-1 person-2 -PARTICIPATED_IN-> event-1",
                     "event-2-role-0 person-6 -PARTICIPATED_IN-> event-2",
                     "event-2-role-1 organization-3 -PARTICIPATED_IN-> event-2",
                     "event-3-place event-3 -LOCATED_IN-> organization-3",
                     "event-3-role-0 person-1 -PARTICIPATED_IN-> event-3",
                     "event-4-place event-4 -LOCATED_IN-> organization-3",
                     "event-4-role-0 person-1 -PARTICIPATED_IN-> event-4",
                     "event-4-same-as-3 event-4 -SAME_AS-> event-3",  // the later report points to the earlier
                 });
  CHECK(g[model.edges()[1]].reversed);
  CHECK(g[model.edges()[1]].family);
  CHECK_FALSE(g[model.edges()[4]].reversed);
}

TEST_CASE("GraphModel names and labels its nodes", "[exporters]") {
  StoredGraph stored = testing::SampleStoredGraph();
  stored.entities[4].type = "schema:Country";
  stored.entities[3].type = "not a type";
  stored.events[1].kind = "travel ban";
  const GraphModel model(stored);
  CHECK(model.DisplayName(0) == "Saltanat Seitkali");
  CHECK(model.DisplayName(5) == "son of Saltanat Seitkali");
  CHECK(model.DisplayName(8) == "Protest --02-22");
  CHECK(model.DisplayName(9) == "travel ban");
  CHECK(model.Labels(0) == std::vector<std::string>{"Person"});
  CHECK(model.Labels(2) == std::vector<std::string>{"Organization", "GovernmentOrganization"});
  CHECK(model.Labels(3) == std::vector<std::string>{"Place"});
  CHECK(model.Labels(4) == std::vector<std::string>{"Place", "Country"});
  CHECK(model.Labels(8) == std::vector<std::string>{"Event", "Protest"});
  CHECK(model.Labels(9) == std::vector<std::string>{"Event"});
  stored.entities[5].description = "";
  const GraphModel bare(stored);
  CHECK(bare.DisplayName(5) == "unnamed person");
}

TEST_CASE("GraphModel finds families and family distances", "[exporters]") {
  const StoredGraph stored = testing::SampleStoredGraph();
  const GraphModel model(stored);
  // Persons 1, 2, 6, 7 are one family (vertices 0, 1, 5, 6); Daniyar (7) has no ties.
  REQUIRE(model.Families().size() == 1);
  CHECK(model.Families()[0] == std::vector<ModelVertex>{0, 1, 5, 6});
  const std::vector<int> from_aigerim = model.FamilyDistances(6);
  CHECK(from_aigerim[6] == 0);
  CHECK(from_aigerim[1] == 1);  // her husband Yerbolat
  CHECK(from_aigerim[0] == 2);  // his sister
  CHECK(from_aigerim[5] == 2);  // his nephew
  CHECK(from_aigerim[7] == -1);
  CHECK(from_aigerim[2] == -1);  // the consulate: not a family tie
  CHECK(model.FamilyDistances(ModelGraph::null_vertex()) == std::vector<int>(12, -1));

  StoredGraph two = stored;
  two.relations.push_back(testing::StoredTieOf(6, 8, "sibling", 4, "brother", 0));  // a person and a place
  two.relations.push_back(testing::StoredTieOf(7, 8, "spouse", 8, "self", 0));      // a self tie: no family of one
  const GraphModel families(two);
  REQUIRE(families.Families().size() == 2);
  CHECK(families.Families()[1] == std::vector<ModelVertex>{3, 7});
}

TEST_CASE("GraphModel leaves out edges to missing entities", "[exporters]") {
  StoredGraph stored = testing::SampleStoredGraph();
  stored.relations[0].object = 42;
  stored.entities[2].located_in = 43;
  stored.events[0].place = 44;
  stored.events[0].roles.push_back(StoredEventRole{"protester", 45});
  const GraphModel model(stored);
  CHECK(model.edges().size() == 17 - 3);
  const GraphModel empty((StoredGraph()));
  CHECK(empty.num_vertices() == 0);
  CHECK(empty.Families().empty());
}

}  // namespace
}  // namespace kith
