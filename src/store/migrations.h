// Migrations: bring a database's schema to the version this binary knows.
//
// The schema version lives in PRAGMA user_version. Version 0 is an empty,
// fresh file; version N is the result of applying migration steps 1..N in
// order. Step 1 is schema/kith.sql (embedded at build time). A later schema
// version appends one step to MigrationSteps(); nothing else changes.
//
// Promises: Migrate() runs every needed step and the user_version update in
// one BEGIN IMMEDIATE transaction (all or nothing, safe against a second
// process migrating at the same time); it refuses, naming the file and both
// versions, a database newer than this binary, and a version-0 file that
// already holds tables (not a kith database).
#pragma once

#include <cstdint>
#include <vector>

#include "base/status.h"
#include "store/database.h"

namespace kith {

// The newest schema version this binary reads and writes.
constexpr std::int64_t kSchemaVersion = 3;

struct MigrationStep {
  std::int64_t version;  // user_version after this step
  const char* sql;       // DDL/DML script that moves version - 1 to version
};

// Steps 1..kSchemaVersion, in order. Static storage; never empty.
const std::vector<MigrationStep>& MigrationSteps();

// Reads PRAGMA user_version.
Status ReadSchemaVersion(Database* db, std::int64_t* version);

// Brings `db` to kSchemaVersion. On failure nothing is changed and the Status
// names the database file.
Status Migrate(Database* db);

}  // namespace kith
