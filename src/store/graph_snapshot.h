// Graph snapshot: the whole stored knowledge graph read into plain structs.
//
// This is what every exporter consumes. ReadGraph() reads in one read
// transaction, so the snapshot is consistent even while another process
// writes. Order is deterministic: every vector is sorted by stored id;
// aliases, roles and source ids keep their stored order. Ids are the
// store's row ids (> 0); 0 means "none". Offsets are bytes into the
// original document ([begin, end)).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "base/span.h"
#include "base/status.h"
#include "graph/document_graph.h"

namespace kith {

class Store;

struct StoredDocument {
  std::int64_t id = 0;
  std::string content_hash;  // SHA-256, lowercase hex
  std::string path;
  std::string title;
  std::string date;    // ISO 8601 or ""
  std::string url;
  std::string source;  // publisher
  std::int64_t byte_length = 0;
  std::string ingested_at;  // UTC, "YYYY-MM-DDTHH:MM:SSZ"
};

struct StoredEvidence {
  std::int64_t document_id = 0;
  int sentence = -1;  // 0-based sentence index within the document, -1 if none
  Span span;          // bytes of the document
  std::string rule;
};

struct StoredEntity {
  std::int64_t id = 0;
  EntityKind kind = EntityKind::kPerson;
  std::string type;                  // schema.org type
  std::string name;                  // "" for an unnamed person
  std::vector<std::string> aliases;  // other names, without `name`
  std::string gender;                // "male", "female" or ""
  int age = -1;                      // -1 when unknown
  std::string description;
  std::int64_t located_in = 0;          // entity id or 0
  std::int64_t origin_document_id = 0;  // for unnamed persons, else 0
  std::vector<std::int64_t> documents;  // ids of documents that mention it, ascending
};

struct StoredRelation {
  std::int64_t id = 0;
  std::int64_t subject = 0;  // entity id: subject is `type` of object
  std::string type;          // parent, child, sibling, spouse, relative, ...
  std::int64_t object = 0;
  std::string term;
  bool inferred = false;
  std::vector<std::int64_t> sources;  // relation ids an inferred relation was derived from
  StoredEvidence evidence;
};

struct StoredEventRole {
  std::string role;
  std::int64_t entity = 0;
};

struct StoredEvent {
  std::int64_t id = 0;
  std::string kind;  // Protest, Detention, ...
  std::string date;  // ISO 8601 as far as known, or ""
  std::string date_precision;
  std::int64_t place = 0;  // entity id or 0
  std::vector<StoredEventRole> roles;
  std::map<std::string, std::string> attributes;
  StoredEvidence evidence;
  // For a later report of a happening (events of other articles joined by
  // event_same_as, directly or through a third): the happening's first
  // report, its lowest event id. Empty for the first report and for events
  // reported once.
  std::vector<std::int64_t> same_as;
};

struct StoredGraph {
  std::vector<StoredDocument> documents;
  std::vector<StoredEntity> entities;
  std::vector<StoredRelation> relations;
  std::vector<StoredEvent> events;

  // The entity with this id, or nullptr. O(log n): `entities` is sorted by id.
  const StoredEntity* FindEntity(std::int64_t id) const;
};

// Reads the whole store into *out (replacing its contents). On failure *out
// is left empty and the Status names the database.
Status ReadGraph(Store& store, StoredGraph* out);

}  // namespace kith
