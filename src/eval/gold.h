// Gold facts: the expected-facts files rule authors write for articles
// (one JSON per article: persons, organizations, places, kinship, unnamed
// relatives, events; `"optional": true` marks what a reader may or may not
// take). Loading reports errors as file:line:col.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"

namespace kith {

struct GoldEntity {
  std::string name;
  std::vector<std::string> aliases;
  std::string gender;  // "", "male", "female"
  bool optional = false;
};

struct GoldKin {
  std::string person;
  std::string relation;  // parent, child, sibling, spouse, relative
  std::string of;
};

struct GoldUnnamed {
  std::string of;
  std::string relation;
  std::string gender;
  int count = 1;
};

struct GoldEvent {
  std::string type;
  std::string date;
  std::vector<std::string> participants;
  bool optional = false;
};

struct GoldDocument {
  std::string doc;  // article file name
  std::vector<GoldEntity> persons, organizations, places;
  std::vector<GoldKin> kinship;
  std::vector<GoldUnnamed> unnamed;
  std::vector<GoldEvent> events;
};

Status LoadGoldFile(const std::string& path, GoldDocument* out);

}  // namespace kith
