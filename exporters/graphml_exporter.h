// GraphML exporter: the stored knowledge graph as one GraphML file that
// Gephi, networkx, igraph, graphology and Neo4j's apoc.import.graphml read.
//
// Promises:
// - Nodes and edges are GraphModel's (graph_model.h): persons, organizations,
//   places and events; family ties and other relations, located-in and
//   part-of, event places and event roles. Node ids are GraphModel::NodeKey
//   ("person-12"), edge ids GraphModel::EdgeKey ("tie-5").
// - Every attribute is declared by a <key> with attr.type (string, boolean,
//   int, long); every key is declared whether or not a value uses it. Node
//   keys have ids "v_<name>", edge keys "e_<name>", except the edge key
//   "label" (see below). Lists are JSON arrays in a string with APOC's
//   attr.list extension (aliases, documents, articles, inferred_from).
// - Nodes carry a `labels` XML attribute (":Person", ":Organization:NGO",
//   ":Place:City", ":Event:Protest") and, as data, label (the display name:
//   Gephi's node label), labels, kind, schema_type, name, aliases,
//   description, named, gender, age, documents, articles; events also date,
//   date_precision, attributes (JSON object) and their evidence.
// - Edges carry a `label` XML attribute with the relationship type
//   (PARENT_OF, SIBLING_OF, SPOUSE_OF, RELATIVE_OF, LOCATED_IN, PART_OF,
//   PARTICIPATED_IN, ...) and, first inside the edge, <data key="label"> with
//   the same type: apoc.import.graphml with readLabels:true takes the type
//   from the attribute, or else from that first data element; Gephi shows it
//   as the edge label. Ties add relation (the stored type: "child" on a
//   reversed PARENT_OF), term (kin term), inferred, inferred_from and their
//   evidence: rule, document, article (path), article_date, sentence, begin,
//   end. Role edges add role, event_kind and date.
// - Every string is escaped by EscapeXml (text_escape.h): the file is
//   well-formed XML 1.0 whatever the names hold.
// - Output is deterministic: the same graph gives the same bytes.
// Thread-safe: pure functions of their arguments.
#pragma once

#include <string>

#include "base/status.h"
#include "exporters/atomic_file.h"
#include "store/graph_snapshot.h"

namespace kith {

// Serialises `graph` into *out (replacing its contents), ending in a newline.
// Never fails today; returns a Status for symmetry with the other exporters.
Status WriteGraphml(const StoredGraph& graph, std::string* out);

// WriteGraphml() to `path`, atomically (see atomic_file.h). The text goes to
// the file as it is written, so memory stays that of the graph, not of the
// output. On failure `path` is untouched and the Status names it.
Status WriteGraphmlFile(const StoredGraph& graph, const std::string& path,
                        const AtomicWriteOptions& options = AtomicWriteOptions());

}  // namespace kith
