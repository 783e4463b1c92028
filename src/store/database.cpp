#include "store/database.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <cassert>
#include <cctype>
#include <chrono>
#include <thread>
#include <utility>

namespace kith {

struct CachedStatement {
  sqlite3_stmt* stmt = nullptr;
  bool in_use = false;
};

namespace {

bool IsInMemoryPath(const std::string& path) { return path.empty() || path == ":memory:"; }

// Skips whitespace and SQL comments ("-- ...\n", "/* ... */") from `p`.
const char* SkipSpaceAndComments(const char* p, const char* end) {
  while (p < end) {
    if (std::isspace(static_cast<unsigned char>(*p))) {
      ++p;
    } else if (p + 1 < end && p[0] == '-' && p[1] == '-') {
      while (p < end && *p != '\n') ++p;
    } else if (p + 1 < end && p[0] == '/' && p[1] == '*') {
      p += 2;
      while (p + 1 < end && !(p[0] == '*' && p[1] == '/')) ++p;
      p = (p + 1 < end) ? p + 2 : end;
    } else {
      break;
    }
  }
  return p;
}

// Plain words for a failure of the database itself, or "" for other failures.
std::string StorageHint(int primary_code, int busy_timeout_ms) {
  switch (primary_code) {
    case SQLITE_FULL:
      return "the disk is full (or the database reached its size limit); nothing of the failed write was kept: "
             "free space and run the command again";
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return "another process holds the database's lock (waited " + std::to_string(busy_timeout_ms) +
             " ms): run the command again when it has finished";
    case SQLITE_READONLY:
      return "the database is read-only: check the permissions of the file and of its directory";
    case SQLITE_IOERR:
      return "the operating system reported an I/O error on the database or its -wal/-shm files";
    case SQLITE_CORRUPT:
      return "the database file is damaged: restore it from a backup, or ingest into a new file";
    case SQLITE_NOTADB:
      return "the file is not an SQLite database: is --db the right file?";
    case SQLITE_CANTOPEN:
      return "the database file (or its -wal/-shm files beside it) cannot be opened: check the path "
             "and the directory's permissions";
    default:
      return "";
  }
}

int LineOf(const char* begin, const char* at) {
  int line = 1;
  for (const char* p = begin; p < at; ++p) {
    if (*p == '\n') ++line;
  }
  return line;
}

}  // namespace

// ---- Statement ------------------------------------------------------------

Statement::Statement(Database* db, CachedStatement* entry) : db_(db), entry_(entry), stmt_(entry->stmt) {}

Statement::~Statement() { Release(); }

Statement::Statement(Statement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      entry_(std::exchange(other.entry_, nullptr)),
      stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    Release();
    db_ = std::exchange(other.db_, nullptr);
    entry_ = std::exchange(other.entry_, nullptr);
    stmt_ = std::exchange(other.stmt_, nullptr);
  }
  return *this;
}

void Statement::Release() {
  if (stmt_ != nullptr) {
    // The result of reset repeats the last step's error, already reported.
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  if (entry_ != nullptr) entry_->in_use = false;
  db_ = nullptr;
  entry_ = nullptr;
  stmt_ = nullptr;
}

const char* Statement::sql() const { return stmt_ != nullptr ? sqlite3_sql(stmt_) : ""; }

Status Statement::Check(int rc, const char* what) const {
  if (rc == SQLITE_OK) return Status::Ok();
  return db_->Error(what, sql());
}

Status Statement::BindInt64(int index, std::int64_t value) {
  assert(stmt_ != nullptr);
  return Check(sqlite3_bind_int64(stmt_, index, static_cast<sqlite3_int64>(value)), "bind");
}

Status Statement::BindText(int index, const std::string& value) {
  assert(stmt_ != nullptr);
  return Check(sqlite3_bind_text64(stmt_, index, value.data(), static_cast<sqlite3_uint64>(value.size()),
                                   SQLITE_TRANSIENT, SQLITE_UTF8),
               "bind");
}

Status Statement::BindNull(int index) {
  assert(stmt_ != nullptr);
  return Check(sqlite3_bind_null(stmt_, index), "bind");
}

Status Statement::BindTextOrNull(int index, const std::string& value) {
  return value.empty() ? BindNull(index) : BindText(index, value);
}

Status Statement::BindIdOrNull(int index, std::int64_t value) {
  return value <= 0 ? BindNull(index) : BindInt64(index, value);
}

Status Statement::Step(bool* has_row) {
  assert(stmt_ != nullptr);
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) {
    *has_row = true;
    return Status::Ok();
  }
  if (rc == SQLITE_DONE) {
    *has_row = false;
    return Status::Ok();
  }
  return db_->Error("step", sql());
}

Status Statement::Run() {
  bool row = false;
  Status status = Step(&row);
  // A statement run for its effect may still yield rows (e.g. some pragmas);
  // drain them so the statement completes.
  while (status.ok() && row) status = Step(&row);
  // Reset (keeping the bindings) so the handle can be bound and run again.
  sqlite3_reset(stmt_);
  return status;
}

void Statement::Reset() {
  assert(stmt_ != nullptr);
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

Status Statement::StepRow() {
  bool row = false;
  KITH_RETURN_IF_ERROR(Step(&row));
  if (!row) return Status::At(StatusCode::kDatabase, db_->path(), 0, 0, std::string("query returned no row: ") + sql());
  return Status::Ok();
}

std::int64_t Statement::ColumnInt64(int column) const {
  return static_cast<std::int64_t>(sqlite3_column_int64(stmt_, column));
}

std::string Statement::ColumnText(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return std::string();
  int bytes = sqlite3_column_bytes(stmt_, column);
  return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(bytes));
}

bool Statement::ColumnIsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

// ---- Database -------------------------------------------------------------

Status Database::Open(const std::string& path, const DatabaseOptions& options, std::unique_ptr<Database>* out) {
  const bool in_memory = IsInMemoryPath(path);
  if (!in_memory && !options.create_if_missing) {
    struct stat st;
    if (stat(path.c_str(), &st) != 0) {
      return Status::At(StatusCode::kNotFound, path, 0, 0, "no such database file");
    }
  }
  if (!in_memory) {
    struct stat st;
    if (stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
      return Status::At(StatusCode::kInvalidInput, path, 0, 0, "is a directory, not a database file");
    }
  }
  // Before SQLite initializes: kith never asks for memory statistics, and
  // keeping them takes a global mutex on every allocation of every thread.
  static const int memstatus_off = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)memstatus_off;
  // A connection belongs to one thread at a time (database.h), so it needs no
  // mutex of its own.
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (options.create_if_missing || in_memory) flags |= SQLITE_OPEN_CREATE;
  sqlite3* handle = nullptr;
  int rc = sqlite3_open_v2(path.empty() ? ":memory:" : path.c_str(), &handle, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = "cannot open database: ";
    message += handle != nullptr ? sqlite3_errmsg(handle) : sqlite3_errstr(rc);
    const std::string hint = StorageHint(rc & 0xff, options.busy_timeout_ms);
    if (!hint.empty()) message += " (" + hint + ")";
    sqlite3_close_v2(handle);  // sqlite3_open_v2 may hand back a handle even on failure
    return Status::At(StatusCode::kDatabase, path, 0, 0, message);
  }
  std::unique_ptr<Database> db(new Database(handle, path));
  KITH_RETURN_IF_ERROR(db->Configure(options));
  *out = std::move(db);
  return Status::Ok();
}

Database::Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}

Database::~Database() {
  for (auto& entry : cache_) {
    assert(!entry.second->in_use && "a Statement outlived its Database");
    sqlite3_finalize(entry.second->stmt);
  }
  cache_.clear();
  sqlite3_close_v2(db_);
}

bool Database::in_memory() const { return IsInMemoryPath(path_); }

bool IsStorageFailure(int sqlite_primary_code) {
  switch (sqlite_primary_code) {
    case SQLITE_FULL:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_READONLY:
    case SQLITE_IOERR:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_CANTOPEN:
    case SQLITE_NOMEM:
    case SQLITE_PROTOCOL:
      return true;
    default:
      return false;
  }
}

Status Database::SwitchToWal(std::string* mode) {
  // Two processes opening one new file at once both ask for WAL; SQLite
  // answers SQLITE_BUSY at once, without its busy handler (waiting there
  // could deadlock), to the one that holds a shared lock while the other
  // converts the file. Retry within the busy timeout: by then the file is in
  // WAL mode and the question needs no lock.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms_);
  while (true) {
    Status status = QueryText("PRAGMA journal_mode = WAL", mode);
    if (status.ok() || last_error_code_ != SQLITE_BUSY || std::chrono::steady_clock::now() >= deadline) {
      return status;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

Status Database::Configure(const DatabaseOptions& options) {
  sqlite3_extended_result_codes(db_, 1);
  busy_timeout_ms_ = options.busy_timeout_ms;
  if (sqlite3_busy_timeout(db_, options.busy_timeout_ms) != SQLITE_OK) {
    return Error("busy_timeout", "sqlite3_busy_timeout");
  }
  if (options.max_page_count > 0) {
    // PRAGMA takes no bound parameters; the value is an integer.
    std::int64_t pages = 0;
    KITH_RETURN_IF_ERROR(QueryInt64("PRAGMA max_page_count = " + std::to_string(options.max_page_count), &pages));
  }
  KITH_RETURN_IF_ERROR(ExecScript("PRAGMA foreign_keys = ON"));
  std::int64_t foreign_keys = 0;
  KITH_RETURN_IF_ERROR(QueryInt64("PRAGMA foreign_keys", &foreign_keys));
  if (foreign_keys != 1) {
    return Status::At(StatusCode::kDatabase, path_, 0, 0,
                      "PRAGMA foreign_keys = ON did not take effect (SQLite built without foreign keys?)");
  }
  if (options.wal && !in_memory()) {
    std::string mode;
    KITH_RETURN_IF_ERROR(SwitchToWal(&mode));
    if (mode != "wal") {
      return Status::At(StatusCode::kDatabase, path_, 0, 0,
                        "cannot switch to journal_mode=WAL (got \"" + mode + "\")");
    }
  }
  // A batch of articles dirties more pages than SQLite's default 2 MB cache:
  // spilling them to the WAL mid-transaction writes the same pages many times.
  // 32 MB (a ceiling, filled only as pages are used) keeps a batch in memory.
  KITH_RETURN_IF_ERROR(ExecScript("PRAGMA cache_size = -32768"));
  // Savepoints (one per article of a batch) journal the pages they change;
  // in memory, not in temporary files.
  KITH_RETURN_IF_ERROR(ExecScript("PRAGMA temp_store = MEMORY"));
  return ExecScript("PRAGMA synchronous = NORMAL");
}

Status Database::Error(const std::string& what, const std::string& sql) const {
  const int code = sqlite3_extended_errcode(db_);
  last_error_code_ = code & 0xff;
  std::string message = "sqlite " + what + " failed: ";
  message += sqlite3_errmsg(db_);
  message += " (code " + std::to_string(code) + ")";
  const std::string hint = StorageHint(code & 0xff, busy_timeout_ms_);
  if (!hint.empty()) message += ": " + hint;
  if (!sql.empty()) message += "; SQL: " + sql;
  return Status::At(StatusCode::kDatabase, path_, 0, 0, std::move(message));
}

Status Database::Prepare(const std::string& sql, Statement* out) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size() + 1), SQLITE_PREPARE_PERSISTENT,
                                &stmt, &tail);
    if (rc != SQLITE_OK) {
      sqlite3_finalize(stmt);
      return Error("prepare", sql);
    }
    if (stmt == nullptr) {
      return Status::At(StatusCode::kInternal, path_, 0, 0, "no SQL statement in: " + sql);
    }
    const char* end = sql.c_str() + sql.size();
    if (tail != nullptr && SkipSpaceAndComments(tail, end) != end) {
      sqlite3_finalize(stmt);
      return Status::At(StatusCode::kInternal, path_, 0, 0, "more than one SQL statement in: " + sql);
    }
    auto entry = std::make_unique<CachedStatement>();
    entry->stmt = stmt;
    it = cache_.emplace(sql, std::move(entry)).first;
  }
  CachedStatement* entry = it->second.get();
  if (entry->in_use) {
    return Status::At(StatusCode::kInternal, path_, 0, 0, "statement already in use: " + sql);
  }
  entry->in_use = true;
  *out = Statement(this, entry);
  return Status::Ok();
}

Status Database::ExecScript(const std::string& script) {
  const char* begin = script.c_str();
  const char* end = begin + script.size();
  const char* p = begin;
  while (true) {
    p = SkipSpaceAndComments(p, end);
    if (p >= end) break;
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v2(db_, p, static_cast<int>(end - p), &stmt, &tail);
    const std::string text(p, static_cast<std::size_t>((tail != nullptr && tail > p ? tail : end) - p));
    Status failure;
    if (rc != SQLITE_OK) {
      failure = Error("prepare", text);
    } else if (stmt != nullptr) {
      while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      }
      if (rc != SQLITE_DONE) failure = Error("exec", text);
    }
    sqlite3_finalize(stmt);
    if (!failure.ok()) {
      if (script.find('\n') == std::string::npos) return failure;
      return Status::At(StatusCode::kDatabase, path_, 0, 0,
                        "line " + std::to_string(LineOf(begin, p)) + " of script: " + failure.message());
    }
    if (tail == nullptr || tail <= p) break;
    p = tail;
  }
  return Status::Ok();
}

Status Database::QueryInt64(const std::string& sql, std::int64_t* out) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return Error("prepare", sql);
  }
  int rc = sqlite3_step(stmt);
  Status status;
  if (rc == SQLITE_ROW) {
    *out = static_cast<std::int64_t>(sqlite3_column_int64(stmt, 0));
  } else if (rc == SQLITE_DONE) {
    status = Status::At(StatusCode::kDatabase, path_, 0, 0, "query returned no row: " + sql);
  } else {
    status = Error("step", sql);
  }
  sqlite3_finalize(stmt);
  return status;
}

Status Database::QueryText(const std::string& sql, std::string* out) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return Error("prepare", sql);
  }
  int rc = sqlite3_step(stmt);
  Status status;
  if (rc == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(stmt, 0);
    int bytes = sqlite3_column_bytes(stmt, 0);
    out->assign(text != nullptr ? reinterpret_cast<const char*>(text) : "", static_cast<std::size_t>(bytes));
  } else if (rc == SQLITE_DONE) {
    status = Status::At(StatusCode::kDatabase, path_, 0, 0, "query returned no row: " + sql);
  } else {
    status = Error("step", sql);
  }
  sqlite3_finalize(stmt);
  return status;
}

std::int64_t Database::Changes() const { return static_cast<std::int64_t>(sqlite3_changes64(db_)); }

std::int64_t Database::LastInsertRowId() const { return static_cast<std::int64_t>(sqlite3_last_insert_rowid(db_)); }

// ---- Transaction ----------------------------------------------------------

Transaction::~Transaction() {
  if (active_) (void)Rollback();
}

Status Transaction::Begin(Mode mode) {
  assert(!active_ && "Transaction::Begin called twice");
  Statement stmt;
  KITH_RETURN_IF_ERROR(db_->Prepare(mode == Mode::kImmediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED", &stmt));
  KITH_RETURN_IF_ERROR(stmt.Run());
  active_ = true;
  return Status::Ok();
}

Status Transaction::Commit() {
  assert(active_ && "Transaction::Commit without Begin");
  Statement stmt;
  KITH_RETURN_IF_ERROR(db_->Prepare("COMMIT", &stmt));
  Status status = stmt.Run();
  // Some failures (I/O, full disk) make SQLite roll back by itself.
  if (status.ok() || sqlite3_get_autocommit(db_->handle()) != 0) active_ = false;
  return status;
}

Status Transaction::Rollback() {
  if (!active_) return Status::Ok();
  active_ = false;
  if (sqlite3_get_autocommit(db_->handle()) != 0) return Status::Ok();  // already rolled back
  Statement stmt;
  KITH_RETURN_IF_ERROR(db_->Prepare("ROLLBACK", &stmt));
  return stmt.Run();
}

}  // namespace kith
