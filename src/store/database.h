// Database: one SQLite connection and the prepared statements it owns.
//
// Promises:
// - Open() configures the connection the one way kith uses SQLite: foreign
//   keys on (read back to be sure), a busy timeout, WAL journaling for files,
//   synchronous=NORMAL, extended result codes.
// - Failures of the database itself (disk full, locked past the busy
//   timeout, read-only, I/O error, damaged file, not a database) get a
//   message that says so in plain words and what to do, after SQLite's own.
// - Statements are prepared once per SQL text and cached for the life of the
//   connection; a Statement handle resets the statement and clears its
//   bindings when it goes out of scope, so every use starts clean.
// - Transaction is an RAII guard: it rolls back unless Commit() succeeded.
// - Every failure is a Status of code kDatabase whose file is the database
//   path and whose message carries sqlite3_errmsg and the SQL text.
//
// Thread-safety: a Database and its statements belong to one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include "base/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace kith {

struct DatabaseOptions {
  // Milliseconds a statement waits for another connection's lock before
  // failing with SQLITE_BUSY. Default 5000.
  int busy_timeout_ms = 5000;
  // Create the file when it does not exist. Default true. When false, opening
  // a missing file fails with kNotFound.
  bool create_if_missing = true;
  // Use journal_mode=WAL for file databases (never for ":memory:" or "").
  // Default true.
  bool wal = true;
  // PRAGMA max_page_count: the most pages the database file may hold; a write
  // that needs more fails with SQLITE_FULL, as on a full disk. For quotas and
  // for tests of the full-disk path. Default 0: SQLite's own limit.
  std::int64_t max_page_count = 0;
};

class Database;
struct CachedStatement;  // defined in database.cpp

// A borrowed, cached prepared statement. Obtained from Database::Prepare();
// resets the statement and clears its bindings on destruction. Bind indices
// are 1-based, column indices 0-based, as in SQLite. Must not outlive the
// Database. Move-only.
class Statement {
 public:
  Statement() = default;
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Status BindInt64(int index, std::int64_t value);
  // Binds the bytes of `value` as TEXT (copied by SQLite).
  Status BindText(int index, const std::string& value);
  Status BindNull(int index);
  // TEXT, or NULL when `value` is empty.
  Status BindTextOrNull(int index, const std::string& value);
  // INTEGER, or NULL when `value` is 0 (ids are never 0) or negative.
  Status BindIdOrNull(int index, std::int64_t value);

  // Advances to the next row: *has_row is true on SQLITE_ROW, false on
  // SQLITE_DONE. Any other result is an error.
  Status Step(bool* has_row);
  // Steps a statement to completion (INSERT, UPDATE, DELETE), then resets it
  // (bindings kept) so it can be bound and run again.
  Status Run();
  // Resets the statement and clears its bindings (to run it again after Step).
  void Reset();
  // Steps once and requires a row (e.g. SELECT count(*)).
  Status StepRow();

  // Column accessors for the current row. NULL reads as 0 / "".
  std::int64_t ColumnInt64(int column) const;
  std::string ColumnText(int column) const;
  bool ColumnIsNull(int column) const;

  const char* sql() const;

 private:
  friend class Database;
  Statement(Database* db, CachedStatement* entry);
  Status Check(int rc, const char* what) const;
  void Release();

  Database* db_ = nullptr;
  CachedStatement* entry_ = nullptr;  // owned by db_'s cache, not by this handle
  sqlite3_stmt* stmt_ = nullptr;
};

class Database {
 public:
  // Opens (or creates) the database at `path`; ":memory:" gives a private
  // in-memory database. On failure *out is untouched and the Status names
  // `path`.
  static Status Open(const std::string& path, const DatabaseOptions& options,
                     std::unique_ptr<Database>* out);
  ~Database();  // finalizes every cached statement and closes the connection
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Returns the cached statement for `sql`, preparing it on first use. `sql`
  // must hold exactly one statement. Using the same SQL text twice at once
  // (nested) is a programmer error reported as kInternal.
  Status Prepare(const std::string& sql, Statement* out);

  // Runs every statement of `script` in order (no results are read). Used
  // for DDL and pragmas. On failure the Status quotes the failing statement
  // and its 1-based line in `script`.
  Status ExecScript(const std::string& script);

  // Runs a one-row, one-column query (e.g. "PRAGMA user_version") uncached.
  Status QueryInt64(const std::string& sql, std::int64_t* out);
  Status QueryText(const std::string& sql, std::string* out);

  // Rows changed by the most recent INSERT, UPDATE or DELETE.
  std::int64_t Changes() const;
  std::int64_t LastInsertRowId() const;

  const std::string& path() const { return path_; }
  bool in_memory() const;
  sqlite3* handle() { return db_; }

  // A kDatabase Status naming this database, with sqlite3_errmsg, the SQLite
  // result code, a plain-words hint for failures of the database itself (see
  // IsStorageFailure) and `sql`. Records the code for last_error_code().
  Status Error(const std::string& what, const std::string& sql) const;

  // The primary SQLite result code (SQLITE_FULL, SQLITE_BUSY, ...) of the
  // last failure Error() reported since ClearLastError(), or 0.
  int last_error_code() const { return last_error_code_; }
  void ClearLastError() { last_error_code_ = 0; }

 private:
  friend class Statement;
  Database(sqlite3* db, std::string path);  // out of line: CachedStatement is incomplete here
  Status Configure(const DatabaseOptions& options);
  // PRAGMA journal_mode = WAL, retried while another process converts the file.
  Status SwitchToWal(std::string* mode);

  sqlite3* db_ = nullptr;
  std::string path_;
  int busy_timeout_ms_ = 0;
  mutable int last_error_code_ = 0;  // set by Error(), a const reporting function
  // Keyed by SQL text; values are heap nodes so Statement handles can point at them.
  std::unordered_map<std::string, std::unique_ptr<CachedStatement>> cache_;
};

// True for the primary result codes that are failures of the database file
// or its disk rather than of the data being written: SQLITE_FULL, SQLITE_BUSY,
// SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT,
// SQLITE_NOTADB, SQLITE_CANTOPEN, SQLITE_NOMEM, SQLITE_PROTOCOL. Writing more
// would fail the same way; a command should stop and say so.
bool IsStorageFailure(int sqlite_primary_code);

// RAII transaction. Begin() issues BEGIN IMMEDIATE (a write transaction that
// takes the write lock at once, so it cannot fail later on lock upgrade) or
// BEGIN DEFERRED (for a consistent read snapshot). The destructor rolls back
// a transaction that was begun and not committed. Not nestable.
class Transaction {
 public:
  enum class Mode { kImmediate, kDeferred };
  explicit Transaction(Database* db) : db_(db) {}
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  Status Begin(Mode mode = Mode::kImmediate);
  Status Commit();
  // Rolls back now; a no-op when nothing is open.
  Status Rollback();
  bool active() const { return active_; }

 private:
  Database* db_;
  bool active_ = false;
};

}  // namespace kith
