// Neo4j exporter: the stored knowledge graph as CSV files for
// `neo4j-admin database import full` (Neo4j 5), with the command and the
// Cypher queries that go with them.
//
// Promises:
// - Node files, one per label, ids in per-label id spaces (integer store
//   ids): persons.csv (id:ID(Person)), organizations.csv
//   (id:ID(Organization)), places.csv (id:ID(Place)), events.csv
//   (id:ID(Event)), articles.csv (id:ID(Article)); each with a :LABEL column
//   (GraphModel::Labels: "Organization" + "GovernmentOrganization") and typed
//   properties (age:int, named:boolean, documents:long[], ...).
// - Relationship files, one per (kind, start label, end label), with
//   :START_ID(<label>), :END_ID(<label>) and :TYPE columns:
//   ties_<S>_<E>.csv (GraphModel's tie types: PARENT_OF from parent to
//   child, SIBLING_OF, SPOUSE_OF, RELATIVE_OF, ...; with tieId, relation,
//   term, inferred, inferredFrom and the evidence: rule, document, article,
//   sentence, begin, end), located_<S>_<E>.csv (LOCATED_IN, PART_OF),
//   roles_<S>_Event.csv (PARTICIPATED_IN, with role), places_Event_<E>.csv
//   (LOCATED_IN), mentions_<S>_Article.csv (MENTIONED_IN). The node files and
//   ties_Person_Person.csv are always written; the other files only when they
//   have rows.
// - import.sh holds the exact neo4j-admin command for this file set
//   (--id-type=integer, --array-delimiter=U+001F, --multiline-fields=true);
//   queries.cypher holds the relatives-by-family-link query that answers what
//   `kith relatives NAME --link LINK` answers, and more.
// - Strings are always quoted (QuoteCsv): a name keeps its quotes, commas,
//   line breaks and non-ASCII text; an empty unquoted field means "no value".
//   Array items are joined by U+001F, which no item contains.
// - Output is deterministic: the same graph gives the same bytes.
// Thread-safe: pure functions of their arguments (the directory writer for
// distinct directories).
#pragma once

#include <map>
#include <string>

#include "base/status.h"
#include "exporters/atomic_file.h"
#include "store/graph_snapshot.h"

namespace kith {

// The export's files (file name -> contents) into *out, replacing its
// contents. File names are plain names ([A-Za-z0-9_.]), never paths.
Status WriteNeo4jFiles(const StoredGraph& graph, std::map<std::string, std::string>* out);

// WriteNeo4jFiles() into directory `dir`, created (one level, mode 0755) when
// missing. Every file is written atomically (atomic_file.h) inside `dir` and
// nowhere else: a symlink at a file's name is replaced, not followed. The
// rows go to the files' temporary copies as they are written, so memory
// stays that of the graph, not of the output. The files are then committed
// in name order, the CSV files first and import.sh last; a failure stops at the failing
// file (each file is then either wholly old or wholly new) and the Status
// names it. Files of an earlier export that this one does not write are left
// alone (import.sh does not name them).
Status WriteNeo4jDirectory(const StoredGraph& graph, const std::string& dir,
                           const AtomicWriteOptions& options = AtomicWriteOptions());

// `dir` + "/" + `name` when `name` is a plain file name (not empty, not "." or
// "..", no '/' or NUL); else kInvalidInput. The seam that keeps the directory
// writer inside its directory.
Status JoinInside(const std::string& dir, const std::string& name, std::string* path);

}  // namespace kith
