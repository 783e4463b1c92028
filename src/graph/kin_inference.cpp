#include "graph/kin_inference.h"

#include <map>
#include <set>
#include <utility>

namespace kith {

int InferKinship(DocumentGraph* graph) {
  // parent entity -> (child entity, index of the stating relation)
  std::map<int, std::vector<std::pair<int, int>>> children;
  std::set<std::pair<int, int>> siblings;
  for (std::size_t i = 0; i < graph->relations.size(); ++i) {
    const Relation& r = graph->relations[i];
    if (r.type == "parent") children[r.subject].push_back({r.object, static_cast<int>(i)});
    if (r.type == "child") children[r.object].push_back({r.subject, static_cast<int>(i)});
    if (r.type == "sibling") siblings.insert({std::min(r.subject, r.object), std::max(r.subject, r.object)});
  }
  int added = 0;
  // A sibling of a parent's child is that parent's child too (stated siblings only, so one pass).
  std::vector<std::pair<int, int>> stated_siblings;
  for (std::size_t i = 0; i < graph->relations.size(); ++i) {
    if (graph->relations[i].type == "sibling" && !graph->relations[i].inferred) stated_siblings.push_back({static_cast<int>(i), 0});
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
        Relation r;
        r.subject = parent;
        r.type = "parent";
        r.object = other;
        const std::string& g = graph->entities[static_cast<std::size_t>(parent)].gender;
        r.term = g == "female" ? "mother" : g == "male" ? "father" : "parent";
        r.inferred = true;
        r.sources = {via, si};
        r.evidence = sr.evidence;
        r.evidence.rule = "infer.parent-of-sibling";
        graph->relations.push_back(std::move(r));
        more.push_back({other, static_cast<int>(graph->relations.size() - 1)});
        ++added;
      }
    }
    kids.insert(kids.end(), more.begin(), more.end());
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
