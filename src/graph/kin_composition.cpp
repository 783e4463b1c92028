#include "graph/kin_composition.h"

#include <algorithm>
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kith {

using namespace std::string_view_literals;

namespace {

// A named parent of a person, and the relation that says so.
struct ParentTie {
  int parent = -1;
  int via = -1;
};

}  // namespace

int ComposeGrandparents(DocumentGraph* graph) {
  const auto named = [&](int e) { return !graph->entities[static_cast<std::size_t>(e)].name.empty(); };
  std::vector<std::vector<ParentTie>> parents(graph->entities.size());
  std::set<std::pair<int, int>> tied;
  for (std::size_t i = 0; i < graph->relations.size(); ++i) {
    const Relation& r = graph->relations[i];
    if (r.subject < 0 || r.object < 0 || r.subject == r.object) continue;
    tied.insert({std::min(r.subject, r.object), std::max(r.subject, r.object)});
    if (!named(r.subject) || !named(r.object)) continue;
    if (r.type == "parent"sv) parents[static_cast<std::size_t>(r.object)].push_back({r.subject, static_cast<int>(i)});
    if (r.type == "child"sv) parents[static_cast<std::size_t>(r.subject)].push_back({r.object, static_cast<int>(i)});
  }
  int added = 0;
  for (std::size_t child = 0; child < parents.size(); ++child) {
    const int grandchild = static_cast<int>(child);
    for (const ParentTie& p : parents[child]) {
      for (const ParentTie& g : parents[static_cast<std::size_t>(p.parent)]) {
        if (g.parent == grandchild || !tied.insert({std::min(g.parent, grandchild), std::max(g.parent, grandchild)}).second) {
          continue;
        }
        const std::string& gender = graph->entities[static_cast<std::size_t>(g.parent)].gender;
        Relation r;
        r.subject = g.parent;
        r.type = "relative";
        r.object = grandchild;
        r.term = gender == "female"sv ? "grandmother" : gender == "male"sv ? "grandfather" : "grandparent";
        r.inferred = true;
        r.sources = {p.via, g.via};
        r.evidence = graph->relations[static_cast<std::size_t>(std::max(p.via, g.via))].evidence;
        r.evidence.rule = "infer.grandparent";
        graph->relations.push_back(std::move(r));
        ++added;
      }
    }
  }
  return added;
}

}  // namespace kith
