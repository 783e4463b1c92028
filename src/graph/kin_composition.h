// Kin composition within one document graph: a parent's parent, both named,
// is a grandparent, a tie of kind "relative" that a reader composes from two
// stated (or inferred) parent ties. A pair already tied in any way is left as
// it is. Aunts, uncles and in-laws are not composed: articles name them when
// they matter, and a reader does not list every one a family tree implies.
// Composed ties are stored as inferred, with the two ties they came from.
#pragma once

#include "graph/document_graph.h"

namespace kith {

// Appends the composed grandparent ties to graph->relations; returns how many.
int ComposeGrandparents(DocumentGraph* graph);

}  // namespace kith
