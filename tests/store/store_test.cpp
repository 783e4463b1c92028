#include "store/store.h"

#include <catch2/catch.hpp>

#include "store/content_hash.h"
#include "store/graph_snapshot.h"
#include "tests/store/test_support.h"

namespace kith {
namespace {

using testing::MakeSample;
using testing::Sample;

std::unique_ptr<Store> OpenMemoryStore() {
  std::unique_ptr<Store> store;
  Status s = Store::Open(":memory:", StoreOptions(), &store);
  INFO(s.ToString());
  REQUIRE(s.ok());
  return store;
}

Store::PutOutcome Put(Store* store, const Sample& sample) {
  Store::PutOutcome outcome = Store::PutOutcome::kUnchanged;
  Status s = store->PutDocument(sample.doc, ContentHash(sample.doc.text), sample.graph, &outcome);
  INFO(s.ToString());
  REQUIRE(s.ok());
  return outcome;
}

StoreStats Stats(Store* store) {
  StoreStats stats;
  REQUIRE(store->GetStats(&stats).ok());
  return stats;
}

std::int64_t Count(Store* store, const std::string& sql) {
  std::int64_t n = -1;
  Status s = store->database()->QueryInt64(sql, &n);
  INFO(s.ToString());
  REQUIRE(s.ok());
  return n;
}

bool SameStats(const StoreStats& a, const StoreStats& b) {
  return a.documents == b.documents && a.sentences == b.sentences && a.persons == b.persons &&
         a.organizations == b.organizations && a.places == b.places && a.mentions == b.mentions &&
         a.relations == b.relations && a.events == b.events;
}

// A second article, at `path`, that names the consulate and Almaty again and
// a new person with an unnamed relative.
Sample MakeOtherSample(const std::string& path) {
  Sample s;
  s.doc.path = path;
  s.doc.text = "Aizhan Serikqyzy joined the protest at the Chinese Consulate in Almaty. Her husband waited.";
  const std::string& t = s.doc.text;
  s.graph.sentences = {SentenceRecord{Span{0, 75}}, SentenceRecord{Span{76, t.size()}}};
  Entity aizhan;
  aizhan.name = "Aizhan Serikqyzy";
  aizhan.type = "Person";
  aizhan.gender = "female";
  Entity consulate;
  consulate.kind = EntityKind::kOrganization;
  consulate.type = "GovernmentOrganization";
  consulate.name = "the Chinese Consulate in Almaty";
  Entity husband;
  husband.gender = "male";
  husband.description = "husband of Aizhan Serikqyzy";
  s.graph.entities = {aizhan, consulate, husband};
  s.graph.mentions = {Mention{0, testing::Ev(t, "Aizhan Serikqyzy", 0, "ner.person")},
                      Mention{1, testing::Ev(t, "Chinese Consulate in Almaty", 0, "ner.org")},
                      Mention{2, testing::Ev(t, "Her husband", 1, "kin.unnamed")}};
  Relation spouse;
  spouse.subject = 2;
  spouse.type = "spouse";
  spouse.object = 0;
  spouse.term = "husband";
  spouse.evidence = testing::Ev(t, "Her husband", 1, "kin.possessive");
  s.graph.relations = {spouse};
  return s;
}

TEST_CASE("Store inserts a document and counts its facts", "[store]") {
  auto store = OpenMemoryStore();
  const Sample sample = MakeSample("a.txt");
  CHECK(Put(store.get(), sample) == Store::PutOutcome::kInserted);
  const StoreStats stats = Stats(store.get());
  CHECK(stats.documents == 1);
  CHECK(stats.sentences == 3);
  CHECK(stats.persons == 3);
  CHECK(stats.organizations == 1);
  CHECK(stats.places == 1);
  CHECK(stats.mentions == 5);
  CHECK(stats.relations == 3);
  CHECK(stats.events == 2);
  bool found = false;
  REQUIRE(store->HasDocument(ContentHash(sample.doc.text), &found).ok());
  CHECK(found);
  REQUIRE(store->HasDocument(ContentHash("other bytes"), &found).ok());
  CHECK_FALSE(found);
  // Aliases and canonical names are in entity_names; the inferred tie has its two sources.
  CHECK(Count(store.get(), "SELECT count(*) FROM entity_names WHERE name = 'Yerbolat'") == 1);
  CHECK(Count(store.get(), "SELECT count(*) FROM entity_names WHERE name = 'Chinese Consulate'") == 1);
  CHECK(Count(store.get(), "SELECT count(*) FROM relation_sources") == 2);
  CHECK(Count(store.get(), "SELECT count(*) FROM event_roles") == 3);
  CHECK(Count(store.get(), "SELECT count(*) FROM family_ties WHERE subject = 'Yerbolat Seitkali' AND "
                           "object = 'Saltanat Seitkali' AND term = 'younger brother' AND document = 'a.txt'") == 1);
  CHECK(Count(store.get(), "SELECT count(*) FROM mentions WHERE text = 'Chinese Consulate in Almaty'") == 1);
  CHECK(Count(store.get(), "SELECT count(*) FROM entities WHERE name = 'Chinese Consulate in Almaty' AND "
                           "located_in = (SELECT id FROM entities WHERE name = 'Almaty')") == 1);
}

TEST_CASE("Store leaves the same content unchanged", "[store]") {
  auto store = OpenMemoryStore();
  const Sample sample = MakeSample("a.txt");
  Put(store.get(), sample);
  const StoreStats before = Stats(store.get());
  const std::int64_t names_before = Count(store.get(), "SELECT count(*) FROM entity_names");
  CHECK(Put(store.get(), sample) == Store::PutOutcome::kUnchanged);
  // The same bytes under another path are still the same document.
  Sample renamed = sample;
  renamed.doc.path = "copy-of-a.txt";
  CHECK(Put(store.get(), renamed) == Store::PutOutcome::kUnchanged);
  CHECK(SameStats(Stats(store.get()), before));
  CHECK(Count(store.get(), "SELECT count(*) FROM entity_names") == names_before);
}

TEST_CASE("Store replaces a document whose path has new content", "[store]") {
  auto store = OpenMemoryStore();
  const Sample first = MakeSample("a.txt");
  Put(store.get(), first);
  const std::int64_t old_son =
      Count(store.get(), "SELECT id FROM entities WHERE name IS NULL AND description = 'son of Saltanat Seitkali'");

  const Sample second = MakeSample("a.txt", " Updated.");
  CHECK(Put(store.get(), second) == Store::PutOutcome::kReplaced);
  const StoreStats stats = Stats(store.get());
  CHECK(stats.documents == 1);
  CHECK(stats.relations == 3);
  CHECK(stats.events == 2);
  CHECK(stats.persons == 3);  // the old unnamed son went with his document
  bool found = true;
  REQUIRE(store->HasDocument(ContentHash(first.doc.text), &found).ok());
  CHECK_FALSE(found);
  CHECK(Count(store.get(), "SELECT count(*) FROM entities WHERE id = " + std::to_string(old_son)) == 0);
  CHECK(Count(store.get(), "SELECT count(*) FROM mentions WHERE document_id NOT IN (SELECT id FROM documents)") == 0);
  CHECK(Count(store.get(), "SELECT count(*) FROM relation_sources") == 2);
  CHECK(Count(store.get(), "SELECT byte_length FROM documents") == static_cast<std::int64_t>(second.doc.text.size()));
}

TEST_CASE("Store extracts the same bytes again under another extraction fingerprint", "[store]") {
  testing::TempDir dir;
  const std::string path = dir.File("kith.db");
  const Sample sample = MakeSample("a.txt");
  const auto open = [&](const std::string& fingerprint) {
    StoreOptions options;
    options.extraction_fingerprint = fingerprint;
    std::unique_ptr<Store> store;
    const Status s = Store::Open(path, options, &store);
    INFO(s.ToString());
    REQUIRE(s.ok());
    return store;
  };
  StoreStats first_stats;
  {
    auto store = open("rules-1");
    CHECK(Put(store.get(), sample) == Store::PutOutcome::kInserted);
    first_stats = Stats(store.get());
  }
  auto store = open("rules-2");
  bool found = true;
  REQUIRE(store->HasDocument(ContentHash(sample.doc.text), &found).ok());
  CHECK_FALSE(found);
  CHECK(Put(store.get(), sample) == Store::PutOutcome::kReextracted);
  CHECK(SameStats(Stats(store.get()), first_stats));  // the old facts went, the new ones came
  CHECK(Count(store.get(), "SELECT count(*) FROM documents WHERE extraction_fingerprint = 'rules-2'") == 1);
  CHECK(Count(store.get(), "SELECT count(*) FROM mentions WHERE document_id NOT IN (SELECT id FROM documents)") == 0);
  CHECK(Put(store.get(), sample) == Store::PutOutcome::kUnchanged);
  // Another path with the same bytes and other rules replaces the one row too.
  Sample renamed = sample;
  renamed.doc.path = "b.txt";
  store.reset();
  store = open("rules-3");
  CHECK(Put(store.get(), renamed) == Store::PutOutcome::kReextracted);
  CHECK(Stats(store.get()).documents == 1);
  CHECK(std::string(PutOutcomeName(Store::PutOutcome::kReextracted)) == "re-extracted");
}

TEST_CASE("Store never replaces documents read from stdin", "[store]") {
  auto store = OpenMemoryStore();
  CHECK(Put(store.get(), MakeSample("-")) == Store::PutOutcome::kInserted);
  CHECK(Put(store.get(), MakeSample("-", " More.")) == Store::PutOutcome::kInserted);
  CHECK(Stats(store.get()).documents == 2);
}

TEST_CASE("Store rejects a graph with a bad index and stores nothing of it", "[store]") {
  auto store = OpenMemoryStore();
  Put(store.get(), MakeSample("a.txt"));
  const StoreStats before = Stats(store.get());

  Sample bad = MakeOtherSample("b.txt");
  bad.graph.relations[0].subject = 99;
  Store::PutOutcome outcome = Store::PutOutcome::kInserted;
  Status s = store->PutDocument(bad.doc, ContentHash(bad.doc.text), bad.graph, &outcome);
  REQUIRE_FALSE(s.ok());
  CHECK(s.code() == StatusCode::kInvalidInput);
  CHECK(s.file() == "b.txt");
  CHECK(s.line() == 1);
  CHECK(s.column() == 73);  // "Her husband" starts the second sentence
  CHECK(s.message().find("relation 0: subject 99") != std::string::npos);
  CHECK(SameStats(Stats(store.get()), before));
  bool found = true;
  REQUIRE(store->HasDocument(ContentHash(bad.doc.text), &found).ok());
  CHECK_FALSE(found);
}

TEST_CASE("Store rejects bad spans, sentences, sources and genders", "[store]") {
  auto store = OpenMemoryStore();
  struct Case {
    const char* name;
    void (*breakit)(Sample*);
    const char* expected;
  };
  const Case cases[] = {
      {"mention span past the end", [](Sample* s) { s->graph.mentions[0].evidence.span.end = 10000; },
       "mention 0: span"},
      {"sentence index", [](Sample* s) { s->graph.mentions[1].evidence.sentence = 7; }, "mention 1: sentence 7"},
      {"event role entity", [](Sample* s) { s->graph.events[0].roles[1].entity = -1; }, "role \"protester\""},
      {"event place", [](Sample* s) { s->graph.events[0].place = 5; }, "event 0: place 5"},
      {"relation source", [](Sample* s) { s->graph.relations[2].sources = {2}; }, "relation 2: source 2"},
      {"gender", [](Sample* s) { s->graph.entities[0].gender = "f"; }, "entity 0: gender"},
      {"located_in", [](Sample* s) { s->graph.entities[2].located_in = 2; }, "entity 2: located_in"},
      {"unnamed organization", [](Sample* s) { s->graph.entities[2].name = "  "; }, "organization without a name"},
      {"missing rule", [](Sample* s) { s->graph.relations[0].evidence.rule.clear(); }, "relation 0: no rule"},
  };
  for (const Case& c : cases) {
    Sample sample = MakeSample("a.txt");
    c.breakit(&sample);
    Store::PutOutcome outcome = Store::PutOutcome::kInserted;
    Status s = store->PutDocument(sample.doc, ContentHash(sample.doc.text), sample.graph, &outcome);
    INFO(c.name << ": " << s.ToString());
    CHECK(s.code() == StatusCode::kInvalidInput);
    CHECK(s.message().find(c.expected) != std::string::npos);
  }
  CHECK(Stats(store.get()).documents == 0);
  CHECK(Count(store.get(), "SELECT count(*) FROM entities") == 0);
}

TEST_CASE("Store rolls back a document whose write fails midway", "[store]") {
  auto store = OpenMemoryStore();
  Put(store.get(), MakeOtherSample("b.txt"));
  const StoreStats before = Stats(store.get());
  const std::int64_t names_before = Count(store.get(), "SELECT count(*) FROM entity_names");
  // Entities, mentions and relations are written before events: fail there.
  REQUIRE(store->database()
              ->ExecScript("CREATE TEMP TRIGGER fail_events BEFORE INSERT ON main.events "
                           "BEGIN SELECT RAISE(ABORT, 'injected failure'); END")
              .ok());
  const Sample sample = MakeSample("a.txt");
  Store::PutOutcome outcome = Store::PutOutcome::kInserted;
  Status s = store->PutDocument(sample.doc, ContentHash(sample.doc.text), sample.graph, &outcome);
  REQUIRE_FALSE(s.ok());
  CHECK(s.code() == StatusCode::kDatabase);
  CHECK(s.message().find("injected failure") != std::string::npos);
  CHECK(s.message().find("a.txt") != std::string::npos);
  CHECK(SameStats(Stats(store.get()), before));
  CHECK(Count(store.get(), "SELECT count(*) FROM entity_names") == names_before);
  // The connection is usable afterwards.
  REQUIRE(store->database()->ExecScript("DROP TRIGGER fail_events").ok());
  CHECK(Put(store.get(), sample) == Store::PutOutcome::kInserted);
}

TEST_CASE("Store shares named entities across documents", "[store]") {
  auto store = OpenMemoryStore();
  Put(store.get(), MakeSample("a.txt"));
  Put(store.get(), MakeOtherSample("b.txt"));
  const StoreStats stats = Stats(store.get());
  CHECK(stats.documents == 2);
  CHECK(stats.organizations == 1);  // "the Chinese Consulate in Almaty" is the same institution
  CHECK(stats.places == 1);
  CHECK(stats.persons == 5);  // 2 named + 1 unnamed, then 1 named + 1 unnamed
  CHECK(Count(store.get(), "SELECT count(DISTINCT document_id) FROM mentions WHERE entity_id = "
                           "(SELECT id FROM entities WHERE kind = 'organization')") == 2);
  // The same person named in two articles is one entity; unnamed persons never merge.
  Sample again = MakeSample("c.txt", " Again.");
  Put(store.get(), again);
  CHECK(Count(store.get(), "SELECT count(*) FROM entities WHERE name = 'Saltanat Seitkali'") == 1);
  CHECK(Count(store.get(), "SELECT count(*) FROM entities WHERE description = 'son of Saltanat Seitkali'") == 2);
}

TEST_CASE("Store fills in gender and age an entity did not have", "[store]") {
  auto store = OpenMemoryStore();
  Sample first = MakeSample("a.txt");
  first.graph.entities[1].gender.clear();
  first.graph.entities[1].age = -1;
  first.graph.entities[2].type = "Organization";
  Put(store.get(), first);
  CHECK(Count(store.get(), "SELECT count(*) FROM entities WHERE name = 'Yerbolat Seitkali' AND gender IS NULL") == 1);

  Sample second = MakeSample("b.txt", " Second.");
  Put(store.get(), second);
  CHECK(Count(store.get(), "SELECT age FROM entities WHERE name = 'Yerbolat Seitkali'") == 45);
  CHECK(Count(store.get(), "SELECT count(*) FROM entities WHERE name = 'Yerbolat Seitkali' AND gender = 'male'") == 1);
  CHECK(Count(store.get(), "SELECT count(*) FROM entities WHERE type = 'GovernmentOrganization'") == 1);

  Sample third = MakeSample("c.txt", " Third.");
  third.graph.entities[1].age = 50;
  Put(store.get(), third);
  CHECK(Count(store.get(), "SELECT age FROM entities WHERE name = 'Yerbolat Seitkali'") == 45);
}

TEST_CASE("Store removes entities no longer mentioned after a replace", "[store]") {
  auto store = OpenMemoryStore();
  Put(store.get(), MakeSample("a.txt"));
  Put(store.get(), MakeOtherSample("b.txt"));
  // b.txt's new version names only Aizhan: the consulate stays (a.txt names
  // it), her husband goes with the old version.
  Sample shorter;
  shorter.doc.path = "b.txt";
  shorter.doc.text = "Aizhan Serikqyzy spoke.";
  shorter.graph.sentences = {SentenceRecord{Span{0, shorter.doc.text.size()}}};
  Entity aizhan;
  aizhan.name = "Aizhan Serikqyzy";
  shorter.graph.entities = {aizhan};
  shorter.graph.mentions = {Mention{0, testing::Ev(shorter.doc.text, "Aizhan Serikqyzy", 0, "ner.person")}};
  CHECK(Put(store.get(), shorter) == Store::PutOutcome::kReplaced);
  CHECK(Stats(store.get()).organizations == 1);
  CHECK(Count(store.get(), "SELECT count(*) FROM entities WHERE description LIKE 'husband%'") == 0);

  // a.txt's new version names nobody: its persons, the consulate and Almaty go.
  Sample empty;
  empty.doc.path = "a.txt";
  empty.doc.text = "Nothing to see.";
  CHECK(Put(store.get(), empty) == Store::PutOutcome::kReplaced);
  const StoreStats stats = Stats(store.get());
  CHECK(stats.organizations == 0);
  CHECK(stats.places == 0);
  CHECK(stats.persons == 1);
  CHECK(Count(store.get(), "SELECT count(*) FROM entity_names") == 1);
}

TEST_CASE("Store keeps a place only an institution refers to, and drops entities with no fact", "[store]") {
  auto store = OpenMemoryStore();
  Sample sample = MakeSample("a.txt");
  sample.graph.mentions.erase(sample.graph.mentions.begin() + 2);  // Almaty: only the consulate's location
  Entity stray;
  stray.name = "Nobody Mentioned";
  sample.graph.entities.push_back(stray);
  Put(store.get(), sample);
  CHECK(Stats(store.get()).places == 1);
  CHECK(Count(store.get(), "SELECT count(*) FROM entities WHERE name = 'Nobody Mentioned'") == 0);

  // Without the consulate, nothing refers to Almaty: both go, in a chain.
  Sample empty;
  empty.doc.path = "a.txt";
  empty.doc.text = "Nothing to see.";
  CHECK(Put(store.get(), empty) == Store::PutOutcome::kReplaced);
  CHECK(Count(store.get(), "SELECT count(*) FROM entities") == 0);
  CHECK(Count(store.get(), "SELECT count(*) FROM entity_names") == 0);
}

TEST_CASE("Store round-trips names with quotes and SQL in them", "[store]") {
  auto store = OpenMemoryStore();
  Sample sample = MakeSample("it's \"quoted\".txt");
  sample.graph.entities[0].name = "Robert'); DROP TABLE entities;--";
  sample.graph.entities[1].name = "O'Brien \"Bob\" \xD0\x90\xD0\xB9\xD0\xB3\xD1\x83\xD0\xBB\xD1\x8C";
  sample.graph.relations[0].term = "brother's \"keeper\"";
  Put(store.get(), sample);
  StoredGraph graph;
  REQUIRE(ReadGraph(*store, &graph).ok());
  REQUIRE(graph.entities.size() == 5);
  CHECK(graph.entities[0].name == "Robert'); DROP TABLE entities;--");
  CHECK(graph.entities[1].name == "O'Brien \"Bob\" \xD0\x90\xD0\xB9\xD0\xB3\xD1\x83\xD0\xBB\xD1\x8C");
  CHECK(graph.relations[0].term == "brother's \"keeper\"");
  CHECK(graph.documents[0].path == "it's \"quoted\".txt");
  CHECK(Count(store.get(), "SELECT count(*) FROM sqlite_master WHERE name = 'entities'") == 1);
}

TEST_CASE("Store reopens a file and keeps its documents", "[store]") {
  testing::TempDir dir;
  const std::string path = dir.File("kith.db");
  {
    std::unique_ptr<Store> store;
    REQUIRE(Store::Open(path, StoreOptions(), &store).ok());
    Put(store.get(), MakeSample("a.txt"));
  }
  std::unique_ptr<Store> store;
  StoreOptions options;
  options.create_if_missing = false;
  REQUIRE(Store::Open(path, options, &store).ok());
  CHECK(Stats(store.get()).documents == 1);
  CHECK(Put(store.get(), MakeSample("a.txt")) == Store::PutOutcome::kUnchanged);
  CHECK(std::string(PutOutcomeName(Store::PutOutcome::kReplaced)) == "replaced");
}

}  // namespace
}  // namespace kith
