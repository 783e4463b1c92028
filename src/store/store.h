// Store: kith's knowledge graph in one SQLite file (schema/kith.sql).
//
// Promises:
// - Open() creates or migrates the schema (see migrations.h) and refuses a
//   database written by a newer kith.
// - PutDocument() stores one article and everything extracted from it in
//   ONE BEGIN IMMEDIATE transaction (or one savepoint of a batch): on any
//   failure nothing of it is written and earlier documents are intact.
// - A document is identified by its content hash: the same bytes twice are
//   stored once. A document path (other than "-" or "") names at most one
//   stored document: new bytes under a known path replace the old version.
// - Named entities are shared across documents (entity_matcher.h decides);
//   entities no fact refers to any more are removed.
//
// - A failure of the database itself (disk full, lock held by another process
//   past the busy timeout, read-only file, I/O error, damage) leaves the file
//   consistent: the transaction is rolled back, earlier documents stay, and
//   last_failure_is_storage() tells the caller to stop rather than fail every
//   later document the same way.
//
// Thread-safety: a Store is used by one thread at a time. Several processes
// may share a file: writers serialise on SQLite's lock (busy timeout), one
// document at a time; readers (export, queries) see the last committed
// document and never wait for a writer (WAL).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "base/status.h"
#include "graph/document_graph.h"
#include "store/database.h"
#include "text/document.h"

namespace kith {

struct StoreOptions {
  // Milliseconds to wait for another process's write lock. Default 5000.
  int busy_timeout_ms = 5000;
  // Create the database file when it does not exist. Default true; set it to
  // false for readers (export), which then fail with kNotFound.
  bool create_if_missing = true;
  // journal_mode=WAL (file databases only). Default true.
  bool wal = true;
  // Most pages the file may hold (DatabaseOptions::max_page_count); a write
  // past it fails like a full disk. Default 0: no limit of kith's own.
  std::int64_t max_page_count = 0;
  // What the documents put through this store were extracted with
  // (cli/extraction_fingerprint.h). A document stored with the same bytes but
  // another fingerprint is not "had": putting it again replaces its facts.
  // Default "": callers that do not track their rules all share one value.
  std::string extraction_fingerprint;
};

struct StoreStats {
  std::int64_t documents = 0;
  std::int64_t sentences = 0;
  std::int64_t persons = 0;
  std::int64_t organizations = 0;
  std::int64_t places = 0;
  std::int64_t mentions = 0;
  std::int64_t relations = 0;
  std::int64_t events = 0;
};

class Store {
 public:
  enum class PutOutcome {
    kInserted,   // a new document
    kUnchanged,  // these bytes were stored already; nothing written
    kReplaced,   // same path, new bytes: the old version's facts were deleted
    kReextracted,  // same bytes, extracted before with other rules: old facts deleted
  };

  // Opens or creates the store at `path` (":memory:" for a private in-memory
  // store) and brings its schema to the current version. On failure *out is
  // untouched; the Status names `path`.
  static Status Open(const std::string& path, const StoreOptions& options, std::unique_ptr<Store>* out);

  // *found = whether a document with this content hash is stored, extracted
  // with this store's extraction fingerprint.
  Status HasDocument(const std::string& content_hash, bool* found);

  // Stores `doc` (metadata and byte length, not its text) and `graph`.
  // `content_hash` identifies the bytes (ContentHash(doc.text) normally) and
  // must not be empty. The graph is checked first (graph_check.h): a bad
  // index or span fails with kInvalidInput located in doc.path. Sets
  // *outcome (required) only on success.
  Status PutDocument(const Document& doc, const std::string& content_hash, const DocumentGraph& graph,
                     PutOutcome* outcome);

  // Batches: between BeginBatch() and CommitBatch() every PutDocument() joins
  // one transaction, each document in its own savepoint, so a document that
  // fails leaves the others of the batch. Nothing of a batch is durable before
  // CommitBatch(); if it (or a PutDocument() with a storage failure) fails,
  // the whole batch is rolled back and in_batch() turns false. Many articles
  // per commit make ingest several times faster than one commit each.
  Status BeginBatch();
  Status CommitBatch();
  bool in_batch() const { return batch_ != nullptr; }
  // Whether the last PutDocument() that failed did so because of the
  // database rather than the document (IsStorageFailure() of its SQLite
  // code). False after a success or a failure of the document's own.
  bool last_failure_is_storage() const { return last_failure_is_storage_; }

  // Row counts, read in one statement (a consistent snapshot).
  Status GetStats(StoreStats* out);

  // The connection, for readers such as ReadGraph(). Owned by the Store.
  Database* database() { return db_.get(); }
  const std::string& path() const { return db_->path(); }

 private:
  Store(std::unique_ptr<Database> db, std::string extraction_fingerprint)
      : db_(std::move(db)), extraction_fingerprint_(std::move(extraction_fingerprint)) {}
  Status PutInTransaction(const Document& doc, const std::string& content_hash, const DocumentGraph& graph,
                          PutOutcome* outcome);

  std::unique_ptr<Database> db_;
  std::string extraction_fingerprint_;
  std::unique_ptr<Transaction> batch_;  // open between BeginBatch() and CommitBatch()
  bool last_failure_is_storage_ = false;
};

// "inserted", "unchanged", "replaced", "re-extracted".
const char* PutOutcomeName(Store::PutOutcome outcome);

}  // namespace kith
