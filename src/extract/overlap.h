// Overlap policy for mention candidates of one stage, documented for rule
// authors: candidates are taken longest first, then by higher priority, then
// leftmost. A candidate loses when it overlaps an accepted mention of the
// entity layer (Person, Organization, Place) unless one lies inside the other
// and the inner one, strictly shorter, is marked "nests" (a place inside an organization's name;
// of one label, only an organization inside a longer organization), or the
// candidate strictly contains
// same-label mentions that do not nest (it then replaces them, keeping their
// attributes where it has none). Auxiliary labels only
// conflict with their own label. A candidate with the same span and label as
// an accepted mention merges its attributes into it instead of losing.
#pragma once

#include <string>
#include <vector>

#include "extract/extraction.h"

namespace kith {

struct OverlapLoss {
  ExtractedMention loser;
  std::string beaten_by;  // rule id of the mention that won
};

// Adds `candidates` to `accepted` following the policy; losers go to *losses (may be null).
void ResolveOverlaps(std::vector<ExtractedMention> candidates, std::vector<ExtractedMention>* accepted,
                     std::vector<OverlapLoss>* losses);

}  // namespace kith
