// Same events: scores how a store joined the reports of one happening across
// articles against the corpus file's "same_events". A gold happening is
// found (tp) when one row of the events query has its kind and date, a
// participant of its list, and evidence from each of its articles; else it
// is missed (fn). A row with evidence from two or more articles that no gold
// happening explains is a wrong merge (fp). Articles compare by file name.
#pragma once

#include <string>
#include <vector>

#include "eval/gold.h"
#include "eval/scorer.h"
#include "query/events_query.h"

namespace kith {

// Appends one line per miss and wrong merge to *explain.
Counts ScoreSameEvents(const std::vector<EventRow>& rows, const std::vector<GoldSameEvent>& gold,
                       std::vector<std::string>* explain);

}  // namespace kith
