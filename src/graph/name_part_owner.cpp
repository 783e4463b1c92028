#include "graph/name_part_owner.h"

#include <algorithm>

namespace kith {

int NamePartOwner(const std::vector<NamePartCandidate>& candidates, std::size_t at, const std::string& gender,
                  bool titled) {
  std::vector<const NamePartCandidate*> before;
  for (const NamePartCandidate& c : candidates) {
    if (c.entity < 0 || c.first_token >= at) continue;
    if (!gender.empty() && !c.gender.empty() && c.gender != gender) continue;
    before.push_back(&c);
  }
  if (before.empty()) return -1;
  // The one candidate that `holds`, or null.
  const auto only = [&](auto holds) -> const NamePartCandidate* {
    const NamePartCandidate* found = nullptr;
    for (const NamePartCandidate* c : before) {
      if (!holds(*c)) continue;
      if (found != nullptr) return nullptr;
      found = c;
    }
    return found;
  };
  if (const NamePartCandidate* c = only([](const NamePartCandidate& x) { return x.same_spelling; })) return c->entity;
  const bool others_by_given = std::all_of(before.begin(), before.end(), [](const NamePartCandidate* c) {
    return c->given_name || c->goes_by_given_name;
  });
  if (!titled && before.size() > 1 && others_by_given) {
    if (const NamePartCandidate* c = only([](const NamePartCandidate& x) { return x.given_name; })) return c->entity;
  }
  // Two or more who bear the very word as a later name would make it ambiguous as one: the
  // given name's owner is meant ("Ablimit's brother" beside his children "E Ablimit" and
  // "M Ablimit"; not "Zhaksylyquly" beside their father "Zhaksylyq O").
  const auto later_name = std::count_if(before.begin(), before.end(), [](const NamePartCandidate* c) {
    return !c->given_name && c->same_spelling;
  });
  if (!titled && later_name >= 2) {
    const NamePartCandidate* c = only([](const NamePartCandidate& x) { return x.given_name; });
    if (c != nullptr && c->same_spelling) return c->entity;
  }
  // The others are called by their given names ("Darkhan sent me money"), so the part alone is
  // the one person never so called.
  const NamePartCandidate* surname_only = only([](const NamePartCandidate& x) {
    return !x.given_name && !x.goes_by_given_name;
  });
  if (before.size() > 1 && surname_only != nullptr) return surname_only->entity;
  std::sort(before.begin(), before.end(), [](const NamePartCandidate* a, const NamePartCandidate* b) {
    return a->first_token < b->first_token;
  });
  if (before.size() < 2 || before[0]->first_sentence != before[1]->first_sentence) return before[0]->entity;
  // Introduced together: the one not introduced as a relative, when exactly one is such.
  const NamePartCandidate* main = nullptr;
  for (const NamePartCandidate* c : before) {
    if (c->first_sentence != before[0]->first_sentence || c->as_relative) continue;
    if (main != nullptr) return -1;
    main = c;
  }
  return main == nullptr ? -1 : main->entity;
}

}  // namespace kith
