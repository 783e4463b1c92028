#include "query/events_query.h"

#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "store/store.h"
#include "tests/store/test_support.h"

namespace kith {
namespace {

// The sample's protest on a full date, in an article at `path`; `roles` are graph entity indices
// (0 Saltanat Seitkali, 1 Yerbolat Seitkali, 4 the article's unnamed son).
void PutProtest(Store* store, const std::string& path, const std::string& date, std::vector<EventRole> roles,
                std::map<std::string, std::string> attributes = {}) {
  testing::Sample s = testing::MakeSample(path);
  Event& protest = s.graph.events[0];
  protest.date = date;
  protest.date_precision = "day";
  protest.roles = std::move(roles);
  protest.attributes = std::move(attributes);
  Store::PutOutcome outcome;
  const Status status = store->PutDocument(s.doc, "hash-" + path, s.graph, &outcome);
  INFO(status.ToString());
  REQUIRE(status.ok());
}

std::vector<EventRow> Protests(Store* store, const EventsFilter& base = EventsFilter()) {
  EventsFilter filter = base;
  filter.kind = "Protest";
  std::vector<EventRow> rows;
  REQUIRE(FindEvents(store->database(), filter, &rows).ok());
  return rows;
}

TEST_CASE("FindEvents lists a happening two articles report once, with both", "[query]") {
  std::unique_ptr<Store> store;
  REQUIRE(Store::Open(":memory:", StoreOptions(), &store).ok());
  PutProtest(store.get(), "a.txt", "2021-02-22", {{"protester", 0}}, {{"participant_count", "11"}});
  PutProtest(store.get(), "b.txt", "2021-02-22", {{"protester", 0}, {"protester", 1}}, {{"participant_count", "12"}});
  const std::vector<EventRow> rows = Protests(store.get());
  REQUIRE(rows.size() == 1);
  const EventRow& row = rows[0];
  REQUIRE(row.evidence.size() == 2);
  CHECK(row.evidence[0].article == "a.txt");
  CHECK(row.evidence[1].article == "b.txt");
  CHECK(row.id == row.evidence[0].event_id);
  CHECK(row.participants.size() == 2);  // Saltanat once, Yerbolat from the second article
  CHECK(row.place == "Chinese Consulate in Almaty");
  CHECK(row.attributes == "{\"participant_count\":\"11\"}");  // the first report's value

  SECTION("a person named by one report finds the whole happening") {
    EventsFilter by_person;
    REQUIRE(store->database()
                ->QueryInt64("SELECT id FROM entities WHERE name = 'Yerbolat Seitkali'", &by_person.person)
                .ok());
    const std::vector<EventRow> his = Protests(store.get(), by_person);
    REQUIRE(his.size() == 1);
    CHECK(his[0].evidence.size() == 2);
  }
}

TEST_CASE("FindEvents keeps apart what articles report on different days or without a full date", "[query]") {
  std::unique_ptr<Store> store;
  REQUIRE(Store::Open(":memory:", StoreOptions(), &store).ok());
  SECTION("different days") {
    PutProtest(store.get(), "a.txt", "2021-02-22", {{"protester", 0}});
    PutProtest(store.get(), "b.txt", "2021-02-23", {{"protester", 0}});
  }
  SECTION("no year") {
    PutProtest(store.get(), "a.txt", "--02-22", {{"protester", 0}});
    PutProtest(store.get(), "b.txt", "--02-22", {{"protester", 0}});
  }
  SECTION("no shared person") {
    PutProtest(store.get(), "a.txt", "2021-02-22", {{"protester", 0}});
    PutProtest(store.get(), "b.txt", "2021-02-22", {{"protester", 1}});
  }
  const std::vector<EventRow> rows = Protests(store.get());
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].evidence.size() == 1);
  CHECK(rows[1].evidence.size() == 1);
}

}  // namespace
}  // namespace kith
