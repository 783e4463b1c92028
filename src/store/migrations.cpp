#include "store/migrations.h"

#include <string>

namespace kith {

extern const char* const kEmbeddedSchemaSql;  // schema/kith.sql, generated at build time

namespace {

// Version 2: one happening reported by several articles. event_same_as links
// an event to each event of another document that reports the same happening
// (event_matcher.h decides); events_by_happening is the index it looks them
// up by.
constexpr const char* kEventSameAsSql = R"SQL(
CREATE TABLE event_same_as (
  event_id         INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  same_as_event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  PRIMARY KEY (event_id, same_as_event_id),
  CHECK (event_id <> same_as_event_id)
) WITHOUT ROWID;
CREATE INDEX event_same_as_by_other ON event_same_as (same_as_event_id);
CREATE INDEX events_by_happening ON events (kind, date, place_entity);
)SQL";

// Version 3: what each document was extracted with (the kith version and
// the rules, cli/extraction_fingerprint.h). Documents stored before have ''
// and are extracted again by the next ingest that sees them.
constexpr const char* kExtractionFingerprintSql = R"SQL(
ALTER TABLE documents ADD COLUMN extraction_fingerprint TEXT NOT NULL DEFAULT '';
)SQL";

}  // namespace

const std::vector<MigrationStep>& MigrationSteps() {
  // Append {N, "..."} and raise kSchemaVersion for version N.
  static const std::vector<MigrationStep> steps = {
      {1, kEmbeddedSchemaSql},
      {2, kEventSameAsSql},
      {3, kExtractionFingerprintSql},
  };
  return steps;
}

Status ReadSchemaVersion(Database* db, std::int64_t* version) {
  return db->QueryInt64("PRAGMA user_version", version);
}

namespace {

// The refusal of a database this binary must not touch, or Ok.
Status CheckVersion(Database* db, std::int64_t version) {
  if (version > kSchemaVersion) {
    return Status::At(StatusCode::kInvalidInput, db->path(), 0, 0,
                      "database schema version " + std::to_string(version) +
                          " is newer than this kith supports (version " + std::to_string(kSchemaVersion) +
                          ", kith " KITH_VERSION "): it was written by a newer kith; use a newer kith. "
                          "The file was not changed");
  }
  if (version < 0) {
    return Status::At(StatusCode::kInvalidInput, db->path(), 0, 0,
                      "not a kith database (user_version " + std::to_string(version) + "); the file was not changed");
  }
  return Status::Ok();
}

}  // namespace

Status Migrate(Database* db) {
  const auto& steps = MigrationSteps();
  static_assert(kSchemaVersion >= 1, "schema versions start at 1");
  if (steps.empty() || steps.back().version != kSchemaVersion) {
    return Status::Error(StatusCode::kInternal, "migration steps do not end at kSchemaVersion");
  }
  // Readers (export, queries) open the store while an ingest writes: a
  // database already at this version needs no write lock, so check first.
  std::int64_t version = 0;
  KITH_RETURN_IF_ERROR(ReadSchemaVersion(db, &version));
  KITH_RETURN_IF_ERROR(CheckVersion(db, version));
  if (version == kSchemaVersion) return Status::Ok();

  Transaction txn(db);
  KITH_RETURN_IF_ERROR(txn.Begin(Transaction::Mode::kImmediate));
  // Again under the lock: another process may have migrated meanwhile.
  KITH_RETURN_IF_ERROR(ReadSchemaVersion(db, &version));
  KITH_RETURN_IF_ERROR(CheckVersion(db, version));
  if (version == kSchemaVersion) return txn.Commit();
  if (version == 0) {
    std::int64_t objects = 0;
    KITH_RETURN_IF_ERROR(db->QueryInt64("SELECT count(*) FROM sqlite_master", &objects));
    if (objects != 0) {
      return Status::At(StatusCode::kInvalidInput, db->path(), 0, 0,
                        "not a kith database: it holds " + std::to_string(objects) +
                            " schema objects but no kith schema version; the file was not changed");
    }
  }
  for (const MigrationStep& step : steps) {
    if (step.version <= version) continue;
    Status status = db->ExecScript(step.sql);
    if (!status.ok()) {
      return Status::At(StatusCode::kDatabase, db->path(), 0, 0,
                        "migration to schema version " + std::to_string(step.version) +
                            " failed: " + status.message());
    }
    // PRAGMA takes no bound parameters; the value is an integer we control.
    KITH_RETURN_IF_ERROR(db->ExecScript("PRAGMA user_version = " + std::to_string(step.version)));
  }
  return txn.Commit();
}

}  // namespace kith
