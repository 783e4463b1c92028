// Gold facts: the expected-facts files rule authors write for articles
// (one JSON per article: persons, organizations, places, kinship, unnamed
// relatives, events with the attributes they must carry; `"optional": true`
// marks what a reader may or may not take), and the corpus file's happenings
// reported by several articles. Loading reports errors as file:line:col.
#pragma once

#include <map>
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
  bool optional = false;  // a tie a reader may or may not take: neither required nor spurious
};

struct GoldUnnamed {
  std::string of;
  std::string relation;
  std::string gender;
  int count = 1;
  bool optional = false;
};

struct GoldEvent {
  std::string type;
  std::string date;
  std::vector<std::string> participants;
  // Attributes the event must carry, as stored: {"amount": "150000",
  // "currency": "KZT"}, {"duration": "P12Y"}, {"participant_count": "11"}.
  std::map<std::string, std::string> attributes;
  bool optional = false;
};

// One happening that several articles report: after all articles are
// stored, it must be one event with evidence from each of `docs` (article
// file names). From "same_events" in the corpus file (_corpus.json).
struct GoldSameEvent {
  std::string type;
  std::string date;
  std::vector<std::string> participants;  // at least one must take part
  std::vector<std::string> docs;
};

struct GoldDocument {
  std::string doc;  // article file name
  std::vector<GoldEntity> persons, organizations, places;
  std::vector<GoldKin> kinship;
  std::vector<GoldUnnamed> unnamed;
  std::vector<GoldEvent> events;
};

Status LoadGoldFile(const std::string& path, GoldDocument* out);

// Reads "same_events" of a corpus file (other keys are left to other
// readers); a file without it gives none.
Status LoadSameEvents(const std::string& path, std::vector<GoldSameEvent>* out);

}  // namespace kith
