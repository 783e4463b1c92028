// Scorer: compares the DocumentGraph kith extracts from an article with the
// article's gold facts, category by category (persons, organizations,
// places, kinship, unnamed relatives, events), the way the project's
// evaluation defines it: entities match one-to-one by any shared name,
// optional gold items are neither required nor spurious, family ties compare
// as undirected where the relation is symmetric, events match by type and a
// shared participant, and then carry the attributes the gold asks for
// (amount, currency, duration, participant_count). Also counts gender and
// event-date accuracy.
#pragma once

#include <array>
#include <map>
#include <string>
#include <vector>

#include "eval/gold.h"
#include "graph/document_graph.h"

namespace kith {

struct Counts {
  int tp = 0, fp = 0, fn = 0;
  void Add(const Counts& o) {
    tp += o.tp;
    fp += o.fp;
    fn += o.fn;
  }
  double Precision() const;
  double Recall() const;
  double F1() const;
};

struct ScoreReport {
  // persons, organizations, places, kinship, unnamed, events; event_attributes (of matched events:
  // tp right, fn wrong or missing); same_events (happenings of several articles, ScoreSameEvents())
  std::map<std::string, Counts> categories;
  int gender_ok = 0, gender_total = 0;
  int dates_ok = 0, dates_total = 0;
  std::vector<std::string> explain;  // "persons missing: ...", one line per finding

  void Add(const ScoreReport& o);
  double MacroF1() const;  // over persons, organizations, places, kinship, events
};

ScoreReport ScoreDocument(const DocumentGraph& graph, const GoldDocument& gold);

// Name normalisation shared with the gold: case-folded, spaces folded, curly apostrophes straightened, leading "the " removed.
std::string NormalizeName(const std::string& name);

}  // namespace kith
