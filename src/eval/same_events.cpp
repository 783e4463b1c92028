#include "eval/same_events.h"

#include <algorithm>
#include <filesystem>
#include <set>

namespace kith {
namespace {

std::set<std::string> Articles(const EventRow& row) {
  std::set<std::string> names;
  for (const EventEvidence& e : row.evidence) names.insert(std::filesystem::path(e.article).filename().string());
  return names;
}

bool Explains(const GoldSameEvent& g, const EventRow& row) {
  if (row.kind != g.type || row.date != g.date) return false;
  const std::set<std::string> articles = Articles(row);
  if (!std::all_of(g.docs.begin(), g.docs.end(), [&](const std::string& d) { return articles.count(d) != 0; })) {
    return false;
  }
  return std::any_of(row.participants.begin(), row.participants.end(), [&](const EventParticipant& p) {
    return std::find(g.participants.begin(), g.participants.end(), p.name) != g.participants.end();
  });
}

}  // namespace

Counts ScoreSameEvents(const std::vector<EventRow>& rows, const std::vector<GoldSameEvent>& gold,
                       std::vector<std::string>* explain) {
  Counts c;
  std::set<std::size_t> explained;
  for (const GoldSameEvent& g : gold) {
    bool found = false;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (Explains(g, rows[i])) {
        found = true;
        explained.insert(i);
      }
    }
    if (found) {
      ++c.tp;
    } else {
      ++c.fn;
      std::string docs;
      for (const std::string& d : g.docs) docs += (docs.empty() ? "" : ", ") + d;
      explain->push_back("same event not joined: " + g.type + " " + g.date + " in " + docs);
    }
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].evidence.size() < 2 || explained.count(i)) continue;
    ++c.fp;
    explain->push_back("events joined that the gold keeps apart: " + rows[i].kind + " " + rows[i].date);
  }
  return c;
}

}  // namespace kith
