#include "store/migrations.h"

#include <catch2/catch.hpp>

#include "store/store.h"
#include "tests/store/test_support.h"

namespace kith {
namespace {

TEST_CASE("Migrate gives a fresh database the newest schema version", "[store]") {
  std::unique_ptr<Database> db;
  REQUIRE(Database::Open(":memory:", DatabaseOptions(), &db).ok());
  REQUIRE(Migrate(db.get()).ok());
  std::int64_t version = 0;
  REQUIRE(ReadSchemaVersion(db.get(), &version).ok());
  CHECK(version == kSchemaVersion);
  CHECK(kSchemaVersion == 3);
  std::int64_t tables = 0;
  REQUIRE(db->QueryInt64("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                         "('documents', 'sentences', 'entities', 'entity_names', 'mentions', 'relations', "
                         "'relation_sources', 'events', 'event_roles', 'kith_meta', 'event_same_as')",
                         &tables)
              .ok());
  CHECK(tables == 11);
  std::int64_t views = 0;
  REQUIRE(db->QueryInt64("SELECT count(*) FROM sqlite_master WHERE type = 'view'", &views).ok());
  CHECK(views >= 2);
  // Running it again is a no-op.
  REQUIRE(Migrate(db.get()).ok());
  REQUIRE(ReadSchemaVersion(db.get(), &version).ok());
  CHECK(version == kSchemaVersion);
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
  CHECK(text.find("version " + std::to_string(kSchemaVersion)) != std::string::npos);
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

// ---- One test per migration step -----------------------------------------
//
// For step N: a database is built at version N - 1 by applying steps 1..N-1
// (as an older kith left it), given the rows `seed` describes for that
// version, and then opened by this kith. It must come out at kSchemaVersion,
// pass integrity_check and foreign_key_check, and keep its rows (`check`).
// Adding a migration step without a row here fails the coverage test below.

struct MigrationCase {
  std::int64_t to_version;  // the step under test
  const char* seed;         // SQL run at version to_version - 1 ("" for none)
  const char* check;        // a query that must return 1 after migrating to the newest version
};

const MigrationCase kMigrationCases[] = {
    // 0 -> 1: an empty file (what any kith before the first schema left, or a
    // fresh file) gets the whole schema; no data to keep.
    {1, "", "SELECT count(*) = 1 FROM kith_meta WHERE key = 'application' AND value = 'kith'"},
    // 1 -> 2: event_same_as and events_by_happening are added; a version-1
    // store's events stay, unlinked, and can be linked from then on.
    {2,
     "INSERT INTO documents (id, content_hash, path, byte_length) VALUES (1, 'h1', 'a.txt', 10);"
     "INSERT INTO events (id, document_id, kind, date, date_precision, \"begin\", \"end\", rule) "
     "VALUES (7, 1, 'Protest', '2021-02-22', 'day', 0, 5, 'r');",
     "SELECT (SELECT count(*) FROM events WHERE id = 7) = 1 AND (SELECT count(*) FROM event_same_as) = 0 "
     "AND (SELECT count(*) FROM sqlite_master WHERE name = 'events_by_happening') = 1"},
    // 2 -> 3: documents gain extraction_fingerprint; a version-2 store's
    // documents keep their rows with '' (extracted with unknown rules), so the
    // next ingest extracts them again.
    {3,
     "INSERT INTO documents (id, content_hash, path, byte_length) VALUES (1, 'h1', 'a.txt', 10);",
     "SELECT count(*) = 1 FROM documents WHERE id = 1 AND content_hash = 'h1' AND extraction_fingerprint = ''"},
};

// Builds a database at `version` by the steps of this binary, as an older kith would have.
void BuildAtVersion(Database* db, std::int64_t version) {
  for (const MigrationStep& step : MigrationSteps()) {
    if (step.version > version) break;
    REQUIRE(db->ExecScript(step.sql).ok());
    REQUIRE(db->ExecScript("PRAGMA user_version = " + std::to_string(step.version)).ok());
  }
}

TEST_CASE("Every migration step has its own test case", "[store]") {
  std::vector<std::int64_t> tested;
  for (const MigrationCase& c : kMigrationCases) tested.push_back(c.to_version);
  std::vector<std::int64_t> steps;
  for (const MigrationStep& step : MigrationSteps()) steps.push_back(step.version);
  CHECK(tested == steps);
}

TEST_CASE("Each migration step moves an older database forward and keeps its rows", "[store]") {
  for (const MigrationCase& c : kMigrationCases) {
    SECTION("to version " + std::to_string(c.to_version)) {
      testing::TempDir dir;
      const std::string path = dir.File("old.db");
      {
        std::unique_ptr<Database> db;
        REQUIRE(Database::Open(path, DatabaseOptions(), &db).ok());
        BuildAtVersion(db.get(), c.to_version - 1);
        if (*c.seed != '\0') REQUIRE(db->ExecScript(c.seed).ok());
        std::int64_t version = -1;
        REQUIRE(ReadSchemaVersion(db.get(), &version).ok());
        REQUIRE(version == c.to_version - 1);
      }
      std::unique_ptr<Store> store;
      const Status s = Store::Open(path, StoreOptions(), &store);
      INFO(s.ToString());
      REQUIRE(s.ok());
      Database* db = store->database();
      std::int64_t version = -1;
      REQUIRE(ReadSchemaVersion(db, &version).ok());
      CHECK(version == kSchemaVersion);
      std::string integrity;
      REQUIRE(db->QueryText("PRAGMA integrity_check", &integrity).ok());
      CHECK(integrity == "ok");
      std::int64_t dangling = -1;
      REQUIRE(db->QueryInt64("SELECT count(*) FROM pragma_foreign_key_check", &dangling).ok());
      CHECK(dangling == 0);
      std::int64_t kept = 0;
      REQUIRE(db->QueryInt64(c.check, &kept).ok());
      CHECK(kept == 1);
      // The migrated store takes a document.
      const testing::Sample sample = testing::MakeSample("after-migration.txt");
      Store::PutOutcome outcome;
      CHECK(store->PutDocument(sample.doc, "hash-after-migration", sample.graph, &outcome).ok());
    }
  }
}

TEST_CASE("A failing migration step changes nothing", "[store]") {
  testing::TempDir dir;
  const std::string path = dir.File("half.db");
  std::unique_ptr<Database> db;
  REQUIRE(Database::Open(path, DatabaseOptions(), &db).ok());
  // A version-0 file whose schema creation will collide: refused before any step runs.
  REQUIRE(db->ExecScript("CREATE TABLE documents (x)").ok());
  CHECK_FALSE(Migrate(db.get()).ok());
  std::int64_t version = -1;
  REQUIRE(ReadSchemaVersion(db.get(), &version).ok());
  CHECK(version == 0);
  std::int64_t objects = -1;
  REQUIRE(db->QueryInt64("SELECT count(*) FROM sqlite_master", &objects).ok());
  CHECK(objects == 1);
}

TEST_CASE("A newer database is refused by a reader too, and the message says what to do", "[store]") {
  testing::TempDir dir;
  const std::string path = dir.File("newer.db");
  {
    std::unique_ptr<Store> store;
    REQUIRE(Store::Open(path, StoreOptions(), &store).ok());
    REQUIRE(store->database()->ExecScript("PRAGMA user_version = " + std::to_string(kSchemaVersion + 1)).ok());
  }
  StoreOptions reader;
  reader.create_if_missing = false;
  std::unique_ptr<Store> store;
  const Status s = Store::Open(path, reader, &store);
  REQUIRE_FALSE(s.ok());
  CHECK(s.code() == StatusCode::kInvalidInput);
  CHECK(s.message().find("written by a newer kith; use a newer kith") != std::string::npos);
  CHECK(s.message().find("The file was not changed") != std::string::npos);
  CHECK(s.ToString().rfind(path + ": error: database schema version " + std::to_string(kSchemaVersion + 1), 0) == 0);
}

}  // namespace
}  // namespace kith
