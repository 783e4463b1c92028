// Kin inference within one document graph: facts that follow from stated
// family ties, stored as inferred with the ties they came from.
//  - a parent-in-law ("father-in-law") of someone with one (not former) spouse
//    is that spouse's parent, and a step-child ("stepson") that spouse's child;
//  - a maternal (paternal) grandparent of someone with one known mother
//    (father) is that parent's parent, and a maternal (paternal) uncle or
//    aunt that parent's sibling;
//  - a stated sibling (not a half-sibling) of a parent's child is that
//    parent's child;
//  - a parent's one (not former) spouse is the child's other parent, unless
//    the child has two parents already or one of the spouse's gender;
//  - children of one parent are siblings (unless already tied as siblings).
// Inverse (parent/child) and symmetric (sibling, spouse) directions need no
// new rows: every reader of a tie (exporters, queries) reads both directions.
#pragma once

#include "graph/document_graph.h"

namespace kith {

// Appends inferred relations to graph->relations; returns how many.
int InferKinship(DocumentGraph* graph);

}  // namespace kith
