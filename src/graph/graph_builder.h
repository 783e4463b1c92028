// Graph builder: turns one document's Extraction into its DocumentGraph.
// Mentions become entities: persons join by name (a repeated full name, a
// name part that `refers` to a full name, or a single name equal by NameKey
// to a part of exactly one full name; a part shared by several persons is
// ambiguous and dropped; another name a rule says a person has, through
// same_person.h); organizations join by canonical name, by a
// "X in Place" form of a shorter "X", and a bare head word ("the consulate")
// joins the one organization with that head; places join by canonical name.
// The longest name is canonical, the others become aliases. Family ties are
// built by kinship_builder.h, events by event_assembler.h; both read their
// arguments through argument_reader.h.
#pragma once

#include <string>

#include "extract/extraction.h"
#include "extract/rule_set.h"
#include "graph/document_graph.h"

namespace kith {

// `publication_date`: ISO date anchoring relative and year-less dates ("" when unknown).
DocumentGraph BuildDocumentGraph(const std::string& text, const Extraction& ex, const RuleSet& rules,
                                 const std::string& publication_date = "");

}  // namespace kith
