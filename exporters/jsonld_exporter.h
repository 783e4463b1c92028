// JSON-LD exporter: the stored knowledge graph as one JSON-LD 1.1 document
// using schema.org, PROV-O and kith's own terms (schema/kith-vocab.jsonld).
//
// Promises:
// - The @context is inline (never a URL to fetch): @vocab schema.org, the
//   prefixes schema:, kith:, prov:, and term definitions that make every
//   property pointing to a node an IRI (@type: @id).
// - @graph holds one node per document ("NewsArticle"), per sentence that
//   states a tie or an event ("kith:document/1/sentence/2", a
//   kith:ArticleSentence, isPartOf its article), per entity
//   ("kith:person/12", "kith:organization/3", "kith:place/7"), per relation
//   ("kith:tie/5", a kith:FamilyTie for family types) and per event
//   ("kith:event/4", typed ["Event", "kith:<Kind>"]).
// - Family ties appear twice: as schema.org properties on the person nodes,
//   in schema.org's direction (A parent of B: B parent A, A children B;
//   sibling, spouse and relatedTo both ways), and as a tie node with its
//   evidence.
// - Provenance: every tie and event node has prov:wasDerivedFrom [article,
//   sentence node] (the article alone when the sentence is unknown),
//   kith:sentence (index), kith:begin/kith:end (byte span), kith:rule and,
//   for ties, kith:inferred; an inferred tie lists the tie nodes it was
//   inferred from (kith:inferredFrom, a subproperty of prov:wasDerivedFrom).
//   schema/kith-vocab.jsonld documents every kith term.
// - Unnamed persons carry a description and never a name or alternateName.
// - Output is deterministic: the same graph gives the same bytes.
// - Every string is made valid UTF-8 first (bad bytes become U+FFFD); the
//   writer escapes quotes and control characters.
// Thread-safe: pure functions of their arguments.
#pragma once

#include <string>

#include "base/status.h"
#include "exporters/atomic_file.h"
#include "store/graph_snapshot.h"

namespace kith {

// Serialises `graph` into *out (replacing its contents), ending in a newline.
// Fails (kInternal) only if the JSON writer refuses a value.
Status WriteJsonLd(const StoredGraph& graph, std::string* out);

// WriteJsonLd() to `path`, atomically (see atomic_file.h). The text goes to
// the file as it is written, so memory stays that of the graph, not of the
// output. On failure `path` is untouched and the Status names it.
Status WriteJsonLdFile(const StoredGraph& graph, const std::string& path,
                       const AtomicWriteOptions& options = AtomicWriteOptions());

}  // namespace kith
