// Person lookup: which stored person a name given on the command line means
// (`kith export --format dot --person NAME`).
//
// Pure functions of their arguments; thread-safe.
#pragma once

#include <cstdint>
#include <string>

#include "base/status.h"
#include "store/graph_snapshot.h"

namespace kith {

// Sets *id to the person `query` names and returns Ok when exactly one
// matches. A query matches
// - an id written "person/12" or "person-12" (the form the candidates list uses);
// - else a person's name, compared case-insensitively (Utf8Lower) after
//   trimming spaces; when no name matches, a person's alias.
// Fails with kNotFound when no person matches and kInvalidInput when several
// do; the message quotes the query and lists the candidates, one per line as
// "person/12 Name" (for no match: persons whose names contain the query or
// one of its words, at most 20).
Status FindPerson(const StoredGraph& graph, const std::string& query, std::int64_t* id);

}  // namespace kith
