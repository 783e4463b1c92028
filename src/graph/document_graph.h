// DocumentGraph: everything extraction found in one article, ready to store.
// It is plain data: entities (persons, organizations, places), the mentions
// that name them, relations between entities (family ties, located-in) and
// events with roles. Every fact carries its evidence: the sentence index, a
// byte span into the original text and the id of the rule that produced it.
// Indices (entity, sentence) refer to positions in this graph's own vectors.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/span.h"

namespace kith {

enum class EntityKind { kPerson, kOrganization, kPlace };

// "person", "organization", "place": the names used in the store and exports.
const char* EntityKindName(EntityKind kind);

struct Evidence {
  int sentence = -1;      // index into DocumentGraph::sentences, -1 if none
  Span span;              // bytes of the original text that state the fact
  std::string rule;       // id of the rule (or mechanism) that produced it
};

struct Entity {
  EntityKind kind = EntityKind::kPerson;
  // schema.org type: "Person"; "Organization", "GovernmentOrganization",
  // "NewsMediaOrganization", "NGO", ...; "Place", "City", "Country", "AdministrativeArea".
  std::string type;
  std::string name;                  // canonical name; empty for an unnamed person
  std::vector<std::string> aliases;  // other names used in the article, without `name`
  std::string gender;                // "male", "female" or "" when the text does not fix it
  int age = -1;                      // years, -1 when not stated
  std::string description;           // for unnamed persons: "son of X"; else optional
  int located_in = -1;               // entity index of the place an institution is in, or -1
  // Key under which entities of other documents are the same entity (spelling-insensitive
  // for persons); "" lets the store use the normalised name.
  std::string identity_key;
};

struct Mention {
  int entity = -1;
  Evidence evidence;  // evidence.span is the mention's own bytes
};

// `subject` is `type` of `object`: (A, "parent", B) reads "A is a parent of B".
// Types: "parent", "child", "sibling", "spouse", "relative".
struct Relation {
  int subject = -1;
  std::string type;
  int object = -1;
  std::string term;             // the kin term as written: "younger brother", "mother"
  bool inferred = false;
  std::vector<int> sources;     // for inferred relations: indices of the relations used
  Evidence evidence;
};

struct EventRole {
  std::string role;  // "protester", "detainee", "defendant", "agent", "place", ...
  int entity = -1;
};

struct Event {
  std::string kind;            // "Protest", "Detention", "Sentence", "Fine", "Release", "Death", "Travel"
  std::string date;            // ISO 8601 as far as known: "2021-02-22", "--02-22", "--04", "2019", or ""
  std::string date_precision;  // "day", "month", "year", or ""
  int place = -1;              // entity index, or -1
  std::vector<EventRole> roles;
  std::map<std::string, std::string> attributes;  // "term": "P10D", "charge": "...", "count": "9"
  Evidence evidence;
};

struct SentenceRecord {
  Span span;
};

struct DocumentGraph {
  std::vector<SentenceRecord> sentences;
  std::vector<Entity> entities;
  std::vector<Mention> mentions;
  std::vector<Relation> relations;
  std::vector<Event> events;
};

}  // namespace kith
