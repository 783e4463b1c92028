// Graph check: the store's precondition on a DocumentGraph, tested before
// anything is written, so a malformed graph stores nothing.
//
// A graph passes when every entity, sentence and relation index is in range,
// every evidence span lies inside the document's text ([begin, end) with
// begin <= end <= text size, in bytes), every fact names its rule, named
// organizations and places have names, unnamed persons have no aliases,
// gender is "", "male" or "female", and inferred relations cite only other
// relations. Pure function; thread-safe.
#pragma once

#include "base/status.h"
#include "graph/document_graph.h"
#include "text/document.h"

namespace kith {

// Ok, or kInvalidInput located in doc.path at the line and column of the
// offending fact's evidence (when it has a usable span), naming the fact
// ("relation 3: subject 99 is not an entity index (4 entities)").
Status CheckDocumentGraph(const Document& doc, const DocumentGraph& graph);

}  // namespace kith
