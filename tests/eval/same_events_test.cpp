#include "eval/same_events.h"

#include <catch2/catch.hpp>

#include <fstream>

#include "eval/gold.h"
#include "tests/store/test_support.h"

namespace kith {
namespace {

EventRow Row(const std::string& kind, const std::string& date, const std::string& person,
             const std::vector<std::string>& articles) {
  EventRow row;
  row.kind = kind;
  row.date = date;
  row.participants.push_back(EventParticipant{"protester", 1, person});
  for (const std::string& a : articles) row.evidence.push_back(EventEvidence{0, "samples/" + a, "", "r"});
  return row;
}

const std::vector<GoldSameEvent> kGold = {
    {"Protest", "2022-03-14", {"Dilnaz Oralbekova"}, {"a.txt", "b.txt"}},
};

TEST_CASE("ScoreSameEvents finds a happening joined across its articles", "[eval]") {
  std::vector<std::string> explain;
  const Counts c = ScoreSameEvents({Row("Protest", "2022-03-14", "Dilnaz Oralbekova", {"a.txt", "b.txt"})}, kGold, &explain);
  CHECK(c.tp == 1);
  CHECK(c.fn == 0);
  CHECK(c.fp == 0);
  CHECK(explain.empty());
}

TEST_CASE("ScoreSameEvents counts a happening left in pieces, and a wrong join", "[eval]") {
  std::vector<std::string> explain;
  const Counts c = ScoreSameEvents({Row("Protest", "2022-03-14", "Dilnaz Oralbekova", {"a.txt"}),
                                    Row("Protest", "2022-03-14", "Dilnaz Oralbekova", {"b.txt"}),
                                    Row("Detention", "2022-03-14", "Dilnaz Oralbekova", {"a.txt", "c.txt"})},
                                   kGold, &explain);
  CHECK(c.tp == 0);
  CHECK(c.fn == 1);
  CHECK(c.fp == 1);
  CHECK(explain.size() == 2);
}

TEST_CASE("Gold files read event attributes and the corpus file's same events", "[eval]") {
  testing::TempDir dir;
  {
    std::ofstream(dir.File("a.json")) << R"({"doc": "a.txt", "events": [{"type": "Fine", "participants": ["X Y"],
      "attributes": {"amount": "150000", "currency": "KZT"}}]})";
    std::ofstream(dir.File("_corpus.json")) << R"({"same_person": [], "same_events": [
      {"type": "Protest", "date": "2022-03-14", "participants": ["X Y"], "docs": ["a.txt", "b.txt"]}]})";
    std::ofstream(dir.File("bad.json")) << R"({"same_events": [{"type": "Protest", "participants": [], "docs": ["a.txt"]}]})";
  }
  GoldDocument doc;
  REQUIRE(LoadGoldFile(dir.File("a.json"), &doc).ok());
  REQUIRE(doc.events.size() == 1);
  CHECK(doc.events[0].attributes == std::map<std::string, std::string>{{"amount", "150000"}, {"currency", "KZT"}});
  std::vector<GoldSameEvent> same;
  REQUIRE(LoadSameEvents(dir.File("_corpus.json"), &same).ok());
  REQUIRE(same.size() == 1);
  CHECK(same[0].docs == std::vector<std::string>{"a.txt", "b.txt"});
  std::vector<GoldSameEvent> none;
  const Status bad = LoadSameEvents(dir.File("bad.json"), &none);
  CHECK_FALSE(bad.ok());
  CHECK(bad.ToString().find("bad.json:1:") != std::string::npos);
}

}  // namespace
}  // namespace kith
