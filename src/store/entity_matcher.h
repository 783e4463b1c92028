// Entity matcher: the store's one identity decision across documents.
//
// When a document's graph is stored, each of its entities is either an
// entity already in the store or a new one. This unit alone decides which,
// so a later identity-resolution scheme replaces only this file pair.
//
// Current policy:
// - Unnamed persons (empty name) are never merged: always new, owned by
//   their document.
// - A named entity is the stored entity of the same kind whose normalized
//   name key equals its own (the lowest id if several). For persons the graph
//   gives a spelling-insensitive key of the full name (Entity::identity_key);
//   a stored person whose gender conflicts with the new one's is not the same.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"
#include "graph/document_graph.h"
#include "store/database.h"

namespace kith {

// The matching key of a name: Unicode apostrophes folded to ', runs of
// whitespace (including U+00A0) to one space, trimmed, lower-cased (ASCII,
// Latin-1, Latin Extended-A, basic Greek and Cyrillic), a leading "the "
// dropped. Invalid UTF-8 bytes pass through unchanged. "" for a blank name.
std::string NormalizeNameKey(std::string_view name);

// Sets *id to the stored entity `entity` is, or 0 when it is a new entity.
// `key` is NormalizeNameKey(entity.name). Reads only; call inside the
// caller's transaction. Fails only on database errors.
Status MatchEntity(Database* db, const Entity& entity, const std::string& key, std::int64_t* id);

}  // namespace kith
