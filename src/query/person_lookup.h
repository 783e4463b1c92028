// Person lookup: finds the stored persons a name given on the command line
// means. In order, the first step with any result wins:
//   1. a person one of whose names (canonical or alias) is the name;
//   2. a person whose spelling-insensitive identity key equals the name's
//      ("Kasym Zhumabayuly" finds "Qasym Zhumabaiuly");
//   3. a person one of whose names has the name as a word ("Talgat").
// Several results mean the name is ambiguous; the caller lists them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "extract/name_key.h"

namespace kith {

class Database;

struct PersonRef {
  std::int64_t id = 0;
  std::string name;         // canonical name
  std::string description;  // for unnamed persons
};

Status FindPersons(Database* db, const std::string& query, const NameKey& keys, std::vector<PersonRef>* out);

// "Aigerim Sadykova" or, for an unnamed person, "(son of X)".
std::string DisplayName(const PersonRef& p);

}  // namespace kith
