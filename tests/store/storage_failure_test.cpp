// Failures of the database itself: a full disk (simulated with PRAGMA
// max_page_count, which fails writes with SQLITE_FULL exactly as a full
// disk does), a lock held by another connection past the busy timeout, a
// read-only connection. Each leaves the file consistent, keeps the earlier
// documents, says what happened in plain words, and is flagged by
// Store::last_failure_is_storage() so the CLI stops instead of failing
// every later article the same way.
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "store/content_hash.h"
#include "store/graph_snapshot.h"
#include "store/migrations.h"
#include "store/store.h"
#include "tests/store/test_support.h"

namespace kith {
namespace {

using testing::MakeSample;
using testing::Sample;

std::unique_ptr<Store> Open(const std::string& path, const StoreOptions& options = StoreOptions()) {
  std::unique_ptr<Store> store;
  const Status s = Store::Open(path, options, &store);
  INFO(s.ToString());
  REQUIRE(s.ok());
  return store;
}

Status Put(Store* store, const Sample& sample) {
  Store::PutOutcome outcome = Store::PutOutcome::kUnchanged;
  return store->PutDocument(sample.doc, ContentHash(sample.doc.text), sample.graph, &outcome);
}

std::string Text(Database* db, const std::string& sql) {
  std::string out;
  const Status s = db->QueryText(sql, &out);
  INFO(s.ToString());
  REQUIRE(s.ok());
  return out;
}

std::int64_t Int(Database* db, const std::string& sql) {
  std::int64_t out = -1;
  const Status s = db->QueryInt64(sql, &out);
  INFO(s.ToString());
  REQUIRE(s.ok());
  return out;
}

void CheckConsistent(Database* db) {
  CHECK(Text(db, "PRAGMA integrity_check") == "ok");
  CHECK(Int(db, "SELECT count(*) FROM pragma_foreign_key_check") == 0);
}

TEST_CASE("IsStorageFailure names the failures of the database, not of the data", "[store]") {
  for (int code : {SQLITE_FULL, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT,
                   SQLITE_NOTADB, SQLITE_CANTOPEN, SQLITE_NOMEM, SQLITE_PROTOCOL}) {
    CHECK(IsStorageFailure(code));
  }
  for (int code : {0, SQLITE_ERROR, SQLITE_CONSTRAINT, SQLITE_MISMATCH, SQLITE_RANGE, SQLITE_TOOBIG}) {
    CHECK_FALSE(IsStorageFailure(code));
  }
}

TEST_CASE("A full disk stops a write with a message and leaves the database consistent", "[store]") {
  testing::TempDir dir;
  const std::string path = dir.File("full.db");
  std::int64_t pages_after_schema = 0;
  {
    std::unique_ptr<Store> store = Open(path);
    pages_after_schema = Int(store->database(), "PRAGMA page_count");
  }
  StoreOptions options;
  // Room for the schema and a few documents, not for forty.
  options.max_page_count = pages_after_schema + 8;
  std::unique_ptr<Store> store = Open(path, options);
  int stored = 0;
  Status failure;
  for (int i = 0; i < 40 && failure.ok(); ++i) {
    const std::string padding(600, static_cast<char>('a' + i % 26));
    const Sample sample = MakeSample("doc" + std::to_string(i) + ".txt", " Padding " + padding + ".");
    failure = Put(store.get(), sample);
    if (failure.ok()) ++stored;
  }
  INFO(failure.ToString());
  REQUIRE_FALSE(failure.ok());
  CHECK(stored > 0);
  CHECK(failure.code() == StatusCode::kDatabase);
  CHECK(failure.file() == path);
  CHECK(failure.message().find("storing doc" + std::to_string(stored) + ".txt") != std::string::npos);
  CHECK(failure.message().find("the disk is full") != std::string::npos);
  CHECK(store->last_failure_is_storage());
  CheckConsistent(store->database());
  CHECK(Int(store->database(), "SELECT count(*) FROM documents") == stored);
  // Every stored document is whole: three sentences each.
  CHECK(Int(store->database(), "SELECT count(*) FROM sentences") == 3 * stored);
  store.reset();

  // With room again, the same document goes in and the earlier ones stay.
  store = Open(path);
  const Sample next = MakeSample("doc" + std::to_string(stored) + ".txt",
                                 " Padding " + std::string(600, static_cast<char>('a' + stored % 26)) + ".");
  const Status s = Put(store.get(), next);
  INFO(s.ToString());
  CHECK(s.ok());
  CHECK_FALSE(store->last_failure_is_storage());
  CHECK(Int(store->database(), "SELECT count(*) FROM documents") == stored + 1);
  CheckConsistent(store->database());
}

TEST_CASE("A lock held past the busy timeout fails the write with a message, not a hang", "[store]") {
  testing::TempDir dir;
  const std::string path = dir.File("busy.db");
  std::unique_ptr<Store> holder = Open(path);
  REQUIRE(Put(holder.get(), MakeSample("first.txt")).ok());
  StoreOptions options;
  options.busy_timeout_ms = 50;
  std::unique_ptr<Store> writer = Open(path, options);

  Transaction lock(holder->database());
  REQUIRE(lock.Begin(Transaction::Mode::kImmediate).ok());
  const Status s = Put(writer.get(), MakeSample("second.txt"));
  INFO(s.ToString());
  REQUIRE_FALSE(s.ok());
  CHECK(s.message().find("another process holds the database's lock (waited 50 ms)") != std::string::npos);
  CHECK(writer->last_failure_is_storage());

  // A reader neither waits for the writer nor sees its open transaction.
  StoreOptions reader_options;
  reader_options.busy_timeout_ms = 0;
  reader_options.create_if_missing = false;
  std::unique_ptr<Store> reader = Open(path, reader_options);
  StoredGraph graph;
  const Status read = ReadGraph(*reader, &graph);
  INFO(read.ToString());
  CHECK(read.ok());
  CHECK(graph.documents.size() == 1);

  REQUIRE(lock.Commit().ok());
  CHECK(Put(writer.get(), MakeSample("second.txt")).ok());
  CHECK_FALSE(writer->last_failure_is_storage());
  CheckConsistent(writer->database());
}

TEST_CASE("A read-only connection fails a write as a storage failure", "[store]") {
  testing::TempDir dir;
  std::unique_ptr<Store> store = Open(dir.File("ro.db"));
  REQUIRE(store->database()->ExecScript("PRAGMA query_only = 1").ok());
  const Status s = Put(store.get(), MakeSample("a.txt"));
  INFO(s.ToString());
  REQUIRE_FALSE(s.ok());
  CHECK(s.message().find("read-only") != std::string::npos);
  CHECK(store->last_failure_is_storage());
}

TEST_CASE("A bad document is not a storage failure", "[store]") {
  std::unique_ptr<Store> store = Open(":memory:");
  Sample bad = MakeSample("bad.txt");
  bad.graph.mentions[0].entity = 99;
  const Status s = Put(store.get(), bad);
  REQUIRE_FALSE(s.ok());
  CHECK_FALSE(store->last_failure_is_storage());
}

TEST_CASE("Opening a current database takes no write lock", "[store]") {
  testing::TempDir dir;
  const std::string path = dir.File("current.db");
  std::unique_ptr<Store> writer = Open(path);
  Transaction lock(writer->database());
  REQUIRE(lock.Begin(Transaction::Mode::kImmediate).ok());
  StoreOptions options;
  options.busy_timeout_ms = 0;
  std::unique_ptr<Store> second;
  const Status s = Store::Open(path, options, &second);
  INFO(s.ToString());
  CHECK(s.ok());
}

}  // namespace
}  // namespace kith

namespace kith {
namespace {

TEST_CASE("Batched documents commit together; a bad one is undone alone", "[store]") {
  testing::TempDir dir;
  const std::string path = dir.File("batch.db");
  std::unique_ptr<Store> store = Open(path);
  REQUIRE(store->BeginBatch().ok());
  CHECK(store->in_batch());
  CHECK(Put(store.get(), MakeSample("a.txt", " First.")).ok());
  Sample bad = MakeSample("b.txt", " Second.");
  bad.graph.mentions[0].entity = 99;
  CHECK_FALSE(Put(store.get(), bad).ok());
  CHECK_FALSE(store->last_failure_is_storage());
  CHECK(store->in_batch());
  CHECK(Put(store.get(), MakeSample("c.txt", " Third.")).ok());
  {
    // Another connection sees nothing before the commit.
    std::unique_ptr<Store> reader = Open(path);
    CHECK(Int(reader->database(), "SELECT count(*) FROM documents") == 0);
  }
  REQUIRE(store->CommitBatch().ok());
  CHECK_FALSE(store->in_batch());
  std::unique_ptr<Store> reader = Open(path);
  CHECK(Text(reader->database(), "SELECT group_concat(path, ' ') FROM (SELECT path FROM documents ORDER BY id)") ==
        "a.txt c.txt");
  CheckConsistent(reader->database());
}

TEST_CASE("A batch never committed leaves nothing behind", "[store]") {
  testing::TempDir dir;
  const std::string path = dir.File("uncommitted.db");
  {
    std::unique_ptr<Store> store = Open(path);
    REQUIRE(Put(store.get(), MakeSample("kept.txt", " Kept.")).ok());
    REQUIRE(store->BeginBatch().ok());
    REQUIRE(Put(store.get(), MakeSample("lost.txt", " Lost.")).ok());
  }
  std::unique_ptr<Store> store = Open(path);
  CHECK(Text(store->database(), "SELECT group_concat(path) FROM documents") == "kept.txt");
  CheckConsistent(store->database());
}

TEST_CASE("A full disk in a batch rolls the batch back and keeps the committed ones", "[store]") {
  testing::TempDir dir;
  const std::string path = dir.File("full-batch.db");
  std::int64_t pages_after_schema = 0;
  {
    std::unique_ptr<Store> store = Open(path);
    pages_after_schema = Int(store->database(), "PRAGMA page_count");
  }
  StoreOptions options;
  options.max_page_count = pages_after_schema + 8;
  std::unique_ptr<Store> store = Open(path, options);
  int committed = 0;
  Status failure;
  for (int batch = 0; batch < 40 && failure.ok(); ++batch) {
    REQUIRE(store->BeginBatch().ok());
    for (int i = 0; i < 2 && failure.ok(); ++i) {
      const int n = batch * 2 + i;
      failure = Put(store.get(), MakeSample("doc" + std::to_string(n) + ".txt",
                                            " Padding " + std::string(600, static_cast<char>('a' + n % 26)) + "."));
    }
    if (failure.ok()) failure = store->CommitBatch();
    if (failure.ok()) committed += 2;
  }
  INFO(failure.ToString());
  REQUIRE_FALSE(failure.ok());
  CHECK(committed > 0);
  CHECK(store->last_failure_is_storage());
  CHECK_FALSE(store->in_batch());
  CHECK(failure.message().find("the disk is full") != std::string::npos);
  CheckConsistent(store->database());
  CHECK(Int(store->database(), "SELECT count(*) FROM documents") == committed);
  CHECK(Int(store->database(), "SELECT count(*) FROM sentences") == 3 * committed);
}

}  // namespace
}  // namespace kith
