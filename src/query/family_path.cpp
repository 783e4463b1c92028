#include "query/family_path.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

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
  // The ties of a's family only: grown from a through the indexes on the
  // tie's two ends until b is met or the family has no more members, so a
  // query costs the size of one family, not of the whole store.
  std::map<std::tuple<std::int64_t, std::string, std::int64_t>, bool> ties;  // (a, type, b) -> inferred
  {
    Statement by_subject, by_object;
    const std::string kinds = "type IN ('parent', 'child', 'sibling', 'spouse', 'relative')";
    KITH_RETURN_IF_ERROR(db->Prepare(
        "SELECT subject_entity, type, object_entity, inferred FROM relations WHERE subject_entity = ?1 AND " + kinds,
        &by_subject));
    KITH_RETURN_IF_ERROR(db->Prepare(
        "SELECT subject_entity, type, object_entity, inferred FROM relations WHERE object_entity = ?1 AND " + kinds,
        &by_object));
    std::set<std::int64_t> known{a};
    std::vector<std::int64_t> frontier{a};
    while (!frontier.empty() && known.count(b) == 0) {
      std::vector<std::int64_t> next;
      for (std::int64_t person : frontier) {
        for (Statement* stmt : {&by_subject, &by_object}) {
          stmt->Reset();
          KITH_RETURN_IF_ERROR(stmt->BindInt64(1, person));
          bool row = false;
          while (true) {
            KITH_RETURN_IF_ERROR(stmt->Step(&row));
            if (!row) break;
            std::int64_t s = stmt->ColumnInt64(0);
            std::string type = stmt->ColumnText(1);
            std::int64_t o = stmt->ColumnInt64(2);
            const bool inferred = stmt->ColumnInt64(3) != 0;
            // One edge per tie whichever way it was stated: child ties read as parent
            // ties, symmetric ties with the smaller id first; a tie is inferred only
            // when every statement of it was.
            if (type == "child") {
              std::swap(s, o);
              type = "parent";
            } else if (type != "parent" && s > o) {
              std::swap(s, o);
            }
            auto [it, fresh] = ties.emplace(std::make_tuple(s, type, o), inferred);
            if (!fresh) it->second = it->second && inferred;
            for (std::int64_t end : {s, o}) {
              if (known.insert(end).second) next.push_back(end);
            }
          }
        }
      }
      frontier = std::move(next);
    }
  }
  // Edges in (a, b) order, as a whole-store scan would list them, so the
  // breadth-first search meets them in the same order.
  std::vector<std::tuple<std::int64_t, std::int64_t, std::string, bool>> rows;
  for (const auto& [key, inferred] : ties) rows.emplace_back(std::get<0>(key), std::get<2>(key), std::get<1>(key), inferred);
  std::sort(rows.begin(), rows.end());
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
  for (const auto& [first, second, type, inferred] : rows) {
    const std::size_t s = vertex(first);
    const std::size_t o = vertex(second);
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
