#include "eval/scorer.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

namespace kith {
namespace {

// Three named persons, A the mother of B, and B's unnamed son.
DocumentGraph ThreePersons() {
  DocumentGraph g;
  for (const char* name : {"Aida Asanova", "Ulan Asanov", "Marat Bek"}) {
    Entity e;
    e.kind = EntityKind::kPerson;
    e.type = "Person";
    e.name = name;
    g.entities.push_back(e);
  }
  Entity son;
  son.kind = EntityKind::kPerson;
  son.type = "Person";
  son.gender = "male";
  son.description = "son of Ulan Asanov";
  g.entities.push_back(son);
  Relation mother;
  mother.subject = 0;
  mother.type = "parent";
  mother.object = 1;
  g.relations.push_back(mother);
  Relation child;
  child.subject = 3;
  child.type = "child";
  child.object = 1;
  g.relations.push_back(child);
  return g;
}

GoldDocument Gold() {
  GoldDocument gold;
  for (const char* name : {"Aida Asanova", "Ulan Asanov", "Marat Bek"}) {
    GoldEntity p;
    p.name = name;
    gold.persons.push_back(p);
  }
  return gold;
}

TEST_CASE("ScoreDocument counts an optional tie neither as missing nor as spurious", "[eval]") {
  const DocumentGraph g = ThreePersons();
  GoldDocument gold = Gold();
  gold.kinship.push_back(GoldKin{"Aida Asanova", "parent", "Ulan Asanov", false});
  gold.kinship.push_back(GoldKin{"Marat Bek", "relative", "Ulan Asanov", true});
  SECTION("an optional tie not found") {
    const ScoreReport r = ScoreDocument(g, gold);
    const Counts& kin = r.categories.at("kinship");
    CHECK(kin.tp == 1);
    CHECK(kin.fn == 0);
    CHECK(kin.fp == 0);
  }
  SECTION("an optional tie found") {
    gold.kinship.back() = GoldKin{"Aida Asanova", "parent", "Ulan Asanov", true};
    gold.kinship.front() = GoldKin{"Marat Bek", "relative", "Ulan Asanov", false};
    const ScoreReport r = ScoreDocument(g, gold);
    const Counts& kin = r.categories.at("kinship");
    CHECK(kin.tp == 0);
    CHECK(kin.fn == 1);
    CHECK(kin.fp == 0);
  }
}

TEST_CASE("ScoreDocument counts an optional unnamed relative neither as missing nor as spurious", "[eval]") {
  const DocumentGraph g = ThreePersons();
  GoldDocument gold = Gold();
  gold.kinship.push_back(GoldKin{"Aida Asanova", "parent", "Ulan Asanov", false});
  SECTION("found") {
    gold.unnamed.push_back(GoldUnnamed{"Ulan Asanov", "child", "male", 1, true});
    const Counts un = ScoreDocument(g, gold).categories.at("unnamed");
    CHECK(un.tp == 0);
    CHECK(un.fp == 0);
    CHECK(un.fn == 0);
  }
  SECTION("not found") {
    gold.unnamed.push_back(GoldUnnamed{"Aida Asanova", "sibling", "", 2, true});
    const Counts un = ScoreDocument(g, gold).categories.at("unnamed");
    CHECK(un.fn == 0);
    CHECK(un.fp == 1);
  }
}

TEST_CASE("ScoreDocument explains an event found on another date than expected", "[eval]") {
  DocumentGraph g = ThreePersons();
  Event detention;
  detention.kind = "Detention";
  detention.date = "2018-01";
  detention.roles.push_back(EventRole{"detainee", 1});
  g.events.push_back(detention);
  GoldDocument gold = Gold();
  gold.events.push_back(GoldEvent{"Detention", "2018-01-09", {"Ulan Asanov"}, {}, false});
  const ScoreReport wrong = ScoreDocument(g, gold);
  CHECK(wrong.dates_total == 1);
  CHECK(wrong.dates_ok == 0);
  CHECK(std::find(wrong.explain.begin(), wrong.explain.end(),
                  "event date: Detention Ulan Asanov expected 2018-01-09, got 2018-01") != wrong.explain.end());
  g.events.back().date = "2018-01-09";
  const ScoreReport right = ScoreDocument(g, gold);
  CHECK(right.dates_ok == 1);
  CHECK(std::none_of(right.explain.begin(), right.explain.end(),
                     [](const std::string& line) { return line.rfind("event date:", 0) == 0; }));
}

}  // namespace
}  // namespace kith
