#include "store/database.h"

#include <catch2/catch.hpp>

#include "tests/store/test_support.h"

namespace kith {
namespace {

std::unique_ptr<Database> OpenMemory() {
  std::unique_ptr<Database> db;
  Status s = Database::Open(":memory:", DatabaseOptions(), &db);
  REQUIRE(s.ok());
  return db;
}

TEST_CASE("Database turns foreign keys on and uses WAL for files", "[store]") {
  testing::TempDir dir;
  std::unique_ptr<Database> db;
  REQUIRE(Database::Open(dir.File("a.db"), DatabaseOptions(), &db).ok());
  std::int64_t fk = 0;
  REQUIRE(db->QueryInt64("PRAGMA foreign_keys", &fk).ok());
  CHECK(fk == 1);
  std::string mode;
  REQUIRE(db->QueryText("PRAGMA journal_mode", &mode).ok());
  CHECK(mode == "wal");
  std::int64_t sync = 0;
  REQUIRE(db->QueryInt64("PRAGMA synchronous", &sync).ok());
  CHECK(sync == 1);  // NORMAL
  std::int64_t timeout = 0;
  REQUIRE(db->QueryInt64("PRAGMA busy_timeout", &timeout).ok());
  CHECK(timeout == 5000);
}

TEST_CASE("Database in memory keeps its own journal mode", "[store]") {
  auto db = OpenMemory();
  std::string mode;
  REQUIRE(db->QueryText("PRAGMA journal_mode", &mode).ok());
  CHECK(mode == "memory");
  CHECK(db->in_memory());
}

TEST_CASE("Database refuses a missing file when asked not to create it", "[store]") {
  testing::TempDir dir;
  DatabaseOptions options;
  options.create_if_missing = false;
  std::unique_ptr<Database> db;
  Status s = Database::Open(dir.File("missing.db"), options, &db);
  CHECK(s.code() == StatusCode::kNotFound);
  CHECK(s.ToString().find("missing.db") != std::string::npos);
  CHECK(db == nullptr);
}

TEST_CASE("Database errors carry the SQLite message and the SQL text", "[store]") {
  auto db = OpenMemory();
  Statement stmt;
  Status s = db->Prepare("SELECT x FROM nowhere", &stmt);
  REQUIRE_FALSE(s.ok());
  CHECK(s.code() == StatusCode::kDatabase);
  INFO(s.ToString());
  CHECK(s.message().find("no such table: nowhere") != std::string::npos);
  CHECK(s.message().find("SELECT x FROM nowhere") != std::string::npos);
  CHECK(s.file() == ":memory:");
}

TEST_CASE("Database ExecScript reports the line of the failing statement", "[store]") {
  auto db = OpenMemory();
  Status s = db->ExecScript("CREATE TABLE a (x);\n-- comment\nCREATE TABLE b (y);\nINSERT INTO c VALUES (1);\n");
  REQUIRE_FALSE(s.ok());
  CHECK(s.message().find("line 4") != std::string::npos);
  CHECK(s.message().find("INSERT INTO c") != std::string::npos);
}

TEST_CASE("Database prepared statements are cached, reset and cleared after use", "[store]") {
  auto db = OpenMemory();
  REQUIRE(db->ExecScript("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)").ok());
  for (int i = 0; i < 3; ++i) {
    Statement stmt;
    REQUIRE(db->Prepare("INSERT INTO t (v) VALUES (?1)", &stmt).ok());
    REQUIRE(stmt.BindText(1, "x" + std::to_string(i)).ok());
    REQUIRE(stmt.Run().ok());
  }
  {
    // Bindings were cleared: an unbound parameter is NULL.
    Statement stmt;
    REQUIRE(db->Prepare("INSERT INTO t (v) VALUES (?1)", &stmt).ok());
    REQUIRE(stmt.Run().ok());
  }
  std::int64_t nulls = 0;
  REQUIRE(db->QueryInt64("SELECT count(*) FROM t WHERE v IS NULL", &nulls).ok());
  CHECK(nulls == 1);
  Statement select;
  REQUIRE(db->Prepare("SELECT v FROM t ORDER BY id", &select).ok());
  bool row = false;
  REQUIRE(select.Step(&row).ok());
  REQUIRE(row);
  CHECK(select.ColumnText(0) == "x0");
  // The same SQL while the first handle is alive is a programmer error, reported.
  Statement again;
  Status nested = db->Prepare("SELECT v FROM t ORDER BY id", &again);
  CHECK(nested.code() == StatusCode::kInternal);
}

TEST_CASE("Database binds text with quotes and NUL bytes verbatim", "[store]") {
  auto db = OpenMemory();
  REQUIRE(db->ExecScript("CREATE TABLE t (v TEXT)").ok());
  const std::string tricky = std::string("Robert'); DROP TABLE t;--\"\0end", 31);
  {
    Statement stmt;
    REQUIRE(db->Prepare("INSERT INTO t (v) VALUES (?1)", &stmt).ok());
    REQUIRE(stmt.BindText(1, tricky).ok());
    REQUIRE(stmt.Run().ok());
  }
  Statement stmt;
  REQUIRE(db->Prepare("SELECT v FROM t", &stmt).ok());
  REQUIRE(stmt.StepRow().ok());
  CHECK(stmt.ColumnText(0) == tricky);
}

TEST_CASE("Transaction rolls back unless committed", "[store]") {
  auto db = OpenMemory();
  REQUIRE(db->ExecScript("CREATE TABLE t (v INTEGER)").ok());
  {
    Transaction txn(db.get());
    REQUIRE(txn.Begin().ok());
    REQUIRE(db->ExecScript("INSERT INTO t VALUES (1)").ok());
  }
  std::int64_t count = -1;
  REQUIRE(db->QueryInt64("SELECT count(*) FROM t", &count).ok());
  CHECK(count == 0);
  {
    Transaction txn(db.get());
    REQUIRE(txn.Begin().ok());
    REQUIRE(db->ExecScript("INSERT INTO t VALUES (2)").ok());
    REQUIRE(txn.Commit().ok());
    CHECK_FALSE(txn.active());
  }
  REQUIRE(db->QueryInt64("SELECT count(*) FROM t", &count).ok());
  CHECK(count == 1);
}

TEST_CASE("Transaction IMMEDIATE takes the write lock at once", "[store]") {
  testing::TempDir dir;
  DatabaseOptions options;
  options.busy_timeout_ms = 0;
  std::unique_ptr<Database> a;
  std::unique_ptr<Database> b;
  REQUIRE(Database::Open(dir.File("lock.db"), options, &a).ok());
  REQUIRE(Database::Open(dir.File("lock.db"), options, &b).ok());
  Transaction first(a.get());
  REQUIRE(first.Begin(Transaction::Mode::kImmediate).ok());
  Transaction second(b.get());
  Status s = second.Begin(Transaction::Mode::kImmediate);
  CHECK(s.code() == StatusCode::kDatabase);
  CHECK(s.message().find("locked") != std::string::npos);
  CHECK_FALSE(second.active());
}

}  // namespace
}  // namespace kith
