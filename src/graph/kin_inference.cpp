#include "graph/kin_inference.h"

#include <algorithm>
#include <initializer_list>
#include <map>
#include <string>
#include <set>
#include <utility>
#include <vector>
#include <string_view>

namespace kith {

using namespace std::string_view_literals;

namespace {

// Appends "`parent` is a parent of `child`", inferred from `sources`, with a parent's kin term
// by gender and `evidence` under `rule`; returns its index.
int AddInferredParent(DocumentGraph* graph, int parent, int child, std::vector<int> sources, Evidence evidence,
                      const char* rule) {
  Relation r;
  r.subject = parent;
  r.type = "parent";
  r.object = child;
  const std::string& g = graph->entities[static_cast<std::size_t>(parent)].gender;
  r.term = g == "female"sv ? "mother" : g == "male"sv ? "father" : "parent";
  r.inferred = true;
  r.sources = std::move(sources);
  r.evidence = std::move(evidence);
  r.evidence.rule = rule;
  graph->relations.push_back(std::move(r));
  return static_cast<int>(graph->relations.size() - 1);
}

// Whether kin term `term` is a current tie ending in one of `kinds` ("late father-in-law", not
// "former father-in-law" or "ex-stepson").
bool CurrentTermEndingIn(const std::string& term, std::initializer_list<std::string_view> kinds) {
  if (term.find("former") != std::string::npos || term.find("ex-") != std::string::npos) return false;
  return std::any_of(kinds.begin(), kinds.end(), [&](std::string_view end) {
    return term.size() >= end.size() && std::string_view(term).substr(term.size() - end.size()) == end;
  });
}

// A parent-in-law's term ("father-in-law").
bool ParentInLawTerm(const std::string& term) {
  return CurrentTermEndingIn(term, {"father-in-law"sv, "mother-in-law"sv, "parent-in-law"sv});
}

// A step-child's term ("stepson", "step-daughter").
bool StepChildTerm(const std::string& term) {
  return CurrentTermEndingIn(term, {"stepson"sv, "step-son"sv, "stepdaughter"sv, "step-daughter"sv, "stepchild"sv,
                                    "step-child"sv});
}

// "maternal" or "paternal" when kin term `term` names one of `kins` on that side ("maternal
// grandmother", "his late paternal grandfather"); "" otherwise.
std::string SideOf(const std::string& term, std::initializer_list<std::string_view> kins) {
  for (std::string_view side : {"maternal"sv, "paternal"sv}) {
    const std::size_t at = term.find(side);
    if (at == std::string::npos) continue;
    const std::string_view rest = std::string_view(term).substr(at + side.size());
    for (std::string_view kin : kins) {
      if (rest == kin) return std::string(side);
    }
  }
  return "";
}

std::string GrandparentSide(const std::string& term) {
  return SideOf(term, {" grandmother"sv, " grandfather"sv, " grandparent"sv});
}

std::string UncleOrAuntSide(const std::string& term) { return SideOf(term, {" uncle"sv, " aunt"sv, " auntie"sv}); }

// The one parent of `child` of gender `gender` in `children` (parent -> (child, stating
// relation)), with the relation that states it; {-1, -1} unless there is exactly one.
std::pair<int, int> OneParentOfGender(const DocumentGraph& graph,
                                      const std::map<int, std::vector<std::pair<int, int>>>& children, int child,
                                      const std::string& gender) {
  std::pair<int, int> found{-1, -1};
  int count = 0;
  for (const auto& [p, kids] : children) {
    if (graph.entities[static_cast<std::size_t>(p)].gender != gender) continue;
    for (const auto& [kid, stated] : kids) {
      if (kid == child && found.first != p) {
        found = {p, stated};
        ++count;
      }
    }
  }
  return count == 1 ? found : std::pair<int, int>{-1, -1};
}

}  // namespace

int InferKinship(DocumentGraph* graph) {
  // parent entity -> (child entity, index of the stating relation)
  std::map<int, std::vector<std::pair<int, int>>> children;
  std::set<std::pair<int, int>> siblings;
  const auto named = [&](int e) { return !graph->entities[static_cast<std::size_t>(e)].name.empty(); };
  for (std::size_t i = 0; i < graph->relations.size(); ++i) {
    const Relation& r = graph->relations[i];
    if (!named(r.subject) || !named(r.object)) continue;  // unnamed relatives count as the text gives them
    if (r.type == "parent"sv) children[r.subject].push_back({r.object, static_cast<int>(i)});
    if (r.type == "child"sv) children[r.object].push_back({r.subject, static_cast<int>(i)});
    if (r.type == "sibling"sv) siblings.insert({std::min(r.subject, r.object), std::max(r.subject, r.object)});
  }
  std::map<int, std::vector<std::pair<int, int>>> spouses;  // entity -> (spouse, stating relation)
  for (std::size_t i = 0; i < graph->relations.size(); ++i) {
    const Relation& r = graph->relations[i];
    if (!named(r.subject) || !named(r.object)) continue;
    if (r.type != "spouse"sv || r.term.find("ex-") != std::string::npos || r.term.find("former") != std::string::npos) continue;
    spouses[r.subject].push_back({r.object, static_cast<int>(i)});
    spouses[r.object].push_back({r.subject, static_cast<int>(i)});
  }
  int added = 0;
  // A parent-in-law is the parent of one's one (not former) spouse ("my father-in-law, X", said
  // by Y's wife: X is Y's father); a step-child is the child of one's one spouse ("X, her
  // stepson": X is her husband's son).
  for (std::size_t i = 0; i < graph->relations.size(); ++i) {
    const Relation r = graph->relations[i];
    if (r.type != "relative"sv || r.inferred || !named(r.subject) || !named(r.object)) continue;
    const bool in_law = ParentInLawTerm(r.term);
    if (!in_law && !StepChildTerm(r.term)) continue;
    const auto sp = spouses.find(r.object);
    if (sp == spouses.end() || sp->second.size() != 1) continue;
    const auto [spouse, via_spouse] = sp->second[0];
    const int parent = in_law ? r.subject : spouse;
    const int child = in_law ? spouse : r.subject;
    std::vector<std::pair<int, int>>& kids = children[parent];
    if (parent == child || std::any_of(kids.begin(), kids.end(), [&](const auto& k) { return k.first == child; })) {
      continue;
    }
    kids.push_back({child, AddInferredParent(graph, parent, child, {static_cast<int>(i), via_spouse}, r.evidence,
                                             in_law ? "infer.parent-in-law-is-spouses-parent"
                                                    : "infer.step-child-is-spouses-child")});
    ++added;
  }
  // A maternal grandparent is the parent of one's one mother, a paternal one of one's one father
  // ("her maternal grandmother, X", with the mother named: X is the mother's mother).
  for (std::size_t i = 0; i < graph->relations.size(); ++i) {
    const Relation r = graph->relations[i];
    if (r.type != "relative"sv || r.inferred || !named(r.subject) || !named(r.object)) continue;
    const std::string side = GrandparentSide(r.term);
    if (side.empty()) continue;
    const auto [parent, via] = OneParentOfGender(*graph, children, r.object, side == "maternal"sv ? "female" : "male");
    if (parent < 0 || parent == r.subject) continue;
    std::vector<std::pair<int, int>>& kids = children[r.subject];
    if (std::any_of(kids.begin(), kids.end(), [&, p = parent](const auto& k) { return k.first == p; })) continue;
    kids.push_back({parent, AddInferredParent(graph, r.subject, parent, {static_cast<int>(i), via}, r.evidence,
                                              "infer.grandparent-is-parents-parent")});
    ++added;
  }
  // A maternal uncle or aunt is a sibling of one's one mother, a paternal one of one's one father
  // ("his maternal uncle, X", with the mother named: X is her brother).
  for (std::size_t i = 0; i < graph->relations.size(); ++i) {
    const Relation r = graph->relations[i];
    if (r.type != "relative"sv || r.inferred || !named(r.subject) || !named(r.object)) continue;
    const std::string side = UncleOrAuntSide(r.term);
    if (side.empty()) continue;
    const auto [parent, via] = OneParentOfGender(*graph, children, r.object, side == "maternal"sv ? "female" : "male");
    if (parent < 0 || parent == r.subject || !siblings.insert({std::min(parent, r.subject), std::max(parent, r.subject)}).second) {
      continue;
    }
    Relation sibling;
    sibling.subject = r.subject;
    sibling.type = "sibling";
    sibling.object = parent;
    const std::string& g = graph->entities[static_cast<std::size_t>(r.subject)].gender;
    sibling.term = g == "female"sv ? "sister" : g == "male"sv ? "brother" : "sibling";
    sibling.inferred = true;
    sibling.sources = {static_cast<int>(i), via};
    sibling.evidence = r.evidence;
    sibling.evidence.rule = "infer.uncle-or-aunt-is-parents-sibling";
    graph->relations.push_back(std::move(sibling));
    ++added;
  }
  // A sibling of a parent's child is that parent's child too (stated siblings only, so one pass);
  // not a half-sibling, who shares only one parent, and the text may not say which.
  std::vector<std::pair<int, int>> stated_siblings;
  for (std::size_t i = 0; i < graph->relations.size(); ++i) {
    const Relation& r = graph->relations[i];
    if (r.type == "sibling"sv && !r.inferred && named(r.subject) && named(r.object) &&
        r.term.find("half") == std::string::npos) {
      stated_siblings.push_back({static_cast<int>(i), 0});
    }
  }
  for (auto& [parent, kids] : children) {
    std::vector<std::pair<int, int>> more;
    for (const auto& [kid, via] : kids) {
      for (const auto& [si, unused] : stated_siblings) {
        const Relation& sr = graph->relations[static_cast<std::size_t>(si)];
        const int other = sr.subject == kid ? sr.object : sr.object == kid ? sr.subject : -1;
        if (other < 0 || other == parent) continue;
        bool known = false;
        for (const auto& k : kids) known = known || k.first == other;
        for (const auto& k : more) known = known || k.first == other;
        if (known) continue;
        more.push_back({other, AddInferredParent(graph, parent, other, {via, si}, sr.evidence, "infer.parent-of-sibling")});
        ++added;
      }
    }
    kids.insert(kids.end(), more.begin(), more.end());
  }
  // A parent's one spouse is the child's other parent, while the child has one parent only or
  // two of whom none is of the spouse's gender ("Their father, X ... The widow, Y": Y is the
  // mother). A former spouse is no parent by marriage.
  std::map<int, std::vector<int>> parents_of;
  for (const auto& [parent, kids] : children) {
    for (const auto& k : kids) parents_of[k.first].push_back(parent);
  }
  const auto gender_of = [&](int e) -> const std::string& { return graph->entities[static_cast<std::size_t>(e)].gender; };
  for (auto& [parent, kids] : children) {
    const auto sp = spouses.find(parent);
    if (sp == spouses.end() || sp->second.size() != 1) continue;
    const auto [spouse, via_spouse] = sp->second[0];
    std::vector<std::pair<int, int>> more;
    for (const auto& [kid, via] : kids) {
      std::vector<int>& known = parents_of[kid];
      if (kid == spouse || std::find(known.begin(), known.end(), spouse) != known.end() || known.size() >= 2) continue;
      // "X, her stepson": a child tied to the spouse in another way is not the spouse's child.
      const int child = kid;
      const int other = spouse;
      const bool tied = std::any_of(graph->relations.begin(), graph->relations.end(), [&](const Relation& r) {
        return (r.subject == child && r.object == other) || (r.subject == other && r.object == child);
      });
      if (tied) continue;
      bool same_gender = false;
      for (int p : known) same_gender = same_gender || (!gender_of(spouse).empty() && gender_of(p) == gender_of(spouse));
      if (same_gender) continue;
      const Evidence ev = graph->relations[static_cast<std::size_t>(via)].evidence;
      more.push_back({kid, AddInferredParent(graph, spouse, kid, {via, via_spouse}, ev, "infer.parent-is-parents-spouse")});
      known.push_back(spouse);
      ++added;
    }
    for (const auto& m : more) children[spouse].push_back(m);
  }
  for (const auto& [parent, kids] : children) {
    for (std::size_t a = 0; a < kids.size(); ++a) {
      for (std::size_t b = a + 1; b < kids.size(); ++b) {
        const int x = kids[a].first;
        const int y = kids[b].first;
        if (x == y || !siblings.insert({std::min(x, y), std::max(x, y)}).second) continue;
        Relation r;
        r.subject = x;
        r.type = "sibling";
        r.object = y;
        r.term = "sibling";
        r.inferred = true;
        r.sources = {kids[a].second, kids[b].second};
        r.evidence = graph->relations[static_cast<std::size_t>(kids[b].second)].evidence;
        r.evidence.rule = "infer.shared-parent";
        graph->relations.push_back(std::move(r));
        ++added;
      }
    }
  }
  return added;
}

}  // namespace kith
