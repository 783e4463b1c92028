// Document writer: the INSERTs that store one checked DocumentGraph.
//
// Internal to the store. The caller holds a write transaction, has run
// CheckDocumentGraph() on the graph and has made sure no document with this
// content hash exists. On failure the caller rolls back.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "graph/document_graph.h"
#include "store/database.h"
#include "text/document.h"

namespace kith {

// Inserts the document row, its sentences, entities (matched against stored
// ones by entity_matcher.h, or new), names, mentions, relations with their
// sources, events with roles, each event linked to the events of other
// documents that report the same happening (event_matcher.h). Existing
// entities gain gender, age, description, located_in and a more specific
// type when they had none.
// Appends the stored id of every graph entity to *entity_ids (may repeat).
// The document row records `extraction_fingerprint` (store.h).
Status WriteDocumentGraph(Database* db, const Document& doc, const std::string& content_hash,
                          const std::string& extraction_fingerprint, const DocumentGraph& graph,
                          std::vector<std::int64_t>* entity_ids);

// Appends to *out the ids of the entities the facts of document
// `document_id` refer to (mentions, relation ends, event roles and places).
Status DocumentEntities(Database* db, std::int64_t document_id, std::vector<std::int64_t>* out);

// Deletes those of `candidates` that no fact refers to any more: no mention,
// relation, event role or event place, and no entity located in them. The
// place a deleted entity was located in becomes a candidate in turn. Only
// candidates are examined, so the cost does not grow with the store.
Status RemoveUnreferencedEntities(Database* db, std::vector<std::int64_t> candidates);

}  // namespace kith
