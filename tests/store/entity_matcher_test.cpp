#include "store/entity_matcher.h"

#include <catch2/catch.hpp>

#include "store/migrations.h"

namespace kith {
namespace {

TEST_CASE("NormalizeNameKey folds case, spaces, apostrophes and a leading the", "[store]") {
  CHECK(NormalizeNameKey("  The  Chinese\tConsulate ") == "chinese consulate");
  CHECK(NormalizeNameKey("O\xE2\x80\x99" "Brien") == "o'brien");
  CHECK(NormalizeNameKey("Non\xC2\xA0" "breaking") == "non breaking");
  CHECK(NormalizeNameKey("\xC3\x89MILE") == "\xC3\xA9mile");
  CHECK(NormalizeNameKey("\xC4\x9E\xC5\x81") == "\xC4\x9F\xC5\x82");  // Latin Extended-A pairs
  CHECK(NormalizeNameKey("\xD0\x90\xD0\x99\xD0\x93\xD0\xA3\xD0\x9B\xD0\xAC") ==
        "\xD0\xB0\xD0\xB9\xD0\xB3\xD1\x83\xD0\xBB\xD1\x8C");
  CHECK(NormalizeNameKey("   ").empty());
  CHECK(NormalizeNameKey("The") == "the");
  CHECK(NormalizeNameKey("bad \xFF byte") == "bad \xFF byte");
}

TEST_CASE("MatchEntity finds a named entity of the same kind and never an unnamed person", "[store]") {
  std::unique_ptr<Database> db;
  REQUIRE(Database::Open(":memory:", DatabaseOptions(), &db).ok());
  REQUIRE(Migrate(db.get()).ok());
  REQUIRE(db->ExecScript("INSERT INTO documents (content_hash, path, byte_length) VALUES ('h', 'a.txt', 1);"
                         "INSERT INTO entities (kind, type, name, normalized) "
                         "VALUES ('place', 'City', 'Almaty', 'almaty');"
                         "INSERT INTO entities (kind, type, name, normalized, origin_document_id) "
                         "VALUES ('person', 'Person', NULL, NULL, 1);")
              .ok());
  Entity place;
  place.kind = EntityKind::kPlace;
  place.name = "ALMATY";
  std::int64_t id = -1;
  REQUIRE(MatchEntity(db.get(), place, NormalizeNameKey(place.name), &id).ok());
  CHECK(id == 1);

  Entity org = place;
  org.kind = EntityKind::kOrganization;
  REQUIRE(MatchEntity(db.get(), org, NormalizeNameKey(org.name), &id).ok());
  CHECK(id == 0);

  Entity unnamed;
  unnamed.description = "son of X";
  REQUIRE(MatchEntity(db.get(), unnamed, NormalizeNameKey(unnamed.name), &id).ok());
  CHECK(id == 0);
}

TEST_CASE("MatchEntity keeps persons of conflicting gender apart", "[store]") {
  std::unique_ptr<Database> db;
  REQUIRE(Database::Open(":memory:", DatabaseOptions(), &db).ok());
  REQUIRE(Migrate(db.get()).ok());
  REQUIRE(db->ExecScript("INSERT INTO entities (kind, type, name, normalized, gender) "
                         "VALUES ('person', 'Person', 'Sasha Ivan', 'person:sasha ivan', 'female');")
              .ok());
  Entity p;
  p.kind = EntityKind::kPerson;
  p.name = "Sasha Ivan";
  std::int64_t id = -1;
  p.gender = "male";
  REQUIRE(MatchEntity(db.get(), p, "person:sasha ivan", &id).ok());
  CHECK(id == 0);  // another person
  p.gender = "";
  REQUIRE(MatchEntity(db.get(), p, "person:sasha ivan", &id).ok());
  CHECK(id == 1);  // nothing conflicts
  p.gender = "female";
  REQUIRE(MatchEntity(db.get(), p, "person:sasha ivan", &id).ok());
  CHECK(id == 1);
}

}  // namespace
}  // namespace kith
