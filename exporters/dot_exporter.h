// DOT exporter: the family relationship diagram for Graphviz (`dot -Tsvg`).
//
// Promises:
// - Persons are rounded boxes filled by gender (blue male, pink female, grey
//   unknown); an unnamed person is dashed and italic and shows its
//   description ("son of X"). Organizations are 3-D boxes, places ellipses,
//   events (DotOptions::with_events) hexagons.
// - Parents point to their children (PARENT_OF, whichever way the article
//   stated it); spouses are joined by a thick line without arrowheads (no
//   rank=same: with clusters, Graphviz 2.43 loses edges or stops with
//   "trouble in init_rank" on larger graphs); siblings are dashed, other
//   relatives dotted; inferred ties
//   are drawn lighter. The kin terms are the edge labels. Ties stated more
//   than once between the same two persons are drawn once, with each distinct
//   term. Located-in and part-of edges are dotted with hollow arrowheads.
// - Each family (GraphModel::Families: a connected component of family ties)
//   is a cluster, except in a drawing of the whole graph with events, where
//   Graphviz 2.43 cannot place clusters tied together by many events in
//   reasonable time. Ranks are global (newrank) only without events: with
//   events, Graphviz 2.43's global ranking stops with "trouble in init_rank"
//   on some graphs.
// - With DotOptions::person, only that person's family is drawn: the persons
//   within DotOptions::depth family ties (breadth-first over the ties), their
//   ties, and with events the events they took part in with those events'
//   places and non-person participants.
// - Node ids are GraphModel::NodeKey, quoted. Every label goes through
//   QuoteDot (text_escape.h): quotes, backslashes, line breaks, control
//   characters and '&' are escaped, non-ASCII text stays UTF-8 (the graph
//   says charset="UTF-8"), so Graphviz reads every name back as written.
//   Long labels are wrapped at spaces.
// - Output is deterministic: the same graph and options give the same bytes.
// Thread-safe: pure functions of their arguments.
#pragma once

#include <cstdint>
#include <string>

#include "base/status.h"
#include "exporters/atomic_file.h"
#include "store/graph_snapshot.h"

namespace kith {

struct DotOptions {
  // Draw only this person's family: the entity id of a person (see
  // person_lookup.h to find it by name). Default 0: the whole graph.
  std::int64_t person = 0;
  // How many family ties from `person` to follow (>= 0). Default 2.
  int depth = 2;
  // Also draw events with their roles and places. Default false.
  bool with_events = false;
};

// Serialises `graph` into *out (replacing its contents), ending in a newline.
// Fails with kNotFound when options.person is not a person of `graph`, and
// with kInvalidInput when options.depth < 0; *out is then unchanged.
Status WriteDot(const StoredGraph& graph, const DotOptions& options, std::string* out);

// WriteDot() to `path`, atomically (see atomic_file.h). The text goes to the
// file as it is written, so memory stays that of the graph, not of the
// output. On failure `path` is untouched and the Status names it.
Status WriteDotFile(const StoredGraph& graph, const DotOptions& options, const std::string& path,
                    const AtomicWriteOptions& atomic = AtomicWriteOptions());

}  // namespace kith
