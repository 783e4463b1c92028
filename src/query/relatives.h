// Relatives query: a person's relatives by family link, read from the store.
// A breadth-first walk over family ties (parent, child, sibling, spouse,
// relative) up to `depth` steps; each relative once, at the smallest depth.
// `link` is the relative's relation to the person reached from (at depth 1,
// to the person asked about): "parent" means the relative is a parent.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"

namespace kith {

class Database;

struct RelativesOptions {
  // any | parent | child | sibling | spouse | relative | mother | father | son |
  // daughter | brother | sister | husband | wife (gendered links need the gender)
  std::string link = "any";
  int depth = 1;  // steps of family ties to follow, >= 1
};

struct RelativeRow {
  std::int64_t id = 0;
  std::string name;          // "" for an unnamed person
  std::string description;   // "son of X" for unnamed persons
  std::string gender;
  std::string link;          // parent, child, sibling, spouse, relative
  std::string term;          // kin term as written
  bool inferred = false;     // true when every stating tie was inferred
  int depth = 1;
  std::int64_t via = 0;      // the person this relative was reached from
  std::vector<std::string> articles;  // document paths, sorted
};

// Fails with kInvalidInput for an unknown link or a depth < 1.
Status FindRelatives(Database* db, std::int64_t person, const RelativesOptions& options,
                     std::vector<RelativeRow>* out);

// True when `link` is one of the names RelativesOptions::link accepts.
bool IsKnownLink(const std::string& link);

// The kin word for a link and a gender: ("parent", "female") -> "mother"; no gender -> "parent".
std::string KinTermFor(const std::string& link, const std::string& gender);

}  // namespace kith
