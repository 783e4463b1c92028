#include "store/migrations.h"

#include <catch2/catch.hpp>

#include "store/store.h"
#include "tests/store/test_support.h"

namespace kith {
namespace {

TEST_CASE("Migrate gives a fresh database schema version 1", "[store]") {
  std::unique_ptr<Database> db;
  REQUIRE(Database::Open(":memory:", DatabaseOptions(), &db).ok());
  REQUIRE(Migrate(db.get()).ok());
  std::int64_t version = 0;
  REQUIRE(ReadSchemaVersion(db.get(), &version).ok());
  CHECK(version == 1);
  CHECK(kSchemaVersion == 1);
  std::int64_t tables = 0;
  REQUIRE(db->QueryInt64("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                         "('documents', 'sentences', 'entities', 'entity_names', 'mentions', 'relations', "
                         "'relation_sources', 'events', 'event_roles', 'kith_meta')",
                         &tables)
              .ok());
  CHECK(tables == 10);
  std::int64_t views = 0;
  REQUIRE(db->QueryInt64("SELECT count(*) FROM sqlite_master WHERE type = 'view'", &views).ok());
  CHECK(views >= 2);
  // Running it again is a no-op.
  REQUIRE(Migrate(db.get()).ok());
  REQUIRE(ReadSchemaVersion(db.get(), &version).ok());
  CHECK(version == 1);
}

TEST_CASE("Migration steps are numbered 1 to kSchemaVersion", "[store]") {
  const auto& steps = MigrationSteps();
  REQUIRE(!steps.empty());
  for (std::size_t i = 0; i < steps.size(); ++i) CHECK(steps[i].version == static_cast<std::int64_t>(i + 1));
  CHECK(steps.back().version == kSchemaVersion);
}

TEST_CASE("A database from a newer kith is refused with both versions and its name", "[store]") {
  testing::TempDir dir;
  const std::string path = dir.File("future.db");
  {
    std::unique_ptr<Database> db;
    REQUIRE(Database::Open(path, DatabaseOptions(), &db).ok());
    REQUIRE(db->ExecScript("PRAGMA user_version = 99").ok());
  }
  std::unique_ptr<Store> store;
  Status s = Store::Open(path, StoreOptions(), &store);
  REQUIRE_FALSE(s.ok());
  CHECK(store == nullptr);
  const std::string text = s.ToString();
  CHECK(text.find(path) != std::string::npos);
  CHECK(text.find("99") != std::string::npos);
  CHECK(text.find("version 1") != std::string::npos);
  // Nothing was changed.
  std::unique_ptr<Database> db;
  REQUIRE(Database::Open(path, DatabaseOptions(), &db).ok());
  std::int64_t version = 0;
  REQUIRE(ReadSchemaVersion(db.get(), &version).ok());
  CHECK(version == 99);
}

TEST_CASE("A non-kith SQLite file is refused, not altered", "[store]") {
  std::unique_ptr<Database> db;
  REQUIRE(Database::Open(":memory:", DatabaseOptions(), &db).ok());
  REQUIRE(db->ExecScript("CREATE TABLE someone_elses (x)").ok());
  Status s = Migrate(db.get());
  CHECK(s.code() == StatusCode::kInvalidInput);
  CHECK(s.message().find("not a kith database") != std::string::npos);
  std::int64_t objects = 0;
  REQUIRE(db->QueryInt64("SELECT count(*) FROM sqlite_master", &objects).ok());
  CHECK(objects == 1);
}

TEST_CASE("The schema file applies cleanly and its views run", "[store]") {
  std::unique_ptr<Store> store;
  REQUIRE(Store::Open(":memory:", StoreOptions(), &store).ok());
  Database* db = store->database();
  std::int64_t n = -1;
  REQUIRE(db->QueryInt64("SELECT count(*) FROM family_ties", &n).ok());
  CHECK(n == 0);
  REQUIRE(db->QueryInt64("SELECT count(*) FROM person_names", &n).ok());
  REQUIRE(db->QueryInt64("SELECT count(*) FROM event_participants", &n).ok());
  std::string app;
  REQUIRE(db->QueryText("SELECT value FROM kith_meta WHERE key = 'application'", &app).ok());
  CHECK(app == "kith");
}

}  // namespace
}  // namespace kith
