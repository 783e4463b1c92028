#include "store/graph_snapshot.h"

#include <catch2/catch.hpp>

#include "store/content_hash.h"
#include "store/store.h"
#include "tests/store/test_support.h"

namespace kith {
namespace {

std::unique_ptr<Store> StoreWith(const std::vector<testing::Sample>& samples) {
  std::unique_ptr<Store> store;
  REQUIRE(Store::Open(":memory:", StoreOptions(), &store).ok());
  for (const auto& sample : samples) {
    Store::PutOutcome outcome;
    Status s = store->PutDocument(sample.doc, ContentHash(sample.doc.text), sample.graph, &outcome);
    INFO(s.ToString());
    REQUIRE(s.ok());
  }
  return store;
}

const StoredEntity& Named(const StoredGraph& graph, const std::string& name) {
  for (const auto& e : graph.entities) {
    if (e.name == name) return e;
  }
  FAIL("no entity named " << name);
  return graph.entities.front();
}

TEST_CASE("ReadGraph of an empty store is empty", "[store]") {
  auto store = StoreWith({});
  StoredGraph graph;
  graph.documents.resize(3);  // replaced, not appended to
  REQUIRE(ReadGraph(*store, &graph).ok());
  CHECK(graph.documents.empty());
  CHECK(graph.entities.empty());
  CHECK(graph.relations.empty());
  CHECK(graph.events.empty());
}

TEST_CASE("ReadGraph returns documents, entities, relations and events with evidence", "[store]") {
  const testing::Sample sample = testing::MakeSample("a.txt");
  auto store = StoreWith({sample});
  StoredGraph graph;
  REQUIRE(ReadGraph(*store, &graph).ok());

  REQUIRE(graph.documents.size() == 1);
  const StoredDocument& doc = graph.documents[0];
  CHECK(doc.path == "a.txt");
  CHECK(doc.title == "Protest in Almaty");
  CHECK(doc.date == "2021-02-23");
  CHECK(doc.url == "https://example.org/a");
  CHECK(doc.source == "Example News");
  CHECK(doc.content_hash == ContentHash(sample.doc.text));
  CHECK(doc.byte_length == static_cast<std::int64_t>(sample.doc.text.size()));
  CHECK(doc.ingested_at.size() == 20);

  REQUIRE(graph.entities.size() == 5);
  for (std::size_t i = 1; i < graph.entities.size(); ++i) CHECK(graph.entities[i - 1].id < graph.entities[i].id);
  const StoredEntity& saltanat = Named(graph, "Saltanat Seitkali");
  const StoredEntity& yerbolat = Named(graph, "Yerbolat Seitkali");
  const StoredEntity& consulate = Named(graph, "Chinese Consulate in Almaty");
  const StoredEntity& almaty = Named(graph, "Almaty");
  CHECK(saltanat.gender == "female");
  CHECK(saltanat.aliases.empty());
  CHECK(yerbolat.aliases == std::vector<std::string>{"Yerbolat"});
  CHECK(yerbolat.age == 45);
  CHECK(saltanat.age == -1);
  CHECK(consulate.kind == EntityKind::kOrganization);
  CHECK(consulate.type == "GovernmentOrganization");
  CHECK(consulate.located_in == almaty.id);
  CHECK(almaty.type == "City");
  CHECK(almaty.documents == std::vector<std::int64_t>{doc.id});
  const StoredEntity* son = nullptr;
  for (const auto& e : graph.entities) {
    if (e.name.empty()) son = &e;
  }
  REQUIRE(son != nullptr);
  CHECK(son->description == "son of Saltanat Seitkali");
  CHECK(son->origin_document_id == doc.id);
  CHECK(son->aliases.empty());
  CHECK(graph.FindEntity(son->id) == son);
  CHECK(graph.FindEntity(9999) == nullptr);

  REQUIRE(graph.relations.size() == 3);
  const StoredRelation& sibling = graph.relations[0];
  CHECK(sibling.subject == yerbolat.id);
  CHECK(sibling.object == saltanat.id);
  CHECK(sibling.type == "sibling");
  CHECK(sibling.term == "younger brother");
  CHECK_FALSE(sibling.inferred);
  CHECK(sibling.evidence.document_id == doc.id);
  CHECK(sibling.evidence.sentence == 1);
  CHECK(sibling.evidence.span == sample.graph.relations[0].evidence.span);
  CHECK(sibling.evidence.rule == "kin.appositive");
  const StoredRelation& nephew = graph.relations[2];
  CHECK(nephew.inferred);
  CHECK(nephew.sources == std::vector<std::int64_t>{graph.relations[0].id, graph.relations[1].id});

  REQUIRE(graph.events.size() == 2);
  const StoredEvent& protest = graph.events[0];
  CHECK(protest.kind == "Protest");
  CHECK(protest.date == "--02-22");
  CHECK(protest.date_precision == "day");
  CHECK(protest.place == consulate.id);
  REQUIRE(protest.roles.size() == 2);
  CHECK(protest.roles[0].role == "protester");
  CHECK(protest.roles[0].entity == saltanat.id);
  CHECK(protest.roles[1].entity == yerbolat.id);
  CHECK(protest.attributes == std::map<std::string, std::string>{{"term", "P1D"}});
  CHECK(protest.evidence.sentence == 0);
  CHECK(protest.evidence.rule == "event.protest");
  CHECK(graph.events[1].place == 0);
  CHECK(graph.events[1].roles[0].entity == son->id);
}

TEST_CASE("ReadGraph lists every document that mentions a shared entity", "[store]") {
  auto store = StoreWith({testing::MakeSample("a.txt"), testing::MakeSample("b.txt", " Again.")});
  StoredGraph graph;
  REQUIRE(ReadGraph(*store, &graph).ok());
  REQUIRE(graph.documents.size() == 2);
  CHECK(Named(graph, "Almaty").documents ==
        std::vector<std::int64_t>{graph.documents[0].id, graph.documents[1].id});
  CHECK(graph.entities.size() == 6);  // 4 shared named entities + 2 unnamed sons
}

TEST_CASE("ReadGraph keeps attribute values written by hand as JSON text", "[store]") {
  auto store = StoreWith({testing::MakeSample("a.txt")});
  REQUIRE(store->database()->ExecScript("UPDATE events SET attributes = '{\"count\": 9}' WHERE kind = 'Protest'").ok());
  StoredGraph graph;
  REQUIRE(ReadGraph(*store, &graph).ok());
  CHECK(graph.events[0].attributes.at("count") == "9");
}

}  // namespace
}  // namespace kith
