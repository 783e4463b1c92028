#include "extract/overlap.h"

#include <algorithm>
#include <string_view>

namespace kith {

using namespace std::string_view_literals;

namespace {

bool Overlaps(const ExtractedMention& a, const ExtractedMention& b) { return a.first < b.last && b.first < a.last; }
bool Inside(const ExtractedMention& inner, const ExtractedMention& outer) {
  return outer.first <= inner.first && inner.last <= outer.last;
}

void MergeAttributes(const ExtractedMention& from, ExtractedMention* into) {
  for (const auto& kv : from.attributes) into->attributes.emplace(kv.first, kv.second);
}

}  // namespace

void ResolveOverlaps(std::vector<ExtractedMention> candidates, std::vector<ExtractedMention>* accepted,
                     std::vector<OverlapLoss>* losses) {
  std::stable_sort(candidates.begin(), candidates.end(), [](const ExtractedMention& a, const ExtractedMention& b) {
    const std::size_t la = a.last - a.first;
    const std::size_t lb = b.last - b.first;
    if (la != lb) return la > lb;
    if (a.priority != b.priority) return a.priority > b.priority;
    return a.first < b.first;
  });
  // accepted[0, kept) are the mentions accepted before this call; later ones were added now.
  std::size_t kept = accepted->size();
  for (ExtractedMention& cand : candidates) {
    const bool entity = IsEntityLabel(cand.label);
    bool lost = false;
    std::string winner;
    std::vector<std::size_t> replaced;
    for (std::size_t i = 0; i < accepted->size() && !lost; ++i) {
      ExtractedMention& acc = (*accepted)[i];
      if (!Overlaps(cand, acc)) continue;
      const bool acc_entity = IsEntityLabel(acc.label);
      if (!entity || !acc_entity) {
        if (acc.label != cand.label) continue;  // auxiliary layers are independent
      }
      if (acc.first == cand.first && acc.last == cand.last && acc.label == cand.label) {
        MergeAttributes(cand, &acc);  // a merge, not a loss
        lost = true;
        winner = cand.rule;
        continue;
      }
      // Nesting: a place inside an institution's name, or a known institution inside a longer one
      // (strictly inside: a span is never two entities).
      const bool nest_ok_label = acc.label != cand.label || cand.label == "Organization"sv;
      if (Inside(cand, acc) && cand.nests && nest_ok_label && acc.last - acc.first > cand.last - cand.first) continue;
      if (Inside(acc, cand) && acc.nests && nest_ok_label && acc.last - acc.first < cand.last - cand.first) continue;
      if (acc.label == cand.label && Inside(acc, cand) && !(acc.first == cand.first && acc.last == cand.last)) {
        replaced.push_back(i);
        continue;
      }
      lost = true;
      winner = acc.rule;
    }
    if (lost) {
      if (losses != nullptr && winner != cand.rule) losses->push_back(OverlapLoss{cand, winner});
      continue;
    }
    for (auto it = replaced.rbegin(); it != replaced.rend(); ++it) {
      MergeAttributes((*accepted)[*it], &cand);
      if (losses != nullptr) losses->push_back(OverlapLoss{(*accepted)[*it], cand.rule});
      accepted->erase(accepted->begin() + static_cast<std::ptrdiff_t>(*it));
      if (*it < kept) --kept;
    }
    accepted->push_back(std::move(cand));
  }
  const auto by_position = [](const ExtractedMention& a, const ExtractedMention& b) {
    return a.first != b.first ? a.first < b.first : a.last > b.last;
  };
  // Those accepted before arrive in order (this function leaves them so): only the
  // new ones are sorted, then merged in.
  const auto old_end = accepted->begin() + static_cast<std::ptrdiff_t>(kept);
  if (!std::is_sorted(accepted->begin(), old_end, by_position)) {
    std::sort(accepted->begin(), accepted->end(), by_position);
    return;
  }
  std::sort(old_end, accepted->end(), by_position);
  std::inplace_merge(accepted->begin(), old_end, accepted->end(), by_position);
}

}  // namespace kith
