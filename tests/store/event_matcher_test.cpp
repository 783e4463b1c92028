#include "store/event_matcher.h"

#include <catch2/catch.hpp>

#include <functional>
#include <memory>
#include <string>

#include "store/graph_snapshot.h"
#include "store/store.h"
#include "tests/store/test_support.h"

namespace kith {
namespace {

// The sample's protest (Saltanat and Yerbolat Seitkali at the Chinese Consulate in Almaty) on a full date.
testing::Sample Article(const std::string& path, const std::function<void(Event*)>& change = nullptr) {
  testing::Sample s = testing::MakeSample(path);
  Event& protest = s.graph.events[0];
  REQUIRE(protest.kind == "Protest");
  protest.date = "2021-02-22";
  protest.date_precision = "day";
  if (change) change(&protest);
  return s;
}

void Put(Store* store, const testing::Sample& s, const std::string& hash) {
  Store::PutOutcome outcome;
  const Status status = store->PutDocument(s.doc, hash, s.graph, &outcome);
  INFO(status.ToString());
  REQUIRE(status.ok());
}

std::int64_t Links(Store* store) {
  std::int64_t n = -1;
  REQUIRE(store->database()->QueryInt64("SELECT count(*) FROM event_same_as", &n).ok());
  return n;
}

TEST_CASE("Events of two articles with kind, full date, place and a person in common are linked", "[store]") {
  std::unique_ptr<Store> store;
  REQUIRE(Store::Open(":memory:", StoreOptions(), &store).ok());
  Put(store.get(), Article("a.txt"), "hash-a");
  CHECK(Links(store.get()) == 0);
  // The second article names only one of the two protesters.
  Put(store.get(), Article("b.txt", [](Event* e) { e->roles = {EventRole{"protester", 1}}; }), "hash-b");
  CHECK(Links(store.get()) == 1);
  std::int64_t right = 0;
  REQUIRE(store->database()
              ->QueryInt64("SELECT count(*) FROM event_same_as AS l JOIN events AS n ON n.id = l.event_id "
                           "JOIN events AS o ON o.id = l.same_as_event_id JOIN documents AS dn ON dn.id = n.document_id "
                           "JOIN documents AS d0 ON d0.id = o.document_id WHERE dn.path = 'b.txt' AND d0.path = 'a.txt'",
                           &right)
              .ok());
  CHECK(right == 1);
  // A third article links to both, so the happening stays joined when one of them is replaced.
  Put(store.get(), Article("c.txt"), "hash-c");
  CHECK(Links(store.get()) == 3);
  testing::Sample a2 = Article("a.txt");
  a2.doc.text += " Updated.";
  Put(store.get(), a2, "hash-a2");
  // The old a.txt's two links went with it; the new a.txt links to b and c.
  CHECK(Links(store.get()) == 3);
}

TEST_CASE("Events that differ in date, place or people are not linked across articles", "[store]") {
  // `both`: the change is made to both articles (two year-less dates are still no full date);
  // else to the second one only.
  const struct {
    const char* what;
    bool both;
    std::function<void(Event*)> change;
  } cases[] = {
      {"another day", false, [](Event* e) { e->date = "2021-02-23"; }},
      {"no year", true, [](Event* e) { e->date = "--02-22"; }},
      {"a month only", true,
       [](Event* e) {
         e->date = "2021-02";
         e->date_precision = "month";
       }},
      {"no date", true,
       [](Event* e) {
         e->date.clear();
         e->date_precision.clear();
       }},
      {"another place", false, [](Event* e) { e->place = 3; }},
      {"no place", true, [](Event* e) { e->place = -1; }},
      {"no shared person: each article's own unnamed son", true, [](Event* e) { e->roles = {EventRole{"protester", 4}}; }},
      {"another kind", false, [](Event* e) { e->kind = "Detention"; }},
  };
  for (const auto& c : cases) {
    SECTION(c.what) {
      std::unique_ptr<Store> store;
      REQUIRE(Store::Open(":memory:", StoreOptions(), &store).ok());
      Put(store.get(), c.both ? Article("a.txt", c.change) : Article("a.txt"), "hash-a");
      Put(store.get(), Article("b.txt", c.change), "hash-b");
      CHECK(Links(store.get()) == 0);
    }
  }
}

TEST_CASE("Two events of one article are never linked to each other", "[store]") {
  std::unique_ptr<Store> store;
  REQUIRE(Store::Open(":memory:", StoreOptions(), &store).ok());
  testing::Sample a = Article("a.txt");
  a.graph.events.push_back(a.graph.events[0]);
  Put(store.get(), a, "hash-a");
  CHECK(Links(store.get()) == 0);
}

TEST_CASE("The cross-article lookup starts from the participants' other events", "[store]") {
  std::unique_ptr<Store> store;
  REQUIRE(Store::Open(":memory:", StoreOptions(), &store).ok());
  Statement plan;
  REQUIRE(store->database()->Prepare(std::string("EXPLAIN QUERY PLAN ") + kLinkSameEventsSql, &plan).ok());
  std::string details;
  bool row = false;
  while (plan.Step(&row).ok() && row) details += plan.ColumnText(3) + " | ";
  INFO(details);
  CHECK(details.find("event_roles_by_entity") != std::string::npos);
  CHECK(details.find("SCAN") == std::string::npos);  // every table is searched by an index
}

// The writer skips the lookup for events MayLinkSameEvents rules out; each
// such event, stored twice, must indeed stay unlinked.
TEST_CASE("MayLinkSameEvents rules out exactly the events the statement could never link", "[store]") {
  struct Case {
    const char* name;
    std::function<void(Event*)> change;
    bool may_link;
  };
  const Case cases[] = {
      {"full date, place, participants", nullptr, true},
      {"year unknown", [](Event* e) { e->date = "--02-22"; }, false},
      {"month only", [](Event* e) { e->date = "2021-02"; e->date_precision = "month"; }, false},
      {"no place", [](Event* e) { e->place = -1; }, false},
      {"no participant", [](Event* e) { e->roles.clear(); }, false},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const testing::Sample a = Article("a.txt", c.change);
    CHECK(MayLinkSameEvents(a.graph.events[0]) == c.may_link);
    std::unique_ptr<Store> store;
    REQUIRE(Store::Open(":memory:", StoreOptions(), &store).ok());
    Put(store.get(), a, "hash-a");
    Put(store.get(), Article("b.txt", c.change), "hash-b");
    CHECK(Links(store.get()) == (c.may_link ? 1 : 0));
    // The statement itself, run for the second article's protest, agrees.
    std::int64_t second = 0;
    REQUIRE(store->database()->QueryInt64("SELECT max(id) FROM events WHERE kind = 'Protest'", &second).ok());
    REQUIRE(LinkSameEvents(store->database(), second).ok());
    CHECK(Links(store.get()) == (c.may_link ? 1 : 0));
  }
}

TEST_CASE("ReadGraph points each later report of a happening at its first report", "[store]") {
  std::unique_ptr<Store> store;
  REQUIRE(Store::Open(":memory:", StoreOptions(), &store).ok());
  Put(store.get(), Article("a.txt"), "hash-a");
  Put(store.get(), Article("b.txt", [](Event* e) { e->roles = {EventRole{"protester", 1}}; }), "hash-b");
  Put(store.get(), Article("c.txt", [](Event* e) { e->date = "2021-03-01"; }), "hash-c");
  StoredGraph graph;
  REQUIRE(ReadGraph(*store, &graph).ok());
  std::vector<std::int64_t> protests;
  for (const StoredEvent& e : graph.events) {
    if (e.kind == "Protest") protests.push_back(e.id);
  }
  REQUIRE(protests.size() == 3);
  for (const StoredEvent& e : graph.events) {
    if (e.id == protests[0]) CHECK(e.same_as.empty());  // the first report
    if (e.id == protests[1]) CHECK(e.same_as == std::vector<std::int64_t>{protests[0]});
    if (e.id == protests[2]) CHECK(e.same_as.empty());  // another day
  }
}

}  // namespace
}  // namespace kith
