// Family path: the shortest chain of family ties between two persons, found
// with Boost.Graph's breadth-first search over the family ties of the first
// person's family (parent, child, sibling, spouse, relative; each tie
// walkable both ways).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"

namespace kith {

class Database;

struct PathStep {
  std::int64_t from = 0;
  std::int64_t to = 0;
  std::string link;  // `to` is the `link` of `from`: "parent" = to is a parent of from
  bool inferred = false;
};

// Sets *found and fills *steps (empty when a == b). Reads only the ties of
// a's family (indexed lookups, family member by family member).
Status FindFamilyPath(Database* db, std::int64_t a, std::int64_t b, bool* found, std::vector<PathStep>* steps);

}  // namespace kith
