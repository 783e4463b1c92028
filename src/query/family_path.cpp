#include "query/family_path.h"

#include <algorithm>
#include <map>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/visitors.hpp>

#include "store/database.h"

namespace kith {
namespace {

struct TieProperty {
  std::string link;  // relation of the target vertex to the source vertex
  bool inferred = false;
};

using FamilyGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property, TieProperty>;

std::string Inverse(const std::string& type) {
  if (type == "parent") return "child";
  if (type == "child") return "parent";
  return type;
}

}  // namespace

Status FindFamilyPath(Database* db, std::int64_t a, std::int64_t b, bool* found, std::vector<PathStep>* steps) {
  *found = false;
  steps->clear();
  if (a == b) {
    *found = true;
    return Status::Ok();
  }
  Statement stmt;
  // One edge per tie whichever way it was stated: child ties read as parent ties, symmetric ties
  // with the smaller id first; a tie is inferred only when every statement of it was.
  KITH_RETURN_IF_ERROR(db->Prepare(
      "SELECT a, t, b, min(inferred) FROM ("
      "  SELECT CASE WHEN type = 'child' THEN object_entity "
      "              WHEN type IN ('sibling', 'spouse', 'relative') THEN min(subject_entity, object_entity) "
      "              ELSE subject_entity END AS a, "
      "         CASE WHEN type = 'child' THEN 'parent' ELSE type END AS t, "
      "         CASE WHEN type = 'child' THEN subject_entity "
      "              WHEN type IN ('sibling', 'spouse', 'relative') THEN max(subject_entity, object_entity) "
      "              ELSE object_entity END AS b, inferred "
      "  FROM relations WHERE type IN ('parent', 'child', 'sibling', 'spouse', 'relative')) "
      "GROUP BY a, t, b ORDER BY a, b",
      &stmt));
  std::map<std::int64_t, std::size_t> vertex_of;
  std::vector<std::int64_t> entity_of;
  const auto vertex = [&](std::int64_t id) {
    auto [it, fresh] = vertex_of.emplace(id, entity_of.size());
    if (fresh) entity_of.push_back(id);
    return it->second;
  };
  vertex(a);
  vertex(b);
  struct Edge {
    std::size_t s, t;
    TieProperty p;
  };
  std::vector<Edge> edges;
  bool row = false;
  while (true) {
    KITH_RETURN_IF_ERROR(stmt.Step(&row));
    if (!row) break;
    const std::size_t s = vertex(stmt.ColumnInt64(0));
    const std::string type = stmt.ColumnText(1);
    const std::size_t o = vertex(stmt.ColumnInt64(2));
    const bool inferred = stmt.ColumnInt64(3) != 0;
    // (s, type, o): s is `type` of o. Walking o -> s meets s as `type`; s -> o meets o as the inverse.
    edges.push_back(Edge{o, s, TieProperty{type, inferred}});
    edges.push_back(Edge{s, o, TieProperty{Inverse(type), inferred}});
  }
  FamilyGraph g(entity_of.size());
  for (const Edge& e : edges) boost::add_edge(e.s, e.t, e.p, g);
  using EdgeDesc = boost::graph_traits<FamilyGraph>::edge_descriptor;
  std::vector<EdgeDesc> pred_edge(boost::num_vertices(g));
  std::vector<bool> reached(boost::num_vertices(g), false);
  const std::size_t start = vertex_of[a];
  const std::size_t goal = vertex_of[b];
  reached[start] = true;
  struct Recorder : boost::default_bfs_visitor {
    std::vector<EdgeDesc>* pred;
    std::vector<bool>* reached;
    void tree_edge(EdgeDesc e, const FamilyGraph& graph) const {
      const std::size_t t = boost::target(e, graph);
      (*pred)[t] = e;
      (*reached)[t] = true;
    }
  };
  Recorder rec;
  rec.pred = &pred_edge;
  rec.reached = &reached;
  boost::breadth_first_search(g, start, boost::visitor(rec));
  if (!reached[goal]) return Status::Ok();
  for (std::size_t v = goal; v != start;) {
    const EdgeDesc e = pred_edge[v];
    const std::size_t u = boost::source(e, g);
    steps->push_back(PathStep{entity_of[u], entity_of[v], g[e].link, g[e].inferred});
    v = u;
  }
  std::reverse(steps->begin(), steps->end());
  *found = true;
  return Status::Ok();
}

}  // namespace kith
